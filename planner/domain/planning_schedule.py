"""School years and their periods, the hours budgets, and placing modules in them.

Part of the planner. Time runs in periods: period 1 is the first half of school year 1
(August-January), period 2 its second half, period 3 the first half of school year 2, and
so on. A module runs for its duration in periods; what it brings counts from the period
after it ends, so a step that needs another starts in the next period, not a year later.
Its hours are spread evenly over its periods and count against the budget of the school
year (and phase) each period falls in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planner.domain.catalogue import PERIODS_PER_YEAR, PHASES, Module, phase_rank

HORIZON = 12
OPEN_ENDED_PHASE = PHASES[-1]


def school_years(
    phase: str, years: Mapping[str, int], horizon: int = HORIZON, side_entrant: bool = False
) -> tuple[frozenset[str], ...]:
    """The phases open in each school year from the current one on; index 0 is school year 1.

    The current phase lasts at least this year; the experienced phase runs on until the
    horizon, so that long routes still find room after the years the request names. A side
    entrant's initial years run alongside the first of their induction years.
    """
    rank = phase_rank(phase)
    count = {name: max(0, years.get(name, 0)) for name in PHASES}
    count[phase] = max(count[phase], 1)
    sets: list[frozenset[str]] = []
    if side_entrant and phase == PHASES[0]:
        together = max(count["initial"], count["induction"])
        sets += [frozenset({"initial", "induction"})] * min(count["initial"], count["induction"])
        sets += [frozenset({"initial" if count["initial"] > count["induction"] else "induction"})] * (
            together - min(count["initial"], count["induction"])
        )
        sets += [frozenset({"experienced"})] * count["experienced"]
    else:
        for later in PHASES[rank:]:
            sets += [frozenset({later})] * count[later]
    sets += [frozenset({OPEN_ENDED_PHASE})] * (horizon - len(sets))
    return tuple(sets)


def year_of(period: int) -> int:
    return (period - 1) // PERIODS_PER_YEAR + 1


def period_in_year(period: int) -> int:
    return (period - 1) % PERIODS_PER_YEAR + 1


@dataclass(frozen=True)
class Placement:
    code: str
    first: int
    last: int
    phase: str
    facilitation_hours: int = 0


class Schedule:
    """The hours booked per school year and phase, and the period each module and level is reached."""

    def __init__(
        self,
        years: Sequence[frozenset[str]],
        budgets: Mapping[str, int],
        levels: Mapping[str, int],
        start: int,
        catalogue: Mapping[str, Module],
    ) -> None:
        self.years = tuple(years)
        self.periods = len(self.years) * PERIODS_PER_YEAR
        self.budgets = {phase: max(0, budgets.get(phase, 0)) for phase in PHASES}
        self.start = start
        # Every module, offered or not: a requirement by module is met by its levels too.
        self._catalogue = catalogue
        self.placements: list[Placement] = []
        self._load: dict[tuple[int, str], int] = {}
        self._ready: dict[str, int] = {}
        # Per area, the (period from which, level) pairs that have been reached.
        self._reached: dict[str, list[tuple[int, int]]] = {
            area: [(1, level)] for area, level in levels.items() if level > 0
        }

    def copy(self) -> Schedule:
        clone = Schedule.__new__(Schedule)
        clone.years, clone.periods, clone.budgets = self.years, self.periods, self.budgets
        clone.start, clone._catalogue = self.start, self._catalogue
        clone.placements = list(self.placements)
        clone._load = dict(self._load)
        clone._ready = dict(self._ready)
        clone._reached = {area: list(pairs) for area, pairs in self._reached.items()}
        return clone

    def phase_end(self, phase: str) -> int | None:
        """The last period in which ``phase`` is open, if it is open at all."""
        years = [index + 1 for index, phases in enumerate(self.years) if phase in phases]
        return max(years) * PERIODS_PER_YEAR if years else None

    def load(self, year: int, phase: str) -> int:
        return self._load.get((year, phase), 0)

    def mark_done(self, codes: Iterable[str]) -> None:
        for code in codes:
            self._ready[code] = 1

    def book_done(self, module: Module, year: int) -> None:
        """Count a module done in ``year`` against that year's budget."""
        if 1 <= year <= len(self.years):
            key = (year, self._phase_in(module, self.years[year - 1]))
            self._load[key] = self._load.get(key, 0) + module.hours

    def book_fixed(self, module: Module, first: int) -> Placement:
        """Book a module from ``first`` whatever the budget has left: a started module, or
        the school's induction programme."""
        first = max(1, min(first, self.periods))
        last = min(first + module.duration_periods - 1, self.periods)
        shares = self._shares(module, first, last, strict=False)
        assert shares is not None
        return self._book(module, first, last, shares)

    def level_by(self, area: str, period: int) -> int:
        """The level in ``area`` at the start of ``period``."""
        return max((level for at, level in self._reached.get(area, ()) if at <= period), default=0)

    def level_from(self, area: str, level: int) -> int | None:
        """The first period that starts with ``level`` in ``area``, if any does."""
        return min((at for at, reached in self._reached.get(area, ()) if reached >= level), default=None)

    def place_all(
        self, codes: Iterable[str], modules: Mapping[str, Module], deadline: int | None = None
    ) -> bool:
        """Place a route's modules, each after what it needs; False if any does not fit."""
        pending = sorted(codes)
        route = set(pending)
        # Per area, the route's modules that raise it, with the level they bring.
        providers: dict[str, list[tuple[int, str]]] = {}
        for code in pending:
            for area, level in modules[code].outcomes.items():
                providers.setdefault(area, []).append((level, code))
        needs = {code: self._needs_within(modules[code], route, providers) for code in pending}
        while pending:
            ready = [code for code in pending if not needs[code] & route]
            if not ready:
                return False
            for code in ready:
                if self.place(modules[code], deadline) is None:
                    return False
            route.difference_update(ready)
            pending = [code for code in pending if code in route]
        return True

    def place(self, module: Module, deadline: int | None = None) -> Placement | None:
        """Book the module in the earliest periods it fits in, ending by ``deadline``.

        A module that no school year's budget could hold even when empty is not refused:
        it goes where its requirements allow, and the hours above the budget are its
        facilitation hours.
        """
        start = self._earliest_start(module)
        if start is None:
            return None
        limit = min(self.periods, deadline or self.periods)
        fits_a_year = False
        fallback: tuple[int, int, dict[tuple[int, str], int]] | None = None
        for first in range(start, limit - module.duration_periods + 2):
            last = first + module.duration_periods - 1
            shares = self._shares(module, first, last)
            if shares is None:
                continue
            if all(
                hours <= self.budgets[phase] - self.load(year, phase)
                for (year, phase), hours in shares.items()
            ):
                return self._book(module, first, last, shares)
            if all(hours <= self.budgets[phase] for (_, phase), hours in shares.items()):
                fits_a_year = True
            elif fallback is None:
                fallback = (first, last, shares)
        if fallback is not None and not fits_a_year:
            return self._book(module, *fallback)
        return None

    def _shares(
        self, module: Module, first: int, last: int, strict: bool = True
    ) -> dict[tuple[int, str], int] | None:
        """The module's hours per (school year, phase) when it runs from ``first`` to ``last``;
        None when a period falls in a phase the module is not offered in."""
        periods = last - first + 1
        each, extra = divmod(module.hours, periods)
        shares: dict[tuple[int, str], int] = {}
        for index, period in enumerate(range(first, last + 1)):
            open_phases = self.years[year_of(period) - 1]
            if strict and open_phases.isdisjoint(module.phases):
                return None
            key = (year_of(period), self._phase_in(module, open_phases))
            shares[key] = shares.get(key, 0) + each + (1 if index < extra else 0)
        return shares

    @staticmethod
    def _phase_in(module: Module, open_phases: frozenset[str]) -> str:
        # A side entrant's year holds two phases; a module offered in both counts as initial
        # training, which their programme pays for.
        offered = [phase for phase in PHASES if phase in open_phases and phase in module.phases]
        return (offered or [phase for phase in PHASES if phase in open_phases])[0]

    def _book(
        self, module: Module, first: int, last: int, shares: Mapping[tuple[int, str], int]
    ) -> Placement:
        above = 0
        for (year, phase), hours in shares.items():
            before = self.load(year, phase)
            budget = self.budgets[phase]
            self._load[(year, phase)] = before + hours
            above += max(0, before + hours - budget) - max(0, before - budget)
        needs_facilitation = any(hours > self.budgets[phase] for (_, phase), hours in shares.items())
        placement = Placement(
            module.code,
            first,
            last,
            self._phase_in(module, self.years[year_of(first) - 1]),
            above if needs_facilitation else 0,
        )
        self.placements.append(placement)
        self._ready[module.code] = last + 1
        for area, level in module.outcomes.items():
            self._reached.setdefault(area, []).append((last + 1, level))
        return placement

    def _needs_within(
        self, module: Module, codes: set[str], providers: Mapping[str, list[tuple[int, str]]]
    ) -> set[str]:
        needs = {code for code in module.requires_modules if code in codes}
        wanted = {
            area: level
            for area, level in module.requires_levels.items()
            if self.level_from(area, level) is None
        }
        for required in module.requires_modules:
            if required not in codes and required in self._catalogue and self._met(required) is None:
                for area, level in self._catalogue[required].outcomes.items():
                    if self.level_from(area, level) is None:
                        wanted[area] = max(wanted.get(area, 0), level)
        for area, level in wanted.items():
            needs.update(code for reached, code in providers.get(area, ()) if reached >= level)
        needs.discard(module.code)
        return needs

    def _met(self, code: str) -> int | None:
        """The first period from which a requirement of module ``code`` is met: the module
        is complete, or the teacher stands at every level it brings."""
        at = self._ready.get(code)
        required = self._catalogue.get(code)
        if required is not None and required.outcomes:
            by_level = [self.level_from(area, level) for area, level in required.outcomes.items()]
            if None not in by_level:
                latest = max(p for p in by_level if p is not None)
                at = latest if at is None else min(at, latest)
        return at

    def _earliest_start(self, module: Module) -> int | None:
        starts = [self.start]
        for code in module.requires_modules:
            met = self._met(code)
            if met is None:
                return None
            starts.append(met)
        for area, level in module.requires_levels.items():
            reached = self.level_from(area, level)
            if reached is None:
                return None
            starts.append(reached)
        return max(starts)
