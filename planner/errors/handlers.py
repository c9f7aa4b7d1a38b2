from flask import jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from planner.errors import bp
from planner.extensions import db


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_page(status: int, message: str):
    if wants_json():
        return jsonify(error=message), status
    return render_template("errors/error.html", status=status, message=message), status


@bp.app_errorhandler(403)
def forbidden(error):
    return error_page(403, _("You do not have access to this page."))


@bp.app_errorhandler(404)
def not_found(error):
    return error_page(404, _("This page does not exist."))


@bp.app_errorhandler(405)
def method_not_allowed(error):
    return error_page(405, _("This action is not possible here."))


@bp.app_errorhandler(CSRFError)
def csrf_failed(error):
    return error_page(400, _("The form has expired. Reload the page and try again."))


@bp.app_errorhandler(500)
def internal_error(error):
    db.session.rollback()
    return error_page(500, _("Something went wrong on our side. Nothing was saved."))
