from dataclasses import asdict
from datetime import datetime, timedelta
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import requests

from planner.domain.agreement import Version, catalogue_mark, changes, prunable, reading
from planner.domain.catalogue import Module
from planner.domain.planning import plan


def step(code, year=1, period=1, status="planned", hours=8, facilitation=False, **ignored):
    return SimpleNamespace(
        module_code=code,
        school_year=year,
        period=period,
        status=status,
        hours=hours,
        needs_facilitation=facilitation,
        **ignored,
    )


TARGETS = {"induction": {"GEDRAG": 3, "PLAN": 3}}
LEVELS = {"GEDRAG": 1, "PLAN": 2}


def path(steps, unreachable=(), targets=TARGETS, levels=LEVELS):
    return reading(steps, unreachable, targets, levels)


def test_the_same_path_reads_the_same_whatever_the_order_ids_and_reasons():
    one = path([step("A", id=1, reasons=["x"]), step("B", year=2)])
    other = path([step("B", year=2, id=7), step("A", id=9, reasons=["y"])])
    assert one == other
    assert changes(one, other) == []


def test_status_period_hours_and_facilitation_are_what_a_teacher_reads():
    base = path([step("A")])
    for different in (
        step("A", status="in_progress"),
        step("A", period=2),
        step("A", hours=9),
        step("A", facilitation=True),
        step("A", year=2),
    ):
        assert path([different]) != base


def test_unreachable_targets_and_levels_count_too():
    base = path([step("A")])
    late = {"area": "PLAN", "phase": "induction", "target": 3, "reason": "late", "best_level": 3}
    assert path([step("A")], unreachable=[late]) != base
    assert path([step("A")], levels={"GEDRAG": 1, "PLAN": 1}) != base
    assert path([step("A")], targets={"induction": {"GEDRAG": 4, "PLAN": 3}}) != base


def test_changes_name_steps_added_dropped_moved_and_with_other_hours():
    old = path([step("A"), step("B", year=2), step("C"), step("D", hours=8), step("E", status="done")])
    new = path(
        [
            step("A"),
            step("B", year=1, period=2),
            step("D", hours=12),
            step("F", year=3),
            step("E", status="done"),
        ]
    )
    assert changes(old, new) == [
        {"kind": "added", "module": "F", "year": 3, "period": 1},
        {"kind": "dropped", "module": "C", "status": None},
        {
            "kind": "moved",
            "module": "B",
            "from_year": 2,
            "from_period": 1,
            "year": 1,
            "period": 2,
        },
        {"kind": "hours", "module": "D", "from": 8, "to": 12},
    ]


def test_changes_name_targets_now_late_unreachable_or_no_longer():
    late = {"area": "PLAN", "phase": "induction", "target": 3, "kind": "late", "best_level": 3}
    budget = {"area": "GEDRAG", "phase": "induction", "target": 3, "reason": "budget", "best_level": 2}
    old = path([step("A")], unreachable=[budget])
    new = path([step("A")], unreachable=[late], levels={"GEDRAG": 1, "PLAN": 1})
    assert changes(old, new) == [
        {"kind": "reached", "area": "GEDRAG", "phase": "induction", "target": 3},
        {"kind": "late", "area": "PLAN", "phase": "induction", "target": 3},
        {"kind": "level", "area": "PLAN", "from": 2, "to": 1},
    ]
    assert changes(new, old)[:2] == [
        {"kind": "unreachable", "area": "GEDRAG", "phase": "induction", "target": 3},
        {"kind": "reached", "area": "PLAN", "phase": "induction", "target": 3},
    ]


def test_a_raised_target_is_a_change():
    old = path([step("A")])
    new = path([step("A")], targets={"induction": {"GEDRAG": 4, "PLAN": 3}})
    assert changes(old, new) == [
        {"kind": "target", "area": "GEDRAG", "phase": "induction", "from": 3, "to": 4}
    ]


def test_pruning_keeps_accepted_versions_the_newest_proposal_and_recent_ones():
    now = datetime(2026, 11, 23, 12)
    versions = [
        Version(1, now - timedelta(days=90), accepted=False),
        Version(2, now - timedelta(days=80), accepted=True),
        Version(3, now - timedelta(days=31), accepted=False),
        Version(4, now - timedelta(days=29), accepted=False),
        Version(5, now - timedelta(days=60), accepted=False),
    ]
    assert prunable(versions, now) == [1, 5, 3]
    only = [Version(1, now - timedelta(days=400), accepted=False)]
    assert prunable(only, now) == []


def module(hours=8, outcomes=None, requires=()):
    return Module(
        code="A",
        hours=hours,
        format="training-one-day",
        phases=frozenset({"induction"}),
        sectors=frozenset({"po"}),
        outcomes=outcomes or {"GEDRAG": 2},
        requires_modules=tuple(requires),
    )


def test_a_step_is_marked_when_its_module_left_or_changed_in_the_catalogue():
    assert catalogue_mark(8, {"GEDRAG": 2}, None) == "withdrawn"
    assert catalogue_mark(8, {"GEDRAG": 2}, module()) is None
    assert catalogue_mark(8, {"GEDRAG": 2}, module(requires=["B"])) is None
    assert catalogue_mark(8, {"GEDRAG": 2}, module(hours=16)) == "changed"
    assert catalogue_mark(8, {"GEDRAG": 2}, module(outcomes={"GEDRAG": 3})) == "changed"


def test_the_heading_counts_too():
    old = reading([step("A")], [], TARGETS, LEVELS, {"phase": "induction", "budget_hours_per_year": 40})
    new = reading([step("A")], [], TARGETS, LEVELS, {"phase": "induction", "budget_hours_per_year": 60})
    assert old != new
    assert changes(old, new) == [{"kind": "budget_hours_per_year", "from": 40, "to": 60}]


def _read(result):
    """The planner's output as a stored path would be read."""
    steps = [
        SimpleNamespace(
            module_code=s.module,
            school_year=s.school_year,
            period=getattr(s, "period", 1),
            status=s.status,
            hours=s.hours,
            needs_facilitation=getattr(s, "needs_facilitation", False),
        )
        for s in result.steps
    ]
    unreachable = [asdict(u) for u in result.unreachable]
    return steps, unreachable


@settings(max_examples=60, deadline=None)
@given(requests(), st.randoms(use_true_random=False))
def test_planning_the_same_again_reads_the_same_and_changes_nothing(request, rng):
    steps, unreachable = _read(plan(request))
    again, unreachable_again = _read(plan(request))
    rng.shuffle(again)
    first = reading(steps, unreachable, request.targets, request.levels)
    second = reading(again, list(reversed(unreachable_again)), request.targets, request.levels)
    assert first == second
    assert changes(first, second) == []
