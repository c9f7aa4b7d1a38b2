"""A browser remembers the accounts that logged in with it, in a signed cookie.

Failures elsewhere then do not slow its owner down: an attempt from a known browser is
counted under its own key, so nobody can keep a person out by guessing their password.
"""

import hashlib

from flask import Request, Response, current_app
from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "planner_known"
MAX_ACCOUNTS = 5
YEAR = 365 * 24 * 3600


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="known-browser")


def _mark(email: str) -> str:
    # Not the address itself: the cookie should not tell who used the browser.
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def _known(request: Request) -> list[str]:
    try:
        marks = _serializer().loads(request.cookies.get(COOKIE, ""))
    except BadSignature:
        return []
    return [m for m in marks if isinstance(m, str)] if isinstance(marks, list) else []


def knows(request: Request, email: str) -> bool:
    return _mark(email) in _known(request)


def remember(request: Request, response: Response, email: str) -> None:
    marks = [_mark(email)] + [m for m in _known(request) if m != _mark(email)]
    response.set_cookie(
        COOKIE,
        _serializer().dumps(marks[:MAX_ACCOUNTS]),
        max_age=YEAR,
        httponly=True,
        samesite="Lax",
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )
