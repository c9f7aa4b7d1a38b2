from flask import Blueprint

bp = Blueprint("auth", __name__)

from planner.auth import rights, routes  # noqa: E402,F401
