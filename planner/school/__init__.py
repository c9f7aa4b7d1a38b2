from flask import Blueprint

bp = Blueprint("school", __name__, url_prefix="/school")

from planner.school import coaching, manage, observation, plan_routes, routes, support, team_routes  # noqa: E402,F401
