"""The planner: a teacher's learning path across the phases of the learning line.

``plan`` closes the gaps between a teacher's levels and the phase targets, one gap at a
time in order of urgency: first the targets of the current (and any earlier) phase, then
those of later phases; within a phase the largest gap first, then the teacher's wishes,
the areas a heavy class calls for, and the school's priorities. Each gap gets the route
with the fewest hours that fits (then the shortest, most practical format, then the code),
placed in the earliest school years whose phase, budget and entry requirements allow it.
A gap no route can close in full is brought as close as a route can bring it, and reported.
Once the targets are served, each area the teacher wishes to develop gets one level more
if there is room.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from planner.domain.catalogue import LEVELS, PHASES, SECTORS, Module, format_rank, phase_rank
from planner.domain.planning_explain import build_path
from planner.domain.planning_offer import Offer, Route
from planner.domain.planning_routes import RouteFinder
from planner.domain.planning_schedule import HORIZON, Schedule, school_years
from planner.domain.planning_types import (
    REASON_KINDS,
    STATUSES,
    UNREACHABLE_REASONS,
    Path,
    PlanRequest,
    Reason,
    Step,
    Unreachable,
)
from planner.domain.targets import cumulative

__all__ = [
    "HORIZON",
    "REASON_KINDS",
    "STATUSES",
    "UNREACHABLE_REASONS",
    "Path",
    "PlanRequest",
    "Reason",
    "Step",
    "Unreachable",
    "alternatives",
    "plan",
    "projected_levels",
    "school_years",
]


def plan(request: PlanRequest) -> Path:
    """The learning path for the request; the same request always gives the same path.

    Done modules count from the start. Modules in progress stay in school year 1 and count
    from year 2. Codes the catalogue does not hold (retired modules) are ignored, except
    that a done one still meets the requirement of a module that names it.
    """
    return _Planner(request).run()


def alternatives(
    modules: Mapping[str, Module], code: str, sector: str, phase: str | None = None
) -> list[str]:
    """Other modules of the sector that bring every outcome area of ``code`` at least as far.

    Shortest first, then by format preference and code; raises KeyError for an unknown code.
    """
    outcomes = modules[code].outcomes
    return sorted(
        (
            other.code
            for other in modules.values()
            if other.code != code
            and other.is_offered(sector, phase)
            and all(other.outcomes.get(area, 0) >= level for area, level in outcomes.items())
        ),
        key=lambda other: (modules[other].hours, format_rank(modules[other].format), other),
    )


def projected_levels(
    levels: Mapping[str, int], modules: Mapping[str, Module], codes: Iterable[str]
) -> dict[str, int]:
    """The levels once the given modules are completed; unknown codes add nothing."""
    projected = dict(levels)
    for code in codes:
        if code in modules:
            for area, level in modules[code].outcomes.items():
                projected[area] = max(projected.get(area, 0), level)
    return projected


class _Planner:
    def __init__(self, request: PlanRequest) -> None:
        if request.sector not in SECTORS:
            raise ValueError(f"unknown sector {request.sector!r}")
        self.request = request
        self.targets = cumulative(request.targets)
        self.years = school_years(request.phase, request.years)
        modules = request.modules
        done = sorted(request.done)
        in_progress = sorted((set(request.in_progress) - set(done)) & set(modules))
        self.base = projected_levels(request.levels, modules, done)
        self.schedule = Schedule(self.years, request.budget, self.base)
        self.schedule.mark_done(done)
        for code in in_progress:
            self.schedule.book_in_progress(modules[code])
        self.offer = Offer(
            modules,
            request.sector,
            phases=set(self.years),
            excluded=set(done) | set(in_progress) | set(request.skipped),
        )
        reached = projected_levels(self.base, modules, in_progress)
        self.finder = RouteFinder(self.offer, set(done) | set(in_progress), reached)

    def run(self) -> Path:
        for area, level in self._gaps():
            self._pursue(area, level)
        # A wish for an area whose targets are met reaches one level beyond them.
        for area in sorted(self.request.wishes):
            level = self.finder.levels.get(area, 0)
            highest = max(levels.get(area, 0) for levels in self.targets.values())
            if highest <= level < LEVELS[-1]:
                self._pursue(area, level + 1)
        return build_path(self.request, self.years, self.base, self.schedule.placements, self.offer)

    def _gaps(self) -> list[tuple[str, int]]:
        """Per phase from the current one, the levels to reach by its end, most urgent first."""
        gaps: list[tuple[str, int]] = []
        for phase in PHASES[phase_rank(self.request.phase) :]:
            wanted = [
                (area, level) for area, level in self.targets[phase].items() if level > self.base.get(area, 0)
            ]
            gaps += sorted(wanted, key=self._urgency)
        return gaps

    def _urgency(self, gap: tuple[str, int]) -> tuple[object, ...]:
        area, level = gap
        request = self.request
        return (
            self.base.get(area, 0) - level,
            area not in request.wishes,
            not (request.heavy_class and area in request.class_context_areas),
            area not in request.priorities,
            area,
        )

    def _pursue(self, area: str, level: int) -> None:
        current = self.finder.levels.get(area, 0)
        for attempt in range(min(level, self.offer.best_level(area)), current, -1):
            found = self.finder.best(area, attempt, self._try, self.schedule.free_hours())
            if found is not None:
                route, self.schedule = found
                self.finder.take(route)
                return

    def _try(self, route: Route) -> Schedule | None:
        trial = self.schedule.copy()
        placed = trial.place_all(self.offer.codes(route.mask), self.offer.modules)
        return trial if placed else None
