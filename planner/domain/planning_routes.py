"""Routes to a level: a module that brings an area there, plus whatever it still needs.

Part of the planner. Routes are compared by the hours of all their modules, then their
cost in euros, then the shorter, more practical format, then the code. A requirement by
module is met by the module or by the levels it brings (a teacher who has them need not
take the course that teaches them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from planner.domain.catalogue import Module
from planner.domain.planning_offer import Offer, Route

T = TypeVar("T")


class RouteFinder:
    """Cheapest routes to levels, kept up to date as routes are taken into the path.

    The finder knows which modules are reached (done, in progress, or in the path) and
    the levels at the end of the path so far. A requirement the path meets at some point
    adds nothing to a route; when it is met only decides how early the route can start.

    Routes are remembered between searches, and taking a route forgets only those it can
    change, so planning a whole path costs little more than a single search.
    """

    def __init__(
        self,
        offer: Offer,
        reached: Iterable[str],
        levels: Mapping[str, int],
        catalogue: Mapping[str, Module] | None = None,
    ) -> None:
        self._offer = offer
        # Every module, offered or not, for the levels a requirement by module asks.
        self._catalogue = catalogue if catalogue is not None else offer.modules
        self._reached = set(reached)
        self.levels = dict(levels)
        # Per module, the modules its route takes (a mask), or None when it has none.
        self._masks: dict[str, int | None] = {}
        self._hours: dict[str, int] = {}
        self._costs: dict[str, int] = {}
        # Per module required by name: whether the levels so far meet all it brings.
        self._has_levels: dict[str, bool] = {}
        self._goals: dict[tuple[str, int], Route | None] = {}
        # Modules without a route for good: they need a module that is not offered.
        self._dead: set[str] = set()
        # Per module, the areas whose levels its route depends on (entry levels, and the
        # levels of modules it requires by name): a route taken that raises one of them
        # may change it.
        self._depends: dict[str, frozenset[str]] = {}
        # Modules and levels being worked out: entry levels may lead back to them.
        self._open: set[object] = set()
        self._cuts = 0

    def take(self, route: Route) -> list[str]:
        """Count the route's modules as reached; returns their codes."""
        codes = self._offer.codes(route.mask)
        self.take_codes(codes)
        return codes

    def take_codes(self, codes: list[str]) -> None:
        """Count modules as reached, whether this finder offers them or not (another
        finder of the same path, over fewer phases, may have chosen them)."""
        self._reached.update(codes)
        raised = set()
        stale = 0
        for code in codes:
            stale |= self._offer.bits.get(code, 0)
            module = self._catalogue.get(code) or self._offer.modules.get(code)
            for area, level in module.outcomes.items() if module else ():
                if level > self.levels.get(area, 0):
                    self.levels[area] = level
                    raised.add(area)
        depends = self._depends
        self._masks = {
            code: mask
            for code, mask in self._masks.items()
            if (mask is None and code in self._dead)
            or (mask is not None and not mask & stale and depends.get(code, frozenset()).isdisjoint(raised))
        }
        self._hours = {code: hours for code, hours in self._hours.items() if code in self._masks}
        self._costs = {code: cost for code, cost in self._costs.items() if code in self._masks}
        self._goals.clear()
        self._has_levels.clear()

    def route_to(self, code: str) -> Route | None:
        """The route that takes module ``code``: the module with what it still needs."""
        if code in self._reached or code not in self._offer.modules:
            return None
        return self._route(code)

    def best(
        self,
        area: str,
        level: int,
        accept: Callable[[Route], T | None],
        limit: int | None = None,
    ) -> tuple[Route, T] | None:
        """The best route that ``accept`` turns into something, with what it turned into.

        Routes of more than ``limit`` hours are passed over.
        """
        found: tuple[Route, T] | None = None
        found_key: tuple[int, int, int, str] | None = None
        modules = self._offer.modules
        for code in self._offer.reaching(area, level):
            bound = found_key[0] if found_key else limit
            if bound is not None and modules[code].hours > bound:
                break
            if code in self._reached:
                continue
            # A module short in itself may sit at the end of a long chain of requirements;
            # a look along the chain rules it out without working out the whole route.
            if bound is not None and code not in self._masks and self._exceeds(code, bound):
                continue
            route = self._route(code)
            if route is None or (bound is not None and route.hours > bound):
                continue
            key = (route.hours, route.cost, *self._offer.rank(code)[2:])
            if found_key and key >= found_key:
                continue
            outcome = accept(route)
            if outcome is not None:
                found, found_key = (route, outcome), key
        return found

    def cheapest(self, area: str, level: int) -> Route | None:
        goal = (area, level)
        if goal in self._goals:
            return self._goals[goal]
        if goal in self._open:
            self._cuts += 1
            return None
        self._open.add(goal)
        cuts = self._cuts
        found = self.best(area, level, lambda route: route)
        self._open.discard(goal)
        route = found[0] if found else None
        if route is not None or cuts == self._cuts:
            self._goals[goal] = route
        return route

    def _route(self, code: str) -> Route | None:
        mask = self._masks[code] if code in self._masks else self._mask(code)
        if mask is None:
            return None
        hours = self._hours.get(code)
        if hours is None:
            hours = self._hours[code] = self._offer.hours(mask)
            self._costs[code] = self._offer.cost(mask)
        return Route(code, mask, hours, self._costs[code])

    def has_levels_of(self, code: str) -> bool:
        """Whether the levels so far meet every outcome of module ``code``."""
        known = self._has_levels.get(code)
        if known is None:
            required = self._catalogue.get(code)
            levels = self.levels
            known = self._has_levels[code] = (
                required is not None
                and bool(required.outcomes)
                and all(levels.get(area, 0) >= level for area, level in required.outcomes.items())
            )
        return known

    def _mask(self, code: str) -> int | None:
        module = self._offer.modules.get(code)
        if module is None:
            self._dead.add(code)
            return None
        if code in self._open:
            self._cuts += 1
            return None
        self._open.add(code)
        cuts = self._cuts
        mask = self._build(module)
        self._open.discard(code)
        # A dead end met only because the search was already inside this very module or
        # level says nothing about other searches, so it is not remembered.
        if mask is not None or cuts == self._cuts:
            self._masks[code] = mask
        return mask

    def _brought_by(self, mask: int, module: Module | None) -> bool:
        """Whether the modules of ``mask`` (with the levels so far) bring every outcome of
        ``module``: two requirements that teach the same need only one course."""
        if module is None or not module.outcomes:
            return False
        levels = self.levels
        return all(
            levels.get(area, 0) >= level or mask & self._offer.reaching_mask(area, level)
            for area, level in module.outcomes.items()
        )

    def _exceeds(self, code: str, bound: int) -> bool:
        """Whether the module with all it requires, directly or not, takes over ``bound`` hours.

        A lower bound on its route's hours, found without working out the whole route.
        """
        modules, reached, has_levels = self._offer.modules, self._reached, self._has_levels
        total, seen, waiting = 0, {code}, [code]
        while waiting:
            module = modules.get(waiting.pop())
            if module is None:
                continue
            total += module.hours
            if total > bound:
                return True
            for required in module.requires_modules:
                if required in seen or required in reached:
                    continue
                met = has_levels.get(required)
                if not (self.has_levels_of(required) if met is None else met):
                    seen.add(required)
                    waiting.append(required)
        return False

    def _build(self, module: Module) -> int | None:
        before = 0
        masks = self._masks
        bit = self._offer.bits[module.code]
        entry_levels = dict(module.requires_levels)
        depends: set[str] = set(entry_levels)
        for required in module.requires_modules:
            if required in self._reached:
                continue
            required_module = self._catalogue.get(required)
            if required_module is not None:
                depends.update(required_module.outcomes)
            if self.has_levels_of(required) or (before and self._brought_by(before, required_module)):
                continue
            mask = masks[required] if required in masks else self._mask(required)
            if mask is None:
                substitute = self._catalogue.get(required)
                if substitute is None or not substitute.outcomes:
                    if required in self._dead:
                        self._dead.add(module.code)
                    return None
                # A module not on offer (an earlier phase's, another sector's) is met by
                # reaching the levels it brings in another way.
                for area, level in substitute.outcomes.items():
                    entry_levels[area] = max(entry_levels.get(area, 0), level)
                continue
            before |= mask
            depends.update(self._depends.get(required, ()))
        for area, level in sorted(entry_levels.items()):
            if self.levels.get(area, 0) >= level or before & self._offer.reaching_mask(area, level):
                continue
            route = self.cheapest(area, level)
            if route is None:
                return None
            before |= route.mask
            # The route chosen for the level depends on what its modules need (its top
            # module's dependencies hold those of the modules below it), and on the level.
            depends.add(area)
            depends.update(self._depends.get(route.module, ()))
        self._depends[module.code] = frozenset(depends)
        return before | bit
