"""A school's support profile: its hours budget, board and region, induction programme,
priority areas and higher targets."""

from dataclasses import dataclass

import sqlalchemy as sa

from planner.domain.catalogue import PHASES
from planner.extensions import db
from planner.models import Framework, Module, ModuleSector, Role, School, SchoolArea, User
from planner.paths import service

# The format of the buddy and mentor programmes schools run for their starters.
INDUCTION_FORMAT = "buddy-programme"


@dataclass(frozen=True)
class SchoolLinks:
    """Where the school belongs (its board and samenwerkingsverband region) and the
    induction programme it runs; empty codes where it does not say."""

    board_code: str = ""
    board_name: str = ""
    region_code: str = ""
    induction_programme: str | None = None
    # In go: sbo, so or vso, whose target profiles differ; None elsewhere.
    go_type: str | None = None


def induction_programmes(school: School, framework: Framework | None) -> list[Module]:
    """The buddy and mentor programmes in the catalogue a school of this sector may run:
    offered in its sector to everyone, or to one board or region (the form checks which)."""
    if framework is None:
        return []
    return db.session.scalars(
        sa.select(Module)
        .where(
            Module.framework_id == framework.id,
            Module.retired.is_(False),
            Module.format == INDUCTION_FORMAT,
            Module.reach_kind.in_(("sector", "board", "region")),
            Module.id.in_(sa.select(ModuleSector.module_id).where(ModuleSector.sector == school.sector)),
        )
        .order_by(Module.position, Module.code)
    ).all()


def profile_data(school: School, areas) -> dict:
    """The form's values as stored: empty where the school follows the framework."""
    data: dict = {
        "budget_hours_per_year": school.budget_hours_per_year,
        "board_code": school.board_code,
        "board_name": school.board_name,
        "region_code": school.region_code,
        "induction_programme": school.induction_programme or "",
        "go_type": school.go_type or "",
    }
    rows = {row.area_code: row for row in school.areas}
    for area in areas:
        row = rows.get(area.code)
        data[f"priority_{area.code}"] = bool(row and row.priority)
        for phase in PHASES:
            level = row.target(phase) if row else None
            data[f"{phase}_{area.code}"] = str(level) if level else ""
    return data


def save_profile(
    school: School, budget: int, choices: dict[str, dict], links: SchoolLinks | None = None
) -> int:
    """Store the profile and mark the paths of the school's teachers out of date, to be
    planned again on each one's next read; returns how many.

    ``choices`` maps an area code to {"priority": bool, "initial": level or None, ...}.
    ``links`` (board, region, induction programme) stay as they are when not given.
    """
    school.budget_hours_per_year = budget
    if links is not None:
        school.board_code, school.board_name = links.board_code, links.board_name
        school.region_code = links.region_code
        school.induction_programme = links.induction_programme or None
        school.go_type = links.go_type if school.sector == "go" else None
    rows = {row.area_code: row for row in school.areas}
    for code, choice in choices.items():
        chosen = choice["priority"] or any(choice[phase] for phase in PHASES)
        row = rows.get(code)
        if not chosen:
            if row is not None:
                school.areas.remove(row)
            continue
        if row is None:
            row = SchoolArea(area_code=code)
            school.areas.append(row)
        row.priority = choice["priority"]
        for phase in PHASES:
            setattr(row, f"{phase}_target", choice[phase])
    db.session.flush()
    # Planning hundreds of teachers would keep the leader waiting: their paths are planned
    # again on each teacher's next read (see ``service.plan_if_out_of_date``).
    return service.mark_out_of_date(
        sa.select(User.id).where(User.school_id == school.id, User.role == Role.TEACHER)
    )


def targets_below(choices: dict[str, dict], framework: dict[str, dict[str, int]]) -> set[str]:
    """The areas where the school chose a target below the framework's (DESIGN §4: schools
    raise targets): the planner keeps the framework's there, and the leader is told."""
    return {
        code
        for code, choice in choices.items()
        for phase in PHASES
        if choice.get(phase) and choice[phase] < framework.get(phase, {}).get(code, 0)
    }
