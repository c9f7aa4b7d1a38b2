"""A school's support profile: its hours budget, priority areas and higher targets."""

import sqlalchemy as sa

from planner.domain.catalogue import PHASES
from planner.extensions import db
from planner.models import Role, School, SchoolArea, User
from planner.paths import service


def profile_data(school: School, areas) -> dict:
    """The form's values as stored: empty where the school follows the framework."""
    data: dict = {"budget_hours_per_year": school.budget_hours_per_year}
    rows = {row.area_code: row for row in school.areas}
    for area in areas:
        row = rows.get(area.code)
        data[f"priority_{area.code}"] = bool(row and row.priority)
        for phase in PHASES:
            level = row.target(phase) if row else None
            data[f"{phase}_{area.code}"] = str(level) if level else ""
    return data


def save_profile(school: School, budget: int, choices: dict[str, dict]) -> int:
    """Store the profile and plan again the paths of the school's teachers; returns how many.

    ``choices`` maps an area code to {"priority": bool, "initial": level or None, ...}.
    """
    school.budget_hours_per_year = budget
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
    teachers = db.session.scalars(
        sa.select(User).where(User.school_id == school.id, User.role == Role.TEACHER)
    ).all()
    catalogue = service.planning_catalogue()
    return sum(service.replan_if_planned(teacher, "school", catalogue) for teacher in teachers)
