"""Every error answer comes from here: a page in the site's layout, or JSON for the API
(``{"error": ..., "fields": {...}}``, the shape the API's own refusals have)."""

import sqlalchemy as sa
from flask import jsonify, make_response, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from planner.errors import bp
from planner.extensions import db
from planner.security import BadInput

MESSAGES = {
    400: lambda: _("The request could not be understood."),
    403: lambda: _("You do not have access to this page."),
    404: lambda: _("This page does not exist."),
    405: lambda: _("This action is not possible here."),
    409: lambda: _("Someone changed this at the same moment. Reload the page and try again."),
    413: lambda: _("What you sent is larger than 1 MB."),
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_page(status: int, message: str, fields: dict | None = None):
    if wants_json():
        body = {"error": message}
        if fields:
            body["fields"] = fields
        return jsonify(body), status
    return render_template("errors/error.html", status=status, message=message), status


@bp.app_errorhandler(BadInput)
def bad_input(error):
    message = str(error.message)
    return error_page(400, message, {error.field: message})


@bp.app_errorhandler(CSRFError)
def csrf_failed(error):
    return error_page(400, _("The form has expired. Reload the page and try again."))


@bp.app_errorhandler(HTTPException)
def http_error(error):
    message = MESSAGES[error.code]() if error.code in MESSAGES else error.name
    response = make_response(error_page(error.code, message))
    # Allow (405), WWW-Authenticate (401) and the like, without the exception's own body type.
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


# PostgreSQL: serialization failure, deadlock, lock not available.
CONFLICT_STATES = {"40001", "40P01", "55P03"}


def is_conflict(error: sa.exc.DBAPIError) -> bool:
    """A write that met a simultaneous one: it may succeed when tried again."""
    if isinstance(error, sa.exc.IntegrityError):
        return True  # a unique key taken by a simultaneous insert
    if getattr(error.orig, "sqlstate", None) in CONFLICT_STATES:
        return True
    text = str(error.orig).lower()
    return "database is locked" in text or "database is busy" in text


@bp.app_errorhandler(sa.exc.DBAPIError)
def database_conflict(error):
    if not is_conflict(error):
        raise error
    db.session.rollback()
    return error_page(409, MESSAGES[409]())


@bp.app_errorhandler(500)
def internal_error(error):
    db.session.rollback()
    return error_page(500, _("Something went wrong on our side. Nothing was saved."))
