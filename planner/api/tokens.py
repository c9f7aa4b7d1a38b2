"""Personal API tokens: who a request is for, refused in one place when nobody is."""

from functools import wraps

from flask import g, request

from planner.api.catalogue import api_error


def bearer_token_required(*roles: str, refusal: str = ""):
    """A view for the holder of a valid personal token (``g.api_user``), of one of ``roles``
    when any are named: no token answers 401, another role 403 with ``refusal``."""

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            from planner.auth.accounts import user_for_api_token

            scheme, _, token = request.headers.get("Authorization", "").partition(" ")
            user = user_for_api_token(token.strip()) if scheme.lower() == "bearer" and token else None
            if user is None:
                response = api_error(401, "a valid personal API token is required")
                response.headers["WWW-Authenticate"] = "Bearer"
                return response
            if roles and user.role not in roles:
                return api_error(403, refusal)
            g.api_user = user
            return view(*args, **kwargs)

        # For the API's description: who may, and what the others are told.
        wrapped.token_roles = roles
        wrapped.token_refusal = refusal
        return wrapped

    return decorate
