from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import replace

import pytest

from planner.domain.catalogue import PHASES, Module
from planner.domain.planning import (
    Path,
    PlanRequest,
    Reason,
    Unreachable,
    alternatives,
    plan,
    projected_levels,
    school_years,
)

BUDGET = {"initial": 40, "induction": 40, "experienced": 40}


def module(
    code: str,
    outcomes: Mapping[str, int],
    *requires: str,
    hours: int = 8,
    format: str = "training-one-day",
    phases: tuple[str, ...] = PHASES,
    sectors: tuple[str, ...] = ("po",),
    entry: Mapping[str, int] | None = None,
) -> Module:
    return Module(code, hours, format, frozenset(phases), frozenset(sectors), outcomes, requires, entry or {})


def request(modules: list[Module], **changes: object) -> PlanRequest:
    base = PlanRequest(
        modules={m.code: m for m in modules},
        levels={},
        sector="po",
        phase="induction",
        years={"induction": 2, "experienced": 3},
        targets={},
        budget=BUDGET,
    )
    return replace(base, **changes)


def plan_for(modules: list[Module], targets: Mapping[str, Mapping[str, int]], **changes: object) -> Path:
    return plan(request(modules, targets=targets, **changes))


def placed(path: Path) -> list[tuple[str, int]]:
    return [(step.module, step.school_year) for step in path.steps]


def periods(path: Path) -> list[tuple[str, int, int]]:
    return [(step.module, step.school_year, step.period) for step in path.steps]


def test_a_gap_is_closed_and_the_step_says_why() -> None:
    path = plan_for([module("A", {"DIFF": 3})], {"induction": {"DIFF": 3}}, levels={"DIFF": 1})

    [step] = path.steps
    assert (step.module, step.phase, step.school_year) == ("A", "induction", 1)
    assert step.status == "planned"
    assert step.reasons == (Reason("gap", area="DIFF", level=3, target=3, current=1, phase="induction"),)
    assert path.unreachable == ()
    assert path.levels_after == {"DIFF": 3}


def test_the_route_with_the_fewest_hours_wins_prerequisites_included() -> None:
    modules = [
        module("QUICK", {"DIFF": 3}, "BASIS", hours=10),
        module("BASIS", {"KLAS": 1}, hours=20),
        module("WHOLE", {"DIFF": 3}, hours=24),
    ]

    path = plan_for(modules, {"induction": {"DIFF": 3}})

    assert placed(path) == [("WHOLE", 1)]


def test_equal_hours_prefer_the_shorter_format_then_the_code() -> None:
    modules = [
        module("B", {"DIFF": 2}, format="training-one-day"),
        module("A", {"DIFF": 2}, format="coaching"),
        module("C", {"DIFF": 2}, format="training-one-day"),
    ]

    assert placed(plan_for(modules, {"induction": {"DIFF": 2}})) == [("B", 1)]


def test_a_required_module_ends_in_an_earlier_year() -> None:
    modules = [module("A", {"DIFF": 2}), module("B", {"DIFF": 3}, "A")]

    path = plan_for(modules, {"induction": {"DIFF": 3}})

    # The next period, not the next school year.
    assert periods(path) == [("A", 1, 1), ("B", 1, 2)]
    first, second = path.steps
    assert second.requires == ("A",)
    assert first.reasons == (
        Reason("gap", area="DIFF", level=2, target=3, current=0, phase="induction"),
        Reason("prerequisite", module="B"),
    )


def test_an_entry_level_is_reached_by_an_earlier_step() -> None:
    modules = [
        module("CALM", {"GEDRAG": 2}),
        module("GROUP", {"KLAS": 3}, entry={"GEDRAG": 2}),
    ]

    path = plan_for(modules, {"induction": {"KLAS": 3}})

    assert periods(path) == [("CALM", 1, 1), ("GROUP", 1, 2)]
    assert path.steps[1].requires == ("CALM",)
    assert path.steps[0].reasons == (Reason("prerequisite", area="GEDRAG", level=2, module="GROUP"),)


def test_an_entry_level_the_teacher_has_needs_no_step() -> None:
    modules = [module("CALM", {"GEDRAG": 2}), module("GROUP", {"KLAS": 3}, entry={"GEDRAG": 2})]

    path = plan_for(modules, {"induction": {"KLAS": 3}}, levels={"GEDRAG": 2})

    assert placed(path) == [("GROUP", 1)]
    assert path.steps[0].requires == ()


def test_a_module_beyond_a_years_budget_needs_facilitation_and_is_not_stretched() -> None:
    modules = [
        Module("TRACK", 240, "specialisation-track", frozenset(PHASES), frozenset({"po"}), {"DIFF": 4}),
        module("OBS", {"KLAS": 2}, hours=30, format="coaching"),
    ]
    budget = dict.fromkeys(PHASES, 60)
    targets = {"induction": {"DIFF": 4, "KLAS": 2}}

    path = plan_for(modules, targets, budget=budget, years={"induction": 3})

    track = next(step for step in path.steps if step.module == "TRACK")
    # Four periods from the start: two school years at 120 hours each, 60 above each budget.
    assert (track.school_year, track.period, track.last_school_year, track.last_period) == (1, 1, 2, 2)
    assert track.needs_facilitation and track.facilitation_hours == 120
    other = next(step for step in path.steps if step.module == "OBS")
    assert not other.needs_facilitation
    assert other.school_year == 3


def test_a_full_budget_pushes_steps_to_later_years() -> None:
    modules = [
        module(code, {area: 2}, hours=30) for code, area in (("A", "DIFF"), ("B", "KLAS"), ("C", "GEDRAG"))
    ]

    path = plan_for(modules, {"induction": {"DIFF": 2, "KLAS": 2, "GEDRAG": 2}})

    assert placed(path) == [("A", 1), ("C", 2), ("B", 3)]
    assert [step.phase for step in path.steps] == ["induction", "induction", "experienced"]


def test_targets_of_the_current_phase_come_before_larger_later_gaps() -> None:
    modules = [module("K", {"KLAS": 2}, hours=30), module("D", {"DIFF": 4}, hours=30)]

    path = plan_for(modules, {"induction": {"KLAS": 2}, "experienced": {"DIFF": 4}})

    assert placed(path) == [("K", 1), ("D", 2)]


def test_a_target_no_module_reaches_is_reported_and_approached() -> None:
    path = plan_for([module("A", {"ASS": 2})], {"induction": {"ASS": 3}})

    assert placed(path) == [("A", 1)]
    assert path.steps[0].reasons[0] == Reason(
        "gap", area="ASS", level=2, target=3, current=0, phase="induction"
    )
    assert path.unreachable == (Unreachable("ASS", 3, "induction", "no-module", 2),)


def test_an_area_without_any_module_is_reported() -> None:
    path = plan_for([module("A", {"DIFF": 2})], {"experienced": {"TAAL": 1}})

    assert path.steps == ()
    assert path.unreachable == (Unreachable("TAAL", 1, "experienced", "no-module", 0),)


def test_a_skipped_module_is_routed_around() -> None:
    modules = [module("SHORT", {"DIFF": 2}, hours=4), module("LONG", {"DIFF": 2}, hours=20)]

    path = plan_for(modules, {"induction": {"DIFF": 2}}, skipped=frozenset({"SHORT"}))

    assert placed(path) == [("LONG", 1)]


def test_a_route_through_a_skipped_module_is_reported_blocked() -> None:
    modules = [module("INTRO", {"KLAS": 1}), module("DEEP", {"DIFF": 3}, "INTRO")]

    path = plan_for(modules, {"induction": {"DIFF": 3}}, skipped=frozenset({"INTRO"}))

    assert path.steps == ()
    assert path.unreachable == (Unreachable("DIFF", 3, "induction", "blocked", 0),)


def test_a_route_that_does_not_fit_is_reported_as_budget() -> None:
    budget = dict.fromkeys(PHASES, 20)
    modules = [module("A", {"DIFF": 2}, hours=16), module("B", {"KLAS": 2}, hours=16)]

    path = plan_for(modules, {"induction": {"DIFF": 2, "KLAS": 2}}, budget=budget, years={"induction": 1})

    assert path.unreachable == (Unreachable("KLAS", 2, "induction", "late", 0, 2),)


def test_a_route_that_fits_no_budget_left_is_reported_as_budget() -> None:
    budget = dict.fromkeys(PHASES, 20)
    modules = [
        module("A", {"DIFF": 2}, hours=16, phases=("induction",)),
        module("B", {"KLAS": 2}, hours=16, phases=("induction",)),
    ]

    path = plan_for(modules, {"induction": {"DIFF": 2, "KLAS": 2}}, budget=budget, years={"induction": 1})

    assert placed(path) == [("A", 1)]
    assert path.unreachable == (Unreachable("KLAS", 2, "induction", "budget", 0),)


def test_done_modules_count_and_are_not_planned_again() -> None:
    modules = [module("A", {"DIFF": 2}), module("B", {"DIFF": 3}, "A")]

    path = plan_for(modules, {"induction": {"DIFF": 3}}, done=frozenset({"A"}))

    assert placed(path) == [("B", 1)]
    assert path.steps[0].requires == ("A",)


def test_a_module_in_progress_runs_from_the_current_period() -> None:
    modules = [
        module("RUNNING", {"DIFF": 2}, hours=20),
        module("NEXT", {"DIFF": 3}, "RUNNING", hours=8),
        module("OTHER", {"KLAS": 2}, hours=30),
    ]

    targets = {"induction": {"DIFF": 3, "KLAS": 2}}

    path = plan_for(modules, targets, in_progress=frozenset({"RUNNING"}))

    assert periods(path) == [("RUNNING", 1, 1), ("NEXT", 1, 2), ("OTHER", 2, 1)]
    running = path.steps[0]
    assert running.status == "in_progress"
    assert running.reasons[0] == Reason("in-progress")
    assert Reason("prerequisite", module="NEXT") in running.reasons


def test_a_step_another_route_makes_needless_is_left_out() -> None:
    # DIFF (the larger gap) is served first by PREP + STEP in two periods; GEDRAG's only
    # module then lands in the first period and brings DIFF to 3 as well, so STEP and its
    # PREP serve nothing any more.
    modules = [
        module("PREP", {"KLAS": 1}),
        module("STEP", {"DIFF": 3}, "PREP"),
        module("BOTH", {"GEDRAG": 2, "DIFF": 3}, hours=30),
    ]

    levels = {"DIFF": 1, "GEDRAG": 1}
    budget = dict.fromkeys(PHASES, 60)

    path = plan_for(modules, {"induction": {"DIFF": 3, "GEDRAG": 2}}, levels=levels, budget=budget)

    assert periods(path) == [("BOTH", 1, 1)]


def test_modules_of_other_sectors_and_phases_are_not_planned() -> None:
    modules = [
        module("VO", {"DIFF": 2}, hours=4, sectors=("vo",)),
        module("STUDENT", {"DIFF": 2}, hours=4, phases=("initial",)),
        module("LATER", {"DIFF": 2}, hours=6, phases=("experienced",)),
    ]

    path = plan_for(modules, {"induction": {"DIFF": 2}})

    assert [(step.module, step.school_year, step.phase) for step in path.steps] == [
        ("LATER", 3, "experienced")
    ]


def test_heavy_class_then_wishes_then_gap_size_then_school_priorities() -> None:
    areas = ("ASS", "DIFF", "GEDRAG", "KLAS", "TAAL")
    modules = [module(area, {area: 2}, hours=40) for area in areas]

    path = plan_for(
        modules,
        {"induction": dict.fromkeys(areas, 2)},
        levels={"TAAL": 1},
        years={"induction": 3},
        wishes=frozenset({"TAAL", "KLAS"}),
        heavy_class=True,
        class_context_areas=frozenset({"GEDRAG"}),
        priorities=frozenset({"ASS"}),
    )

    assert [step.module for step in path.steps] == ["GEDRAG", "KLAS", "TAAL", "ASS", "DIFF"]
    reasons = {step.module: {reason.kind for reason in step.reasons} for step in path.steps}
    assert reasons["KLAS"] == {"gap", "wish"}
    assert reasons["GEDRAG"] == {"gap", "class-context"}
    assert reasons["ASS"] == {"gap", "school-priority"}
    # One 40-hour module a year: the last two are reported late, with the year they land.
    assert [(u.area, u.reason, u.school_year) for u in path.unreachable] == [
        ("ASS", "late", 4),
        ("DIFF", "late", 5),
    ]


def test_ties_follow_the_frameworks_order_not_the_alphabet() -> None:
    areas = ("AUTISME", "KLAS", "DIFF")
    modules = [module(area, {area: 2}, hours=40) for area in areas]

    path = plan_for(
        modules,
        {"induction": dict.fromkeys(areas, 2)},
        years={"induction": 3},
        area_order=("DIFF", "KLAS", "AUTISME"),
    )

    assert [step.module for step in path.steps] == ["DIFF", "KLAS", "AUTISME"]


def test_a_wish_beyond_the_targets_gets_one_level_more() -> None:
    modules = [module("K3", {"KLAS": 3}), module("K5", {"KLAS": 5})]

    targets = {"induction": {"KLAS": 2}}

    path = plan_for(modules, targets, levels={"KLAS": 2}, wishes=frozenset({"KLAS"}))

    assert placed(path) == [("K3", 1)]
    assert path.steps[0].reasons == (Reason("wish", area="KLAS", level=3, current=2),)


def test_the_same_request_gives_the_same_path_in_every_process() -> None:
    # Set iteration order changes with the hash seed; the path must not.
    script = """if True:
        from planner.domain import Module, PlanRequest, plan
        areas = ("DIFF", "KLAS", "GEDRAG")
        modules = {
            f"M{i}": Module(
                f"M{i}", 8 + i % 3 * 8, "coaching", {"induction", "experienced"}, {"po"},
                {a: 1 + (i + j) % 4 for j, a in enumerate(areas) if (i + j) % 2},
                (f"M{i - 3}",) if i >= 3 and i % 2 else (),
            )
            for i in range(20)
        }
        targets = {"induction": {"DIFF": 3, "KLAS": 3, "GEDRAG": 2}, "experienced": {"DIFF": 4}}
        print(plan(PlanRequest(
            modules, {}, "po", "induction", {"induction": 2}, targets,
            {"induction": 20, "experienced": 30}, wishes=frozenset({"KLAS", "GEDRAG"}),
        )))
    """
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }

    assert len(outputs) == 1
    assert "Step(" in outputs.pop()


def test_alternatives_reach_every_outcome_at_least_as_far_shortest_first() -> None:
    modules = {
        m.code: m
        for m in [
            module("ORIGINAL", {"DIFF": 3, "KLAS": 2}, hours=20),
            module("LONG", {"DIFF": 4, "KLAS": 2}, hours=80),
            module("SHORT", {"DIFF": 3, "KLAS": 3}, hours=8),
            module("PARTIAL", {"DIFF": 5}, hours=4),
            module("VO", {"DIFF": 3, "KLAS": 2}, hours=4, sectors=("vo",)),
            module("LATE", {"DIFF": 3, "KLAS": 2}, hours=4, phases=("experienced",)),
        ]
    }

    assert alternatives(modules, "ORIGINAL", "po") == ["LATE", "SHORT", "LONG"]
    assert alternatives(modules, "ORIGINAL", "po", "induction") == ["SHORT", "LONG"]


def test_projected_levels_take_the_highest_level() -> None:
    modules = {"A": module("A", {"DIFF": 2, "KLAS": 4})}

    assert projected_levels({"DIFF": 3}, modules, ["A", "GONE"]) == {"DIFF": 3, "KLAS": 4}


def test_school_years_run_from_the_current_phase_to_the_horizon() -> None:
    years = school_years("induction", {"initial": 2, "induction": 2, "experienced": 1})

    assert [set(phases) for phases in years[:3]] == [{"induction"}, {"induction"}, {"experienced"}]
    assert len(years) == 12
    assert set().union(*years[2:]) == {"experienced"}
    assert school_years("initial", {"initial": 0})[0] == {"initial"}


def test_a_side_entrant_has_initial_and_induction_years_side_by_side() -> None:
    years = school_years("initial", {"initial": 2, "induction": 3, "experienced": 1}, side_entrant=True)

    assert [set(phases) for phases in years[:4]] == [
        {"initial", "induction"},
        {"initial", "induction"},
        {"induction"},
        {"experienced"},
    ]


def test_an_unknown_sector_or_phase_is_refused() -> None:
    with pytest.raises(ValueError, match="sector"):
        plan(request([], sector="ho"))
    with pytest.raises(ValueError, match="phase"):
        plan(request([], phase="retired"))


def test_a_step_required_by_name_is_not_needed_again_for_its_level() -> None:
    modules = {
        "A": Module("A", 8, "training-one-day", frozenset({"induction"}), frozenset({"po"}), {"PLAN": 2}),
        "B": Module(
            "B",
            8,
            "training-one-day",
            frozenset({"induction"}),
            frozenset({"po"}),
            {"PLAN": 3},
            requires_modules=("A",),
            requires_levels={"PLAN": 2},
        ),
    }
    path = plan(
        PlanRequest(
            modules=modules,
            levels={"PLAN": 1},
            sector="po",
            phase="induction",
            years={"induction": 3},
            targets={"induction": {"PLAN": 3}},
            budget={"induction": 40},
        )
    )
    first = next(step for step in path.steps if step.module == "A")
    assert [r for r in first.reasons if r.kind == "prerequisite"] == [Reason("prerequisite", module="B")]
