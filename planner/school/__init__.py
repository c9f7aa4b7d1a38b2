from flask import Blueprint

bp = Blueprint("school", __name__, url_prefix="/school")

from planner.school import observation, plan_routes, routes, team_routes  # noqa: E402,F401
