"""The planner: a teacher's learning path across the phases of the learning line.

``plan`` closes the gaps between a teacher's levels and the phase targets, one gap at a
time in order of urgency. First the school's induction programme, for a starter who is
offered one. Then the targets of the current phase: in a heavy class the areas the class
calls for, then the teacher's wishes, then the largest gap, then the school's priorities,
ties broken by the framework's order of areas. Then each wished area one level beyond
those targets (at most to 4). Then the targets of later phases.

Each gap gets the route with the fewest hours (then the lowest cost, then the shorter,
more practical format) that fits before its phase ends; only when none does is it placed
later, and reported late. Routes go in the earliest periods whose phase, budget and entry
requirements allow. A gap no route can close in full is brought as close as a route can
bring it, and reported. Team formats are the school's to plan and never a step here;
modules outside the teacher's reach (another board, region or institute's alumni) are
never planned; level 5 comes only from a specialism chosen in the experienced phase.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from planner.domain.catalogue import (
    LEVELS,
    PERIODS_PER_YEAR,
    PHASES,
    SECTORS,
    Module,
    format_rank,
    phase_rank,
)
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
    "WISH_CEILING",
    "Path",
    "PlanRequest",
    "Reason",
    "Step",
    "Unreachable",
    "alternatives",
    "effective_targets",
    "working_targets",
    "plan",
    "projected_levels",
    "school_years",
]

# A wish takes an area one level beyond its targets, but not to specialist level: that
# takes a specialism, chosen in the experienced phase.
WISH_CEILING = 4
SPECIALIST = LEVELS[-1]
# A module counts as a bundle when it brings this many areas closer to a phase's targets:
# the planner takes the best-value bundles first, as a mentor would put a broad
# introduction before the single courses it makes needless.
BUNDLE_AREAS = 4


def plan(request: PlanRequest) -> Path:
    """The learning path for the request; the same request always gives the same path.

    Done modules count from the start, and their hours in the school year they were done.
    Modules in progress run from the current period. Codes the catalogue does not hold
    (retired modules) are ignored, except that a done one still meets the requirement of
    a module that names it.
    """
    return _Planner(request).run()


def effective_targets(request: PlanRequest) -> dict[str, dict[str, int]]:
    """The targets the planner works to (see ``working_targets``)."""
    return working_targets(request.targets, request.phase, request.specialisms)


def working_targets(
    targets: Mapping[str, Mapping[str, int]], phase: str, specialisms: frozenset[str]
) -> dict[str, dict[str, int]]:
    """Targets cumulative over the phases, with specialist level only for the specialisms of
    a teacher in the experienced phase."""
    specialisms = specialisms if phase == PHASES[-1] else frozenset()
    result = cumulative(targets)
    for name, levels in result.items():
        for area, level in levels.items():
            if level >= SPECIALIST and not (name == PHASES[-1] and area in specialisms):
                levels[area] = SPECIALIST - 1
    for area in sorted(specialisms):
        result[PHASES[-1]][area] = SPECIALIST
    return result


def alternatives(
    modules: Mapping[str, Module],
    code: str,
    sector: str,
    phase: str | None = None,
    reach: frozenset[tuple[str, str]] = frozenset(),
) -> list[str]:
    """Other modules the teacher could take instead: offered in the sector (and phase) and
    within reach, no team format, bringing every outcome area of ``code`` at least as far,
    and not themselves building on ``code`` (by name, or by asking first for a level it brings).

    Fewest hours first, then cost, format preference and code; KeyError for an unknown code.
    """
    outcomes = modules[code].outcomes
    return sorted(
        (
            other.code
            for other in modules.values()
            if other.code != code
            and other.is_offered(sector, phase)
            and other.within(reach)
            and not other.team_format
            and all(other.outcomes.get(area, 0) >= level for area, level in outcomes.items())
            and not _builds_on(modules, other.code, code)
            # One that asks first for a level the step brings cannot take its place.
            and all(other.requires_levels.get(area, 0) < level for area, level in outcomes.items())
        ),
        key=lambda other: (
            modules[other].hours,
            modules[other].cost_eur,
            format_rank(modules[other].format),
            other,
        ),
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


def _builds_on(modules: Mapping[str, Module], code: str, base: str) -> bool:
    seen, waiting = {code}, [code]
    while waiting:
        module = modules.get(waiting.pop())
        for required in module.requires_modules if module else ():
            if required == base:
                return True
            if required not in seen:
                seen.add(required)
                waiting.append(required)
    return False


def _specialisms(request: PlanRequest) -> frozenset[str]:
    return request.specialisms if request.phase == PHASES[-1] else frozenset()


class _Planner:
    def __init__(self, request: PlanRequest) -> None:
        if request.sector not in SECTORS:
            raise ValueError(f"unknown sector {request.sector!r}")
        self.request = request
        self.targets = effective_targets(request)
        self.specialisms = _specialisms(request)
        self.years = school_years(request.phase, request.years, side_entrant=request.side_entrant)
        modules = request.modules
        done = sorted(request.done)
        in_progress = sorted((set(request.in_progress) - set(done)) & set(modules))
        self.base = projected_levels(request.levels, modules, done)
        start = min(max(1, request.start_period), 2)
        self.schedule = Schedule(self.years, request.budget, self.base, start, modules)
        self.schedule.mark_done(done)
        for code in done:
            if code in modules and code in request.done_years:
                self.schedule.book_done(modules[code], request.done_years[code])
        for code in in_progress:
            self.schedule.book_fixed(modules[code], start)
        excluded = set(done) | set(in_progress) | set(request.skipped)
        # What this teacher may take at all, worked out once for every offer below.
        self.admissible = {
            code: module
            for code, module in modules.items()
            if code not in excluded and request.sector in module.sectors and self._admits(module)
        }
        self.offer = self._offer(set().union(*self.years))
        reached = projected_levels(self.base, modules, in_progress)
        self.reached = set(done) | set(in_progress)
        self.finder = RouteFinder(self.offer, self.reached, reached, modules)
        # Per phase that ends before the horizon, a finder over the modules offered in the
        # phases open until then: a route within the phase may differ from the cheapest.
        self.windows: dict[str, tuple[Offer, RouteFinder]] = {}
        self.order = {area: index for index, area in enumerate(request.area_order)}

    def _offer(self, phases: set[str]) -> Offer:
        return Offer(self.admissible, self.request.sector, phases=phases, excluded=())

    def _window(self, phase: str) -> tuple[Offer, RouteFinder]:
        if phase not in self.windows:
            end = self.schedule.phase_end(phase) or self.schedule.periods
            phases = set().union(*self.years[: (end - 1) // PERIODS_PER_YEAR + 1])
            offer = self._offer(phases)
            finder = RouteFinder(offer, self.reached, self.finder.levels, self.request.modules)
            self.windows[phase] = (offer, finder)
        return self.windows[phase]

    def _take(self, codes: list[str]) -> None:
        self.reached.update(codes)
        self.finder.take_codes(codes)
        for _, finder in self.windows.values():
            finder.take_codes(codes)

    def _admits(self, module: Module) -> bool:
        programme = self.request.programme_modules
        # A student takes the initial-phase modules of their own programme, no other's.
        if programme is not None and module.phases <= {"initial"} and module.code not in programme:
            return False
        return (
            not module.team_format
            and module.within(self.request.reach)
            and all(level < SPECIALIST or area in self.specialisms for area, level in module.outcomes.items())
        )

    def run(self) -> Path:
        self._programme()
        self._induction_programme()
        self._team_sessions()
        current = self.request.phase
        gaps = sorted(self._gaps(current), key=self._urgency)
        # The class calls first and the teacher's wishes next; then what closes many gaps
        # at once; then the remaining gaps one by one.
        pressing = [gap for gap in gaps if self._urgency(gap)[:2] != (True, True)]
        for area, level in pressing:
            self._pursue(area, level, current)
        self._bundles(current)
        for area, level in gaps:
            self._pursue(area, level, current)
        for area in sorted(self.request.wishes, key=self._domain_order):
            level = max(self.finder.levels.get(area, 0), self.targets[current].get(area, 0)) + 1
            if level <= WISH_CEILING:
                self._pursue(area, level, None)
        for phase in PHASES[phase_rank(current) + 1 :]:
            self._bundles(phase)
            for area, level in sorted(self._gaps(phase), key=self._later_urgency):
                self._pursue(area, level, phase)
        return build_path(self.request, self.targets, self.years, self.base, self.schedule, self.offer)

    def _programme(self) -> None:
        """A student's compulsory modules, in the study years their programme puts them."""
        for code, year in sorted(self.request.programme_steps.items(), key=lambda item: (item[1], item[0])):
            if code in self.offer.modules and 1 <= year <= len(self.years):
                first = max(self.schedule.start, (year - 1) * PERIODS_PER_YEAR + 1)
                self.schedule.book_fixed(self.offer.modules[code], first)
                self._take([code])

    def _induction_programme(self) -> None:
        """The school's programme for starters, in the first induction year of the path."""
        code = self.request.induction_programme
        first = next((index for index, phases in enumerate(self.years) if "induction" in phases), None)
        if code is None or code not in self.offer.modules or first is None:
            return
        module = self.offer.modules[code]
        if "induction" not in module.phases:
            return
        self.schedule.book_fixed(module, max(self.schedule.start, first * PERIODS_PER_YEAR + 1))
        self._take([code])

    def _team_sessions(self) -> None:
        """The team sessions the leader scheduled, in their period whatever the budget has
        left: the team goes, and what it brings counts for every gap planned after."""
        for code, period in sorted(self.request.team_sessions.items(), key=lambda item: (item[1], item[0])):
            module = self.request.modules.get(code)
            if module is None or code in self.reached or period > self.schedule.periods:
                continue
            self.schedule.book_fixed(module, max(self.schedule.start, period))
            self._take([code])

    def _gaps(self, phase: str) -> list[tuple[str, int]]:
        return [
            (area, level) for area, level in self.targets[phase].items() if level > self.base.get(area, 0)
        ]

    def _domain_order(self, area: str) -> tuple[int, str]:
        # Areas the framework does not list come after those it does; the code only keeps
        # the order total.
        return (self.order.get(area, len(self.order)), area)

    def _urgency(self, gap: tuple[str, int]) -> tuple[object, ...]:
        area, level = gap
        request = self.request
        return (
            not (request.heavy_class and area in request.class_context_areas),
            area not in request.wishes,
            self.base.get(area, 0) - level,
            area not in request.priorities,
            self._domain_order(area),
        )

    def _later_urgency(self, gap: tuple[str, int]) -> tuple[object, ...]:
        area, level = gap
        return (
            self.base.get(area, 0) - level,
            area not in self.request.priorities,
            area not in self.request.wishes,
            self._domain_order(area),
        )

    def _pursue(self, area: str, level: int, phase: str | None) -> None:
        current = self.finder.levels.get(area, 0)
        deadline = self.schedule.phase_end(phase) if phase else None
        attempts: list[tuple[int | None, Offer, RouteFinder]] = [(None, self.offer, self.finder)]
        if phase and deadline is not None and deadline < self.schedule.periods:
            # A level the path reaches only after the phase (a later step, the induction
            # programme of a student's first teaching year) does not close the phase's gap.
            current = self.schedule.level_by(area, deadline + 1)
            attempts.insert(0, (deadline, *self._window(phase)))
        for attempt in range(min(level, self.offer.best_level(area)), current, -1):
            for limit, offer, finder in attempts:
                found = finder.best(area, attempt, lambda route, o=offer, end=limit: self._try(route, o, end))
                if found is not None:
                    route, self.schedule = found
                    self._take(offer.codes(route.mask))
                    return

    def _bundles(self, phase: str) -> None:
        """Modules that close several of the phase's gaps at once, best value first: a broad
        introduction before the single courses it makes needless."""
        deadline = self.schedule.phase_end(phase)
        offer, finder = (
            self._window(phase)
            if deadline and deadline < self.schedule.periods
            else (
                self.offer,
                self.finder,
            )
        )
        targets = self.targets[phase]
        tried: set[str] = set()
        while True:
            best: tuple[float, int, int, str] | None = None
            for code, module in offer.modules.items():
                if code in tried:
                    continue
                if len(module.outcomes) < BUNDLE_AREAS:
                    continue
                gain, areas = self._gain(module.outcomes, targets, finder.levels)
                if areas >= BUNDLE_AREAS:
                    key = (module.hours / gain, module.hours, module.cost_eur, code)
                    best = key if best is None or key < best else best
            if best is None:
                return
            code = best[-1]
            tried.add(code)
            route = finder.route_to(code)
            if route is None:
                continue
            trial = self._try(route, offer, deadline)
            if trial is not None:
                self.schedule = trial
                self._take(offer.codes(route.mask))

    @staticmethod
    def _gain(
        outcomes: Mapping[str, int], targets: Mapping[str, int], levels: Mapping[str, int]
    ) -> tuple[int, int]:
        """The levels a module brings towards the targets, and in how many areas."""
        steps = [min(level, targets.get(area, 0)) - levels.get(area, 0) for area, level in outcomes.items()]
        return sum(step for step in steps if step > 0), sum(step > 0 for step in steps)

    def _try(self, route: Route, offer: Offer, deadline: int | None) -> Schedule | None:
        trial = self.schedule.copy()
        placed = trial.place_all(offer.codes(route.mask), offer.modules, deadline)
        return trial if placed else None
