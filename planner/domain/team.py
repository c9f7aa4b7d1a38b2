"""A team's expertise: where each teacher stands per area, and which areas have too few
experts. Plain data in, plain data out; the school view loads and shows it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# From level 4 a teacher can carry an area for colleagues: the team's expert in it.
EXPERT_LEVEL = 4
# Every mbo team needs specific support expertise of its own or close at hand (seed 001):
# by default one expert per support area per team.
DEFAULT_MBO_MINIMUM = 1
SUPPORT_GROUP = "support"


@dataclass(frozen=True)
class Cell:
    """One teacher in one area: the levels of every source and the target."""

    self_level: int | None = None
    mentor: int | None = None
    observed: int | None = None
    planning: int | None = None
    target: int | None = None
    # Teacher and mentor differ by two levels or more: a topic for the conversation.
    topic: bool = False

    @property
    def state(self) -> str:
        """How the planning level stands against the target: met, close, far, unknown."""
        if self.planning is None:
            return "unknown"
        if self.target is None or self.planning >= self.target:
            return "met"
        return "close" if self.target - self.planning == 1 else "far"

    @property
    def expert(self) -> bool:
        return (self.planning or 0) >= EXPERT_LEVEL


@dataclass(frozen=True)
class TeacherRow:
    id: int
    name: str
    team_id: int | None
    team: str | None
    phase: str
    cells: Mapping[str, Cell] = field(default_factory=dict)

    def level(self, area: str) -> int:
        cell = self.cells.get(area)
        return (cell.planning if cell else None) or 0


@dataclass(frozen=True)
class CoverageRow:
    team_id: int | None
    team: str | None
    area: str
    experts: int
    minimum: int
    # The teachers nearest to expert level first (highest level, then name), non-experts only.
    closest: tuple[TeacherRow, ...] = ()

    @property
    def short(self) -> int:
        return max(0, self.minimum - self.experts)


def default_minimums(sector: str, areas: Iterable[tuple[str, str]]) -> dict[str, int]:
    """The minimum per area when the school has not set one: ``areas`` are (code, group)."""
    if sector != "mbo":
        return {}
    return {code: DEFAULT_MBO_MINIMUM for code, group in areas if group == SUPPORT_GROUP}


def coverage(
    teachers: Sequence[TeacherRow],
    teams: Sequence[tuple[int | None, str | None]],
    areas: Sequence[str],
    minimums: Mapping[str, int],
    closest: int = 3,
) -> list[CoverageRow]:
    """Per team and area, the experts against the minimum; short areas first (most short
    first), then the framework's order of areas within the teams' order."""
    rows = []
    for team_id, team_name in teams:
        members = [t for t in teachers if t.team_id == team_id]
        for area in areas:
            experts = sum(1 for t in members if t.cells.get(area, Cell()).expert)
            near = sorted(
                (t for t in members if not t.cells.get(area, Cell()).expert),
                key=lambda t: (-t.level(area), t.name),
            )
            rows.append(
                CoverageRow(team_id, team_name, area, experts, minimums.get(area, 0), tuple(near[:closest]))
            )
    position = {area: index for index, area in enumerate(areas)}
    team_position = {team_id: index for index, (team_id, _) in enumerate(teams)}
    return sorted(rows, key=lambda r: (r.short == 0, -r.short, team_position[r.team_id], position[r.area]))


def sort_rows(rows: Sequence[TeacherRow], by: str) -> list[TeacherRow]:
    """By name, or by an area's planning level (highest first, then name)."""
    if by and by != "name":
        return sorted(rows, key=lambda t: (-t.level(by), t.name.lower()))
    return sorted(rows, key=lambda t: t.name.lower())
