"""Team sessions: which team format closes the most gaps, scheduling one, attendance."""

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from planner import access
from planner.catalogue.service import current_framework
from planner.extensions import db
from planner.models import Role
from planner.paths.views import catalogue_names
from planner.school import bp, sessions
from planner.school.session_forms import AttendanceForm, ScheduleForm
from planner.school.team_routes import leader_school


def _session_or_404(session_id: int):
    found = sessions.session_or_none(leader_school(), current_user.team_id, session_id)
    if found is None:
        abort(404)
    return found


@bp.get("/sessions")
@access.role_required(Role.LEADER)
def team_sessions():
    school = leader_school()
    ranked = sessions.ranking(school, current_user.team_id)
    listed = sessions.sessions_in_view(school, current_user.team_id)
    codes = [o.module for o in ranked.options] + [s.module_code for s in listed]
    return render_template(
        "school/sessions.html",
        school=school,
        ranked=ranked,
        listed=listed,
        names=catalogue_names(current_framework(), codes),
        gainers=_gainers(ranked),
        today=date.today(),
    )


def _gainers(ranked) -> dict[str, str]:
    names = {t.id: t.name for t in ranked.teachers}
    return {o.module: ", ".join(names[t] for t in o.teachers) for o in ranked.options}


@bp.route("/sessions/new/<code>", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def schedule_session(code: str):
    school = leader_school()
    ranked = sessions.ranking(school, current_user.team_id)
    option = next((o for o in ranked.options if o.module == code), None)
    if option is None:
        # Only a format that works on some gap of the team is offered to schedule.
        abort(404)
    form = ScheduleForm(teachers=ranked.teachers)
    if request.method == "GET":
        form.participants.data = list(option.teachers)
    if form.validate_on_submit():
        chosen = [t for t in ranked.teachers if t.id in set(form.participants.data or ())]
        try:
            session = sessions.schedule(school, current_user, code, form.held_on.data, chosen, date.today())
        except sessions.SessionRefused as refused:
            target = (
                form.held_on if form.held_on.data and form.held_on.data < date.today() else form.participants
            )
            target.errors = [str(refused)]
        else:
            db.session.commit()
            flash(
                ngettext(
                    "The session is scheduled; %(num)d teacher has it in their path.",
                    "The session is scheduled; %(num)d teachers have it in their path.",
                    len(chosen),
                ),
                "success",
            )
            return redirect(url_for("school.team_session", session_id=session.id))
    return render_template(
        "school/session_new.html",
        option=option,
        form=form,
        names=catalogue_names(current_framework(), [code]),
        gainers=_gainers(ranked),
    )


@bp.route("/sessions/<int:session_id>", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def team_session(session_id: int):
    session = _session_or_404(session_id)
    form = AttendanceForm(participants=session.participants)
    if request.method == "GET" and session.attendance_confirmed_at is None:
        form.attended.data = [p.teacher_id for p in session.participants]
    if request.method == "POST" and form.validate_on_submit():
        try:
            count = sessions.confirm_attendance(
                session, current_user, set(form.attended.data or ()), date.today()
            )
        except sessions.SessionRefused as refused:
            form[refused.field].errors = [refused.message]
        else:
            db.session.commit()
            flash(
                ngettext(
                    "Attendance confirmed: the session counts as done for %(num)d teacher.",
                    "Attendance confirmed: the session counts as done for %(num)d teachers.",
                    count,
                ),
                "success",
            )
            return redirect(url_for("school.team_session", session_id=session.id))
    return render_template(
        "school/session.html",
        session=session,
        form=form,
        names=catalogue_names(current_framework(), [session.module_code]),
        may_confirm=session.attendance_confirmed_at is None and session.held_on <= date.today(),
    )


@bp.route("/sessions/<int:session_id>/cancel", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def cancel_session(session_id: int):
    session = _session_or_404(session_id)
    if session.attendance_confirmed_at is not None:
        flash(_("A session whose attendance is confirmed stays on record."), "error")
        return redirect(url_for("school.team_session", session_id=session.id))
    if request.method == "POST":
        sessions.cancel(session, current_user)
        db.session.commit()
        flash(_("The session is called off and has left the participants' paths."), "success")
        return redirect(url_for("school.team_sessions"))
    names = catalogue_names(current_framework(), [session.module_code])
    return render_template(
        "main/confirm.html",
        question=_(
            "Call off %(module)s on %(date)s?",
            module=names.module(session.module_code),
            date=format_date(session.held_on, "long"),
        ),
        consequences=[
            _(
                "The session leaves the paths of its %(num)s participants; a teacher with an "
                "agreement gets the change as a proposal.",
                num=len(session.participants),
            )
        ],
        button=_("Call off the session"),
        danger=True,
        cancel_url=url_for("school.team_session", session_id=session.id),
    )
