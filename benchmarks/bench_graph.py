"""Build and validate the prerequisite graph of a generated catalogue.

Target: 5,000 modules and 15,000 requirements, median under 0.5 s on a 2-core machine.
Also timed: the same catalogue with cycles in it, where every cycle is reported.
Run as ``python benchmarks/bench_graph.py``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from generate import AREAS, catalogue

from planner.domain.catalogue import Module
from planner.domain.graph import checked_graph, find_problems

MODULES, EDGES, RUNS, CYCLES = 5_000, 15_000, 7, 20


def with_cycles(modules: list[Module], count: int) -> list[Module]:
    """The catalogue with ``count`` modules made to require a module that requires them."""
    by_code = {module.code: module for module in modules}
    for module in [module for module in modules if module.requires_modules][-count:]:
        required = by_code[module.requires_modules[0]]
        by_code[required.code] = replace(required, requires_modules=(*required.requires_modules, module.code))
    return list(by_code.values())


def timed(label: str, run: Callable[[], object]) -> None:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    print(
        f"{label}: median {statistics.median(timings) * 1000:.1f} ms, "
        f"min {min(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms ({RUNS} runs)"
    )


def main() -> None:
    modules = catalogue(MODULES, EDGES)
    graph = checked_graph(modules, AREAS)
    print(f"catalogue: {graph.number_of_nodes()} modules, {graph.number_of_edges()} requirements")
    timed("build + validate", lambda: checked_graph(modules, AREAS))
    cyclic = with_cycles(modules, CYCLES)
    cycles = [problem for problem in find_problems(cyclic, AREAS) if problem.rule == "cycle"]
    print(
        f"{CYCLES} cycles made, {len(cycles)} reported (one per group of modules requiring "
        f"each other), e.g. {' -> '.join(cycles[0].details['cycle'])}"
    )
    timed("build + validate, cyclic", lambda: find_problems(cyclic, AREAS))


if __name__ == "__main__":
    main()
