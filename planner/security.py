"""What every request and response passes through: bounds on ids and bodies, refusal of
input the databases cannot store, security headers and the reverse-proxy setting."""

from __future__ import annotations

from flask import Flask, current_app, g, request
from flask.json.provider import DefaultJSONProvider
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.exceptions import BadRequest
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

MAX_BODY_BYTES = 1024 * 1024
# Ids are INTEGER columns: PostgreSQL's range, which SQLite's also covers.
MAX_ID = 2**31 - 1
# Deeper than any document the API accepts; deep nesting only costs the server.
MAX_JSON_DEPTH = 32

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HSTS = "max-age=31536000; includeSubDomains"
# Personal pages even for someone not logged in: invitations and join links carry tokens.
PERSONAL_BLUEPRINTS = {"auth"}


class BadInput(BadRequest):
    """A request the application refuses before any view sees it; the message names the field."""

    def __init__(self, field: str, message):
        super().__init__(str(message))
        self.field = field
        self.message = message


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: a number beyond the id columns' range matches no
    route (404) instead of overflowing the database driver."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class JSONProvider(DefaultJSONProvider):
    def loads(self, s, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            # A ValueError is what Flask answers with 400 for a body that is not JSON.
            raise ValueError("nested too deeply") from None


NOT_STORABLE = _l("Contains a character that cannot be stored (a NUL byte or a lone surrogate).")
# For JSON documents, whose other messages are English too (the API, the catalogue import).
NOT_STORABLE_JSON = "contains a character that cannot be stored (a NUL byte or a lone surrogate)"


def _storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def json_problem(document) -> tuple[str, str] | None:
    """(field, message) for the first part of a JSON document the application refuses."""
    stack = [(document, "body", 1)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return "body", f"nested deeper than {MAX_JSON_DEPTH} levels"
        if isinstance(value, str):
            if not _storable(value):
                return where, NOT_STORABLE_JSON
        elif isinstance(value, dict):
            for key, item in value.items():
                name = key if where == "body" else f"{where}.{key}"
                if not _storable(key):
                    return "body", NOT_STORABLE_JSON
                stack.append((item, name, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, where, depth + 1) for item in value)
    return None


def check_request() -> None:
    """Refuse NUL bytes in the URL, query and form, and JSON the application cannot store.
    PostgreSQL refuses NUL in text, and every later query would fail on it."""
    if "\x00" in request.path:
        raise BadInput("url", NOT_STORABLE)
    for source, values in (("query", request.args), ("form", request.form)):
        for key, value in values.items(multi=True):
            if "\x00" in key or "\x00" in value:
                raise BadInput(key.replace("\x00", "") or source, NOT_STORABLE)
    if request.is_json and request.get_data(cache=True):
        try:
            document = request.get_json()
        except BadRequest:
            raise BadInput("body", _l("The body is not valid JSON.")) from None
        problem = json_problem(document)
        if problem is not None:
            raise BadInput(*problem)


def _personal() -> bool:
    if request.blueprint in PERSONAL_BLUEPRINTS or "Authorization" in request.headers:
        return True
    return bool(g.get("api_user")) or current_user.is_authenticated


def add_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if current_app.config["HTTPS"]:
        headers.setdefault("Strict-Transport-Security", HSTS)
    if request.endpoint != "static" and "Cache-Control" not in headers and _personal():
        headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """Before any blueprint is registered: the id converter applies to rules as they are added."""
    app.url_map.converters["int"] = IdConverter
    app.json = JSONProvider(app)
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    if app.config["HTTPS"]:
        app.config.update(
            SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True, PREFERRED_URL_SCHEME="https"
        )
    proxies = int(app.config["TRUSTED_PROXIES"] or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies)
    app.before_request(check_request)
    app.after_request(add_headers)


def spreadsheet_safe(value):
    """A cell a spreadsheet shows as text, never runs as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
