"""A teacher-training programme against the initial target (DESIGN §7): which modules a
student takes in which study year, the rules such a programme keeps, and the level its
compulsory part brings a student to in each area."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from planner.domain.catalogue import Module


@dataclass(frozen=True)
class ProgrammeModules:
    """Per module code the study year it runs in (1 = the first), compulsory or elective."""

    study_years: int
    compulsory: Mapping[str, int] = field(default_factory=dict, hash=False)
    electives: Mapping[str, int] = field(default_factory=dict, hash=False)

    def year_of(self, code: str) -> int | None:
        return self.compulsory.get(code, self.electives.get(code))


@dataclass(frozen=True)
class ProgrammeProblem:
    """One broken rule; ``rule`` and ``details`` are stable so that a screen can word them.

    Rules: unknown-module, year-range, both (a module compulsory and elective at once),
    later-module (a module requires one of a later study year, or one the programme does not
    hold), elective-required (a compulsory module requires an elective a student may skip),
    entry-level (the compulsory part up to that year does not bring the level a module asks).
    """

    module: str
    rule: str
    details: Mapping[str, object] = field(default_factory=dict, hash=False)


def programme_problems(programme: ProgrammeModules, modules: Mapping[str, Module]) -> list[ProgrammeProblem]:
    """Every broken rule of the programme at once, in the order of the study years."""
    problems: list[ProgrammeProblem] = []
    for code in sorted(programme.compulsory.keys() & programme.electives.keys()):
        problems.append(ProgrammeProblem(code, "both"))
    entries = sorted(
        [(year, code, True) for code, year in programme.compulsory.items()]
        + [
            (year, code, False)
            for code, year in programme.electives.items()
            if code not in programme.compulsory
        ],
    )
    for year, code, compulsory in entries:
        if not 1 <= year <= programme.study_years:
            problems.append(
                ProgrammeProblem(code, "year-range", {"year": year, "years": programme.study_years})
            )
        module = modules.get(code)
        if module is None:
            problems.append(ProgrammeProblem(code, "unknown-module"))
            continue
        for required in module.requires_modules:
            required_year = programme.year_of(required)
            if required_year is None or required_year > year:
                problems.append(
                    ProgrammeProblem(
                        code,
                        "later-module",
                        {"year": year, "required": required, "required_year": required_year},
                    )
                )
            elif compulsory and required not in programme.compulsory:
                problems.append(ProgrammeProblem(code, "elective-required", {"required": required}))
        if compulsory:
            # The planner orders the modules of one study year, so the year's own modules count.
            before = reached_levels(
                (c for c, y in programme.compulsory.items() if y <= year and c != code), modules
            )
            for area, level in sorted(module.requires_levels.items()):
                if before.get(area, 0) < level:
                    problems.append(
                        ProgrammeProblem(
                            code,
                            "entry-level",
                            {"area": area, "level": level, "reached": before.get(area, 0)},
                        )
                    )
    return problems


def reached_levels(codes: Iterable[str], modules: Mapping[str, Module]) -> dict[str, int]:
    """The highest level the modules bring in each area (a student starts at 0)."""
    levels: dict[str, int] = {}
    for code in codes:
        module = modules.get(code)
        if module is None:
            continue
        for area, level in module.outcomes.items():
            levels[area] = max(levels.get(area, 0), level)
    return levels


@dataclass(frozen=True)
class AreaCoverage:
    """Where a programme brings a student in one area, against one sector's initial target."""

    area: str
    sector: str
    target: int | None
    reached: int
    with_electives: int
    # Per elective the level it brings here above the compulsory part.
    electives_add: Mapping[str, int] = field(default_factory=dict, hash=False)

    @property
    def gap(self) -> int:
        return max(0, (self.target or 0) - self.reached)

    @property
    def closed_by_electives(self) -> bool:
        return self.gap > 0 and self.with_electives >= (self.target or 0)


def coverage(
    programme: ProgrammeModules,
    sectors: Iterable[str],
    initial_targets: Mapping[str, Mapping[str, int]],
    modules: Mapping[str, Module],
    area_order: Iterable[str],
) -> list[AreaCoverage]:
    """Per sector the programme qualifies for and per area, the level of the compulsory part
    and of compulsory part plus every elective, against the sector's initial target."""
    reached = reached_levels(programme.compulsory, modules)
    electives = {code: reached_levels([code], modules) for code in programme.electives}
    everything = reached_levels([*programme.compulsory, *programme.electives], modules)
    rows = []
    for sector in sectors:
        targets = initial_targets.get(sector, {})
        for area in area_order:
            base = reached.get(area, 0)
            rows.append(
                AreaCoverage(
                    area=area,
                    sector=sector,
                    target=targets.get(area),
                    reached=base,
                    with_electives=everything.get(area, 0),
                    electives_add={
                        code: levels[area]
                        for code, levels in sorted(electives.items())
                        if levels.get(area, 0) > base
                    },
                )
            )
    return rows
