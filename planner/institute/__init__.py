from flask import Blueprint

bp = Blueprint("institute", __name__, url_prefix="/institute")

from planner.institute import routes  # noqa: E402,F401
