"""What goes into the planner and what comes out: plain, immutable data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from planner.domain.catalogue import Module

REASON_KINDS = (
    "gap",
    "prerequisite",
    "wish",
    "class-context",
    "school-priority",
    "in-progress",
    "induction-programme",
    "programme",
    "team-session",
)
UNREACHABLE_REASONS = ("no-module", "blocked", "budget", "late")
STATUSES = ("planned", "in_progress")


@dataclass(frozen=True)
class PlanRequest:
    """Everything the planner needs for one teacher; see ``plan`` for the meaning.

    ``years``: school years left per phase, counting the current one. ``side_entrant``:
    the initial years run alongside the first induction years (zij-instromers and PDG
    docenten qualify while they teach). ``start_period``: the period of the current school
    year the path starts in (1: August-January, 2: February-July). ``done_years``: the
    school year (1 = current) in which a done module was completed, so its hours count
    there. ``reach``: the teacher's board, region and institute, as (kind, code) pairs.
    ``level_sources``: per area, whose assessment set the level (self, mentor, observation).
    ``area_order``: the framework's order of areas, which breaks ties between gaps.
    """

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
    specialisms: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    heavy_class: bool = False
    class_context_areas: frozenset[str] = frozenset({"GEDRAG", "KLAS", "DIFF"})
    side_entrant: bool = False
    start_period: int = 1
    done_years: Mapping[str, int] = field(default_factory=dict, hash=False)
    reach: frozenset[tuple[str, str]] = frozenset()
    induction_programme: str | None = None
    area_order: tuple[str, ...] = ()
    level_sources: Mapping[str, str] = field(default_factory=dict, hash=False)
    # A student teacher's programme: the compulsory modules still ahead, by the school year
    # they fall in (1 = current), and every module it holds (None: no programme named), so
    # that initial-phase modules outside it are not planned.
    programme_steps: Mapping[str, int] = field(default_factory=dict, hash=False)
    programme_modules: frozenset[str] | None = None
    # Team sessions the school leader scheduled for this teacher: module code -> the period
    # they fall in, counted from period 1 of the current school year.
    team_sessions: Mapping[str, int] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Reason:
    """Why a step is in the path, in enough detail for a sentence a teacher understands.

    ``gap``: the step brings ``area`` from ``current`` to ``level`` towards the ``target``
    of ``phase``; ``source`` says whose assessment set ``current`` when it was not the
    teacher's own. ``prerequisite``: the later step ``module`` needs it (with ``area`` and
    ``level`` when it needs the level rather than the module). ``wish``, ``class-context``
    and ``school-priority``: the step develops ``area``, which the teacher wants to, which
    a heavy class calls for, or which the school gives priority. ``in-progress``: started.
    ``induction-programme``: the school's programme for its starters. ``programme``: a
    compulsory module of the student teacher's programme. ``team-session``: a team
    session the school leader scheduled with the teacher among its participants.
    """

    kind: str
    area: str | None = None
    level: int | None = None
    target: int | None = None
    current: int | None = None
    module: str | None = None
    phase: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Step:
    """A module in the path: from ``period`` of ``school_year`` to ``last_period`` of
    ``last_school_year`` (periods 1 and 2 of a school year).

    ``needs_facilitation``: the module does not fit one school year's hours budget;
    ``facilitation_hours`` are the hours above the budget (study leave, lerarenbeurs).
    """

    module: str
    phase: str
    school_year: int
    last_school_year: int
    hours: int
    status: str
    reasons: tuple[Reason, ...]
    requires: tuple[str, ...]
    outcomes: Mapping[str, int] = field(hash=False)
    period: int = 1
    last_period: int = 1
    needs_facilitation: bool = False
    facilitation_hours: int = 0


@dataclass(frozen=True)
class Unreachable:
    """A target the path does not reach in time, and why.

    ``no-module``: no module within the teacher's sector and reach brings the area that
    far. ``blocked``: every route needs a skipped module, a module not offered in the
    phases left, or a level no route reaches. ``budget``: a route exists but does not fit
    in the years and hours. ``late``: reached, but only after the phase ends, in
    ``school_year``. ``best_level``: the level reached by the end of the phase.
    """

    area: str
    target: int
    phase: str
    reason: str
    best_level: int
    school_year: int | None = None


@dataclass(frozen=True)
class Path:
    steps: tuple[Step, ...]
    unreachable: tuple[Unreachable, ...]
    levels_after: Mapping[str, int] = field(hash=False)
