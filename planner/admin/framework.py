"""The competence framework in the browser: area names, level descriptors, target profiles."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import ngettext

from planner import access
from planner.admin import bp
from planner.admin import framework_service as service
from planner.admin.forms import NewTargetsForm, area_form, targets_form
from planner.catalogue.export import targets_document
from planner.catalogue.interchange import ImportRefused
from planner.catalogue.service import current_framework
from planner.domain.catalogue import GO_TYPES, PHASES, SECTORS
from planner.models import Role


def _framework():
    framework = current_framework()
    if framework is None:
        abort(404)
    return framework


def _saved(planned_again: int, version: str):
    flash(
        ngettext(
            "Saved as framework version %(version)s; %(num)d teacher's path was planned again.",
            "Saved as framework version %(version)s; %(num)d teachers' paths were planned again.",
            planned_again,
            version=version,
        ),
        "success",
    )
    return redirect(url_for("admin.framework"))


@bp.route("/framework", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def framework():
    framework = _framework()
    form = NewTargetsForm()
    if form.validate_on_submit():
        return redirect(url_for("admin.framework_targets", phase=form.phase.data, sector=form.sector.data))
    return render_template(
        "admin/framework.html", framework=framework, targets=targets_document(framework), form=form
    )


@bp.route("/framework/areas/<code>", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def framework_area(code: str):
    framework = _framework()
    area = next((a for a in framework.areas if a.code == code), None)
    if area is None:
        abort(404)
    current = {"name_nl": area.name_nl, "name_en": area.name_en}
    for descriptor in area.descriptors:
        current[f"level_{descriptor.level}_nl"] = descriptor.text_nl
        current[f"level_{descriptor.level}_en"] = descriptor.text_en
    form = area_form(area, data=None if request.method == "POST" else current)
    problems: list[str] = []
    if form.validate_on_submit():
        names = {"nl": form.name_nl.data, "en": form.name_en.data or ""}
        descriptors = {
            d.level: {"nl": form[f"level_{d.level}_nl"].data, "en": form[f"level_{d.level}_en"].data or ""}
            for d in area.descriptors
        }
        try:
            planned_again = service.edit_area(framework, area, names, descriptors)
        except ImportRefused as refused:
            problems = refused.problems
        else:
            return _saved(planned_again, framework.version)
    levels = [d.level for d in area.descriptors]
    status = 400 if problems else 200
    return render_template(
        "admin/framework_area.html",
        framework=framework,
        area=area,
        form=form,
        levels=levels,
        problems=problems,
    ), status


@bp.route("/framework/targets/<phase>/<sector>", methods=["GET", "POST"])
@access.role_required(Role.ADMIN)
def framework_targets(phase: str, sector: str):
    framework = _framework()
    if phase not in PHASES or sector not in ("*", *SECTORS, *GO_TYPES):
        abort(404)
    areas = framework.areas
    entry = service.target_entry({"targets": targets_document(framework)}, phase, sector)
    current = {f"area_{code}": str(level) for code, level in (entry or {}).get("levels", {}).items()}
    form = targets_form(areas, data=None if request.method == "POST" else current)
    problems: list[str] = []
    if form.validate_on_submit():
        levels = {a.code: int(form[f"area_{a.code}"].data) for a in areas if form[f"area_{a.code}"].data}
        try:
            planned_again = service.edit_targets(framework, phase, sector, levels)
        except ImportRefused as refused:
            problems = refused.problems
        else:
            return _saved(planned_again, framework.version)
    status = 400 if problems else 200
    return render_template(
        "admin/framework_targets.html",
        framework=framework,
        phase=phase,
        sector=sector,
        areas=areas,
        form=form,
        problems=problems,
    ), status
