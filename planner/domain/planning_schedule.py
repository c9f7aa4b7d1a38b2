"""School years, their hours budgets, and placing modules in them.

Part of the planner; a module counts as completed from the school year after it ends,
and so do the levels it brings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planner.domain.catalogue import PHASES, Module, phase_rank

HORIZON = 12
OPEN_ENDED_PHASE = PHASES[-1]


def school_years(phase: str, years: Mapping[str, int], horizon: int = HORIZON) -> tuple[str, ...]:
    """The phase of each school year from the current one on; index 0 is school year 1.

    The current phase lasts at least this year; the experienced phase runs on until the
    horizon, so that long routes still find room after the years the request names.
    """
    phases: list[str] = []
    for later in PHASES[phase_rank(phase) :]:
        count = max(0, years.get(later, 0))
        phases += [later] * (max(count, 1) if later == phase else count)
    return tuple(phases + [OPEN_ENDED_PHASE] * (horizon - len(phases)))


@dataclass(frozen=True)
class Placement:
    code: str
    first: int
    last: int


class Schedule:
    """The hours booked per school year and the moment each module and level is reached."""

    def __init__(self, phases: Sequence[str], budgets: Mapping[str, int], levels: Mapping[str, int]) -> None:
        self.phases = tuple(phases)
        self.budgets = tuple(max(0, budgets.get(phase, 0)) for phase in self.phases)
        self.placements: list[Placement] = []
        self._load = [0] * len(self.phases)
        self._ready: dict[str, int] = {}
        # Per area, the (school year from which, level) pairs that have been reached.
        self._reached: dict[str, list[tuple[int, int]]] = {
            area: [(1, level)] for area, level in levels.items() if level > 0
        }

    @property
    def years(self) -> int:
        return len(self.phases)

    def copy(self) -> Schedule:
        clone = Schedule.__new__(Schedule)
        clone.phases, clone.budgets = self.phases, self.budgets
        clone.placements = list(self.placements)
        clone._load = list(self._load)
        clone._ready = dict(self._ready)
        clone._reached = {area: list(pairs) for area, pairs in self._reached.items()}
        return clone

    def mark_done(self, codes: Iterable[str]) -> None:
        for code in codes:
            self._ready[code] = 1

    def book_in_progress(self, module: Module) -> Placement:
        """Keep a started module in school year 1, whatever room that year has left."""
        placement = Placement(module.code, 1, 1)
        self._load[0] += module.hours
        self._complete(module, placement)
        return placement

    def is_reached(self, code: str) -> bool:
        return code in self._ready

    def level_from(self, area: str, level: int) -> int | None:
        """The first school year that starts with ``level`` in ``area``, if any does."""
        years = [year for year, reached in self._reached.get(area, ()) if reached >= level]
        return min(years, default=None)

    def free_hours(self) -> int:
        return sum(max(0, budget - load) for budget, load in zip(self.budgets, self._load, strict=True))

    def place_all(self, codes: Iterable[str], modules: Mapping[str, Module]) -> bool:
        """Place a route's modules, each after what it needs; False if any does not fit."""
        pending = sorted(codes)
        route = set(pending)
        needs = {code: self._needs_within(modules[code], route, modules) for code in pending}
        while pending:
            ready = [code for code in pending if not needs[code] & route]
            if not ready:
                return False
            for code in ready:
                if self.place(modules[code]) is None:
                    return False
            route.difference_update(ready)
            pending = [code for code in pending if code in route]
        return True

    def place(self, module: Module) -> Placement | None:
        """Book the module in the earliest school years it fits in."""
        start = self._earliest_start(module)
        if start is None:
            return None
        for first in range(start, self.years + 1):
            last = self._fit(module, first)
            if last is not None:
                placement = Placement(module.code, first, last)
                self._book(module.hours, placement)
                self._complete(module, placement)
                return placement
        return None

    def _needs_within(self, module: Module, codes: set[str], modules: Mapping[str, Module]) -> set[str]:
        needs = {code for code in module.requires_modules if code in codes}
        for area, level in module.requires_levels.items():
            if self.level_from(area, level) is None:
                needs.update(
                    code
                    for code in codes
                    if code != module.code and modules[code].outcomes.get(area, 0) >= level
                )
        return needs

    def _earliest_start(self, module: Module) -> int | None:
        starts = [1]
        for code in module.requires_modules:
            if code not in self._ready:
                return None
            starts.append(self._ready[code])
        for area, level in module.requires_levels.items():
            year = self.level_from(area, level)
            if year is None:
                return None
            starts.append(year)
        return max(starts)

    def _fit(self, module: Module, first: int) -> int | None:
        # A module longer than a year's budget spans consecutive years, taking the whole
        # budget of each but the last; it never squeezes into a year half used already.
        left, year = module.hours, first
        while year <= self.years and self.phases[year - 1] in module.phases:
            budget, load = self.budgets[year - 1], self._load[year - 1]
            if left <= budget - load:
                return year
            if load or not budget:
                return None
            left -= budget
            year += 1
        return None

    def _book(self, hours: int, placement: Placement) -> None:
        for year in range(placement.first, placement.last):
            hours -= self.budgets[year - 1]
            self._load[year - 1] += self.budgets[year - 1]
        self._load[placement.last - 1] += hours

    def _complete(self, module: Module, placement: Placement) -> None:
        self.placements.append(placement)
        self._ready[module.code] = placement.last + 1
        for area, level in module.outcomes.items():
            self._reached.setdefault(area, []).append((placement.last + 1, level))
