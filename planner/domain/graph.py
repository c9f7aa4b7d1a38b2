"""The prerequisite graph: modules are nodes, an edge runs from a required module to
the module that requires it, so prerequisites precede what they unlock.

``find_problems`` checks the graph rules of the catalogue; ``checked_graph`` refuses a
catalogue that breaks any of them, reporting every problem at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from planner.domain.catalogue import FORMATS, LEVELS, PHASES, SECTORS, Module, phase_rank

RULES: tuple[str, ...] = (
    "duplicate-code",
    "hours",
    "unknown-format",
    "unknown-phase",
    "unknown-sector",
    "no-outcome",
    "level-range",
    "unknown-area",
    "self-requirement",
    "unknown-module",
    "entry-level",
    "cycle",
)


@dataclass(frozen=True)
class Problem:
    """One broken rule. ``rule`` and ``details`` are stable, so a UI can translate them."""

    item: str
    rule: str
    details: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return _describe(self.item, self.rule, self.details)


class CatalogueError(ValueError):
    """A catalogue that breaks the graph rules; nothing of it should be saved."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def build_graph(modules: Iterable[Module]) -> nx.DiGraph:
    """The prerequisite graph; a duplicate code keeps its first module.

    References to unknown modules and self-requirements are left out: they are problems
    to report, not edges to follow.
    """
    first: dict[str, Module] = {}
    for module in modules:
        first.setdefault(module.code, module)
    graph = nx.DiGraph()
    graph.add_nodes_from((code, {"module": first[code]}) for code in sorted(first))
    graph.add_edges_from(
        (required, code)
        for code in sorted(first)
        for required in first[code].requires_modules
        if required in first and required != code
    )
    return graph


def find_problems(modules: Iterable[Module], area_codes: Iterable[str]) -> list[Problem]:
    """Every broken rule, per module in code order, then the cycles.

    One cycle is reported per group of modules that require each other.
    """
    return _check(modules, area_codes)[0]


def checked_graph(modules: Iterable[Module], area_codes: Iterable[str]) -> nx.DiGraph:
    """The prerequisite graph, or CatalogueError listing every broken rule."""
    problems, graph = _check(modules, area_codes)
    if problems:
        raise CatalogueError(problems)
    return graph


def find_cycle(graph: nx.DiGraph) -> list[str] | None:
    """A cycle of requirements, each code requiring the next, first code repeated at the end.

    Of all cycles, one through the smallest code that lies on any cycle is returned, rotated
    to start at its smallest code, so the answer does not depend on insertion order.
    """
    if nx.is_directed_acyclic_graph(graph):
        return None
    return _cycles(graph)[0]


def prerequisites(graph: nx.DiGraph, code: str) -> list[str]:
    """Every module needed, directly or not, before ``code``; prerequisites first."""
    return list(nx.lexicographical_topological_sort(graph.subgraph(nx.ancestors(graph, code))))


def unlocks(graph: nx.DiGraph, code: str) -> list[str]:
    """The modules that directly require ``code``."""
    return sorted(graph.successors(code))


def neighbourhood(graph: nx.DiGraph, code: str, radius: int = 1) -> nx.DiGraph:
    """The modules within ``radius`` requirement steps of ``code``, in either direction."""
    if radius < 0:
        raise ValueError("radius must be zero or more")
    return nx.ego_graph(graph, code, radius=radius, undirected=True)


def layers_by_phase(graph: nx.DiGraph, area_code: str) -> dict[str, list[str]]:
    """Modules with an outcome in the area, under the earliest phase they are offered in.

    Each list runs from modules without prerequisites to those deepest in the graph, and
    by code within a layer. The graph must be acyclic.
    """
    depth: dict[str, int] = {}
    for code in nx.topological_sort(graph):
        depth[code] = max((depth[before] + 1 for before in graph.predecessors(code)), default=0)
    layers: dict[str, list[str]] = {phase: [] for phase in PHASES}
    for code, module in graph.nodes(data="module"):
        phases = [phase for phase in module.phases if phase in layers]
        if area_code in module.outcomes and phases:
            layers[min(phases, key=phase_rank)].append(code)
    for codes in layers.values():
        codes.sort(key=lambda code: (depth[code], code))
    return layers


def _check(modules: Iterable[Module], area_codes: Iterable[str]) -> tuple[list[Problem], nx.DiGraph]:
    modules = list(modules)
    areas = set(area_codes)
    counts = Counter(module.code for module in modules)
    graph = build_graph(modules)
    problems: list[Problem] = []
    for code, module in graph.nodes(data="module"):
        if counts[code] > 1:
            problems.append(Problem(code, "duplicate-code", {"count": counts[code]}))
        problems.extend(_module_problems(module, graph, areas))
    if not nx.is_directed_acyclic_graph(graph):
        problems.extend(Problem(cycle[0], "cycle", {"cycle": cycle}) for cycle in _cycles(graph))
    return problems, graph


def _module_problems(module: Module, graph: nx.DiGraph, areas: set[str]) -> list[Problem]:
    code = module.code
    found: list[Problem] = []
    if not isinstance(module.hours, int) or module.hours <= 0:
        found.append(Problem(code, "hours", {"hours": module.hours}))
    if module.format not in FORMATS:
        found.append(Problem(code, "unknown-format", {"format": module.format}))
    found.extend(_membership(code, "unknown-phase", "phase", module.phases, PHASES))
    found.extend(_membership(code, "unknown-sector", "sector", module.sectors, SECTORS))
    if not module.outcomes:
        found.append(Problem(code, "no-outcome", {}))
    fields = (("outcomes", module.outcomes), ("requires_levels", module.requires_levels))
    for name, levels in fields:
        for area, level in sorted(levels.items()):
            if level not in LEVELS:
                details = {"area": area, "level": level, "field": name}
                found.append(Problem(code, "level-range", details))
    for name, levels in fields:
        for area in sorted(levels):
            if area not in areas:
                found.append(Problem(code, "unknown-area", {"missing": area, "field": name}))
    if code in module.requires_modules:
        found.append(Problem(code, "self-requirement", {}))
    for required in sorted({name for name in module.requires_modules if name not in graph}):
        found.append(Problem(code, "unknown-module", {"missing": required}))
    for area, entry in sorted(module.requires_levels.items()):
        outcome = module.outcomes.get(area)
        if outcome in LEVELS and entry in LEVELS and entry >= outcome:
            details = {"area": area, "entry": entry, "outcome": outcome}
            found.append(Problem(code, "entry-level", details))
    return found


def _membership(
    code: str, rule: str, key: str, values: Iterable[str], known: tuple[str, ...]
) -> list[Problem]:
    values = sorted(values)
    if not values:
        # Offered nowhere is as unusable as offered somewhere unknown.
        return [Problem(code, rule, {key: None})]
    return [Problem(code, rule, {key: value}) for value in values if value not in known]


def _cycles(graph: nx.DiGraph) -> list[list[str]]:
    # One cycle per strongly connected component (a group of modules that require each
    # other) keeps the report short and linear in the graph's size; breaking that cycle
    # lets the next check reveal any cycle left in the group.
    groups = [
        component
        for component in nx.strongly_connected_components(graph)
        if len(component) > 1 or any(graph.has_edge(code, code) for code in component)
    ]
    return [_cycle_in(graph, group) for group in sorted(groups, key=min)]


def _cycle_in(graph: nx.DiGraph, group: set[str]) -> list[str]:
    # Following requirements (edges backwards) within the group never dead-ends, so the
    # walk must come back to a code it has seen; that stretch is the cycle.
    walk = [min(group)]
    seen = {walk[0]: 0}
    while True:
        code = min(required for required in graph.predecessors(walk[-1]) if required in group)
        if code in seen:
            cycle = walk[seen[code] :]
            break
        seen[code] = len(walk)
        walk.append(code)
    start = cycle.index(min(cycle))
    cycle = cycle[start:] + cycle[:start]
    return [*cycle, cycle[0]]


_MESSAGES = {
    "unknown-module": "Module {item} requires module {missing}, which is not in the catalogue.",
    "unknown-area": "Module {item} refers to area {missing}, which is not in the framework.",
    "entry-level": (
        "Module {item} requires level {entry} in {area} to enter but brings participants "
        "only to level {outcome}; the entry level must be lower."
    ),
    "self-requirement": "Module {item} requires itself.",
    "level-range": "Module {item} uses level {level} in {area}; levels run from 1 to 5.",
    "duplicate-code": "Module code {item} is used {count} times; codes must be unique.",
    "hours": "Module {item} has {hours} study hours; it needs at least one.",
    "unknown-format": "Module {item} has an unknown format {format!r}.",
    "unknown-phase": "Module {item} is offered in an unknown phase {phase!r}.",
    "unknown-sector": "Module {item} is offered in an unknown sector {sector!r}.",
    "no-outcome": "Module {item} has no outcome: it brings no area to any level.",
}


def _describe(item: str, rule: str, details: Mapping[str, object]) -> str:
    if rule == "cycle":
        chain = " requires ".join(map(str, details.get("cycle", [item])))
        return f"Module {item} is part of a requirement cycle: {chain}."
    for kind in ("phase", "sector"):
        if rule == f"unknown-{kind}" and details.get(kind) is None:
            return f"Module {item} is offered in no {kind}."
    try:
        return _MESSAGES[rule].format(item=item, **details)
    except (KeyError, IndexError):
        return f"Module {item} breaks the rule {rule!r}."
