import csv
import io
import json

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from planner import access
from planner.domain.anonymise import DIMENSIONS, K
from planner.domain.programme import ProgrammeModules, programme_problems
from planner.extensions import db
from planner.institute import bp, service
from planner.institute.export import programme_case, programme_file
from planner.institute.forms import MAX_STUDY_YEARS, ProgrammeForm
from planner.models import Institute, Programme, Role

DIMENSION_LABELS = {
    "programme": _l("Programme"),
    "graduation_year": _l("Graduation year"),
    "sector": _l("Sector"),
}


def staff_institute() -> Institute:
    if current_user.institute is None:
        abort(404)
    return current_user.institute


@bp.route("/")
@access.role_required(Role.INSTITUTE)
def index():
    institute = staff_institute()
    return render_template(
        "institute/index.html", institute=institute, programmes=service.programmes(institute)
    )


def problem_message(problem) -> str:
    details = problem.details
    if problem.rule == "later-module" and details.get("required_year") is None:
        return _(
            "%(module)s requires %(required)s, which the programme does not hold.",
            module=problem.module,
            **details,
        )
    if problem.rule == "later-module":
        return _(
            "%(module)s requires %(required)s, which comes later (year %(required_year)s).",
            module=problem.module,
            **details,
        )
    if problem.rule == "elective-required":
        return _(
            "%(module)s requires %(required)s, which is only an elective.", module=problem.module, **details
        )
    if problem.rule == "entry-level":
        return _(
            "%(module)s asks level %(level)s in %(area)s; the compulsory part up to this year "
            "reaches %(reached)s.",
            module=problem.module,
            **details,
        )
    return _("%(module)s cannot be placed here.", module=problem.module)


def checked_programme(form: ProgrammeForm, modules: dict) -> tuple[ProgrammeModules | None, dict]:
    """The programme the form describes, or None with a message next to each field at fault."""
    known = {code.upper(): code for code in modules}
    study_years = form.study_years.data or 0
    places: dict[str, tuple[int, bool]] = {}
    years: dict[int, tuple[list, list]] = {}
    fields: dict[tuple[str, int], object] = {}
    ok = True
    for year, compulsory_field, elective_field in form.year_fields():
        lists: tuple[list, list] = ([], [])
        for compulsory, field in ((True, compulsory_field), (False, elective_field)):
            fields[(field.name.split("_")[0], year)] = field
            for typed in form.codes(field):
                code = known.get(typed.upper())
                if code is None:
                    field.errors.append(_("There is no module %(code)s in the catalogue.", code=typed))
                elif year > study_years:
                    field.errors.append(_("The programme has %(years)s study years.", years=study_years))
                elif code in places:
                    field.errors.append(
                        _("%(code)s is already in year %(year)s.", code=code, year=places[code][0])
                    )
                else:
                    places[code] = (year, compulsory)
                    lists[0 if compulsory else 1].append(code)
                    continue
                ok = False
        years[year] = lists
    programme = ProgrammeModules(
        study_years=study_years,
        compulsory={code: year for code, (year, compulsory) in places.items() if compulsory},
        electives={code: year for code, (year, compulsory) in places.items() if not compulsory},
    )
    for problem in programme_problems(programme, modules):
        year, compulsory = places[problem.module]
        fields[("compulsory" if compulsory else "electives", year)].errors.append(problem_message(problem))
        ok = False
    return (programme if ok else None), years


def fill_form(form: ProgrammeForm, programme: Programme) -> None:
    for year, compulsory_field, elective_field in form.year_fields():
        compulsory_field.data = ", ".join(programme.module_codes(year, True))
        elective_field.data = ", ".join(programme.module_codes(year, False))
    form.sectors.data = programme.sectors


def edit_programme(institute: Institute, programme: Programme | None):
    form = ProgrammeForm(obj=programme)
    if request.method == "GET" and programme is not None:
        fill_form(form, programme)
    modules = service.catalogue_modules()
    shown = service.programme_modules(programme) if programme else None
    sectors = programme.sectors if programme else []
    if form.validate_on_submit():
        checked, years = checked_programme(form, modules)
        taken = service.programme_code_taken(institute, form.code.data, programme)
        if taken:
            form.code.errors.append(_("Your institute has a programme with this code already."))
        if checked is not None and not taken:
            if form.preview.data:
                # What-if: the coverage of the unsaved programme, the form as it was typed.
                shown, sectors = checked, form.sectors.data
            else:
                programme = programme or Programme(institute=institute)
                programme.code, programme.name = form.code.data, form.name.data
                programme.sectors = [s for s in form.sectors.data]
                service.save_programme(programme, checked, years)
                db.session.add(programme)
                db.session.commit()
                flash(_("The programme has been saved."), "success")
                return redirect(url_for("institute.programme", code=programme.code))
    elif request.method == "POST":
        checked_programme(form, modules)
    rows = service.programme_coverage(shown, sectors) if shown else []
    return render_template(
        "institute/programme.html",
        form=form,
        programme=programme,
        rows=rows,
        previewing=bool(form.preview.data and shown is not None and programme is not None),
        module_codes=sorted(modules),
        area_names=service.area_names(),
        max_years=MAX_STUDY_YEARS,
    )


@bp.route("/programmes/new", methods=["GET", "POST"])
@access.role_required(Role.INSTITUTE)
def new_programme():
    return edit_programme(staff_institute(), None)


@bp.route("/programmes/<code>", methods=["GET", "POST"])
@access.role_required(Role.INSTITUTE)
def programme(code: str):
    institute = staff_institute()
    return edit_programme(institute, service.programme_or_404(institute, code))


@bp.route("/programmes/<code>.json")
@access.role_required(Role.INSTITUTE)
def programme_json(code: str):
    """The programme as a JSON file, as the API answers it."""
    programme = service.programme_or_404(staff_institute(), code)
    return _download(programme_file(programme), f"{programme.code}.json")


@bp.route("/programmes/<code>.case.json")
@access.role_required(Role.INSTITUTE)
def programme_case_json(code: str):
    """The programme as a CASE 1.1 package, its modules linked to the framework's areas."""
    programme = service.programme_or_404(staff_institute(), code)
    # The base of the catalogue's own CASE export: the area identifiers match across both.
    base = url_for("catalogue.modules", _external=True).rstrip("/") + "/case"
    return _download(programme_case(programme, base), f"{programme.code}-case.json")


def _download(document: dict, filename: str) -> Response:
    response = Response(json.dumps(document, ensure_ascii=False, indent=2), mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def grouping_from(args) -> list[str] | None:
    """The dimensions asked for, in their order; None when one is unknown."""
    raw = args.get("group_by")
    if raw is None:
        return [name for name in DIMENSIONS if args.get(name)]
    names = [name.strip() for name in raw.split(",") if name.strip()]
    if any(name not in DIMENSIONS for name in names) or len(set(names)) != len(names):
        return None
    return names


@bp.route("/alumni")
@access.role_required(Role.INSTITUTE)
def alumni():
    institute = staff_institute()
    group_by = grouping_from(request.args)
    if group_by is None:
        abort(400)
    return render_template(
        "institute/alumni.html",
        institute=institute,
        group_by=group_by,
        dimensions=DIMENSIONS,
        cells=service.alumni_needs(institute, group_by),
        offer=service.induction_offer(institute),
        k=K,
        dimension_labels=DIMENSION_LABELS,
        area_names=service.area_names(),
    )


@bp.route("/alumni.csv")
@access.role_required(Role.INSTITUTE)
def alumni_csv():
    institute = staff_institute()
    group_by = grouping_from(request.args)
    if group_by is None:
        abort(400)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*group_by, "area", "n", "below_target", "mean_gap", "suppressed"])
    for cell in service.alumni_needs(institute, group_by):
        figures = ["", "", ""] if cell.suppressed else [cell.n, cell.below_target, cell.mean_gap]
        writer.writerow(
            [*(cell.group[name] or "" for name in group_by), cell.area, *figures, int(cell.suppressed)]
        )
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=alumni-needs.csv"},
    )


@bp.post("/consent")
@access.role_required(Role.TEACHER)
def consent():
    if request.form.get("consent") == "give":
        if current_user.institute_id is None:
            flash(_("Name your teacher-training institute in your profile first."), "error")
            return redirect(url_for("main.profile"))
        service.give_consent(current_user)
        db.session.commit()
        flash(_("Your institute may now use your assessments in anonymised figures."), "success")
    else:
        service.withdraw_consent(current_user)
        db.session.commit()
        flash(
            _("Your consent has been withdrawn: your institute's figures leave you out from now on."),
            "success",
        )
    return redirect(url_for("main.profile"))
