"""A teacher's progress on the steps of a path, and the school years it is counted in."""

from __future__ import annotations

from datetime import date

# What a step may become from what it is; done is final.
TRANSITIONS: dict[str, frozenset[str]] = {
    "planned": frozenset({"in_progress", "done", "skipped"}),
    "in_progress": frozenset({"done", "skipped", "planned"}),
    "skipped": frozenset({"planned"}),
    "done": frozenset(),
}


def change_problem(now: str, new: str, note: str, on_date: date | None, today: date) -> str | None:
    """Why a step that is ``now`` cannot become ``new``: "status" (not allowed from here),
    "reason" (a skip needs one) or "on_date" (done in the future); None when it can."""
    if new not in TRANSITIONS[now]:
        return "status"
    if new == "skipped" and not note.strip():
        return "reason"
    if new == "done" and on_date is not None and on_date > today:
        return "on_date"
    return None


# A Dutch school year runs from 1 August.
SCHOOL_YEAR_START_MONTH = 8


def school_year_start(day: date) -> int:
    """The calendar year in which the school year of ``day`` began."""
    return day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1


def period_in_school_year(day: date) -> int:
    """The half of the school year ``day`` falls in: 1 from August to January, 2 from February."""
    return 1 if day.month >= SCHOOL_YEAR_START_MONTH or day.month == 1 else 2


def school_year_number(day: date, first_school_year: int) -> int:
    """The school year of ``day`` counted from the path's first (1); earlier years are 0 or less."""
    return school_year_start(day) - first_school_year + 1
