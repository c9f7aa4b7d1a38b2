import json

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from planner import access, audit
from planner.catalogue import bp, export, service
from planner.catalogue.forms import FilterForm, fill_module_form, module_form
from planner.catalogue.messages import describe, field_for
from planner.catalogue.picture import area_picture, neighbourhood_picture
from planner.catalogue.query import filtered_modules
from planner.domain.catalogue import PHASES, SCALE
from planner.domain.graph import CatalogueError, unlocks
from planner.extensions import db
from planner.labels import PHASE_LABELS
from planner.models import Area, Module, Provider, Role
from planner.paths.service import replan_for_modules

PER_PAGE = 40


def module_or_404(framework, code: str) -> Module:
    module = db.session.scalar(
        sa.select(Module)
        .where(Module.framework_id == framework.id, Module.code == code)
        .options(*export.module_loader_options())
    )
    if module is None:
        abort(404)
    return module


# Far beyond any catalogue's last page, and far within the database's offset range.
MAX_PAGE = 100_000


def page_number() -> int:
    """The requested page; one beyond the last shows an empty page."""
    return min(max(request.args.get("page", 1, type=int), 1), MAX_PAGE)


@bp.get("/")
def modules():
    framework = service.framework_or_404()
    areas = service.framework_areas(framework)
    form = FilterForm(request.args, areas=areas)
    form.validate()
    owned_by = None
    if request.args.get("mine") and current_user.is_authenticated and current_user.is_institute_staff:
        owned_by = current_user.institute_id
    page = db.paginate(
        filtered_modules(
            framework,
            {k: v for k, v in form.data.items() if not form[k].errors},
            institute_id=owned_by,
            include_retired=access.may_edit_catalogue(current_user),
        ).options(*export.module_loader_options()),
        page=page_number(),
        per_page=PER_PAGE,
        error_out=False,
    )
    return render_template(
        "catalogue/modules.html",
        framework=framework,
        form=form,
        page=page,
        areas=areas,
        mine=owned_by is not None,
    )


@bp.get("/modules/<code>")
def module(code: str):
    framework = service.framework_or_404()
    module = module_or_404(framework, code)
    titles = dict(
        db.session.execute(
            sa.select(
                Module.code,
                Module.title_nl
                if _locale() == "nl"
                else sa.func.coalesce(sa.func.nullif(Module.title_en, ""), Module.title_nl),
            ).where(Module.framework_id == framework.id)
        ).all()
    )
    graph = service.catalogue_graph(framework)
    picture = neighbourhood_picture(graph, code, titles) if code in graph else None
    next_codes = unlocks(graph, code) if code in graph else []
    unlocked = db.session.scalars(
        sa.select(Module)
        .where(Module.framework_id == framework.id, Module.code.in_(next_codes))
        .order_by(Module.code)
    ).all()
    return render_template(
        "catalogue/module.html",
        module=module,
        unlocked=unlocked,
        picture=picture,
        may_edit=current_user.is_authenticated and access.may_edit_module(current_user, module),
        required_by=service.requiring_modules(module),
        reach_holder=service.reach_holder(*module.reach),
    )


def _locale() -> str:
    from planner.models.catalogue import current_locale

    return current_locale()


@bp.get("/areas/")
def areas():
    framework = service.framework_or_404()
    all_areas = db.session.scalars(
        sa.select(Area)
        .where(Area.framework_id == framework.id)
        .options(so.selectinload(Area.descriptors))
        .order_by(Area.position)
    ).all()
    return render_template("catalogue/areas.html", framework=framework, areas=all_areas)


@bp.get("/areas/<code>")
def area(code: str):
    framework = service.framework_or_404()
    area = db.session.scalar(
        sa.select(Area)
        .where(Area.framework_id == framework.id, Area.code == code)
        .options(so.selectinload(Area.descriptors))
    )
    if area is None:
        abort(404)
    modules = [
        m
        for m in export.framework_modules(framework, include_retired=False)
        if any(o.area_id == area.id for o in m.outcomes)
    ]
    by_level = {level: [] for level in SCALE}
    for module in modules:
        level = next(o.level for o in module.outcomes if o.area_id == area.id)
        by_level[level].append(module)
    domain = service.domain_modules(framework)
    from planner.domain.graph import build_graph

    graph = build_graph(domain.values())
    phase_of = {c: next(p for p in PHASES if p in m.phases) for c, m in domain.items()}
    titles = {m.code: m.title for m in export.framework_modules(framework, include_retired=False)}
    picture = (
        area_picture(graph, [m.code for m in modules], phase_of, PHASE_LABELS, titles) if modules else None
    )
    return render_template("catalogue/area.html", area=area, by_level=by_level, picture=picture)


def _providers_for(user) -> list[Provider]:
    query = sa.select(Provider).order_by(Provider.name)
    if user.role == Role.INSTITUTE:
        query = query.where(Provider.institute_id == user.institute_id)
    return db.session.scalars(query).all()


def _edit(framework, module: Module | None):
    providers = _providers_for(current_user)
    if not providers:
        abort(403)
    form = module_form(service.framework_areas(framework), providers)
    if module is not None and request.method == "GET":
        fill_module_form(form, module)
    if form.validate_on_submit():
        was = service.to_domain(module) if module is not None else None
        try:
            saved = service.save_module(framework, module, form.module_data())
        except CatalogueError as refusal:
            for problem in refusal.problems:
                name = field_for(problem)
                target = form[name].errors if name and name in form else form.form_errors
                if isinstance(target, tuple):
                    target = list(target)
                target.append(describe(problem))
            flash(_("The module was not saved: it would break a rule of the catalogue."), "error")
        else:
            if was is not None and was != service.to_domain(saved):  # paths planned it as it was
                replan_for_modules({was.code, saved.code})
            audit.record("module.edit", saved.code)
            db.session.commit()
            flash(_("Module %(code)s has been saved.", code=saved.code), "success")
            return redirect(url_for("catalogue.module", code=saved.code))
    return render_template("catalogue/edit.html", form=form, module=module), (
        400 if form.is_submitted() else 200
    )


@bp.route("/modules/new", methods=["GET", "POST"])
@access.role_required(Role.ADMIN, Role.INSTITUTE)
def new_module():
    return _edit(service.framework_or_404(), None)


@bp.route("/modules/<code>/edit", methods=["GET", "POST"])
@login_required
def edit_module(code: str):
    framework = service.framework_or_404()
    module = module_or_404(framework, code)
    if not access.may_edit_module(current_user, module):
        abort(403)
    return _edit(framework, module)


@bp.route("/modules/<code>/retire", methods=["GET", "POST"])
@login_required
def retire_module(code: str):
    """Withdrawing a module re-plans the paths that hold it: the page asks first, its
    button withdraws (or puts back)."""
    framework = service.framework_or_404()
    module = module_or_404(framework, code)
    if not access.may_edit_module(current_user, module):
        abort(403)
    if request.method == "GET":
        return retire_confirmation(module)
    if module.retired:
        try:
            service.reinstate_module(module)
        except service.ReinstateRefused as refusal:
            flash(
                ngettext(
                    "Module %(code)s cannot be put back: it requires retired module %(modules)s.",
                    "Module %(code)s cannot be put back: it requires retired modules %(modules)s.",
                    len(refusal.codes),
                    code=code,
                    modules=", ".join(refusal.codes),
                ),
                "error",
            )
        else:
            flash(_("Module %(code)s is back in the catalogue.", code=code), "success")
    else:
        try:
            service.retire_module(module)
        except service.RetireRefused as refusal:
            flash(
                ngettext(
                    "Module %(code)s cannot be retired: %(modules)s requires it.",
                    "Module %(code)s cannot be retired: %(modules)s require it.",
                    len(refusal.codes),
                    code=code,
                    modules=", ".join(refusal.codes),
                ),
                "error",
            )
        else:
            replan_for_modules([code])
            audit.record("module.edit", code, detail={"retired": True})
            db.session.commit()
            flash(_("Module %(code)s has been retired.", code=code), "success")
    return redirect(url_for("catalogue.module", code=code))


def retire_confirmation(module: Module):
    name = f"{module.code} {module.title}"
    if module.retired:
        question = _("Put %(module)s back into the catalogue?", module=name)
        consequences = [_("From then on the planner may plan it again for teachers who need it.")]
        button = _("Back into the catalogue")
    else:
        question = _("Retire %(module)s?", module=name)
        consequences = [
            _("The module leaves the catalogue: the planner no longer plans it for anyone."),
            _(
                "Every path that plans it is planned again; a teacher who accepted a path "
                "gets the new one as a proposal beside it. Done steps stay done."
            ),
        ]
        button = _("Retire")
    return render_template(
        "main/confirm.html",
        question=question,
        consequences=consequences,
        button=button,
        danger=not module.retired,
        cancel_url=url_for("catalogue.module", code=module.code),
    )


@bp.get("/export/<kind>")
def download(kind: str):
    framework = service.framework_or_404()
    if kind == "catalogue.json":
        body, mimetype = (
            json.dumps(export.export_document(framework), ensure_ascii=False, indent=2),
            "application/json",
        )
    elif kind == "case.json":
        base = url_for("catalogue.modules", _external=True).rstrip("/") + "/case"
        body, mimetype = (
            json.dumps(export.export_case(framework, base), ensure_ascii=False, indent=2),
            "application/json",
        )
    elif kind == "modules.csv":
        body, mimetype = export.export_csv(framework), "text/csv"
    else:
        abort(404)
    filename = f"{framework.code}-{kind}"
    return Response(
        body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
