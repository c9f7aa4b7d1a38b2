from datetime import date

import pytest

from planner.domain.progress import TRANSITIONS, change_problem, school_year_number, school_year_start


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (date(2026, 7, 31), 2025),
        (date(2026, 8, 1), 2026),
        (date(2026, 11, 23), 2026),
        (date(2027, 1, 5), 2026),
    ],
)
def test_a_school_year_starts_on_the_first_of_august(day, start):
    assert school_year_start(day) == start


def test_school_years_count_from_the_paths_first():
    assert school_year_number(date(2026, 9, 1), 2026) == 1
    assert school_year_number(date(2028, 2, 1), 2026) == 2
    assert school_year_number(date(2026, 3, 1), 2026) == 0


def test_done_is_final_and_everything_else_can_be_planned_again():
    assert TRANSITIONS["done"] == frozenset()
    assert all(
        "planned" in after for status, after in TRANSITIONS.items() if status not in ("done", "planned")
    )


@pytest.mark.parametrize(
    ("now", "new", "note", "on_date", "problem"),
    [
        ("planned", "done", "", date(2026, 11, 1), None),
        ("done", "planned", "", None, "status"),
        ("skipped", "done", "", None, "status"),
        ("planned", "skipped", "  ", None, "reason"),
        ("in_progress", "skipped", "te zwaar", None, None),
        ("planned", "done", "", date(2026, 12, 1), "on_date"),
    ],
)
def test_what_keeps_a_step_from_changing(now, new, note, on_date, problem):
    assert change_problem(now, new, note, on_date, today=date(2026, 11, 23)) == problem
