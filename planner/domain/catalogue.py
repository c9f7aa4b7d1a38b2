"""The catalogue's vocabulary: phases, sectors, levels, formats, modules and targets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

PHASES: tuple[str, ...] = ("initial", "induction", "experienced")
SECTORS: tuple[str, ...] = ("po", "vo", "mbo", "go")
LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)

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
)

ANY_SECTOR = "*"

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

    def __post_init__(self) -> None:
        # Copies keep a module immune to later changes in the caller's collections,
        # and the frozensets keep it hashable.
        object.__setattr__(self, "phases", frozenset(self.phases))
        object.__setattr__(self, "sectors", frozenset(self.sectors))
        object.__setattr__(self, "outcomes", dict(self.outcomes))
        object.__setattr__(self, "requires_modules", tuple(self.requires_modules))
        object.__setattr__(self, "requires_levels", dict(self.requires_levels))

    def is_offered(self, sector: str, phase: str | None = None) -> bool:
        """Whether teachers in ``sector`` (and, if given, in ``phase``) can take the module."""
        return sector in self.sectors and (phase is None or phase in self.phases)


@dataclass(frozen=True)
class TargetEntry:
    """Target levels for one phase, for one sector or for every sector (``"*"``)."""

    phase: str
    sector: str
    levels: Mapping[str, int] = field(hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "levels", dict(self.levels))
