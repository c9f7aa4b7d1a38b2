import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner import access
from planner.admin import bp
from planner.admin.forms import ROLE_LABELS, AccountForm, InstituteForm, SchoolForm, TeamForm
from planner.admin.organisations import institute_name_taken, school_name_taken, team_name_taken
from planner.auth import accounts
from planner.extensions import db
from planner.models import Institute, Provider, Role, School, Team, User


def _lists():
    schools = db.session.scalars(sa.select(School).order_by(School.name)).all()
    institutes = db.session.scalars(sa.select(Institute).order_by(Institute.name)).all()
    return schools, institutes


def _forms(schools, institutes, formdata_for: str | None = None):
    taken = lambda email: accounts.user_by_email(email) is not None  # noqa: E731

    def data(name):
        return {} if formdata_for == name else {"formdata": None}

    return {
        "school_form": SchoolForm(prefix="school", **data("school")),
        "team_form": TeamForm(prefix="team", schools=schools, **data("team")),
        "institute_form": InstituteForm(
            prefix="institute", code_taken=_institute_code_taken, **data("institute")
        ),
        "account_form": AccountForm(
            prefix="account",
            schools=schools,
            institutes=institutes,
            email_taken=taken,
            **data("account"),
        ),
    }


def _institute_code_taken(code: str) -> bool:
    return db.session.scalar(sa.select(Institute.id).where(Institute.code == code)) is not None


def _render(forms, schools, institutes, invitation_link=None, status=200):
    users = db.session.scalars(
        sa.select(User).where(User.deleted_at.is_(None)).order_by(User.role, User.name)
    ).all()
    providers = db.session.scalars(sa.select(Provider).order_by(Provider.name)).all()
    return render_template(
        "admin/overview.html",
        schools=schools,
        providers=providers,
        institutes=institutes,
        users=users,
        role_labels=ROLE_LABELS,
        invitation_link=invitation_link,
        **forms,
    ), status


@bp.get("/")
@access.role_required(Role.ADMIN)
def overview():
    schools, institutes = _lists()
    return _render(_forms(schools, institutes), schools, institutes)


@bp.post("/<kind>")
@access.role_required(Role.ADMIN)
def create(kind: str):
    schools, institutes = _lists()
    forms = _forms(schools, institutes, formdata_for=kind)
    form = forms.get(f"{kind}_form")
    if form is None:
        return redirect(url_for("admin.overview"))
    if not form.validate_on_submit() or not _unique_name(kind, form):
        return _render(forms, schools, institutes, status=400)
    invitation_link = None
    if kind == "school":
        db.session.add(
            School(
                name=form.name.data,
                sector=form.sector.data,
                budget_hours_per_year=form.budget_hours_per_year.data,
                board_code=form.board_code.data or "",
                board_name=form.board_name.data or "",
                region_code=form.region_code.data or "",
            )
        )
    elif kind == "team":
        db.session.add(Team(school_id=form.school.data, name=form.name.data))
    elif kind == "institute":
        db.session.add(Institute(name=form.name.data, code=form.code.data or None))
    else:
        school_id, _sep, team_id = form.team.data.partition(":")
        school = db.session.get(School, int(school_id)) if school_id else None
        team = db.session.get(Team, int(team_id)) if team_id else None
        institute = db.session.get(Institute, form.institute.data) if form.institute.data else None
        token = accounts.invite(
            email=form.email.data,
            name=form.name.data,
            role=form.role.data,
            inviter=current_user,
            school=school if form.role.data in (Role.TEACHER, Role.LEADER) else None,
            team=team if form.role.data in (Role.TEACHER, Role.LEADER) else None,
            institute=institute if form.role.data == Role.INSTITUTE else None,
        )
        invitation_link = url_for("auth.accept_invitation", token=token, _external=True)
    db.session.commit()
    flash(_("Saved."), "success")
    if invitation_link:
        schools, institutes = _lists()
        return _render(_forms(schools, institutes), schools, institutes, invitation_link)
    return redirect(url_for("admin.overview"))


def _unique_name(kind: str, form) -> bool:
    """Names are unique within their parent; a duplicate is refused at the name."""
    if kind == "school" and school_name_taken(form.name.data, form.board_code.data or ""):
        form.name.errors.append(_("Another school of this board has this name."))
    elif kind == "team" and team_name_taken(form.school.data, form.name.data):
        form.name.errors.append(_("This school already has a team with this name."))
    elif kind == "institute" and institute_name_taken(form.name.data):
        form.name.errors.append(_("Another institute has this name."))
    else:
        return True
    return False
