"""Schools, teams, institutes and providers: correct them, or delete what nothing needs.

A deletion that would leave people, teams or modules without their organisation is refused
with what still depends on it; names are unique within their parent.
"""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from planner import access, audit
from planner.admin import bp
from planner.admin.forms import ConfirmForm, InstituteForm, NameForm, ProviderForm, SchoolForm
from planner.extensions import db
from planner.models import Institute, Module, Provider, Role, School, Team, User

KINDS = {"school": School, "team": Team, "institute": Institute, "provider": Provider}


def _get_or_404(model, object_id: int):
    found = db.session.get(model, object_id) if object_id < 2**31 else None
    if found is None:
        abort(404)
    return found


def _same_name(column, name: str):
    return sa.func.lower(column) == name.strip().lower()


def school_name_taken(name: str, board_code: str, except_id: int | None = None) -> bool:
    """Two schools of one board (or two without a board) do not share a name."""
    query = sa.select(School.id).where(_same_name(School.name, name), School.board_code == (board_code or ""))
    if except_id is not None:
        query = query.where(School.id != except_id)
    return db.session.scalar(query.limit(1)) is not None


def team_name_taken(school_id: int, name: str, except_id: int | None = None) -> bool:
    query = sa.select(Team.id).where(Team.school_id == school_id, _same_name(Team.name, name))
    if except_id is not None:
        query = query.where(Team.id != except_id)
    return db.session.scalar(query.limit(1)) is not None


def institute_name_taken(name: str, except_id: int | None = None) -> bool:
    query = sa.select(Institute.id).where(_same_name(Institute.name, name))
    if except_id is not None:
        query = query.where(Institute.id != except_id)
    return db.session.scalar(query.limit(1)) is not None


def provider_name_taken(name: str, except_id: int | None = None) -> bool:
    query = sa.select(Provider.id).where(_same_name(Provider.name, name))
    if except_id is not None:
        query = query.where(Provider.id != except_id)
    return db.session.scalar(query.limit(1)) is not None


def _count(query) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))


def dependents(kind: str, thing) -> list[str]:
    """What still needs ``thing``, as sentences; empty when it may go."""
    found = []
    if kind in ("school", "team", "institute"):
        column = {"school": User.school_id, "team": User.team_id, "institute": User.institute_id}[kind]
        people = _count(sa.select(User.id).where(column == thing.id, User.deleted_at.is_(None)))
        if people:
            found.append(ngettext("%(num)d person belongs to it", "%(num)d people belong to it", people))
    if kind == "institute":
        providers = _count(sa.select(Provider.id).where(Provider.institute_id == thing.id))
        if providers:
            found.append(
                ngettext(
                    "%(num)d catalogue provider is linked to it",
                    "%(num)d catalogue providers are linked to it",
                    providers,
                )
            )
    if kind == "provider":
        modules = _count(sa.select(Module.id).where(Module.provider_id == thing.id))
        if modules:
            found.append(
                ngettext("%(num)d module is offered by it", "%(num)d modules are offered by it", modules)
            )
    return found


def _school_form(school: School | None = None, **kwargs) -> SchoolForm:
    form = SchoolForm(obj=school, **kwargs)
    form.submit.label.text = _("Save")
    return form


@bp.route("/schools/<int:school_id>", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def school(school_id: int):
    found = _get_or_404(School, school_id)
    form = _school_form(found)
    team_form = NameForm(prefix="team", formdata=None)
    if form.validate_on_submit():
        if school_name_taken(form.name.data, form.board_code.data or "", except_id=found.id):
            form.name.errors.append(_("Another school of this board has this name."))
        else:
            before = {f: getattr(found, f) for f in _SCHOOL_FIELDS}
            form.populate_obj(found)
            found.name = found.name.strip()
            found.board_code, found.board_name = found.board_code or "", found.board_name or ""
            found.region_code = found.region_code or ""
            changed = sorted(f for f in _SCHOOL_FIELDS if before[f] != getattr(found, f))
            if changed:
                audit.record("school.edit", found.name, school_id=found.id, detail={"changed": changed})
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("admin.school", school_id=found.id))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/school.html", school=found, form=form, team_form=team_form), status


_SCHOOL_FIELDS = ("name", "sector", "budget_hours_per_year", "board_code", "board_name", "region_code")


@bp.post("/schools/<int:school_id>/teams")
@access.role_required(Role.ADMIN)
def add_team(school_id: int):
    found = _get_or_404(School, school_id)
    team_form = NameForm(prefix="team")
    if team_form.validate_on_submit() and not team_name_taken(found.id, team_form.name.data):
        db.session.add(Team(school=found, name=team_form.name.data.strip()))
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("admin.school", school_id=found.id))
    if not team_form.name.errors:
        team_form.name.errors.append(_("This school already has a team with this name."))
    form = _school_form(found, formdata=None)
    return render_template("admin/school.html", school=found, form=form, team_form=team_form), 400


@bp.route("/teams/<int:team_id>", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def team(team_id: int):
    found = _get_or_404(Team, team_id)
    form = NameForm(obj=found)
    if form.validate_on_submit():
        if team_name_taken(found.school_id, form.name.data, except_id=found.id):
            form.name.errors.append(_("This school already has a team with this name."))
        else:
            found.name = form.name.data.strip()
            audit.record("team.edit", f"{found.school.name} · {found.name}", school_id=found.school_id)
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("admin.school", school_id=found.school_id))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/rename.html", thing=found, kind="team", form=form), status


@bp.route("/institutes/<int:institute_id>", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def institute(institute_id: int):
    found = _get_or_404(Institute, institute_id)

    def code_taken(code: str) -> bool:
        other = db.session.scalar(sa.select(Institute.id).where(Institute.code == code))
        return other is not None and other != found.id

    form = InstituteForm(obj=found, code_taken=code_taken)
    form.submit.label.text = _("Save")
    if form.validate_on_submit():
        if institute_name_taken(form.name.data, except_id=found.id):
            form.name.errors.append(_("Another institute has this name."))
        else:
            found.name, found.code = form.name.data.strip(), form.code.data or None
            audit.record("institute.edit", found.name)
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("admin.overview"))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/rename.html", thing=found, kind="institute", form=form), status


@bp.route("/providers/<int:provider_id>", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def provider(provider_id: int):
    found = _get_or_404(Provider, provider_id)
    institutes = db.session.scalars(sa.select(Institute).order_by(Institute.name)).all()
    form = ProviderForm(obj=found, institutes=institutes)
    if form.validate_on_submit():
        if provider_name_taken(form.name.data, except_id=found.id):
            form.name.errors.append(_("Another provider has this name."))
        else:
            found.name = form.name.data.strip()
            if "institute_id" in request.form:
                found.institute_id = form.institute_id.data or None
            audit.record("provider.edit", found.name)
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("admin.overview"))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/rename.html", thing=found, kind="provider", form=form), status


@bp.route("/<any(school, team, institute, provider):kind>/<int:object_id>/delete", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def delete(kind: str, object_id: int):
    """A second step: the page names what goes, or what still depends on it."""
    found = _get_or_404(KINDS[kind], object_id)
    blockers = dependents(kind, found)
    form = ConfirmForm()
    if request.method == "POST" and not blockers and form.validate_on_submit():
        name = found.name
        school_id = found.school_id if kind == "team" else None
        audit.record(f"{kind}.delete", name, school_id=school_id)
        db.session.delete(found)
        db.session.commit()
        flash(_("%(name)s has been deleted.", name=name), "success")
        if school_id:
            return redirect(url_for("admin.school", school_id=school_id))
        return redirect(url_for("admin.overview"))
    status = 409 if request.method == "POST" else 200
    return render_template("admin/confirm.html", thing=found, blockers=blockers, form=form), status
