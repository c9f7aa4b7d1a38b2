from flask import Blueprint

bp = Blueprint("school", __name__, url_prefix="/school")

from planner.school import routes  # noqa: E402,F401
