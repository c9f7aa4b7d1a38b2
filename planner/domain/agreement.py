"""Stable agreements: when a new path version is worth keeping, what it changes for the
teacher, which old versions may go, and whether a planned module still stands as planned.

A path is compared as the teacher reads it: which module, when, in which state, how many
hours, whether it needs facilitation; which targets are not reached; the targets and the
levels it was planned from; the phase, sector and hours budget in its heading. Ids,
positions and the wording of reasons do not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from planner.domain.catalogue import Module

# Versions nobody accepted and that are not the newest proposal are kept this long, so a
# teacher can still look back at what was proposed last month.
KEEP_UNACCEPTED = timedelta(days=30)

STEP_CHANGES = ("added", "dropped", "moved", "hours", "needs-facilitation")

# Steps that are still ahead of the teacher; done and skipped ones are history.
AHEAD = ("planned", "in_progress")


@dataclass(frozen=True)
class StepReading:
    module: str
    # The calendar year its school year starts in: paths planned in different school
    # years number their years from different starts.
    year: int
    period: int
    status: str
    hours: int
    needs_facilitation: bool


@dataclass(frozen=True)
class PathReading:
    """What a teacher reads in a path version, independent of how it is stored."""

    heading: dict[str, object]
    steps: tuple[StepReading, ...]
    unreachable: list[dict]
    targets: dict[str, dict[str, int]]
    levels: dict[str, int]

    def step(self, module: str) -> StepReading | None:
        return next((s for s in self.steps if s.module == module), None)

    def ahead(self) -> dict[str, StepReading]:
        return {s.module: s for s in self.steps if s.status in AHEAD}

    def unreachable_by_target(self) -> dict[tuple[str, str], dict]:
        return {(u["area"], u["phase"]): u for u in self.unreachable}


def reading(
    steps: Iterable,
    unreachable: Iterable[Mapping],
    targets: Mapping,
    levels: Mapping,
    heading: Mapping | None = None,
    first_school_year: int = 1,
) -> PathReading:
    """``steps`` are objects with module_code, school_year (1: ``first_school_year``),
    period, status, hours and needs_facilitation; ``heading`` what the page says above
    them (phase, sector, hours per school year)."""
    return PathReading(
        heading=dict(heading or {}),
        steps=tuple(
            sorted(
                (
                    StepReading(
                        s.module_code,
                        first_school_year + s.school_year - 1,
                        s.period or 1,
                        s.status,
                        s.hours,
                        bool(s.needs_facilitation),
                    )
                    for s in steps
                ),
                key=lambda s: s.module,
            )
        ),
        # Lists keep their order for the teacher, but the planner's order of these is not news.
        unreachable=sorted((dict(u) for u in unreachable), key=lambda u: repr(sorted(u.items()))),
        targets={phase: dict(levels) for phase, levels in targets.items()},
        levels=dict(levels),
    )


def is_late(entry: Mapping) -> bool:
    """Reached, but only after the end of its phase."""
    return entry.get("kind") == "late" or entry.get("reason") == "late"


def changes(old: PathReading, new: PathReading) -> list[dict]:
    """What ``new`` changes for the teacher who agreed to ``old``, in reading order:
    steps added, dropped, moved or with other hours; targets now late or unreachable, or
    no longer; levels planned from and targets that changed; what changed in the heading
    (e.g. {"kind": "budget_hours_per_year", "from": 40, "to": 60})."""
    found: list[dict] = []
    before, after = old.ahead(), new.ahead()
    for code, step in after.items():
        was = before.get(code)
        if was is None:
            found.append({"kind": "added", "module": code, "year": step.year, "period": step.period})
            continue
        if (was.year, was.period) != (step.year, step.period):
            found.append(
                {
                    "kind": "moved",
                    "module": code,
                    "from_year": was.year,
                    "from_period": was.period,
                    "year": step.year,
                    "period": step.period,
                }
            )
        if was.hours != step.hours:
            found.append({"kind": "hours", "module": code, "from": was.hours, "to": step.hours})
        if step.needs_facilitation and not was.needs_facilitation:
            found.append({"kind": "needs-facilitation", "module": code})
    for code in before.keys() - after.keys():
        now = new.step(code)
        found.append({"kind": "dropped", "module": code, "status": now.status if now else None})
    found.sort(key=lambda c: (STEP_CHANGES.index(c["kind"]), c["module"]))
    found.extend(_target_changes(old, new))
    found.extend(_level_changes(old, new))
    found.extend(
        {"kind": name, "from": old.heading.get(name), "to": new.heading.get(name)}
        for name in sorted(old.heading.keys() | new.heading.keys())
        if old.heading.get(name) != new.heading.get(name)
    )
    return found


def _target_changes(old: PathReading, new: PathReading) -> list[dict]:
    found = []
    before, after = old.unreachable_by_target(), new.unreachable_by_target()
    for key in sorted(after.keys() | before.keys()):
        area, phase = key
        now, was = after.get(key), before.get(key)
        if now is not None and (
            was is None or is_late(now) != is_late(was) or now["target"] != was["target"]
        ):
            kind = "late" if is_late(now) else "unreachable"
            found.append({"kind": kind, "area": area, "phase": phase, "target": now["target"]})
        elif now is None:
            found.append({"kind": "reached", "area": area, "phase": phase, "target": was["target"]})
    old_targets, new_targets = old.targets, new.targets
    for phase in sorted(old_targets.keys() | new_targets.keys()):
        was, now = old_targets.get(phase, {}), new_targets.get(phase, {})
        for area in sorted(was.keys() | now.keys()):
            if was.get(area) != now.get(area):
                found.append(
                    {
                        "kind": "target",
                        "area": area,
                        "phase": phase,
                        "from": was.get(area),
                        "to": now.get(area),
                    }
                )
    return found


def _level_changes(old: PathReading, new: PathReading) -> list[dict]:
    was, now = old.levels, new.levels
    return [
        {"kind": "level", "area": area, "from": was.get(area), "to": now.get(area)}
        for area in sorted(was.keys() | now.keys())
        if was.get(area) != now.get(area)
    ]


@dataclass(frozen=True)
class Version:
    id: int
    created_at: datetime
    accepted: bool


def prunable(versions: Iterable[Version], now: datetime) -> list[int]:
    """Versions that may go: never accepted, not the newest of those, older than the
    keeping period. Every accepted version stays: it was an agreement once."""
    unaccepted = sorted((v for v in versions if not v.accepted), key=lambda v: (v.created_at, v.id))
    return [v.id for v in unaccepted[:-1] if now - v.created_at > KEEP_UNACCEPTED]


def catalogue_mark(hours: int, outcomes: Mapping[str, int], module: Module | None) -> str | None:
    """ "withdrawn" when the module left the catalogue, "changed" when its hours or outcomes
    are no longer those the step was planned with; else None. (A step's ``requires`` are the
    steps it needs in this path, not the catalogue's requirements: a change of those is
    caught when it is saved, by planning again.)"""
    if module is None:
        return "withdrawn"
    if module.hours != hours or dict(module.outcomes) != dict(outcomes):
        return "changed"
    return None
