from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import pytest

from planner.domain.catalogue import PHASES, Module
from planner.domain.graph import (
    CatalogueError,
    Problem,
    build_graph,
    checked_graph,
    find_cycle,
    find_problems,
    layers_by_phase,
    neighbourhood,
    prerequisites,
    unlocks,
)

AREAS = ("DIFF", "KLAS", "GEDRAG")


def module(
    code: str,
    *requires: str,
    outcomes: Mapping[str, int] | None = None,
    entry: Mapping[str, int] | None = None,
    hours: int = 8,
    format: str = "training-one-day",
    phases: tuple[str, ...] = PHASES,
    sectors: tuple[str, ...] = ("po",),
) -> Module:
    return Module(
        code=code,
        hours=hours,
        format=format,
        phases=frozenset(phases),
        sectors=frozenset(sectors),
        outcomes={"DIFF": 2} if outcomes is None else outcomes,
        requires_modules=requires,
        requires_levels=entry or {},
    )


def rules(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(problem.item, problem.rule) for problem in problems]


def test_a_valid_catalogue_has_no_problems_and_builds_its_graph() -> None:
    modules = [module("A"), module("B", "A"), module("C", "A", "B", entry={"KLAS": 1})]

    graph = checked_graph(modules, AREAS)

    assert find_problems(modules, AREAS) == []
    assert sorted(graph.edges) == [("A", "B"), ("A", "C"), ("B", "C")]
    assert graph.nodes["C"]["module"] is modules[2]


def test_a_cycle_is_reported_once_in_requirement_order() -> None:
    modules = [module("B", "C"), module("C", "A"), module("A", "B")]

    problems = find_problems(modules, AREAS)

    assert problems == [Problem("A", "cycle", {"cycle": ["A", "B", "C", "A"]})]
    assert "A requires B requires C requires A" in str(problems[0])


def test_the_cycle_reported_does_not_depend_on_the_order_modules_come_in() -> None:
    modules = [module("A", "B"), module("B", "C"), module("C", "D", "A"), module("D", "B")]
    first = find_problems(modules, AREAS)

    assert find_problems(list(reversed(modules)), AREAS) == first
    assert first[0].details["cycle"] == ["A", "B", "C", "A"]


def test_separate_cycles_are_each_reported() -> None:
    modules = [module("X", "Y"), module("Y", "X"), module("P", "Q"), module("Q", "P"), module("Z")]

    cycles = [p.details["cycle"] for p in find_problems(modules, AREAS) if p.rule == "cycle"]

    assert cycles == [["P", "Q", "P"], ["X", "Y", "X"]]


def test_find_cycle_on_a_graph() -> None:
    assert find_cycle(build_graph([module("A"), module("B", "A")])) is None
    cyclic = build_graph([module("S"), module("B", "C"), module("C", "D"), module("D", "B", "S")])
    assert find_cycle(cyclic) == ["B", "C", "D", "B"]


def test_an_entry_level_must_lie_below_the_outcome_in_the_same_area() -> None:
    modules = [
        module("A", outcomes={"GEDRAG": 3}, entry={"GEDRAG": 3}),
        module("B", outcomes={"GEDRAG": 3}, entry={"GEDRAG": 2, "KLAS": 4}),
    ]

    assert find_problems(modules, AREAS) == [
        Problem("A", "entry-level", {"area": "GEDRAG", "entry": 3, "outcome": 3})
    ]


def test_references_must_exist() -> None:
    modules = [module("A", "X", outcomes={"ASS": 2}, entry={"NT2": 1})]

    assert find_problems(modules, AREAS) == [
        Problem("A", "unknown-area", {"missing": "ASS", "field": "outcomes"}),
        Problem("A", "unknown-area", {"missing": "NT2", "field": "requires_levels"}),
        Problem("A", "unknown-module", {"missing": "X"}),
    ]


def test_a_module_cannot_require_itself() -> None:
    problems = find_problems([module("A", "A")], AREAS)

    assert rules(problems) == [("A", "self-requirement")]


@pytest.mark.parametrize(
    ("changes", "rule", "details"),
    [
        ({"hours": 0}, "hours", {"hours": 0}),
        ({"format": "webinar"}, "unknown-format", {"format": "webinar"}),
        ({"phases": ("initial", "retired")}, "unknown-phase", {"phase": "retired"}),
        ({"phases": ()}, "unknown-phase", {"phase": None}),
        ({"sectors": ("ho",)}, "unknown-sector", {"sector": "ho"}),
        ({"outcomes": {}}, "no-outcome", {}),
        (
            {"outcomes": {"DIFF": 6}},
            "level-range",
            {"area": "DIFF", "level": 6, "field": "outcomes"},
        ),
        (
            {"entry": {"KLAS": 0}},
            "level-range",
            {"area": "KLAS", "level": 0, "field": "requires_levels"},
        ),
    ],
)
def test_each_field_rule(changes: dict, rule: str, details: dict) -> None:
    problems = find_problems([module("A", **changes)], AREAS)

    assert problems == [Problem("A", rule, details)]
    assert "A" in str(problems[0])


def test_duplicate_codes_are_reported_once() -> None:
    problems = find_problems([module("A"), module("A", hours=4), module("B")], AREAS)

    assert problems == [Problem("A", "duplicate-code", {"count": 2})]


def test_all_problems_come_in_a_fixed_order() -> None:
    modules = [
        module("B", "B", hours=-1),
        module("A", "Z", format="?"),
        module("C", "D"),
        module("D", "C"),
    ]

    assert rules(find_problems(modules, AREAS)) == [
        ("A", "unknown-format"),
        ("A", "unknown-module"),
        ("B", "hours"),
        ("B", "self-requirement"),
        ("C", "cycle"),
    ]


def test_checked_graph_refuses_a_broken_catalogue_with_every_problem() -> None:
    with pytest.raises(CatalogueError) as raised:
        checked_graph([module("A", "B"), module("B", "A"), module("C", hours=0)], AREAS)

    assert rules(raised.value.problems) == [("C", "hours"), ("A", "cycle")]
    assert str(raised.value).splitlines() == [str(p) for p in raised.value.problems]


def test_every_rule_reads_as_a_sentence() -> None:
    for problem in [
        Problem("A", "unknown-module", {"missing": "X"}),
        Problem("A", "entry-level", {"area": "KLAS", "entry": 3, "outcome": 2}),
        Problem("A", "unknown-sector", {"sector": None}),
        Problem("A", "some-new-rule", {}),
    ]:
        text = str(problem)
        assert text.startswith("Module A")
        assert text.endswith(".")


@pytest.fixture
def graph() -> nx.DiGraph:
    return build_graph(
        [
            module("BASIS", outcomes={"DIFF": 1}, phases=("initial", "induction")),
            module("OBS", "BASIS", outcomes={"KLAS": 2}),
            module("TRAIN", "BASIS", outcomes={"DIFF": 3}, phases=("induction", "experienced")),
            module("MASTER", "TRAIN", "OBS", outcomes={"DIFF": 5}, phases=("experienced",)),
            module("COACH", outcomes={"DIFF": 2}, phases=("induction",)),
        ]
    )


def test_prerequisites_come_in_topological_order(graph: nx.DiGraph) -> None:
    assert prerequisites(graph, "MASTER") == ["BASIS", "OBS", "TRAIN"]
    assert prerequisites(graph, "BASIS") == []


def test_unlocks_lists_direct_successors(graph: nx.DiGraph) -> None:
    assert unlocks(graph, "BASIS") == ["OBS", "TRAIN"]
    assert unlocks(graph, "MASTER") == []


def test_neighbourhood_reaches_both_ways(graph: nx.DiGraph) -> None:
    assert sorted(neighbourhood(graph, "TRAIN")) == ["BASIS", "MASTER", "TRAIN"]
    assert sorted(neighbourhood(graph, "TRAIN", radius=2)) == ["BASIS", "MASTER", "OBS", "TRAIN"]
    assert list(neighbourhood(graph, "TRAIN", radius=0)) == ["TRAIN"]


def test_layers_by_phase_groups_an_area_by_earliest_phase(graph: nx.DiGraph) -> None:
    assert layers_by_phase(graph, "DIFF") == {
        "initial": ["BASIS"],
        "induction": ["COACH", "TRAIN"],
        "experienced": ["MASTER"],
    }
    assert layers_by_phase(graph, "ASS") == {phase: [] for phase in PHASES}
