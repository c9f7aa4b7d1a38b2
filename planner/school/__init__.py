from flask import Blueprint

bp = Blueprint("school", __name__, url_prefix="/school")

from planner.school import observation, routes  # noqa: E402,F401
