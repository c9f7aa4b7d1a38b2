"""Candidates for the team plan: per teacher and area, the planner's cheapest route to
expert level from where the teacher stands, with the modules and hours it takes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.domain.catalogue import LEVELS, Module
from planner.domain.planning_offer import Offer
from planner.domain.planning_routes import RouteFinder
from planner.domain.team import EXPERT_LEVEL
from planner.domain.team_plan import Candidate


@dataclass(frozen=True)
class Trainee:
    """A teacher as the team plan sees them."""

    teacher: int
    sector: str
    phase: str
    levels: Mapping[str, int]
    # Modules done or in progress (they are part of any route), and those the teacher skipped.
    reached: frozenset[str] = frozenset()
    skipped: frozenset[str] = frozenset()
    reach: frozenset[tuple[str, str]] = frozenset()


def _admits(module: Module, reach) -> bool:
    # Team formats are planned for the team as a whole, and specialist level only from a
    # teacher's own specialism: neither belongs in one teacher's route to expert level.
    return (
        not module.team_format
        and module.within(reach)
        and all(level < LEVELS[-1] for level in module.outcomes.values())
    )


def candidates(
    trainees: Iterable[Trainee],
    areas: Iterable[str],
    modules: Mapping[str, Module],
    level: int = EXPERT_LEVEL,
) -> list[Candidate]:
    """For every trainee below ``level`` in one of ``areas``, the cheapest route there (in
    the modules of their phase and sector), when there is one."""
    wanted = tuple(areas)
    offers: dict[tuple, Offer] = {}
    found = []
    for trainee in trainees:
        below = [a for a in wanted if trainee.levels.get(a, 0) < level]
        if not below:
            continue
        key = (trainee.sector, trainee.phase, trainee.reach, trainee.reached | trainee.skipped)
        offer = offers.get(key)
        if offer is None:
            offer = offers[key] = Offer(
                modules,
                trainee.sector,
                phases={trainee.phase},
                excluded=trainee.reached | trainee.skipped,
                admits=lambda m, reach=trainee.reach: _admits(m, reach),
            )
        finder = RouteFinder(offer, trainee.reached, trainee.levels, modules)
        for area in below:
            route = finder.cheapest(area, level)
            if route is None:
                continue
            found.append(Candidate(trainee.teacher, area, level, route.hours, tuple(offer.codes(route.mask))))
    return found
