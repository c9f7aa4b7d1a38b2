"""The admin's accounts: search, edit, deactivate, end sessions, reset links, delete."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner import access, audit
from planner.admin import bp
from planner.admin.forms import ROLE_LABELS, AccountForm, ConfirmForm
from planner.auth import accounts, erasure
from planner.extensions import db
from planner.models import Institute, Role, School, User

PAGE = 50


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id) if user_id < 2**31 else None
    if user is None or user.deleted_at is not None:
        abort(404)
    return user


@bp.get("/users")
@access.role_required(Role.ADMIN)
def users():
    query = sa.select(User).where(User.deleted_at.is_(None))
    search = request.args.get("q", "").strip()
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(sa.or_(sa.func.lower(User.name).like(pattern), User.email.like(pattern)))
    found = db.session.scalars(query.order_by(User.name, User.id).limit(PAGE + 1)).all()
    return render_template(
        "admin/users.html",
        users=found[:PAGE],
        more=len(found) > PAGE,
        search=search,
        role_labels=ROLE_LABELS,
    )


def _edit_form(user: User, **kwargs) -> AccountForm:
    schools = db.session.scalars(sa.select(School).order_by(School.name)).all()
    institutes = db.session.scalars(sa.select(Institute).order_by(Institute.name)).all()

    def taken(email: str) -> bool:
        other = accounts.user_by_email(email)
        return other is not None and other.id != user.id

    form = AccountForm(schools=schools, institutes=institutes, email_taken=taken, **kwargs)
    form.submit.label.text = _("Save")
    return form


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def user(user_id: int):
    person = _user_or_404(user_id)
    form = _edit_form(person, data=_form_data(person))
    status = 200
    if form.validate_on_submit():
        before = _account_fields(person)
        school_id, _sep, team_id = form.team.data.partition(":")
        belongs_to_school = form.role.data in (Role.TEACHER, Role.LEADER)
        person.name = form.name.data.strip()
        person.email = accounts.normalise_email(form.email.data)
        person.role = form.role.data
        person.school_id = int(school_id) if school_id and belongs_to_school else None
        person.team_id = int(team_id) if team_id and belongs_to_school else None
        person.institute_id = (form.institute.data or None) if form.role.data == Role.INSTITUTE else None
        if person.school_id and not person.sector:
            person.sector = db.session.get(School, person.school_id).sector
        changed = {k: v for k, v in _account_fields(person).items() if before[k] != v}
        if changed:
            if {"role", "school", "team", "institute"} & changed.keys():
                # Rights follow the role and organisation: a session begun under the old
                # ones must not keep them.
                accounts.end_sessions(person)
            audit.record("account.edit", subject=person, detail={"changed": sorted(changed)})
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("admin.user", user_id=person.id))
    if form.is_submitted():
        status = 400
    return render_template(
        "admin/user.html", person=person, form=form, confirm=ConfirmForm(), role_labels=ROLE_LABELS
    ), status


def _account_fields(user: User) -> dict:
    return {
        "name": user.name,
        "email": user.email,
        "role": user.role,
        "school": user.school_id,
        "team": user.team_id,
        "institute": user.institute_id,
    }


def _not_oneself(person: User):
    if person.id == current_user.id:
        flash(_("You cannot do this to your own account here."), "error")
        return redirect(url_for("admin.user", user_id=person.id))
    return None


@bp.post("/users/<int:user_id>/deactivate")
@access.role_required(Role.ADMIN)
def deactivate(user_id: int):
    person = _user_or_404(user_id)
    if refusal := _not_oneself(person):
        return refusal
    accounts.deactivate(person)
    audit.record("account.deactivate", subject=person)
    db.session.commit()
    flash(_("The account has been deactivated; its sessions and tokens have ended."), "success")
    return redirect(url_for("admin.user", user_id=person.id))


@bp.post("/users/<int:user_id>/reactivate")
@access.role_required(Role.ADMIN)
def reactivate(user_id: int):
    person = _user_or_404(user_id)
    accounts.reactivate(person)
    audit.record("account.reactivate", subject=person)
    db.session.commit()
    flash(_("The account is active again."), "success")
    return redirect(url_for("admin.user", user_id=person.id))


@bp.post("/users/<int:user_id>/sessions/end")
@access.role_required(Role.ADMIN)
def end_sessions(user_id: int):
    person = _user_or_404(user_id)
    if refusal := _not_oneself(person):
        return refusal
    accounts.end_sessions(person)
    audit.record("account.sessions", subject=person)
    db.session.commit()
    flash(_("Every session of this person has ended."), "success")
    return redirect(url_for("admin.user", user_id=person.id))


@bp.post("/users/<int:user_id>/reset")
@access.role_required(Role.ADMIN)
def reset_link(user_id: int):
    person = _user_or_404(user_id)
    token = accounts.password_reset(person, inviter=current_user)
    audit.record("account.reset", subject=person)
    db.session.commit()
    return render_template(
        "admin/user.html",
        person=person,
        form=_edit_form(person, formdata=None, data=_form_data(person)),
        confirm=ConfirmForm(),
        role_labels=ROLE_LABELS,
        reset_link=url_for("auth.accept_invitation", token=token, _external=True),
    )


def _form_data(person: User) -> dict:
    return {
        "name": person.name,
        "email": person.email,
        "role": person.role,
        "team": f"{person.school_id}:{person.team_id or ''}" if person.school_id else "",
        "institute": person.institute_id or 0,
    }


@bp.route("/users/<int:user_id>/delete", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def delete_user(user_id: int):
    """A second step: the page says what goes, the button on it deletes."""
    person = _user_or_404(user_id)
    if refusal := _not_oneself(person):
        return refusal
    form = ConfirmForm()
    if form.validate_on_submit():
        erasure.erase(person, by=current_user)
        flash(_("The account and its data have been deleted."), "success")
        return redirect(url_for("admin.users"))
    return render_template("admin/confirm_delete.html", person=person, form=form)
