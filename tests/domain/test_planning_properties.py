"""The planner's guarantees (DESIGN §6), checked on generated catalogues and requests."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from strategies import requests

from planner.domain.catalogue import PHASES
from planner.domain.planning import Path, PlanRequest, Step, plan, projected_levels, school_years

PROPERTIES = settings(max_examples=80, deadline=None)


def _base(request: PlanRequest) -> dict[str, int]:
    return projected_levels(request.levels, request.modules, request.done)


def _levels_before(request: PlanRequest, path: Path, year: int) -> dict[str, int]:
    """Levels at the start of a school year: what has been completed by then."""
    ended = [step.module for step in path.steps if step.last_school_year < year]
    return projected_levels(_base(request), request.modules, ended)


def _completed_before(request: PlanRequest, path: Path, year: int) -> set[str]:
    return set(request.done) | {step.module for step in path.steps if step.last_school_year < year}


@PROPERTIES
@given(requests())
def test_every_entry_requirement_is_met_before_the_step(request: PlanRequest) -> None:
    path = plan(request)
    for step in path.steps:
        if step.status == "in_progress":
            continue
        module = request.modules[step.module]
        completed = _completed_before(request, path, step.school_year)
        assert set(module.requires_modules) <= completed, step
        levels = _levels_before(request, path, step.school_year)
        for area, level in module.requires_levels.items():
            assert levels.get(area, 0) >= level, (step, area, level)
        assert set(step.requires) <= completed


@PROPERTIES
@given(requests())
def test_nothing_is_planned_twice_or_for_nothing(request: PlanRequest) -> None:
    path = plan(request)
    codes = [step.module for step in path.steps]
    assert len(codes) == len(set(codes))
    planned = {step.module for step in path.steps if step.status == "planned"}
    assert not planned & (request.done | request.in_progress | request.skipped)
    running = _base(request)
    for index, step in enumerate(path.steps):
        raises = any(level > running.get(area, 0) for area, level in step.outcomes.items())
        needed = any(step.module in later.requires for later in path.steps[index + 1 :])
        assert raises or needed or step.status == "in_progress", step
        assert step.reasons, step
        running = projected_levels(running, request.modules, [step.module])


@PROPERTIES
@given(requests())
def test_budget_phase_and_sector_are_respected(request: PlanRequest) -> None:
    path = plan(request)
    years = school_years(request.phase, request.years)
    budget = [request.budget.get(phase, 0) for phase in years]
    booked = [0] * len(years)
    in_progress_hours = 0
    for step in path.steps:
        if step.status == "in_progress":
            in_progress_hours += step.hours
            continue
        module = request.modules[step.module]
        assert request.sector in module.sectors
        span = range(step.school_year, step.last_school_year + 1)
        assert all(years[year - 1] in module.phases for year in span), step
        assert step.phase == years[step.school_year - 1]
        left = step.hours
        for year in span[:-1]:
            booked[year - 1] += budget[year - 1]
            left -= budget[year - 1]
        assert 0 < left <= budget[step.last_school_year - 1], step
        booked[step.last_school_year - 1] += left
    assert booked[0] <= max(0, budget[0] - in_progress_hours)
    assert all(hours <= limit for hours, limit in zip(booked, budget, strict=True))


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
def test_every_target_is_reached_or_reported(request: PlanRequest) -> None:
    path = plan(request)
    reported = {(item.phase, item.area, item.target): item for item in path.unreachable}
    in_sector: dict[str, int] = {}
    for module in request.modules.values():
        if request.sector in module.sectors:
            for area, level in module.outcomes.items():
                in_sector[area] = max(in_sector.get(area, 0), level)
    for phase, levels in request.targets.items():
        for area, target in levels.items():
            reached = path.levels_after.get(area, 0) >= target
            item = reported.get((phase, area, target))
            assert reached != (item is not None), (phase, area, target)
            if item is not None:
                no_module = in_sector.get(area, 0) < target
                assert (item.reason == "no-module") == no_module, item
                assert item.reason in ("no-module", "blocked", "budget")
                assert item.best_level == path.levels_after.get(area, 0)
    assert len(reported) == len(path.unreachable)


@PROPERTIES
@given(requests())
def test_replanning_keeps_what_is_done_and_in_progress(request: PlanRequest) -> None:
    path = plan(request)
    kept = {step.module for step in path.steps if step.status == "in_progress"}
    assert kept == set(request.in_progress)
    assert all(
        step.school_year == step.last_school_year == 1 for step in path.steps if step.status == "in_progress"
    )
    assert not {step.module for step in path.steps} & request.done
    expected = projected_levels(_base(request), request.modules, [s.module for s in path.steps])
    assert all(path.levels_after.get(area, 0) == level for area, level in expected.items())


@PROPERTIES
@given(requests())
def test_steps_follow_the_path_order(request: PlanRequest) -> None:
    steps: tuple[Step, ...] = plan(request).steps
    assert [step.school_year for step in steps] == sorted(step.school_year for step in steps)


@PROPERTIES
@given(requests())
def test_every_reason_names_what_a_sentence_needs(request: PlanRequest) -> None:
    path = plan(request)
    position = {step.module: index for index, step in enumerate(path.steps)}
    for index, step in enumerate(path.steps):
        for reason in step.reasons:
            if reason.kind == "gap":
                assert reason.current < reason.level == step.outcomes[reason.area]
                assert reason.target > reason.current
                assert request.targets[reason.phase][reason.area] == reason.target
            elif reason.kind == "prerequisite":
                later = path.steps[position[reason.module]]
                assert position[reason.module] > index
                assert step.module in later.requires
            elif reason.kind in ("wish", "class-context", "school-priority"):
                assert reason.current < reason.level == step.outcomes[reason.area]
            else:
                assert reason.kind == "in-progress"
                assert step.status == "in_progress"
