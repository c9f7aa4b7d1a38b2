"""A leader's hold on the accounts of their own school's teachers: deactivate, reactivate,
end sessions, hand out a reset link, and remove a teacher who left from the school
(the person keeps their account and data, the school loses sight of them); and the
school's join code: a new one, and how long it runs."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner import access, audit
from planner.admin import bp
from planner.admin.forms import ConfirmForm, JoinCodeForm
from planner.auth import accounts
from planner.extensions import db
from planner.models import Role
from planner.models.accounts import utcnow


def _teacher(teacher_id: int):
    # Beyond the id column's range nothing is found; the database is not asked.
    return access.teacher_or_404(teacher_id if teacher_id < 2**31 else 0)


@bp.get("/school/teachers/<int:teacher_id>")
@access.role_required(Role.LEADER)
def school_teacher(teacher_id: int, reset_link: str | None = None):
    teacher = _teacher(teacher_id)
    return render_template("admin/school_teacher.html", teacher=teacher, reset_link=reset_link)


@bp.post("/school/teachers/<int:teacher_id>/<any(deactivate, reactivate, sessions):change>")
@access.role_required(Role.LEADER)
def school_teacher_access(teacher_id: int, change: str):
    teacher = _teacher(teacher_id)
    if change == "deactivate":
        accounts.deactivate(teacher)
        message = _("The account has been deactivated; its sessions and tokens have ended.")
    elif change == "reactivate":
        accounts.reactivate(teacher)
        message = _("The account is active again.")
    else:
        accounts.end_sessions(teacher)
        change, message = "sessions", _("Every session of this person has ended.")
    audit.record(f"account.{change}", subject=teacher)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("admin.school_teacher", teacher_id=teacher.id))


@bp.post("/school/teachers/<int:teacher_id>/reset")
@access.role_required(Role.LEADER)
def school_teacher_reset(teacher_id: int):
    teacher = _teacher(teacher_id)
    token = accounts.password_reset(teacher, inviter=current_user)
    audit.record("account.reset", subject=teacher)
    db.session.commit()
    link = url_for("auth.accept_invitation", token=token, _external=True)
    return school_teacher(teacher.id, reset_link=link)


@bp.route("/school/teachers/<int:teacher_id>/remove", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def school_teacher_remove(teacher_id: int):
    teacher = _teacher(teacher_id)
    form = ConfirmForm()
    form.submit.label.text = _("Remove from the school")
    if form.validate_on_submit():
        audit.record("account.leave_school", subject=teacher, school_id=teacher.school_id)
        teacher.school_id = teacher.team_id = None
        db.session.commit()
        flash(_("%(name)s no longer belongs to the school.", name=teacher.name), "success")
        return redirect(url_for("school.overview"))
    return render_template("admin/school_teacher_remove.html", teacher=teacher, form=form)


@bp.route("/school/join-code", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def school_join_code():
    school = current_user.school
    if school is None:
        abort(404)
    form = JoinCodeForm(days=school.join_code_days or 0)
    if form.validate_on_submit():
        if form.new_code.data:
            school.rotate_join_code()
        elif school.join_code_days != (form.days.data or None):
            # A new period runs from today, so that shortening it does not end the code at once.
            school.join_code_set_at = utcnow()
        school.join_code_days = form.days.data or None
        audit.record("school.join_code", school.name, school_id=school.id)
        db.session.commit()
        flash(_("The join code has been saved."), "success")
        return redirect(url_for("admin.school_join_code"))
    return render_template("admin/join_code.html", form=form, school=school)
