"""What goes into the planner and what comes out: plain, immutable data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from planner.domain.catalogue import Module

REASON_KINDS = ("gap", "prerequisite", "wish", "class-context", "school-priority", "in-progress")
UNREACHABLE_REASONS = ("no-module", "blocked", "budget")
STATUSES = ("planned", "in_progress")


@dataclass(frozen=True)
class PlanRequest:
    """Everything the planner needs for one teacher; see ``plan`` for the meaning."""

    modules: Mapping[str, Module] = field(hash=False)
    levels: Mapping[str, int] = field(hash=False)
    sector: str
    phase: str
    years: Mapping[str, int] = field(hash=False)
    targets: Mapping[str, Mapping[str, int]] = field(hash=False)
    budget: Mapping[str, int] = field(hash=False)
    done: frozenset[str] = frozenset()
    in_progress: frozenset[str] = frozenset()
    skipped: frozenset[str] = frozenset()
    wishes: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    heavy_class: bool = False
    class_context_areas: frozenset[str] = frozenset({"GEDRAG", "KLAS", "DIFF"})


@dataclass(frozen=True)
class Reason:
    """Why a step is in the path, in enough detail for a sentence a teacher understands.

    ``gap``: the step brings ``area`` from ``current`` to ``level`` towards the ``target``
    of ``phase``. ``prerequisite``: the later step ``module`` needs it (with ``area`` and
    ``level`` when it needs the level rather than the module). ``wish``, ``class-context``
    and ``school-priority``: the step develops ``area``, which the teacher wants to, which
    a heavy class calls for, or which the school gives priority. ``in-progress``: started.
    """

    kind: str
    area: str | None = None
    level: int | None = None
    target: int | None = None
    current: int | None = None
    module: str | None = None
    phase: str | None = None


@dataclass(frozen=True)
class Step:
    module: str
    phase: str
    school_year: int
    last_school_year: int
    hours: int
    status: str
    reasons: tuple[Reason, ...]
    requires: tuple[str, ...]
    outcomes: Mapping[str, int] = field(hash=False)


@dataclass(frozen=True)
class Unreachable:
    """A target the path does not reach, and why.

    ``no-module``: no module in the sector brings the area that far. ``blocked``: every
    route needs a skipped module, a module not offered in the phases left, or a level no
    route reaches. ``budget``: a route exists but does not fit in the years and hours.
    ``best_level``: the level the path does reach in the area.
    """

    area: str
    target: int
    phase: str
    reason: str
    best_level: int


@dataclass(frozen=True)
class Path:
    steps: tuple[Step, ...]
    unreachable: tuple[Unreachable, ...]
    levels_after: Mapping[str, int] = field(hash=False)
