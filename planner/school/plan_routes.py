"""Coverage and minimums, the team plan with its what-if, and peer coaching pairs."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from planner import access
from planner.catalogue.service import current_framework
from planner.domain.team import EXPERT_LEVEL
from planner.extensions import db
from planner.models import Role
from planner.paths.views import catalogue_names
from planner.school import bp, export, peers, team_planning
from planner.school import team as team_data
from planner.school.forms import minimums_form, what_if_form
from planner.school.team_routes import leader_school


@bp.route("/coverage", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def coverage():
    school = leader_school()
    found, rows = team_data.school_coverage(school, current_user.team_id)
    minimums = team_data.minimums(school, found.areas)
    # The minimums are the school leader's to set; team leaders read them.
    may_edit = current_user.team_id is None
    data = {f"minimum_{a.code}": minimums.get(a.code, 0) for a in found.areas}
    form = minimums_form(found.areas, data=data if request.method == "GET" else None)
    if request.method == "POST" and not may_edit:
        abort(403)
    if form.validate_on_submit():
        team_data.save_minimums(school, {a.code: form[f"minimum_{a.code}"].data for a in found.areas})
        db.session.commit()
        flash(_("The minimums are saved."), "success")
        return redirect(url_for("school.coverage"))
    return render_template(
        "school/coverage.html",
        school=school,
        rows=rows,
        area_names={a.code: a.name for a in found.areas},
        form=form,
        fields=[(a, form[f"minimum_{a.code}"]) for a in found.areas],
        may_edit=may_edit,
        expert_level=EXPERT_LEVEL,
    )


def _what_if(school, found_teachers, areas, minimums):
    form = what_if_form(areas, found_teachers, minimums, formdata=request.args or None)
    changes, exclude = {}, frozenset()
    if request.args and form.validate():
        changes = {
            a.code: form[f"minimum_{a.code}"].data
            for a in areas
            if form[f"minimum_{a.code}"].data is not None
        }
        exclude = frozenset(form.exclude.data or ())
    return form, changes, exclude


def _planned():
    """The team plan for the what-if in the query string (none: the school's minimums)."""
    school = leader_school()
    team_id = current_user.team_id
    found = team_data.matrix(school, team_id)
    minimums = team_data.minimums(school, found.areas)
    form, changes, exclude = _what_if(school, found.teachers, found.areas, minimums)
    return school, found, form, team_planning.build(school, team_id, changes, exclude)


@bp.route("/team-plan", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def team_plan():
    school, found, form, result = _planned()
    if request.method == "POST":
        planned = team_planning.confirm(school, current_user, result.plan)
        db.session.commit()
        flash(
            ngettext(
                "The team plan is confirmed: %(num)d teacher has a new proposal in their path.",
                "The team plan is confirmed: %(num)d teachers have a new proposal in their path.",
                planned,
            ),
            "success",
        )
        return redirect(url_for("school.team_plan"))
    # The planning catalogue knows codes only; the titles come from the framework's modules.
    codes = [code for a in result.plan.assignments for code in a.modules]
    return render_template(
        "school/team_plan.html",
        school=school,
        result=result,
        form=form,
        fields=[(a, form[f"minimum_{a.code}"]) for a in found.areas],
        area_names={a.code: a.name for a in found.areas},
        module_names=catalogue_names(current_framework(), codes),
        what_if=bool(request.args),
    )


@bp.get("/team-plan.csv")
@access.role_required(Role.LEADER)
def team_plan_csv():
    _school, found, _form, result = _planned()
    return Response(
        export.plan_csv(result, {a.code: a.name for a in found.areas}),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=team-plan.csv"},
    )


@bp.get("/team-plan.xlsx")
@access.role_required(Role.LEADER)
def team_plan_xlsx():
    _school, found, _form, result = _planned()
    return Response(
        export.plan_xlsx(result, {a.code: a.name for a in found.areas}),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": "attachment; filename=team-plan.xlsx"},
    )


@bp.route("/peer-pairs", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def peer_pairs():
    school = leader_school()
    proposed, found = peers.proposed_pairs(school, current_user.team_id)
    if request.method == "POST":
        wanted = (
            request.form.get("coach", type=int),
            request.form.get("colleague", type=int),
            request.form.get("area", ""),
        )
        pair = next((p for p in proposed if (p.coach, p.colleague, p.area) == wanted), None)
        if pair is None:
            flash(_("This pair is no longer proposed: the levels have changed. Look again below."), "error")
            return redirect(url_for("school.peer_pairs"))
        peers.confirm_pair(school, current_user, pair)
        db.session.commit()
        flash(_("The peer coaching pair is confirmed; both teachers see it on their start page."), "success")
        return redirect(url_for("school.peer_pairs"))
    in_view = {row.id for row in found.teachers}
    return render_template(
        "school/peer_pairs.html",
        school=school,
        proposed=proposed,
        confirmed=[
            p for p in peers.confirmed_pairs(school) if p.coach_id in in_view or p.colleague_id in in_view
        ],
        names={row.id: row.name for row in found.teachers},
        area_names={a.code: a.name for a in found.areas},
    )
