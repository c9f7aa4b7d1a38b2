"""The team view: the expertise matrix, its exports and the printable page."""

from flask import Response, abort, render_template, request, url_for
from flask_login import current_user

from planner import access
from planner.domain.catalogue import PHASES
from planner.domain.team import EXPERT_LEVEL, coverage, sort_rows
from planner.extensions import db
from planner.models import Role, School
from planner.school import bp, export
from planner.school import team as team_data


def leader_school() -> School:
    return db.session.get(School, current_user.school_id)


def chosen_matrix(school: School):
    """The matrix for the filters in the query string (a team leader: their team only)."""
    team_id = current_user.team_id
    if team_id is None:
        asked = request.args.get("team", type=int)
        if asked is not None and team_data.team_or_none(school, asked) is None:
            abort(404)
        team_id = asked
    phase = request.args.get("phase") or None
    if phase is not None and phase not in PHASES:
        phase = None
    found = team_data.matrix(school, team_id, phase)
    sort = request.args.get("sort", "name")
    if sort not in {"name", *(a.code for a in found.areas)}:
        sort = "name"
    return found, team_id, phase, sort


@bp.get("/team")
@access.role_required(Role.LEADER)
def team():
    school = leader_school()
    found, team_id, phase, sort = chosen_matrix(school)
    codes = [a.code for a in found.areas]
    minimums = team_data.minimums(school, found.areas)
    args = {
        key: value
        for key, value in {"team": team_id if current_user.team_id is None else None, "phase": phase}.items()
        if value
    }
    args["sort"] = sort
    return render_template(
        "school/team.html",
        args=args,
        sort_link=lambda code: url_for("school.team", **{**args, "sort": code}),
        school=school,
        matrix=found,
        rows=sort_rows(found.teachers, sort),
        coverage={(r.team_id, r.area): r for r in coverage(found.teachers, found.teams, codes, minimums)},
        teams=[t for t in school.teams if current_user.team_id in (None, t.id)],
        team_id=team_id,
        phase=phase,
        sort=sort,
        as_table=request.args.get("view") == "table",
        expert_level=EXPERT_LEVEL,
        print_view=False,
    )


@bp.get("/team/print")
@access.role_required(Role.LEADER)
def team_print():
    school = leader_school()
    found, team_id, phase, sort = chosen_matrix(school)
    codes = [a.code for a in found.areas]
    minimums = team_data.minimums(school, found.areas)
    return render_template(
        "school/team_print.html",
        school=school,
        matrix=found,
        rows=sort_rows(found.teachers, sort),
        coverage={(r.team_id, r.area): r for r in coverage(found.teachers, found.teams, codes, minimums)},
        phase=phase,
        expert_level=EXPERT_LEVEL,
        print_view=True,
    )


@bp.get("/team.csv")
@access.role_required(Role.LEADER)
def team_csv():
    found, *_ = chosen_matrix(leader_school())
    return Response(
        export.matrix_csv(found),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=expertise.csv"},
    )


@bp.get("/team.xlsx")
@access.role_required(Role.LEADER)
def team_xlsx():
    found, *_ = chosen_matrix(leader_school())
    return Response(
        export.matrix_xlsx(found),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": "attachment; filename=expertise.xlsx"},
    )
