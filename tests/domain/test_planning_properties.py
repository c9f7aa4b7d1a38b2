"""The planner's guarantees (DESIGN §6, Planner 2), checked on generated catalogues and requests."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from strategies import requests

from planner.domain.catalogue import PERIODS_PER_YEAR, PHASES, Module
from planner.domain.planning import (
    WISH_CEILING,
    Path,
    PlanRequest,
    Step,
    effective_targets,
    plan,
    projected_levels,
    school_years,
)
from planner.domain.planning_schedule import year_of

PROPERTIES = settings(max_examples=80, deadline=None)


def _base(request: PlanRequest) -> dict[str, int]:
    return projected_levels(request.levels, request.modules, request.done)


def _first(step: Step) -> int:
    return (step.school_year - 1) * PERIODS_PER_YEAR + step.period


def _last(step: Step) -> int:
    return (step.last_school_year - 1) * PERIODS_PER_YEAR + step.last_period


def _fixed(request: PlanRequest, step: Step) -> bool:
    return (
        step.status == "in_progress"
        or step.module == request.induction_programme
        or step.module in request.programme_steps
    )


def _levels_at(request: PlanRequest, path: Path, period: int) -> dict[str, int]:
    """Levels at the start of a period: what has been completed by then."""
    ended = [step.module for step in path.steps if _last(step) < period]
    return projected_levels(_base(request), request.modules, ended)


def _completed_before(request: PlanRequest, path: Path, period: int) -> set[str]:
    return set(request.done) | {step.module for step in path.steps if _last(step) < period}


def _shares(module: Module, step: Step, years: tuple[frozenset[str], ...]) -> dict[tuple[int, str], int]:
    """The step's hours per (school year, phase), spread evenly over its periods."""
    first, last = _first(step), _last(step)
    each, extra = divmod(module.hours, last - first + 1)
    shares: dict[tuple[int, str], int] = {}
    for index, period in enumerate(range(first, last + 1)):
        open_phases = years[year_of(period) - 1]
        offered = [p for p in PHASES if p in open_phases and p in module.phases] or [
            p for p in PHASES if p in open_phases
        ]
        key = (year_of(period), offered[0])
        shares[key] = shares.get(key, 0) + each + (1 if index < extra else 0)
    return shares


@PROPERTIES
@given(requests())
def test_every_entry_requirement_is_met_before_the_step(request: PlanRequest) -> None:
    path = plan(request)
    for step in path.steps:
        if _fixed(request, step):
            continue
        module = request.modules[step.module]
        completed = _completed_before(request, path, _first(step))
        levels = _levels_at(request, path, _first(step))
        for required in module.requires_modules:
            by_level = required in request.modules and all(
                levels.get(area, 0) >= level for area, level in request.modules[required].outcomes.items()
            )
            assert required in completed or by_level, (step, required)
        for area, level in module.requires_levels.items():
            assert levels.get(area, 0) >= level, (step, area, level)
        assert set(step.requires) <= completed


@PROPERTIES
@given(requests())
def test_no_step_brings_nothing_new_and_no_level_is_reached_twice(request: PlanRequest) -> None:
    path = plan(request)
    codes = [step.module for step in path.steps]
    assert len(codes) == len(set(codes))
    planned = {step.module for step in path.steps if step.status == "planned"}
    assert not planned & (request.done | request.in_progress | request.skipped)
    running = _base(request)
    for step in path.steps:
        raised = {area: level for area, level in step.outcomes.items() if level > running.get(area, 0)}
        at_start = _levels_at(request, path, _first(step))
        assert all(level > at_start.get(area, 0) for area, level in raised.items())
        assert raised or _fixed(request, step), step
        assert step.reasons, step
        running = projected_levels(running, request.modules, [step.module])


@PROPERTIES
@given(requests())
def test_the_budget_of_each_school_year_holds_done_and_started_hours_included(request: PlanRequest) -> None:
    path = plan(request)
    years = school_years(request.phase, request.years, side_entrant=request.side_entrant)
    fixed: dict[tuple[int, str], int] = {}
    planned: dict[tuple[int, str], int] = {}
    for code, year in request.done_years.items():
        if code in request.modules and 1 <= year:
            module = request.modules[code]
            offered = [p for p in PHASES if p in years[year - 1] and p in module.phases] or sorted(
                years[year - 1], key=PHASES.index
            )
            key = (year, offered[0])
            fixed[key] = fixed.get(key, 0) + module.hours
    for step in path.steps:
        module = request.modules[step.module]
        shares = _shares(module, step, years)
        if step.needs_facilitation:
            # Only a module no school year's budget could hold is facilitated.
            assert any(hours > request.budget.get(phase, 0) for (_, phase), hours in shares.items()), step
            assert step.facilitation_hours > 0
            continue
        target = fixed if _fixed(request, step) else planned
        for key, hours in shares.items():
            target[key] = target.get(key, 0) + hours
    for (year, phase), hours in planned.items():
        room = max(0, request.budget.get(phase, 0) - fixed.get((year, phase), 0))
        assert hours <= room, (year, phase, hours, room)


@PROPERTIES
@given(requests())
def test_phase_sector_reach_and_format_are_respected(request: PlanRequest) -> None:
    path = plan(request)
    years = school_years(request.phase, request.years, side_entrant=request.side_entrant)
    specialist = request.phase == "experienced"
    for step in path.steps:
        if _fixed(request, step):
            continue
        module = request.modules[step.module]
        assert request.sector in module.sectors
        assert not module.team_format, step
        assert module.within(request.reach), step
        for period in range(_first(step), _last(step) + 1):
            assert not years[year_of(period) - 1].isdisjoint(module.phases), step
        assert step.phase in years[step.school_year - 1] and step.phase in module.phases
        for area, level in module.outcomes.items():
            assert level < 5 or (specialist and area in request.specialisms), step


@PROPERTIES
@given(requests())
def test_the_same_request_gives_the_same_path(request: PlanRequest) -> None:
    shuffled = replace(
        request,
        modules=dict(reversed(request.modules.items())),
        levels=dict(reversed(request.levels.items())),
        targets={phase: dict(reversed(request.targets[phase].items())) for phase in PHASES[::-1]},
        done=frozenset(sorted(request.done, reverse=True)),
    )
    assert plan(request) == plan(request) == plan(shuffled)


@PROPERTIES
@given(requests())
def test_every_gap_is_closed_within_its_phase_or_reported(request: PlanRequest) -> None:
    path = plan(request)
    targets = effective_targets(request)
    years = school_years(request.phase, request.years, side_entrant=request.side_entrant)
    reported = {(item.phase, item.area): item for item in path.unreachable}
    assert len(reported) == len(path.unreachable)
    in_reach: dict[str, int] = {}
    for module in request.modules.values():
        if request.sector in module.sectors and module.within(request.reach) and not module.team_format:
            for area, level in module.outcomes.items():
                in_reach[area] = max(in_reach.get(area, 0), level)
    for_good: set[tuple[str, int]] = set()
    for phase in PHASES[PHASES.index(request.phase) :]:
        ends = [index + 1 for index, phases in enumerate(years) if phase in phases]
        # A phase with no school year left is judged at the end of the path.
        end = max(ends or [len(years)]) * PERIODS_PER_YEAR
        at_end = _levels_at(request, path, end + 1)
        for area, target in targets[phase].items():
            item = reported.get((phase, area))
            if at_end.get(area, 0) >= target or (area, target) in for_good:
                assert item is None, item
                continue
            assert item is not None, (phase, area, target)
            assert item.target == target
            if path.levels_after.get(area, 0) >= target:
                assert item.reason == "late"
                assert item.best_level == at_end.get(area, 0)
                assert item.school_year is not None and item.school_year > max(ends or [len(years)])
            else:
                assert item.reason in ("no-module", "blocked", "budget")
                assert (item.reason == "no-module") == (in_reach.get(area, 0) < target), item
                assert item.best_level == path.levels_after.get(area, 0)
                for_good.add((area, target))


@PROPERTIES
@given(requests())
def test_wishes_stop_at_four_without_a_specialism(request: PlanRequest) -> None:
    path = plan(request)
    targets = effective_targets(request)
    for area in request.wishes:
        highest = max(targets[phase].get(area, 0) for phase in PHASES)
        start = _base(request).get(area, 0)
        assert path.levels_after.get(area, 0) <= max(start, highest, WISH_CEILING) or any(
            _fixed(request, step) for step in path.steps
        )


@PROPERTIES
@given(requests())
def test_replanning_keeps_what_is_done_and_in_progress(request: PlanRequest) -> None:
    path = plan(request)
    kept = {step.module for step in path.steps if step.status == "in_progress"}
    assert kept == set(request.in_progress) - set(request.done)
    assert all(_first(step) == request.start_period for step in path.steps if step.status == "in_progress")
    assert not {step.module for step in path.steps} & request.done
    expected = projected_levels(_base(request), request.modules, [s.module for s in path.steps])
    assert all(path.levels_after.get(area, 0) == level for area, level in expected.items())


@PROPERTIES
@given(requests())
def test_steps_follow_the_path_order_from_the_current_period(request: PlanRequest) -> None:
    steps: tuple[Step, ...] = plan(request).steps
    assert [_first(step) for step in steps] == sorted(_first(step) for step in steps)
    assert all(_first(step) >= request.start_period for step in steps)


@PROPERTIES
@given(requests())
def test_every_reason_names_what_a_sentence_needs(request: PlanRequest) -> None:
    path = plan(request)
    targets = effective_targets(request)
    position = {step.module: index for index, step in enumerate(path.steps)}
    for index, step in enumerate(path.steps):
        for reason in step.reasons:
            if reason.kind == "gap":
                assert reason.current < reason.level == step.outcomes[reason.area]
                assert reason.target > reason.current
                assert targets[reason.phase][reason.area] == reason.target
            elif reason.kind == "prerequisite":
                later = path.steps[position[reason.module]]
                assert position[reason.module] > index
                assert step.module in later.requires
            elif reason.kind in ("wish", "class-context", "school-priority"):
                assert reason.current < reason.level == step.outcomes[reason.area]
            elif reason.kind == "induction-programme":
                assert step.module == request.induction_programme
            elif reason.kind == "programme":
                assert step.module in request.programme_steps
            else:
                assert reason.kind == "in-progress"
                assert step.status == "in_progress"
