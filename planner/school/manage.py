"""Managing the team: which team each teacher is in, the invitations still open (a new link
or withdrawn), and a new join code when the old one went round too widely."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner import access, audit
from planner.auth import accounts
from planner.auth.erasure import erase
from planner.extensions import db
from planner.models import Invitation, Role, School, User
from planner.models.accounts import new_join_code
from planner.school import bp
from planner.school.routes import led_teachers


def _school() -> School:
    return db.session.get(School, current_user.school_id)


def pending(teachers: list[User]) -> dict[int, Invitation]:
    """Per teacher who has not yet set a password, their newest unused invitation."""
    waiting = [t.id for t in teachers if t.password_hash is None]
    found: dict[int, Invitation] = {}
    for invitation in db.session.scalars(
        sa.select(Invitation)
        .where(Invitation.user_id.in_(waiting), Invitation.used_at.is_(None))
        .order_by(Invitation.created_at)
    ):
        found[invitation.user_id] = invitation
    return found


def _led_teacher(teacher_id: int) -> User:
    teacher = access.teacher_or_404(teacher_id)
    if teacher.id == current_user.id:
        abort(404)
    return teacher


@bp.get("/manage")
@access.role_required(Role.LEADER)
def manage(link: str | None = None, linked: User | None = None):
    school = _school()
    teachers = led_teachers()
    return render_template(
        "school/manage.html",
        school=school,
        teachers=teachers,
        teams=school.teams,
        invitations=pending(teachers),
        may_edit=current_user.team_id is None,
        link=link,
        linked=linked,
    )


@bp.post("/manage/teachers/<int:teacher_id>/team")
@access.role_required(Role.LEADER)
def assign_team(teacher_id: int):
    # Moving teachers between teams is the school leader's: a team leader sees one team.
    if current_user.team_id is not None:
        abort(403)
    teacher = _led_teacher(teacher_id)
    school = _school()
    wanted = request.form.get("team", "")
    team = next((t for t in school.teams if str(t.id) == wanted), None)
    if wanted and team is None:
        flash(_("Choose one of the school's teams for %(name)s.", name=teacher.name), "error")
        return redirect(url_for("school.manage"))
    teacher.team = team
    audit.record("account.edit", teacher.name, subject=teacher, detail={"team": team.name if team else None})
    db.session.commit()
    flash(
        _("%(name)s is now in %(team)s.", name=teacher.name, team=team.name)
        if team
        else _("%(name)s is now without a team.", name=teacher.name),
        "success",
    )
    return redirect(url_for("school.manage"))


@bp.route("/manage/teachers/<int:teacher_id>/invitation", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def invitation(teacher_id: int):
    """A new link, or the invitation withdrawn; withdrawing deletes the unused account, so
    the page (GET) asks first and its button withdraws."""
    teacher = _led_teacher(teacher_id)
    if teacher.id not in pending([teacher]):
        flash(_("%(name)s has no open invitation.", name=teacher.name), "error")
        return redirect(url_for("school.manage"))
    if request.method == "GET":
        return render_template(
            "main/confirm.html",
            question=_("Withdraw the invitation of %(name)s?", name=teacher.name),
            consequences=[
                _(
                    "The link stops working and the account, never used, is deleted. To bring "
                    "%(name)s in later, invite them again.",
                    name=teacher.name,
                )
            ],
            hidden={"revoke": "1"},
            button=_("Withdraw the invitation"),
            danger=True,
            cancel_url=url_for("school.manage", _anchor=f"teacher-{teacher.id}"),
        )
    if "revoke" in request.form:
        # The account was never used: nothing of the teacher's own is lost.
        name = teacher.name
        erase(teacher, by=current_user)
        flash(_("The invitation of %(name)s is withdrawn.", name=name), "success")
        return redirect(url_for("school.manage"))
    token = accounts.password_reset(teacher, inviter=current_user)
    db.session.commit()
    flash(
        _("A new link for %(name)s; the earlier one no longer works. Pass it on.", name=teacher.name),
        "success",
    )
    return manage(url_for("auth.accept_invitation", token=token, _external=True), teacher)


@bp.post("/manage/join-code")
@access.role_required(Role.LEADER)
def rotate_join_code():
    if current_user.team_id is not None:
        abort(403)
    school = _school()
    school.join_code = new_join_code()
    audit.record("school.edit", school.name, school_id=school.id, detail={"join_code": "new"})
    db.session.commit()
    flash(_("The school has a new join code; the old one no longer works."), "success")
    return redirect(url_for("school.manage"))
