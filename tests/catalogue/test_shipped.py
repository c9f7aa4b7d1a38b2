"""The shipped catalogue against the rules of its design.

Every item is traceable to the research, every sector has a route to level 4 in every
area, short modules stay in proportion, and a starting teacher reaches the induction
targets within the induction years without study leave.
"""

import json

import pytest

from planner.domain.catalogue import EVERYONE, LEVELS, SECTORS, TEAM_FORMATS, Module, TargetEntry
from planner.domain.graph import checked_graph, find_problems
from planner.domain.planning import PlanRequest, plan
from planner.domain.targets import cumulative, merge_targets
from tests.conftest import SHIPPED

DOCUMENT = json.loads(SHIPPED.read_text(encoding="utf-8"))
AREAS = [area["code"] for area in DOCUMENT["areas"]]
# Starters have three induction years at the default budget of 40 hours a school year.
INDUCTION_YEARS = 3
BUDGET = 40
SHORT_HOURS = 8


def _module(entry: dict) -> Module:
    reach = entry.get("reach", {"kind": "sector"})
    return Module(
        code=entry["code"],
        hours=entry["hours"],
        format=entry["format"],
        phases=frozenset(entry["phases"]),
        sectors=frozenset(entry["sectors"]),
        outcomes=entry["outcomes"],
        requires_modules=tuple(entry["requires"]["modules"]),
        requires_levels=entry["requires"]["levels"],
        duration_periods=entry.get("duration_periods"),
        cost_eur=entry.get("cost_eur", 0),
        reach=(reach["kind"], reach.get("code", "")),
        team_format=entry.get("team_format"),
    )


MODULES = [_module(entry) for entry in DOCUMENT["modules"] if not entry.get("retired")]
TARGETS = [TargetEntry(t["phase"], t["sector"], t["levels"]) for t in DOCUMENT["targets"]]


def _open_to_one_teacher(sector: str, phases: set[str] | None = None) -> list[Module]:
    """What any teacher of the sector can take alone: no team format, no local reach."""
    return [
        module
        for module in MODULES
        if sector in module.sectors
        and not module.team_format
        and module.reach == EVERYONE
        and (phases is None or not module.phases.isdisjoint(phases))
    ]


def _reachable(modules: list[Module], levels: dict[str, int] | None = None) -> dict[str, int]:
    """The levels reached by taking every module whose requirements the modules taken meet."""
    levels = dict(levels or {})
    taken: set[str] = set()
    progress = True
    while progress:
        progress = False
        for module in modules:
            if module.code in taken or not set(module.requires_modules) <= taken:
                continue
            if all(levels.get(area, 0) >= level for area, level in module.requires_levels.items()):
                taken.add(module.code)
                progress = True
                for area, level in module.outcomes.items():
                    levels[area] = max(levels.get(area, 0), level)
    return levels


def test_the_framework_has_a_version_and_a_source():
    assert DOCUMENT["framework"]["version"] and DOCUMENT["framework"]["source"]


@pytest.mark.parametrize("kind", ["areas", "modules", "targets"])
def test_every_item_names_its_source_in_the_research(kind):
    missing = [
        item.get("code", item.get("phase")) for item in DOCUMENT[kind] if not item.get("source", "").strip()
    ]
    assert missing == []
    assert max(len(item["source"]) for item in DOCUMENT[kind]) <= 200


def test_every_area_describes_every_level_and_not_yet():
    for area in DOCUMENT["areas"]:
        assert sorted(area["levels"]) == ["0", "1", "2", "3", "4", "5"], area["code"]


def test_the_offer_has_at_least_130_active_modules():
    assert len(MODULES) >= 130


def test_the_graph_rules_hold():
    assert find_problems(MODULES, AREAS) == []
    assert checked_graph(MODULES, AREAS).number_of_nodes() == len(MODULES)


def test_team_formats_are_flagged_and_only_they_are():
    flags = {entry["code"]: entry["team_format"] for entry in DOCUMENT["modules"]}
    assert flags == {entry["code"]: entry["format"] in TEAM_FORMATS for entry in DOCUMENT["modules"]}


def test_every_module_states_duration_cost_and_reach():
    for entry in DOCUMENT["modules"]:
        assert 1 <= entry["duration_periods"] <= 8, entry["code"]
        assert 0 <= entry["cost_eur"] <= 100_000, entry["code"]
        assert entry["reach"]["kind"] == "sector" or entry["reach"]["code"], entry["code"]


@pytest.mark.parametrize("module", [m for m in MODULES if m.hours <= SHORT_HOURS], ids=lambda m: m.code)
def test_a_short_module_adds_at_most_one_level_and_stops_at_3(module):
    for area, level in module.outcomes.items():
        assert level <= 3, area
        if level >= 2:
            assert module.requires_levels.get(area, 0) >= level - 1, area


@pytest.mark.parametrize("sector", SECTORS)
def test_every_area_has_a_route_to_level_4_in_every_sector(sector):
    offer = _open_to_one_teacher(sector)
    levels = _reachable(offer)
    assert {area: levels.get(area, 0) for area in AREAS if levels.get(area, 0) < 4} == {}
    # ... and a module that brings it to exactly 4, so a school asking 4 needs no specialist track.
    at_4 = {area for module in offer for area, level in module.outcomes.items() if level == 4}
    assert set(AREAS) - at_4 == set()


def test_every_area_has_a_specialism_at_level_5():
    at_5 = {
        area
        for module in MODULES
        if not module.team_format and "experienced" in module.phases
        for area, level in module.outcomes.items()
        if level == LEVELS[-1]
    }
    assert set(AREAS) - at_5 == set()


def test_targets_never_fall_between_phases():
    for sector in SECTORS:
        targets = merge_targets(TARGETS, sector)
        assert cumulative(targets) == targets, sector


@pytest.mark.parametrize("sector", SECTORS)
def test_student_teachers_reach_the_initial_targets_with_programme_modules(sector):
    targets = merge_targets(TARGETS, sector)["initial"]
    levels = _reachable(_open_to_one_teacher(sector, {"initial"}))
    assert {area: level for area, level in targets.items() if levels.get(area, 0) < level} == {}


# The whole offer, and the induction offer alone: the starter needs no module of a later
# phase, and no module above a school year's budget (study leave, lerarenbeurs).
@pytest.mark.parametrize("phases", [None, {"induction"}], ids=["whole-offer", "induction-offer"])
@pytest.mark.parametrize("sector", SECTORS)
def test_a_starter_reaches_every_induction_target_in_three_years(sector, phases):
    targets = merge_targets(TARGETS, sector)
    start = {area: targets["initial"].get(area, 0) for area in AREAS}
    modules = {module.code: module for module in _open_to_one_teacher(sector, phases)}
    path = plan(
        PlanRequest(
            modules=modules,
            levels=start,
            sector=sector,
            phase="induction",
            years={"induction": INDUCTION_YEARS, "experienced": 3},
            targets=targets,
            budget={"initial": BUDGET, "induction": BUDGET, "experienced": BUDGET},
        )
    )
    assert [u for u in path.unreachable if u.phase == "induction"] == []
    induction = [step for step in path.steps if step.last_school_year <= INDUCTION_YEARS]
    assert not any(getattr(step, "needs_facilitation", False) for step in induction)
    for year in range(1, INDUCTION_YEARS + 1):
        assert sum(step.hours for step in induction if step.school_year == year) <= BUDGET, year
    reached = dict(start)
    for step in induction:
        for area, level in modules[step.module].outcomes.items():
            reached[area] = max(reached[area], level)
    assert {area: level for area, level in targets["induction"].items() if reached[area] < level} == {}
