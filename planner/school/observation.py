"""Lesson observations (ICALT-style): a leader or coach records the levels a lesson showed.

An observation is a third source beside the self-assessment and the mentor's assessment;
the path plans from the lowest of the three, area by area.
"""

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner import access, audit
from planner.catalogue.service import current_framework, framework_areas
from planner.extensions import db
from planner.models import Role, User
from planner.paths import assessing, service
from planner.paths.forms import observation_form, observed_levels
from planner.paths.levels import teacher_assessments
from planner.school import bp


def observed_teacher_or_404(teacher_id: int) -> User:
    teacher = db.session.get(User, teacher_id)
    if teacher is None or not access.may_observe_teacher(current_user, teacher):
        abort(404)
    return teacher


@bp.get("/teachers/<int:teacher_id>/observations")
@access.role_required(Role.LEADER)
def observations(teacher_id: int):
    teacher = observed_teacher_or_404(teacher_id)
    areas = framework_areas(current_framework())
    return render_template(
        "school/observations.html",
        teacher=teacher,
        observations=teacher_assessments(teacher).observations,
        area_names={area.code: area.name for area in areas},
        may_see_teacher=access.may_see_teacher(current_user, teacher),
    )


@bp.route("/teachers/<int:teacher_id>/observations/new", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def new_observation(teacher_id: int):
    teacher = observed_teacher_or_404(teacher_id)
    areas = framework_areas(current_framework(), descriptors=True)
    if not areas:
        abort(404)
    # A lesson shows the class-context areas (behaviour, classroom management,
    # differentiation) first; the others are there for what else the lesson showed.
    shown_first = [area for area in areas if area.class_context]
    others = [area for area in areas if not area.class_context]
    data = {"observed_on": date.today()} if request.method == "GET" else None
    form = observation_form(shown_first + others, data=data)
    if form.validate_on_submit():
        assessing.record_observation(
            teacher, current_user, form.observed_on.data, observed_levels(form, areas)
        )
        db.session.flush()
        replanned = service.replan_if_planned(teacher, "observation")
        audit.record("assessment.observation", subject=teacher)
        db.session.commit()
        flash(_("The lesson observation of %(name)s is saved.", name=teacher.name), "success")
        if replanned:
            flash(
                _("The learning path of %(name)s has been planned again from it.", name=teacher.name),
                "success",
            )
        return redirect(url_for("school.observations", teacher_id=teacher.id))
    return render_template(
        "school/observation_new.html",
        teacher=teacher,
        form=form,
        first=[(area, form[f"level_{area.code}"]) for area in shown_first],
        others=[(area, form[f"level_{area.code}"]) for area in others],
        today_iso=date.today().isoformat(),
        may_see_teacher=access.may_see_teacher(current_user, teacher),
    )
