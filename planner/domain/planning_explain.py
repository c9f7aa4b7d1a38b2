"""From placed modules to the path a teacher reads: order, needs, reasons, what is missed.

Part of the planner. Reasons are worked out from the finished path rather than recorded
while planning, so they describe the path as it is. A step counts only for the levels it
raises above those of the steps before it in the path; one that turns out to raise nothing
a target, wish or later step asks for is left out here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.domain.catalogue import PHASES, Module, phase_rank
from planner.domain.planning_offer import Offer
from planner.domain.planning_routes import RouteFinder
from planner.domain.planning_schedule import Placement, Schedule, period_in_year, year_of
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
    targets: Mapping[str, Mapping[str, int]],
    years: Sequence[frozenset[str]],
    base: Mapping[str, int],
    schedule: Schedule,
    offer: Offer,
) -> Path:
    """The path of the placed modules; ``base`` holds the levels before any of them."""
    drafts = sorted(
        (
            _Draft(placement, request.modules[placement.code], _status(request, placement.code))
            for placement in schedule.placements
        ),
        key=lambda draft: (
            draft.placement.first,
            draft.status != "in_progress",
            draft.placement.last,
            draft.code,
        ),
    )
    programme = request.induction_programme
    fixed = set(request.programme_steps)
    sessions = set(request.team_sessions)
    while True:
        needs = [_needs(draft, drafts[:index], base, request) for index, draft in enumerate(drafts)]
        own = _own_reasons(request, targets, drafts, base)
        wanted = _prerequisite_reasons(drafts, own, needs)
        kept = [
            index
            for index, draft in enumerate(drafts)
            if draft.status == "in_progress"
            or draft.code == programme
            or draft.code in fixed
            or draft.code in sessions
            or own[index]
            or draft.code in wanted
        ]
        if len(kept) == len(drafts):
            break
        drafts = [drafts[index] for index in kept]

    steps = tuple(
        _step(draft, programme, fixed, own[index] + wanted.get(draft.code, []), needs[index], sessions)
        for index, draft in enumerate(drafts)
    )
    levels_after = dict(base)
    for draft in drafts:
        _raise(levels_after, draft.module.outcomes)
    for levels in targets.values():
        for area in levels:
            levels_after.setdefault(area, 0)
    levels_after = dict(sorted(levels_after.items()))
    reached = set(request.done) | {draft.code for draft in drafts}
    missed = _unreachable(request, targets, schedule, base, drafts, levels_after, reached, offer)
    return Path(steps, missed, levels_after)


def _status(request: PlanRequest, code: str) -> str:
    return "in_progress" if code in request.in_progress else "planned"


def _needs(
    draft: _Draft, earlier: Sequence[_Draft], base: Mapping[str, int], request: PlanRequest
) -> list[_Need]:
    if draft.status == "in_progress":
        return []
    before = [other for other in earlier if other.placement.last < draft.placement.first]
    by_code = {other.code: other for other in before}
    needs: list[_Need] = []
    wanted_levels = dict(draft.module.requires_levels)
    for code in draft.module.requires_modules:
        required = request.modules.get(code)
        others = [other for other in before if other.code != code]
        if code in request.done or (code in by_code and not _brings(base, others, required)):
            needs.append(_Need(code))
        elif required is not None:
            # Met by the levels the module brings rather than by the module itself.
            for area, level in required.outcomes.items():
                wanted_levels[area] = max(wanted_levels.get(area, 0), level)
    for area, level in sorted(wanted_levels.items()):
        if base.get(area, 0) >= level:
            continue
        provider = next((other.code for other in before if other.module.outcomes.get(area, 0) >= level), None)
        # A module required by name already explains itself; its level need adds nothing.
        if provider is not None and provider not in draft.module.requires_modules:
            needs.append(_Need(provider, area, level))
    return needs


def _brings(base: Mapping[str, int], steps: Sequence[_Draft], module: Module | None) -> bool:
    """Whether the levels before the steps, raised by them, reach every outcome of ``module``."""
    if module is None or not module.outcomes:
        return False
    levels = dict(base)
    for step in steps:
        _raise(levels, step.module.outcomes)
    return all(levels.get(area, 0) >= level for area, level in module.outcomes.items())


def _own_reasons(
    request: PlanRequest,
    targets: Mapping[str, Mapping[str, int]],
    drafts: Sequence[_Draft],
    base: Mapping[str, int],
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
            gap = _gap_reason(request, targets, area, current, level)
            if gap is None and area not in request.wishes:
                continue
            if gap is not None and current == base.get(area, 0):
                source = request.level_sources.get(area)
                if source and source != "self":
                    gap = Reason(**{**gap.__dict__, "source": source})
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


def _gap_reason(
    request: PlanRequest, targets: Mapping[str, Mapping[str, int]], area: str, current: int, level: int
) -> Reason | None:
    # Name the highest target the step reaches, in the earliest phase that asks for it;
    # failing that, the nearest target it works towards.
    open_targets = [
        (phase, target)
        for phase in PHASES[phase_rank(request.phase) :]
        if (target := targets.get(phase, {}).get(area, 0)) > current
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


def _step(
    draft: _Draft,
    programme: str | None,
    fixed: set[str],
    reasons: list[Reason],
    needs: list[_Need],
    sessions: set[str],
) -> Step:
    if draft.code in sessions:
        reasons = [Reason("team-session", module=draft.code), *reasons]
    elif draft.code in fixed:
        reasons = [Reason("programme", module=draft.code), *reasons]
    if draft.code == programme:
        reasons = [Reason("induction-programme", module=draft.code), *reasons]
    if draft.status == "in_progress":
        reasons = [Reason("in-progress"), *reasons]
    placement = draft.placement
    return Step(
        module=draft.code,
        phase=placement.phase,
        school_year=year_of(placement.first),
        last_school_year=year_of(placement.last),
        hours=draft.module.hours,
        status=draft.status,
        reasons=tuple(reasons),
        requires=tuple(dict.fromkeys(need.code for need in needs)),
        outcomes=dict(draft.module.outcomes),
        period=period_in_year(placement.first),
        last_period=period_in_year(placement.last),
        needs_facilitation=placement.facilitation_hours > 0,
        facilitation_hours=placement.facilitation_hours,
    )


def _unreachable(
    request: PlanRequest,
    targets: Mapping[str, Mapping[str, int]],
    schedule: Schedule,
    base: Mapping[str, int],
    drafts: Sequence[_Draft],
    levels: Mapping[str, int],
    reached: set[str],
    offer: Offer,
) -> tuple[Unreachable, ...]:
    in_reach: dict[str, int] = {}
    for module in request.modules.values():
        if request.sector in module.sectors and module.within(request.reach) and not module.team_format:
            _raise(in_reach, module.outcomes)
    finder = RouteFinder(offer, reached, levels, request.modules)
    missed = []
    # A level missed for good is reported once, at the first phase that asks for it.
    missed_for_good: set[tuple[str, int]] = set()
    for phase in PHASES[phase_rank(request.phase) :]:
        end = schedule.phase_end(phase)
        at_end = _levels_by(base, drafts, end) if end is not None else dict(levels)
        for area, target in sorted(targets.get(phase, {}).items()):
            if at_end.get(area, 0) >= target or (area, target) in missed_for_good:
                continue
            if levels.get(area, 0) >= target:
                year = min(
                    year_of(draft.placement.last)
                    for draft in drafts
                    if draft.module.outcomes.get(area, 0) >= target
                )
                missed.append(Unreachable(area, target, phase, "late", at_end.get(area, 0), year))
                continue
            if in_reach.get(area, 0) < target:
                reason = "no-module"
            elif finder.cheapest(area, target) is None:
                reason = "blocked"
            else:
                reason = "budget"
            missed.append(Unreachable(area, target, phase, reason, levels.get(area, 0)))
            missed_for_good.add((area, target))
    return tuple(missed)


def _levels_by(base: Mapping[str, int], drafts: Sequence[_Draft], period: int) -> dict[str, int]:
    """The levels once every step ending by ``period`` is complete."""
    levels = dict(base)
    for draft in drafts:
        if draft.placement.last <= period:
            _raise(levels, draft.module.outcomes)
    return levels


def _raise(levels: dict[str, int], outcomes: Mapping[str, int]) -> None:
    for area, level in outcomes.items():
        levels[area] = max(levels.get(area, 0), level)
