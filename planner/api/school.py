"""The team view for other tools: a school leader's token reads the leader's school (a
team leader's: their team) and can ask for a team plan, which stores nothing."""

from functools import wraps

from flask import g, jsonify, request

from planner.api import bp
from planner.api.catalogue import api_error
from planner.api.described import described
from planner.api.schemas.school import Coverage, Matrix, PeerPairs, TeamPlan, TeamPlanIn
from planner.api.tokens import bearer_token_required
from planner.extensions import db
from planner.models import Role, School
from planner.school import peers, team_planning
from planner.school import team as team_data
from planner.school.forms import MAX_MINIMUM

SOURCES = {
    "self": "self_level",
    "mentor": "mentor",
    "observed": "observed",
    "planning": "planning",
    "target": "target",
}


LEADERS_ONLY = "only school leaders see the team view"


def leader_token_required(view):
    """A leader's token, for the leader's school (``g.school``)."""

    @bearer_token_required(Role.LEADER, refusal=LEADERS_ONLY)
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.api_user.school_id is None:
            return api_error(403, LEADERS_ONLY)
        g.school = db.session.get(School, g.api_user.school_id)
        return view(*args, **kwargs)

    return wrapped


@bp.get("/school/matrix")
@described(Matrix)
@leader_token_required
def school_matrix():
    """The levels of every teacher of the school (a team leader's: the team) per area"""
    found = team_data.matrix(g.school, g.api_user.team_id)
    return jsonify(
        {
            "areas": [a.code for a in found.areas],
            "teachers": [
                {
                    "id": row.id,
                    "name": row.name,
                    "team": row.team,
                    "phase": row.phase,
                    "levels": {
                        code: {key: getattr(cell, name) for key, name in SOURCES.items()}
                        for code, cell in row.cells.items()
                    },
                }
                for row in found.teachers
            ],
        }
    )


@bp.get("/school/coverage")
@described(Coverage)
@leader_token_required
def school_coverage():
    """Experts per team and area against the school's minimums"""
    _found, rows = team_data.school_coverage(g.school, g.api_user.team_id)
    return jsonify(
        {
            "rows": [
                {"team": r.team, "area": r.area, "experts": r.experts, "minimum": r.minimum, "short": r.short}
                for r in rows
            ]
        }
    )


def team_plan_errors(body, areas: set[str], teachers: set[int]) -> dict[str, str]:
    if not isinstance(body, dict):
        return {"body": "expected a JSON object"}
    errors = {}
    for name in body.keys() - {"minimums", "exclude"}:
        errors[name] = "unknown field"
    minimums = body.get("minimums", {})
    if not isinstance(minimums, dict):
        errors["minimums"] = "expected an object of area codes with a number of experts"
    else:
        for code, n in minimums.items():
            if code not in areas:
                errors[f"minimums.{code}"] = "unknown area"
            elif type(n) is not int or not 0 <= n <= MAX_MINIMUM:
                errors[f"minimums.{code}"] = f"a whole number from 0 to {MAX_MINIMUM}"
    exclude = body.get("exclude", [])
    if not isinstance(exclude, list) or not all(type(t) is int for t in exclude):
        errors["exclude"] = "expected a list of teacher ids"
    else:
        for teacher in exclude:
            if teacher not in teachers:
                errors[f"exclude.{teacher}"] = "no teacher of this school or team"
    return errors


@bp.post("/school/team-plan")
@described(
    TeamPlan,
    body=TeamPlanIn,
    body_required=False,
    refusals={400: "The request has errors, with a message per field"},
)
@leader_token_required
def school_team_plan():
    """Propose who trains in what to meet the minimums, storing nothing"""
    body = request.get_json(silent=True)
    body = {} if body is None and not request.get_data() else body
    found = team_data.matrix(g.school, g.api_user.team_id)
    errors = team_plan_errors(body, {a.code for a in found.areas}, {r.id for r in found.teachers})
    if errors:
        return api_error(400, "the request has errors", errors)
    result = team_planning.build(
        g.school, g.api_user.team_id, body.get("minimums", {}), frozenset(body.get("exclude", []))
    )
    plan = result.plan
    return jsonify(
        {
            "assignments": [
                {
                    "teacher": a.teacher,
                    "area": a.area,
                    "to_level": a.to_level,
                    "modules": list(a.modules),
                    "hours": a.hours,
                    "school_year": a.school_year,
                }
                for a in plan.assignments
            ],
            "shortfall": [{"team": s.team, "area": s.area, "short": s.short} for s in plan.shortfall],
            "total_hours": plan.total_hours,
        }
    )


@bp.get("/school/peer-pairs")
@described(PeerPairs)
@leader_token_required
def school_peer_pairs():
    """Proposed pairs of a colleague who coaches and one who learns, per area"""
    pairs, _found = peers.proposed_pairs(g.school, g.api_user.team_id)
    return jsonify(
        {
            "pairs": [
                {
                    "coach": p.coach,
                    "colleague": p.colleague,
                    "area": p.area,
                    "coach_level": p.coach_level,
                    "colleague_level": p.colleague_level,
                }
                for p in pairs
            ]
        }
    )
