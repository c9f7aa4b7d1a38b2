from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from planner.api import catalogue, institute, me, paths, preview, school  # noqa: E402,F401
