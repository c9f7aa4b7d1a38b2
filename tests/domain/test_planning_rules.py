"""The rules of Planner 2, one small catalogue each (the personas test them together)."""

from __future__ import annotations

from planner.domain.catalogue import PHASES, Module
from planner.domain.planning import Reason, alternatives, plan
from tests.domain.test_planning import module, periods, placed, plan_for, request


def test_a_required_module_is_met_by_the_levels_it_brings() -> None:
    # An experienced behaviour teacher is not sent to the basic course first.
    modules = [module("BASIC", {"GEDRAG": 2}, hours=16), module("DEEP", {"GEDRAG": 4}, "BASIC", hours=24)]

    path = plan_for(modules, {"experienced": {"GEDRAG": 4}}, levels={"GEDRAG": 3}, phase="experienced")

    assert placed(path) == [("DEEP", 1)]
    assert path.steps[0].requires == ()


def test_a_required_module_not_on_offer_is_met_by_reaching_its_levels() -> None:
    modules = [
        module("ELECTIVE", {"GEDRAG": 2}, phases=("initial",)),
        module("CALM", {"GEDRAG": 2}),
        module("DEEP", {"GEDRAG": 3}, "ELECTIVE"),
    ]

    path = plan_for(modules, {"induction": {"GEDRAG": 3}})

    assert periods(path) == [("CALM", 1, 1), ("DEEP", 1, 2)]
    assert path.steps[1].requires == ("CALM",)


def test_team_formats_are_never_one_teachers_step() -> None:
    modules = [
        module("STUDY-DAY", {"KLAS": 2}, hours=6, format="team-study-day"),
        module("K", {"KLAS": 2}, hours=16),
    ]

    path = plan_for(modules, {"induction": {"KLAS": 2}})

    assert placed(path) == [("K", 1)]


def test_only_modules_within_the_teachers_reach_are_planned() -> None:
    board = Module(
        "BOARD",
        4,
        "training-one-day",
        frozenset(PHASES),
        frozenset({"po"}),
        {"KLAS": 2},
        reach=("board", "B1"),
    )
    modules = [board, module("K", {"KLAS": 2}, hours=16)]

    assert placed(plan_for(modules, {"induction": {"KLAS": 2}})) == [("K", 1)]
    mine = plan_for(modules, {"induction": {"KLAS": 2}}, reach=frozenset({("board", "B1")}))
    assert placed(mine) == [("BOARD", 1)]
    assert alternatives({m.code: m for m in modules}, "K", "po") == []


def test_the_cheaper_of_two_equally_long_routes_wins() -> None:
    modules = [
        Module(
            "DEAR", 16, "training-multi-day", frozenset(PHASES), frozenset({"po"}), {"KLAS": 2}, cost_eur=900
        ),
        Module("CHEAP", 16, "coaching", frozenset(PHASES), frozenset({"po"}), {"KLAS": 2}, cost_eur=300),
    ]

    assert placed(plan_for(modules, {"induction": {"KLAS": 2}})) == [("CHEAP", 1)]


def test_a_wish_goes_one_level_beyond_the_target_at_most_to_four_after_the_targets() -> None:
    modules = [
        module("K4", {"KLAS": 4}, hours=16),
        module("K5", {"KLAS": 5}, hours=8),
        module("D", {"DIFF": 3}),
    ]

    path = plan_for(
        modules,
        {"induction": {"KLAS": 3, "DIFF": 3}},
        levels={"KLAS": 3, "DIFF": 2},
        wishes=frozenset({"KLAS"}),
    )

    assert [step.module for step in path.steps] == ["D", "K4"]
    wish = plan_for(modules, {"induction": {"KLAS": 4}}, levels={"KLAS": 4}, wishes=frozenset({"KLAS"}))
    assert wish.steps == ()


def test_level_five_only_through_a_specialism_in_the_experienced_phase() -> None:
    modules = [module("SPEC", {"LEZEN": 5}, hours=30), module("L4", {"LEZEN": 4}, hours=30)]
    targets = {"experienced": {"LEZEN": 5}}

    starter = plan_for(modules, targets, levels={"LEZEN": 3}, specialisms=frozenset({"LEZEN"}))
    assert [step.module for step in starter.steps] == ["L4"]

    expert = plan_for(
        modules, targets, levels={"LEZEN": 4}, phase="experienced", specialisms=frozenset({"LEZEN"})
    )
    assert [step.module for step in expert.steps] == ["SPEC"]
    assert expert.levels_after["LEZEN"] == 5


def test_the_schools_induction_programme_is_in_the_first_induction_year() -> None:
    modules = [
        module("BUDDY", {"KLAS": 2, "HOUDING": 2}, hours=20, format="buddy-programme"),
        module("K", {"KLAS": 2}, hours=8),
    ]

    path = plan_for(modules, {"induction": {"KLAS": 2}}, induction_programme="BUDDY", start_period=2)

    assert periods(path) == [("BUDDY", 1, 2)]
    assert path.steps[0].reasons[0] == Reason("induction-programme", module="BUDDY")


def test_a_student_gets_the_induction_programme_in_their_first_teaching_year() -> None:
    modules = [module("BUDDY", {"KLAS": 2}, hours=20, format="buddy-programme", phases=("induction",))]

    path = plan_for(
        modules, {}, phase="initial", years={"initial": 2, "induction": 3}, induction_programme="BUDDY"
    )

    assert periods(path) == [("BUDDY", 3, 1)]


def test_hours_done_this_year_count_against_its_budget() -> None:
    modules = [module("DONE", {"PLAN": 2}, hours=30), module("K", {"KLAS": 2}, hours=16)]

    path = plan_for(modules, {"induction": {"KLAS": 2}}, done=frozenset({"DONE"}), done_years={"DONE": 1})

    assert placed(path) == [("K", 2)]


def test_a_side_entrant_takes_initial_and_induction_steps_side_by_side() -> None:
    modules = [
        module("ELECTIVE", {"DIFF": 2}, hours=100, format="elective", phases=("initial",)),
        module("COACH", {"KLAS": 3}, hours=30, format="coaching", phases=("induction",)),
    ]
    budget = {"initial": 420, "induction": 40, "experienced": 40}

    path = plan_for(
        modules,
        {"initial": {"DIFF": 2}, "induction": {"KLAS": 3}},
        phase="initial",
        years={"initial": 2, "induction": 3},
        side_entrant=True,
        budget=budget,
    )

    assert [(s.module, s.phase, s.school_year) for s in path.steps] == [
        ("ELECTIVE", "initial", 1),
        ("COACH", "induction", 1),
    ]


def test_a_gap_is_closed_within_its_phase_by_a_dearer_route_rather_than_late() -> None:
    modules = [
        module("SLOW", {"KLAS": 3}, "PREP", hours=8),
        module("PREP", {"KLAS": 2}, hours=8, phases=("experienced",)),
        module("NOW", {"KLAS": 3}, hours=30),
    ]

    path = plan_for(modules, {"induction": {"KLAS": 3}}, years={"induction": 1})

    assert placed(path) == [("NOW", 1)]
    assert path.unreachable == ()


def test_a_gap_reason_names_the_mentor_when_the_mentors_level_is_planned_from() -> None:
    path = plan_for(
        [module("K", {"KLAS": 3})],
        {"induction": {"KLAS": 3}},
        levels={"KLAS": 1},
        level_sources={"KLAS": "mentor"},
    )

    assert path.steps[0].reasons[0] == Reason(
        "gap", area="KLAS", level=3, target=3, current=1, phase="induction", source="mentor"
    )


def test_alternatives_never_build_on_the_step_itself() -> None:
    modules = {
        m.code: m
        for m in [
            module("BASE", {"DIFF": 2}),
            module("NEXT", {"DIFF": 3}, "BASE"),
            module("OTHER", {"DIFF": 3}, hours=20),
            module("TEAM", {"DIFF": 3}, format="team-study-day"),
            module("AFTER", {"DIFF": 4}, hours=12, entry={"DIFF": 2}),
        ]
    }

    assert alternatives(modules, "BASE", "po") == ["OTHER"]


def test_a_period_after_february_starts_the_path_in_period_two() -> None:
    path = plan(request([module("K", {"KLAS": 2})], targets={"induction": {"KLAS": 2}}, start_period=2))

    assert periods(path) == [("K", 1, 2)]


def test_a_level_the_path_reaches_only_after_the_phase_does_not_close_the_phases_gap() -> None:
    # The induction programme of a student's first teaching year brings HOUDING to 3, but
    # the initial target of 2 is due by the end of the study year.
    modules = [
        module("BUDDY", {"HOUDING": 3}, hours=20, format="buddy-programme", phases=("induction",)),
        module("ELECTIVE", {"HOUDING": 2}, hours=80, format="elective", phases=("initial",)),
    ]
    budget = {"initial": 840, "induction": 40, "experienced": 40}

    path = plan_for(
        modules,
        {"initial": {"HOUDING": 2}},
        phase="initial",
        years={"initial": 1, "induction": 3},
        induction_programme="BUDDY",
        budget=budget,
    )

    assert periods(path) == [("ELECTIVE", 1, 1), ("BUDDY", 2, 1)]
    assert path.unreachable == ()


def test_a_students_programme_fixes_its_compulsory_modules_and_offers_only_its_electives() -> None:
    modules = [
        module("CORE-2", {"DIFF": 2}, hours=120, format="elective", phases=("initial",)),
        module("OWN", {"GEDRAG": 2}, hours=112, format="elective", phases=("initial",)),
        module("OTHER", {"GEDRAG": 2}, hours=84, format="elective", phases=("initial",)),
    ]
    budget = {"initial": 840, "induction": 40, "experienced": 40}

    path = plan_for(
        modules,
        {"initial": {"GEDRAG": 2}},
        phase="initial",
        years={"initial": 2, "induction": 3},
        budget=budget,
        programme_steps={"CORE-2": 2},
        programme_modules=frozenset({"CORE-2", "OWN"}),
    )

    assert periods(path) == [("OWN", 1, 1), ("CORE-2", 2, 1)]
    assert path.steps[1].reasons[0] == Reason("programme", module="CORE-2")
