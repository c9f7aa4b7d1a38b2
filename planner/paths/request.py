"""From a teacher's situation to the planner's request: one place for every rule of how
the product reads a profile, so that a stored path and a preview plan alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from planner.domain.assessment import heavy_class
from planner.domain.catalogue import Module, TargetEntry
from planner.domain.phases import years_per_phase
from planner.domain.planning import PlanRequest
from planner.domain.progress import period_in_school_year
from planner.domain.targets import merge_targets, raise_targets

# CAO po 2024-2025: 40 hours a year of individual professionalisation for a full-time
# teacher; a school sets its own figure.
DEFAULT_BUDGET_HOURS = 40
# A student teacher's room per study year for electives, a minor or a placement: half of
# the 60 EC of a study year (1 EC = 28 hours), enough for one minor. An assumption: the
# rest of the year is the programme's compulsory part.
STUDY_HOURS_PER_YEAR = 840


@dataclass(frozen=True)
class Situation:
    """What the planner is told about one teacher, stored or imagined (a preview)."""

    sector: str
    phase: str
    years_experience: int
    study_years_left: int
    levels: Mapping[str, int]
    level_sources: Mapping[str, str] = field(default_factory=dict)
    wishes: frozenset[str] = frozenset()
    specialisms: frozenset[str] = frozenset()
    class_context: Mapping[str, int | None] = field(default_factory=dict)
    budget_hours_per_year: int = DEFAULT_BUDGET_HOURS
    done: frozenset[str] = frozenset()
    done_years: Mapping[str, int] = field(default_factory=dict)
    in_progress: frozenset[str] = frozenset()
    skipped: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    raised_targets: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    reach: frozenset[tuple[str, str]] = frozenset()
    induction_programme: str | None = None
    side_entrant: bool = False
    go_type: str | None = None
    programme_steps: Mapping[str, int] = field(default_factory=dict)
    programme_modules: frozenset[str] | None = None
    team_sessions: Mapping[str, int] = field(default_factory=dict)


def sector_targets(
    entries: Iterable[TargetEntry],
    sector: str,
    area_codes: Iterable[str],
    raised: Mapping[str, Mapping[str, int]],
    go_type: str | None = None,
) -> dict[str, dict[str, int]]:
    """The phase targets of the sector (and kind of go school), raised where the school asks
    more (in the framework's areas)."""
    known = set(area_codes)
    raises = {
        phase: {a: level for a, level in levels.items() if a in known} for phase, levels in raised.items()
    }
    return raise_targets(merge_targets(entries, sector, go_type), raises)


def plan_request(
    situation: Situation,
    modules: Mapping[str, Module],
    targets: Mapping[str, Mapping[str, int]],
    class_context_areas: frozenset[str],
    area_order: tuple[str, ...],
    today: date,
) -> PlanRequest:
    context = situation.class_context
    budget = situation.budget_hours_per_year
    return PlanRequest(
        modules=modules,
        levels=dict(situation.levels),
        sector=situation.sector,
        phase=situation.phase,
        years=years_per_phase(
            situation.phase,
            situation.years_experience,
            situation.study_years_left,
            teaching=situation.side_entrant,
        ),
        targets=targets,
        budget={"initial": STUDY_HOURS_PER_YEAR, "induction": budget, "experienced": budget},
        done=situation.done,
        in_progress=situation.in_progress,
        skipped=situation.skipped,
        wishes=situation.wishes,
        specialisms=situation.specialisms,
        priorities=situation.priorities,
        heavy_class=heavy_class(
            situation.sector,
            context.get("class_size"),
            context.get("support_need"),
            context.get("extra_support_need"),
            context.get("complexity"),
        ),
        class_context_areas=class_context_areas,
        side_entrant=situation.side_entrant,
        start_period=period_in_school_year(today),
        done_years=dict(situation.done_years),
        reach=situation.reach,
        induction_programme=situation.induction_programme,
        area_order=area_order,
        level_sources=dict(situation.level_sources),
        programme_steps=dict(situation.programme_steps),
        programme_modules=situation.programme_modules,
        team_sessions=dict(situation.team_sessions),
    )
