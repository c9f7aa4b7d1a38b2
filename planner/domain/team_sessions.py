"""Team sessions: the team formats (a study day, an intervision group, a whole-school
approach such as PBS) ranked by how many gaps across the team each one closes.

A team format is never planned for one teacher on their own; the leader schedules it for
the team, and then it stands in every participant's path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from planner.domain.catalogue import PERIODS_PER_YEAR, Module
from planner.domain.progress import period_in_school_year, school_year_start


@dataclass(frozen=True)
class Member:
    """A teacher as a team session sees them: where they stand and what their phase asks."""

    teacher: int
    sector: str
    phase: str
    levels: Mapping[str, int]
    targets: Mapping[str, int]
    # Modules done or under way: a session that repeats one brings this teacher nothing.
    reached: frozenset[str] = frozenset()
    reach: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Gain:
    """What a session does for one teacher in one area below their target."""

    teacher: int
    area: str
    current: int
    level: int
    target: int

    @property
    def closes(self) -> bool:
        return self.level >= self.target


@dataclass(frozen=True)
class SessionOption:
    module: str
    format: str
    hours: int
    gains: tuple[Gain, ...]

    @property
    def closed(self) -> int:
        """Gaps the session closes: the teacher reaches their target in the area."""
        return sum(1 for gain in self.gains if gain.closes)

    @property
    def narrowed(self) -> int:
        """Gaps the session narrows without closing them."""
        return len(self.gains) - self.closed

    @property
    def teachers(self) -> tuple[int, ...]:
        """The teachers who gain, in the order of the team."""
        return tuple(dict.fromkeys(gain.teacher for gain in self.gains))


def gains(module: Module, member: Member) -> list[Gain]:
    """The gaps of ``member`` that ``module`` works on, if the teacher can take part: it is
    offered in their sector and phase, within their reach, and they meet what it asks."""
    if (
        module.code in member.reached
        or not module.is_offered(member.sector, member.phase)
        or not module.within(member.reach)
        or any(member.levels.get(area, 0) < level for area, level in module.requires_levels.items())
        or any(code not in member.reached for code in module.requires_modules)
    ):
        return []
    found = []
    for area, level in module.outcomes.items():
        current, target = member.levels.get(area, 0), member.targets.get(area, 0)
        if current < target and level > current:
            found.append(Gain(member.teacher, area, current, level, target))
    return found


def rank_sessions(modules: Iterable[Module], members: Sequence[Member]) -> list[SessionOption]:
    """Every team format that works on some gap of the team, the most gaps closed first,
    then the most narrowed, then the fewest hours; the code keeps the order total."""
    options = []
    for module in modules:
        if not module.team_format:
            continue
        found = tuple(gain for member in members for gain in gains(module, member))
        if found:
            options.append(SessionOption(module.code, module.format, module.hours, found))
    return sorted(options, key=lambda o: (-o.closed, -o.narrowed, o.hours, o.module))


def session_period(held_on: date, today: date) -> int:
    """The period of a path planned ``today`` that ``held_on`` falls in: 1 and 2 are the
    halves of the current school year, 3 and 4 the next year's, and so on."""
    year = school_year_start(held_on) - school_year_start(today)
    return year * PERIODS_PER_YEAR + period_in_school_year(held_on)


def sessions_by_module(
    scheduled: Iterable[tuple[str, date]], done: Mapping[str, object], today: date
) -> dict[str, int]:
    """A teacher's scheduled sessions for the planner: module -> period. A module the
    teacher has done already is left out; the same module twice counts at its first date."""
    found: dict[str, int] = {}
    for code, held_on in sorted(scheduled, key=lambda item: item[1]):
        if code not in done and code not in found:
            found[code] = max(1, session_period(held_on, today))
    return found
