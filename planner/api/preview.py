"""POST /api/v1/plans/preview: plan an imagined teacher without storing anything.

For what-if use by teachers, leaders and institutes alike, so any valid token will do.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from flask import jsonify, request

from planner.api import bp
from planner.api.catalogue import api_error
from planner.api.described import described
from planner.api.documents import step_document, unreachable_document
from planner.api.schemas.paths import PreviewedPath, PreviewIn
from planner.api.tokens import bearer_token_required
from planner.catalogue.service import area_codes
from planner.domain.assessment import planning_levels
from planner.domain.catalogue import GO_TYPES, PHASES, SCALE, SECTORS
from planner.domain.planning import plan
from planner.domain.targets import MAX_SPECIALISMS
from planner.extensions import db
from planner.paths import service
from planner.paths.explain import Context
from planner.paths.request import Situation, plan_request, sector_targets
from planner.paths.views import catalogue_names

FIELDS = {
    "sector",
    "phase",
    "years_experience",
    "study_years_left",
    "levels",
    "mentor_levels",
    "wishes",
    "specialisms",
    "class_context",
    "budget_hours_per_year",
    "done",
    "in_progress",
    "school",
    "side_entrant",
}
COUNTS = ("class_size", "support_need", "extra_support_need", "complexity")
COUNT_RANGE = {
    "class_size": (1, 60),
    "support_need": (0, 60),
    "extra_support_need": (0, 60),
    "complexity": (1, 3),
}
SCHOOL_FIELDS = {"priorities", "targets", "board", "region", "induction_programme", "go_type"}


@bp.post("/plans/preview")
@described(
    PreviewedPath,
    body=PreviewIn,
    refusals={400: "Nothing was planned, with a message per field", 409: "There is no catalogue yet."},
)
@bearer_token_required()
def preview_plan():
    """Plan an imagined teacher, storing nothing

    For what-if questions of teachers, leaders and institutes alike: any valid token."""
    db.session.commit()  # the token's last use, and nothing else
    catalogue = service.planning_catalogue()
    if catalogue is None:
        return api_error(409, "there is no catalogue yet")
    body = request.get_json(silent=True)
    areas = area_codes(catalogue.framework)
    errors = preview_errors(body, set(areas), catalogue.modules)
    if errors:
        return api_error(400, "nothing was planned", errors)
    situation = _situation(body)
    targets = sector_targets(
        catalogue.targets, situation.sector, areas, situation.raised_targets, situation.go_type
    )
    result = plan(
        plan_request(
            situation, catalogue.modules, targets, catalogue.class_context_areas, tuple(areas), date.today()
        )
    )
    codes = {step.module for step in result.steps} | {
        r.module for s in result.steps for r in s.reasons if r.module
    }
    names = catalogue_names(catalogue.framework, codes)
    context = Context(class_context=situation.class_context, school_year_label=_year_label(date.today()))
    return jsonify(
        phase=situation.phase,
        sector=situation.sector,
        budget_hours_per_year=situation.budget_hours_per_year,
        targets=targets,
        steps=[
            step_document({**asdict(step), "reasons": [asdict(r) for r in step.reasons]}, names, context)
            for step in result.steps
        ],
        unreachable=[unreachable_document(asdict(item), names, context) for item in result.unreachable],
        levels_after=dict(result.levels_after),
    )


def _year_label(today: date):
    from planner.domain.progress import school_year_start

    first = school_year_start(today)
    return lambda number: f"{first + number - 1}-{first + number}"


def _situation(body: dict) -> Situation:
    own = body["levels"]
    mentor = body.get("mentor_levels")
    levels = planning_levels(own, mentor)
    sources = {area: "mentor" for area, level in (mentor or {}).items() if level < own.get(area, level + 1)}
    school = body.get("school") or {}
    reach = {("board", school.get("board")), ("region", school.get("region"))}
    return Situation(
        sector=body["sector"],
        phase=body["phase"],
        years_experience=body["years_experience"],
        study_years_left=body["study_years_left"],
        levels=levels,
        level_sources=sources,
        wishes=frozenset(body.get("wishes") or []),
        specialisms=frozenset(body.get("specialisms") or []),
        class_context=dict(body.get("class_context") or {}),
        budget_hours_per_year=body.get("budget_hours_per_year") or service.DEFAULT_BUDGET_HOURS,
        done=frozenset(body.get("done") or []),
        in_progress=frozenset(body.get("in_progress") or []),
        priorities=frozenset(school.get("priorities") or []),
        raised_targets=school.get("targets") or {},
        reach=frozenset((kind, code) for kind, code in reach if code),
        induction_programme=school.get("induction_programme"),
        side_entrant=bool(body.get("side_entrant")),
        go_type=school.get("go_type"),
    )


def preview_errors(body, areas: set[str], modules) -> dict[str, str]:
    """A message per field; empty when the body can be planned."""
    if not isinstance(body, dict):
        return {"body": "expected a JSON object"}
    errors = {f"{name}": "unknown field" for name in body.keys() - FIELDS}
    if body.get("sector") not in SECTORS:
        errors["sector"] = f"one of {', '.join(SECTORS)}"
    if body.get("phase") not in PHASES:
        errors["phase"] = f"one of {', '.join(PHASES)}"
    for name, high in (("years_experience", 50), ("study_years_left", 10)):
        if not _whole(body.get(name), 0, high):
            errors[name] = f"a whole number from 0 to {high}"
    levels = body.get("levels")
    if not isinstance(levels, dict):
        errors["levels"] = "expected an object with a level from 0 to 5 for every area"
    else:
        errors.update(_level_errors("levels", levels, areas))
        for area in sorted(areas - levels.keys()):
            errors[f"levels.{area}"] = "missing: every area needs a level from 0 to 5"
    mentor = body.get("mentor_levels")
    if mentor is not None:
        if not isinstance(mentor, dict):
            errors["mentor_levels"] = "expected an object of area codes with levels 0 to 5"
        else:
            errors.update(_level_errors("mentor_levels", mentor, areas))
    for name in ("wishes", "specialisms"):
        errors.update(_code_list_errors(name, body.get(name), areas, "unknown area"))
    if isinstance(body.get("specialisms"), list) and len(set(body["specialisms"])) > MAX_SPECIALISMS:
        errors["specialisms"] = f"at most {MAX_SPECIALISMS} specialisms"
    for name in ("done", "in_progress"):
        errors.update(_code_list_errors(name, body.get(name), set(modules), "unknown module"))
    errors.update(_context_errors(body.get("class_context")))
    if body.get("budget_hours_per_year") is not None and not _whole(body["budget_hours_per_year"], 1, 2000):
        errors["budget_hours_per_year"] = "a whole number of hours from 1 to 2000"
    if body.get("side_entrant") is not None and not isinstance(body["side_entrant"], bool):
        errors["side_entrant"] = "true or false"
    errors.update(_school_errors(body.get("school"), areas, modules))
    return errors


def _whole(value, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _level_errors(name: str, levels: dict, areas: set[str]) -> dict[str, str]:
    errors = {}
    for code, level in levels.items():
        if code not in areas:
            errors[f"{name}.{code}"] = "unknown area"
        elif type(level) is not int or level not in SCALE:
            errors[f"{name}.{code}"] = "level must be a whole number from 0 to 5"
    return errors


def _code_list_errors(name: str, codes, known: set[str], message: str) -> dict[str, str]:
    if codes is None:
        return {}
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        return {name: "expected a list of codes"}
    return {f"{name}.{code}": message for code in codes if code not in known}


def _context_errors(context) -> dict[str, str]:
    if context is None:
        return {}
    if not isinstance(context, dict):
        return {"class_context": "expected an object"}
    errors = {f"class_context.{name}": "unknown field" for name in context.keys() - set(COUNTS)}
    for name in COUNTS:
        value = context.get(name)
        low, high = COUNT_RANGE[name]
        if value is not None and not _whole(value, low, high):
            errors[f"class_context.{name}"] = f"a whole number from {low} to {high}"
    if not errors:
        size, need, extra = (context.get(name) for name in COUNTS[:3])
        if size is not None and need is not None and need > size:
            errors["class_context.support_need"] = "cannot be more than class_size"
        if need is not None and extra is not None and extra > need:
            errors["class_context.extra_support_need"] = "cannot be more than support_need"
    return errors


def _school_errors(school, areas: set[str], modules) -> dict[str, str]:
    if school is None:
        return {}
    if not isinstance(school, dict):
        return {"school": "expected an object"}
    errors = {f"school.{name}": "unknown field" for name in school.keys() - SCHOOL_FIELDS}
    errors.update(_code_list_errors("school.priorities", school.get("priorities"), areas, "unknown area"))
    targets = school.get("targets")
    if targets is not None:
        if not isinstance(targets, dict):
            errors["school.targets"] = "expected an object of phases with area levels"
        else:
            for phase, levels in targets.items():
                if phase not in PHASES or not isinstance(levels, dict):
                    errors[f"school.targets.{phase}"] = "expected a phase with an object of area levels"
                    continue
                for code, level in levels.items():
                    if code not in areas:
                        errors[f"school.targets.{phase}.{code}"] = "unknown area"
                    elif not _whole(level, 1, 5):
                        errors[f"school.targets.{phase}.{code}"] = "level must be a whole number from 1 to 5"
    for name in ("board", "region"):
        if school.get(name) is not None and not (
            isinstance(school[name], str) and 0 < len(school[name]) <= 40
        ):
            errors[f"school.{name}"] = "a code of at most 40 characters"
    if school.get("go_type") is not None and school["go_type"] not in GO_TYPES:
        errors["school.go_type"] = f"one of {', '.join(GO_TYPES)}"
    programme = school.get("induction_programme")
    if programme is not None and programme not in modules:
        errors["school.induction_programme"] = "unknown module"
    return errors
