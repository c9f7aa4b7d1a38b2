import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner import access
from planner.auth import accounts
from planner.extensions import db
from planner.models import Role, School, User
from planner.school import bp
from planner.school.forms import InviteForm


def led_teachers() -> list[User]:
    query = sa.select(User).where(User.school_id == current_user.school_id, User.role == Role.TEACHER)
    if current_user.team_id is not None:
        query = query.where(User.team_id == current_user.team_id)
    return db.session.scalars(query.order_by(User.name)).all()


@bp.route("/", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def overview():
    school = db.session.get(School, current_user.school_id)
    teams = [t for t in school.teams if current_user.team_id in (None, t.id)]
    form = InviteForm(
        teams=teams, email_taken=lambda email: accounts.user_by_email(email) is not None
    )
    invitation_link = None
    if form.validate_on_submit():
        team = next((t for t in teams if t.id == form.team.data), None)
        if current_user.team_id is not None:
            team = current_user.team
        token = accounts.invite(
            email=form.email.data, name=form.name.data, role=Role.TEACHER,
            inviter=current_user, school=school, team=team,
        )
        invitation_link = url_for("auth.accept_invitation", token=token, _external=True)
        flash(_("%(name)s has been invited. Pass on the link below.", name=form.name.data), "success")
        form = InviteForm(
            formdata=None, teams=teams,
            email_taken=lambda email: accounts.user_by_email(email) is not None,
        )
    return render_template(
        "school/overview.html", school=school, teams=teams, teachers=led_teachers(),
        form=form, invitation_link=invitation_link,
    )


@bp.get("/teachers/<int:teacher_id>")
@access.role_required(Role.LEADER)
def teacher(teacher_id: int):
    teacher = access.teacher_or_404(teacher_id)
    return render_template("school/teacher.html", teacher=teacher)
