"""Plan a teacher's path through a generated catalogue.

Target: 2,000 modules and 6,000 requirements, median at most 25 ms per plan. The first
line is the target's case, a starting teacher with the default targets; the others show
how the time moves with the phase and the hours budget. Beside the wall-clock median, the
median CPU time of this process: on a machine shared with other work it moves far less.
Run as ``python benchmarks/bench_planner.py``.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

from generate import catalogue, teacher_request

from planner.domain.catalogue import PHASES
from planner.domain.planning import PlanRequest, plan

MODULES, EDGES, RUNS = 2_000, 6_000, 7


def timed(label: str, request: PlanRequest) -> None:
    timings, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        path = plan(request)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    years = max((step.last_school_year for step in path.steps), default=0)
    print(
        f"{label:<28} median {statistics.median(timings) * 1000:5.1f} ms "
        f"(CPU {statistics.median(cpu) * 1000:5.1f} ms), "
        f"min {min(timings) * 1000:5.1f} ms, max {max(timings) * 1000:5.1f} ms  "
        f"({len(path.steps)} steps over {years} years, {len(path.unreachable)} unreachable)"
    )


def main() -> None:
    request = teacher_request(catalogue(MODULES, EDGES))
    print(f"catalogue: {MODULES} modules, {EDGES} requirements; {RUNS} runs each")
    timed("induction, 60 h a year", request)
    for phase, hours in (("initial", 40), ("induction", 20), ("experienced", 40)):
        variant = replace(
            request,
            phase=phase,
            budget=dict.fromkeys(PHASES, hours),
            years={"initial": 2, "induction": 3, "experienced": 3},
        )
        timed(f"{phase}, {hours} h a year", variant)


if __name__ == "__main__":
    main()
