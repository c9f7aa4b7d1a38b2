"""Coaches of starting teachers. The leader appoints a colleague as a starter's coach; the
coach sees that starter's path and assessments and records the mentor assessment, and
nothing else of the school. The coach's notes never reach the leader's pages."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner import access, audit
from planner.catalogue.service import current_framework, framework_areas
from planner.extensions import db
from planner.models import Role, User
from planner.models.team import StarterCoach
from planner.paths import assessing, service
from planner.paths.forms import NOT_OBSERVED, mentor_form, mentor_form_data, mentor_levels
from planner.paths.pages import assessment_overview
from planner.paths.views import path_names
from planner.school import bp
from planner.school.forms import CoachForm, CoachingNotesForm

STARTING_PHASE = "induction"


def coach_of(starter: User) -> StarterCoach | None:
    return db.session.scalar(sa.select(StarterCoach).where(StarterCoach.starter_id == starter.id))


def coached_by(coach: User) -> list[StarterCoach]:
    """The starters this teacher coaches at their own school."""
    if coach.school_id is None:
        return []
    return db.session.scalars(
        sa.select(StarterCoach)
        .join(User, User.id == StarterCoach.starter_id)
        .where(StarterCoach.coach_id == coach.id, User.school_id == coach.school_id)
        .order_by(User.name)
    ).all()


def possible_coaches(starter: User) -> list[User]:
    """Teachers of the starter's school, the starter and other starters excepted."""
    teachers = db.session.scalars(
        sa.select(User)
        .where(User.school_id == starter.school_id, User.role == Role.TEACHER, User.id != starter.id)
        .order_by(User.name)
    ).all()
    return [t for t in teachers if t.phase != STARTING_PHASE]


def appoint(starter: User, coach: User | None, leader: User) -> None:
    """Appoint ``coach`` (None: end the coaching). A new coach starts with empty notes:
    the previous coach's notes were theirs."""
    found = coach_of(starter)
    if coach is None:
        if found is not None:
            db.session.delete(found)
        return
    if found is not None and found.coach_id == coach.id:
        return
    if found is not None:
        db.session.delete(found)
        db.session.flush()
    db.session.add(
        StarterCoach(
            school_id=starter.school_id, starter_id=starter.id, coach_id=coach.id, appointed_by_id=leader.id
        )
    )


def coaching_or_404(starter_id: int) -> StarterCoach:
    """The current teacher's coaching of this starter; anyone else gets 404."""
    found = db.session.scalar(
        sa.select(StarterCoach).where(
            StarterCoach.starter_id == starter_id, StarterCoach.coach_id == current_user.id
        )
    )
    if (
        found is None
        or current_user.school_id is None
        or found.starter.school_id != current_user.school_id
        or found.starter.role != Role.TEACHER
    ):
        abort(404)
    return found


@bp.route("/teachers/<int:teacher_id>/coach", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def appoint_coach(teacher_id: int):
    starter = access.teacher_or_404(teacher_id)
    if starter.phase != STARTING_PHASE:
        abort(404)
    coaches = possible_coaches(starter)
    current = coach_of(starter)
    form = CoachForm(coaches, data={"coach": current.coach_id if current else 0})
    if form.validate_on_submit():
        coach = next((c for c in coaches if c.id == form.coach.data), None)
        appoint(starter, coach, current_user)
        audit.record("coach.appoint", subject=starter)
        db.session.commit()
        if coach is None:
            flash(_("%(name)s has no coach now.", name=starter.name), "success")
        else:
            flash(_("%(coach)s coaches %(name)s now.", coach=coach.name, name=starter.name), "success")
        return redirect(url_for("school.teacher", teacher_id=starter.id))
    return render_template("school/appoint_coach.html", teacher=starter, form=form)


@bp.get("/coaching/")
@access.role_required(Role.TEACHER)
def coaching():
    return render_template("school/coaching.html", coached=coached_by(current_user))


@bp.route("/coaching/<int:starter_id>", methods=["GET", "POST"])
@access.role_required(Role.TEACHER)
def coached_starter(starter_id: int):
    found = coaching_or_404(starter_id)
    starter = found.starter
    form = CoachingNotesForm(data={"notes": found.notes})
    if form.validate_on_submit():
        found.notes = form.notes.data or ""
        db.session.commit()
        flash(_("Your notes are saved."), "success")
        return redirect(url_for("school.coached_starter", starter_id=starter.id))
    service.plan_if_out_of_date(starter)
    path = service.current_path(starter)
    return render_template(
        "school/coached_starter.html",
        teacher=starter,
        path=path,
        names=path_names(path),
        form=form,
        **assessment_overview(starter),
    )


@bp.route("/coaching/<int:starter_id>/assessment", methods=["GET", "POST"])
@access.role_required(Role.TEACHER)
def coach_assessment(starter_id: int):
    starter = coaching_or_404(starter_id).starter
    previous = service.latest_assessment(starter, "mentor")
    back = url_for("school.coached_starter", starter_id=starter.id)
    # A coach goes on from their own assessment, not from the leader's.
    own = previous if previous is not None and previous.assessor_id == current_user.id else None
    return mentor_assessment_page(starter, own, done_url=back, back_url=back)


def mentor_assessment_page(teacher: User, previous, done_url: str, back_url: str | None = None):
    """The mentor's form for the leader and the coach alike: a level, or "not observed",
    per area, beside the teacher's own level; saving plans the teacher's path again."""
    areas = framework_areas(current_framework(), descriptors=True)
    if not areas:
        abort(404)
    data = mentor_form_data(previous, areas) if previous is not None and request.method == "GET" else None
    form = mentor_form(areas, data=data)
    if form.validate_on_submit():
        assessing.record_mentor_assessment(teacher, current_user, mentor_levels(form, areas))
        db.session.flush()
        replanned = service.replan_if_planned(teacher, "mentor")
        audit.record("assessment.mentor", subject=teacher)
        db.session.commit()
        flash(_("Your assessment of %(name)s is saved.", name=teacher.name), "success")
        if replanned:
            flash(
                _("The learning path of %(name)s has been planned again from it.", name=teacher.name),
                "success",
            )
        return redirect(done_url)
    own = service.latest_assessment(teacher, "self")
    return render_template(
        "school/mentor_assessment.html",
        teacher=teacher,
        form=form,
        fields=[(area, form[f"level_{area.code}"]) for area in areas],
        own_levels=own.levels if own is not None else None,
        not_observed=NOT_OBSERVED,
        back_url=back_url,
    )
