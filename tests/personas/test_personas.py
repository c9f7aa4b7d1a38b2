"""Teachers written from the research, each with what a mentor would expect of their path.

They plan against the shipped catalogue through the same request builder as stored paths,
so a change to the catalogue or the planner that a mentor would reject fails here.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from planner.catalogue.interchange import document_modules
from planner.cli import SHIPPED_CATALOGUE
from planner.domain.catalogue import PERIODS_PER_YEAR, TargetEntry
from planner.domain.planning import Path, effective_targets, plan
from planner.paths.request import Situation, plan_request, sector_targets

DOCUMENT = json.loads(SHIPPED_CATALOGUE.read_text(encoding="utf-8"))
MODULES = {module.code: module for module in document_modules(DOCUMENT)}
ENTRIES = [TargetEntry(t["phase"], t["sector"], t["levels"]) for t in DOCUMENT["targets"]]
AREAS = tuple(area["code"] for area in DOCUMENT["areas"])
CLASS_AREAS = frozenset(area["code"] for area in DOCUMENT["areas"] if area.get("class_context"))
BASIS = ("DIFF", "KLAS", "PLAN", "OUDERS", "SAMEN", "HOUDING", "STELSEL")
# A Tuesday in November: the first period of the school year 2026-2027.
TODAY = date(2026, 11, 24)


def levels(default: int, **specific: int) -> dict[str, int]:
    return {**dict.fromkeys(AREAS, default), **specific}


def at_initial_target(sector: str, **specific: int) -> dict[str, int]:
    """A teacher who left initial training at its target, as the research's starters did."""
    targets = sector_targets(ENTRIES, sector, AREAS, {})["initial"]
    return {**{area: targets.get(area, 0) for area in AREAS}, **specific}


def planned(situation: Situation) -> tuple[Path, dict[str, dict[str, int]]]:
    targets = sector_targets(ENTRIES, situation.sector, AREAS, situation.raised_targets)
    request = plan_request(situation, MODULES, targets, CLASS_AREAS, AREAS, TODAY)
    return plan(request), effective_targets(request)


def hours_per_year(path: Path) -> dict[int, int]:
    """Planned hours per school year of the steps within the budget (spread over periods)."""
    per_year: dict[int, int] = {}
    for step in path.steps:
        if step.needs_facilitation or step.phase == "initial":
            continue
        first = (step.school_year - 1) * PERIODS_PER_YEAR + step.period
        last = (step.last_school_year - 1) * PERIODS_PER_YEAR + step.last_period
        each, extra = divmod(step.hours, last - first + 1)
        for index, period in enumerate(range(first, last + 1)):
            year = (period - 1) // PERIODS_PER_YEAR + 1
            per_year[year] = per_year.get(year, 0) + each + (index < extra)
    return per_year


def late(path: Path) -> list[str]:
    return [f"{u.area} {u.target} ({u.phase}, {u.reason})" for u in path.unreachable]


def steps_for(path: Path, area: str) -> list:
    return [step for step in path.steps if area in step.outcomes]


def test_a_pabo_student_in_year_three_studies_first_and_starts_induction_when_teaching() -> None:
    student = Situation("po", "initial", 0, 2, levels(0, DIFF=1, KLAS=1, HOUDING=1))

    path, _ = planned(student)

    initial = [step for step in path.steps if step.phase == "initial"]
    assert initial, "a student's path starts with initial-training steps"
    assert {MODULES[step.module].format for step in initial} <= {
        "elective",
        "minor",
        "placement-go",
        "specialisation-track",
    }
    assert all(step.last_school_year <= 2 for step in initial)
    # Induction steps wait for the first year of teaching.
    assert all(step.school_year >= 3 for step in path.steps if step.phase == "induction")
    assert not [u for u in path.unreachable if u.phase == "initial"]


def test_a_po_starter_in_a_heavy_class_weak_in_behaviour_gets_behaviour_first() -> None:
    starter = Situation(
        "po",
        "induction",
        0,
        0,
        at_initial_target("po", GEDRAG=1),
        class_context={"class_size": 26, "support_need": 9, "extra_support_need": 4},
    )

    path, _ = planned(starter)

    first_year = [step for step in path.steps if step.school_year == 1]
    assert any("GEDRAG" in step.outcomes for step in first_year)
    behaviour = [step for step in steps_for(path, "GEDRAG") if step.outcomes["GEDRAG"] == 3]
    assert behaviour and any(r.kind == "class-context" for r in behaviour[0].reasons)
    assert late(path) == []
    assert max(hours_per_year(path).values()) <= 40


def test_a_vo_starter_with_an_autistic_pupil_reaches_autism_within_induction_without_a_master() -> None:
    starter = Situation("vo", "induction", 0, 0, at_initial_target("vo"), wishes=frozenset({"AUTISME"}))

    path, targets = planned(starter)

    autism = steps_for(path, "AUTISME")
    assert autism and any(r.kind == "wish" for step in autism for r in step.reasons)
    assert all(
        step.school_year <= 3
        for step in autism
        if step.outcomes["AUTISME"] <= targets["induction"]["AUTISME"]
    )
    # One wish never becomes a master module for a starter.
    assert all(step.hours <= 40 and not step.needs_facilitation for step in path.steps)
    assert late(path) == []


def test_an_mbo_pdg_docent_in_an_entree_class_studies_and_is_inducted_side_by_side() -> None:
    docent = Situation(
        "mbo",
        "initial",
        0,
        2,
        levels(0, DIFF=1, KLAS=1),
        side_entrant=True,
        class_context={"class_size": 16, "support_need": 12, "extra_support_need": 5},
    )

    path, _ = planned(docent)

    first_year = {step.phase for step in path.steps if step.school_year == 1}
    assert first_year == {"initial", "induction"}
    assert all("mbo" in MODULES[step.module].sectors for step in path.steps)
    assert not [u for u in path.unreachable if u.phase == "initial"]


def test_a_vso_teacher_with_seven_years_in_behaviour_is_not_sent_to_the_basic_course() -> None:
    teacher = Situation(
        "go",
        "experienced",
        7,
        0,
        levels(3, GEDRAG=4, KLAS=4, LEZEN=2, REKENEN=2, TAAL=2, NT2=2, MEDISCH=2, COGNITIEF=2),
        class_context={"complexity": 3},
    )

    path, _ = planned(teacher)

    assert steps_for(path, "GEDRAG") == []
    assert all(any(level > 3 for level in step.outcomes.values()) for step in path.steps)


def test_an_experienced_po_teacher_becomes_a_dyslexia_specialist_with_facilitation() -> None:
    teacher = Situation(
        "po",
        "experienced",
        9,
        0,
        levels(3, LEZEN=3, DIFF=4, KLAS=4, GEDRAG=4, OUDERS=4, AUTISME=3),
        specialisms=frozenset({"LEZEN"}),
    )

    path, _ = planned(teacher)

    assert path.levels_after["LEZEN"] == 5
    specialist = [step for step in path.steps if step.outcomes.get("LEZEN") == 5]
    assert specialist and specialist[0].needs_facilitation and specialist[0].facilitation_hours > 0
    # Level 5 only in the chosen specialism.
    assert all(level < 5 for step in path.steps for area, level in step.outcomes.items() if area != "LEZEN")


def test_a_starter_who_rates_themselves_high_is_planned_from_the_mentors_level() -> None:
    starter = Situation(
        "po",
        "induction",
        0,
        0,
        at_initial_target("po", KLAS=1),
        level_sources={"KLAS": "mentor"},
    )

    path, _ = planned(starter)

    classroom = steps_for(path, "KLAS")
    gap = next(r for step in classroom for r in step.reasons if r.kind == "gap" and r.area == "KLAS")
    assert (gap.current, gap.source) == (1, "mentor")


def test_a_starter_of_a_school_with_a_buddy_programme_has_it_in_the_first_year() -> None:
    starter = Situation(
        "po",
        "induction",
        0,
        0,
        at_initial_target("po"),
        reach=frozenset({("board", "BRON-NW"), ("region", "PO-2801")}),
        induction_programme="BUD-1",
    )

    path, _ = planned(starter)

    buddy = next(step for step in path.steps if step.module == "BUD-1")
    assert buddy.school_year == 1 and buddy.reasons[0].kind == "induction-programme"
    assert late(path) == []


def test_local_offers_reach_only_their_board_region_and_alumni() -> None:
    own_board = Situation(
        "po", "induction", 1, 0, at_initial_target("po"), reach=frozenset({("board", "BRON-NW")})
    )
    elsewhere = replace(own_board, reach=frozenset({("board", "OTHER")}))

    for situation in (own_board, elsewhere):
        path, _ = planned(situation)
        for step in path.steps:
            module = MODULES[step.module]
            assert not module.team_format
            assert module.reach[0] == "sector" or module.reach in situation.reach


def test_a_part_time_starter_keeps_to_twenty_hours_and_hears_what_comes_late() -> None:
    starter = Situation("po", "induction", 0, 0, at_initial_target("po"), budget_hours_per_year=20)

    path, _ = planned(starter)

    assert max(hours_per_year(path).values()) <= 20
    for item in path.unreachable:
        assert item.reason == "late" and item.school_year > 3


def test_a_second_year_starter_who_did_the_broad_introduction_this_year_has_less_room_left() -> None:
    starter = Situation(
        "po",
        "induction",
        1,
        0,
        at_initial_target("po"),
        done=frozenset({"INT-1"}),
        done_years={"INT-1": 1},
    )

    path, _ = planned(starter)

    assert "INT-1" not in {step.module for step in path.steps}
    assert hours_per_year(path).get(1, 0) <= 40 - MODULES["INT-1"].hours
    assert path.levels_after["LEZEN"] >= 2


def test_a_go_starter_in_a_very_complex_class_starts_with_behaviour_and_classroom_management() -> None:
    starter = Situation("go", "induction", 0, 0, at_initial_target("go"), class_context={"complexity": 3})

    path, _ = planned(starter)

    first_period = [step for step in path.steps if (step.school_year, step.period) == (1, 1)]
    assert {area for step in first_period for area in step.outcomes} >= CLASS_AREAS
    assert any(r.kind == "class-context" for step in path.steps for r in step.reasons)
    assert late(path) == []


def test_an_experienced_vo_teacher_wishing_newcomers_goes_one_level_further_not_to_specialist() -> None:
    teacher = Situation(
        "vo",
        "experienced",
        12,
        0,
        levels(3, NT2=2, DIFF=4, KLAS=4, GEDRAG=4, OUDERS=4),
        wishes=frozenset({"NT2"}),
    )

    path, _ = planned(teacher)

    assert path.levels_after["NT2"] == 3
    assert all(level < 5 for step in path.steps for level in step.outcomes.values())


@pytest.mark.parametrize("sector", ["po", "vo", "mbo", "go"])
def test_every_step_of_a_starter_brings_something_new(sector: str) -> None:
    path, _ = planned(Situation(sector, "induction", 0, 0, at_initial_target(sector)))

    running = dict(at_initial_target(sector))
    for step in path.steps:
        assert any(level > running.get(area, 0) for area, level in step.outcomes.items()), step.module
        for area, level in step.outcomes.items():
            running[area] = max(running.get(area, 0), level)
    assert late(path) == []
