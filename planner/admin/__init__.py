from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from planner.admin import framework, leaders, organisations, routes, users  # noqa: E402,F401
