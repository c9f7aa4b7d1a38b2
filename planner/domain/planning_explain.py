"""From placed modules to the path a teacher reads: order, needs, reasons, what is missed.

Part of the planner. Reasons are worked out from the finished path rather than recorded
while planning, so they describe the path as it is; a step that turns out to serve no
target, wish or later step is left out here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.domain.catalogue import PHASES, Module
from planner.domain.planning_offer import Offer
from planner.domain.planning_routes import RouteFinder
from planner.domain.planning_schedule import Placement
from planner.domain.planning_types import Path, PlanRequest, Reason, Step, Unreachable


@dataclass(frozen=True)
class _Draft:
    placement: Placement
    module: Module
    status: str

    @property
    def code(self) -> str:
        return self.module.code


@dataclass(frozen=True)
class _Need:
    code: str
    area: str | None = None
    level: int | None = None


def build_path(
    request: PlanRequest,
    years: Sequence[str],
    base: Mapping[str, int],
    placements: Sequence[Placement],
    offer: Offer,
) -> Path:
    """The path of the placed modules; ``base`` holds the levels before any of them."""
    drafts = sorted(
        (
            _Draft(placement, request.modules[placement.code], _status(request, placement.code))
            for placement in placements
        ),
        key=lambda draft: (draft.placement.first, draft.status != "in_progress", draft.code),
    )
    while True:
        needs = [_needs(draft, drafts[:index], base) for index, draft in enumerate(drafts)]
        own = _own_reasons(request, drafts, base)
        wanted = _prerequisite_reasons(drafts, own, needs)
        kept = [
            index
            for index, draft in enumerate(drafts)
            if draft.status == "in_progress" or own[index] or draft.code in wanted
        ]
        if len(kept) == len(drafts):
            break
        drafts = [drafts[index] for index in kept]

    steps = tuple(
        _step(draft, years, own[index] + wanted.get(draft.code, []), needs[index])
        for index, draft in enumerate(drafts)
    )
    levels_after = dict(base)
    for draft in drafts:
        _raise(levels_after, draft.module.outcomes)
    for levels in request.targets.values():
        for area in levels:
            levels_after.setdefault(area, 0)
    levels_after = dict(sorted(levels_after.items()))
    reached = set(request.done) | {draft.code for draft in drafts}
    return Path(steps, _unreachable(request, levels_after, reached, offer), levels_after)


def _status(request: PlanRequest, code: str) -> str:
    return "in_progress" if code in request.in_progress else "planned"


def _needs(draft: _Draft, earlier: Sequence[_Draft], base: Mapping[str, int]) -> list[_Need]:
    if draft.status == "in_progress":
        return []
    needs = [_Need(code) for code in draft.module.requires_modules]
    for area, level in sorted(draft.module.requires_levels.items()):
        if base.get(area, 0) >= level:
            continue
        provider = next(
            (
                other.code
                for other in earlier
                if other.placement.last < draft.placement.first
                and other.module.outcomes.get(area, 0) >= level
            ),
            None,
        )
        # A module required by name already explains itself; its level need adds nothing.
        if provider is not None and provider not in draft.module.requires_modules:
            needs.append(_Need(provider, area, level))
    return needs


def _own_reasons(
    request: PlanRequest, drafts: Sequence[_Draft], base: Mapping[str, int]
) -> list[list[Reason]]:
    """Per step, the targets and preferences it serves by the levels it raises."""
    running = dict(base)
    reasons: list[list[Reason]] = []
    for draft in drafts:
        found: list[Reason] = []
        for area, level in sorted(draft.module.outcomes.items()):
            current = running.get(area, 0)
            if level <= current:
                continue
            gap = _gap_reason(request, area, current, level)
            if gap is None and area not in request.wishes:
                continue
            found.extend([gap] if gap else [])
            for kind, applies in (
                ("wish", area in request.wishes),
                ("class-context", request.heavy_class and area in request.class_context_areas),
                ("school-priority", area in request.priorities),
            ):
                if applies:
                    found.append(Reason(kind, area=area, level=level, current=current))
        _raise(running, draft.module.outcomes)
        reasons.append(found)
    return reasons


def _gap_reason(request: PlanRequest, area: str, current: int, level: int) -> Reason | None:
    # Name the highest target the step reaches, in the earliest phase that asks for it;
    # failing that, the nearest target it works towards.
    open_targets = [
        (phase, target)
        for phase in PHASES
        if (target := request.targets.get(phase, {}).get(area, 0)) > current
    ]
    if not open_targets:
        return None
    reached = [(phase, target) for phase, target in open_targets if target <= level]
    if reached:
        highest = max(target for _, target in reached)
        phase, target = next((p, t) for p, t in reached if t == highest)
    else:
        phase, target = open_targets[0]
    return Reason("gap", area=area, level=level, target=target, current=current, phase=phase)


def _prerequisite_reasons(
    drafts: Sequence[_Draft], own: Sequence[list[Reason]], needs: Sequence[list[_Need]]
) -> dict[str, list[Reason]]:
    """Per module, the later steps that need it; only steps that stay count."""
    wanted: dict[str, list[Reason]] = {}
    for index in reversed(range(len(drafts))):
        draft = drafts[index]
        if draft.status == "in_progress" or own[index] or draft.code in wanted:
            for need in needs[index]:
                reason = Reason("prerequisite", area=need.area, level=need.level, module=draft.code)
                wanted.setdefault(need.code, []).insert(0, reason)
    return wanted


def _step(draft: _Draft, years: Sequence[str], reasons: list[Reason], needs: list[_Need]) -> Step:
    if draft.status == "in_progress":
        reasons = [Reason("in-progress"), *reasons]
    return Step(
        module=draft.code,
        phase=years[draft.placement.first - 1],
        school_year=draft.placement.first,
        last_school_year=draft.placement.last,
        hours=draft.module.hours,
        status=draft.status,
        reasons=tuple(reasons),
        requires=tuple(dict.fromkeys(need.code for need in needs)),
        outcomes=dict(draft.module.outcomes),
    )


def _unreachable(
    request: PlanRequest, levels: Mapping[str, int], reached: set[str], offer: Offer
) -> tuple[Unreachable, ...]:
    in_sector: dict[str, int] = {}
    for module in request.modules.values():
        if request.sector in module.sectors:
            _raise(in_sector, module.outcomes)
    finder = RouteFinder(offer, reached, levels)
    missed = []
    for phase in PHASES:
        for area, target in sorted(request.targets.get(phase, {}).items()):
            if levels.get(area, 0) >= target:
                continue
            if in_sector.get(area, 0) < target:
                reason = "no-module"
            elif finder.cheapest(area, target) is None:
                reason = "blocked"
            else:
                reason = "budget"
            missed.append(Unreachable(area, target, phase, reason, levels.get(area, 0)))
    return tuple(missed)


def _raise(levels: dict[str, int], outcomes: Mapping[str, int]) -> None:
    for area, level in outcomes.items():
        levels[area] = max(levels.get(area, 0), level)
