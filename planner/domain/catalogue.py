"""The catalogue's vocabulary: phases, sectors, levels, formats, modules and targets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

PHASES: tuple[str, ...] = ("initial", "induction", "experienced")
SECTORS: tuple[str, ...] = ("po", "vo", "mbo", "go")
LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
# The levels a teacher can stand at: 0, "not yet", below the first descriptor, gives an
# initial target of 1 a meaning. Outcomes, entry levels and targets stay within LEVELS.
SCALE: tuple[int, ...] = (0, *LEVELS)

# Ordered from short and practical to long: the planner prefers the earlier formats
# when routes cost the same hours, because teachers have little time and budget for
# long courses (research report §5.1.3).
FORMATS: tuple[str, ...] = (
    "training-one-day",
    "lesson-observation",
    "team-study-day",
    "intervision",
    "coaching",
    "training-multi-day",
    "buddy-programme",
    "elective",
    "placement-go",
    "specialisation-track",
    "master-module",
    "minor",
    "whole-school-approach",
    "master",
)

# Formats a school runs for a team, never one teacher's step (the team view plans them).
TEAM_FORMATS: frozenset[str] = frozenset({"team-study-day", "intervision", "whole-school-approach"})

# A school year has two periods, August-January and February-July: the half-years in
# which Dutch schools and institutes schedule their courses.
PERIODS_PER_YEAR = 2

# How many periods a format usually runs when the catalogue does not say (assumptions:
# a one-day or multi-day training fits one half-year; coaching, intervision and buddy
# programmes run a school year; a specialisation track or master two school years).
DEFAULT_DURATION: dict[str, int] = {
    "training-one-day": 1,
    "lesson-observation": 1,
    "team-study-day": 1,
    "intervision": 2,
    "coaching": 2,
    "training-multi-day": 1,
    "buddy-programme": 2,
    "elective": 1,
    "placement-go": 1,
    "specialisation-track": 4,
    "master-module": 1,
    "minor": 1,
    "whole-school-approach": 2,
    "master": 4,
}

# Who can take a module: every teacher of its sectors, or only those of one school board,
# one samenwerkingsverband region, or the alumni of one institute.
REACH_KINDS: tuple[str, ...] = ("sector", "board", "region", "alumni")
EVERYONE: tuple[str, str] = ("sector", "")

ANY_SECTOR = "*"
# Specialised education (go) holds three kinds of school whose teachers need different
# things (research tables 3.8, 3.11; §5.3): a target profile may name one of them.
GO_TYPES: tuple[str, ...] = ("sbo", "so", "vso")

_PHASE_RANK = {phase: rank for rank, phase in enumerate(PHASES)}
_FORMAT_RANK = {name: rank for rank, name in enumerate(FORMATS)}


def phase_rank(phase: str) -> int:
    """Position of a phase in the learning line; raises ValueError for an unknown phase."""
    try:
        return _PHASE_RANK[phase]
    except KeyError:
        raise ValueError(f"unknown phase {phase!r}; expected one of {', '.join(PHASES)}") from None


def format_rank(name: str) -> int:
    """Preference of a format, shortest first; an unknown format sorts last."""
    return _FORMAT_RANK.get(name, len(FORMATS))


@dataclass(frozen=True)
class Module:
    """A training module: what it takes to enter and the levels a participant reaches."""

    code: str
    hours: int
    format: str
    phases: frozenset[str]
    sectors: frozenset[str]
    outcomes: Mapping[str, int] = field(hash=False)
    requires_modules: tuple[str, ...] = ()
    requires_levels: Mapping[str, int] = field(default_factory=dict, hash=False)
    # None: the format's default (DEFAULT_DURATION, TEAM_FORMATS).
    duration_periods: int | None = None
    cost_eur: int = 0
    reach: tuple[str, str] = EVERYONE
    team_format: bool | None = None

    def __post_init__(self) -> None:
        # Copies keep a module immune to later changes in the caller's collections,
        # and the frozensets keep it hashable.
        object.__setattr__(self, "phases", frozenset(self.phases))
        object.__setattr__(self, "sectors", frozenset(self.sectors))
        object.__setattr__(self, "outcomes", dict(self.outcomes))
        object.__setattr__(self, "requires_modules", tuple(self.requires_modules))
        object.__setattr__(self, "requires_levels", dict(self.requires_levels))
        if self.duration_periods is None:
            object.__setattr__(self, "duration_periods", DEFAULT_DURATION.get(self.format, 1))
        if self.team_format is None:
            object.__setattr__(self, "team_format", self.format in TEAM_FORMATS)
        object.__setattr__(self, "reach", tuple(self.reach))

    def is_offered(self, sector: str, phase: str | None = None) -> bool:
        """Whether teachers in ``sector`` (and, if given, in ``phase``) can take the module."""
        return sector in self.sectors and (phase is None or phase in self.phases)

    def within(self, reach: frozenset[tuple[str, str]] | set[tuple[str, str]]) -> bool:
        """Whether a teacher whose board, region and institute are ``reach`` may take it."""
        return self.reach[0] == "sector" or self.reach in reach


@dataclass(frozen=True)
class TargetEntry:
    """Target levels for one phase, for one sector or for every sector (``"*"``)."""

    phase: str
    sector: str
    levels: Mapping[str, int] = field(hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "levels", dict(self.levels))
