from flask import Blueprint

bp = Blueprint("school", __name__, url_prefix="/school")

from planner.school import (  # noqa: E402,F401
    coaching,
    manage,
    observation,
    plan_routes,
    routes,
    session_routes,
    support,
    team_routes,
)
