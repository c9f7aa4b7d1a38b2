"""What the path and assessment pages show: names, the timeline and the level chart."""

from dataclasses import dataclass, field

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from planner.catalogue.service import current_framework
from planner.domain.agreement import AHEAD, catalogue_mark
from planner.domain.assessment import Standing
from planner.domain.catalogue import PERIODS_PER_YEAR, SCALE
from planner.domain.catalogue import Module as DomainModule
from planner.extensions import db
from planner.models import Area, Framework, Module, ModuleRequirement, Outcome
from planner.models.catalogue import current_locale
from planner.paths.explain import PHASE_NAMES_IN_SENTENCE, Names

# A half-year's width, a box's height, the gap between rows, the heading's height, the margin
# round the drawing and the space between a box and its half-year's edge.
PERIOD_W, STEP_H, STEP_GAP, HEAD_H, MARGIN, BOX_INSET = 160, 42, 14, 62, 8, 5

# The half-years of a school year as the timeline and the step cards name them.
HALF_YEARS = {1: _l("Aug-Jan"), 2: _l("Feb-Jul")}


def catalogue_names(framework: Framework | None, module_codes=None) -> Names:
    """Area names and the titles of the given modules (all modules when none are given)."""
    if framework is None:
        return Names({}, {})
    areas = db.session.execute(
        sa.select(Area.code, Area.name_nl, Area.name_en).where(Area.framework_id == framework.id)
    ).all()
    query = sa.select(Module.code, Module.title_nl, Module.title_en).where(
        Module.framework_id == framework.id
    )
    if module_codes is not None:
        query = query.where(Module.code.in_(sorted(set(module_codes))))
    english = current_locale() == "en"
    return Names(
        {code: (en if english and en else nl) for code, nl, en in areas},
        {code: (en if english and en else nl) for code, nl, en in db.session.execute(query)},
    )


def path_names(*paths, framework: Framework | None = None) -> Names:
    """Names for what a path page shows: its steps, what they need and their alternatives
    (of each path given: an agreement and its proposal are shown together)."""
    codes = set()
    for path in paths:
        for step in path.steps if path else ():
            codes.update([step.module_code, *step.requires, *step.alternatives])
            codes.update(reason["module"] for reason in step.reasons if reason.get("module"))
    return catalogue_names(framework or current_framework(), codes)


def path_catalogue(*paths, framework: Framework | None = None) -> tuple[Names, dict[int, str]]:
    """Names for what the page shows of these paths, and the catalogue marks of their steps
    ahead: step id -> "withdrawn" or "changed" when the catalogue withdrew the module or
    changed its hours, outcomes or required modules since it was planned."""
    framework = framework or current_framework()
    names = path_names(*paths, framework=framework)
    ahead = [step for path in paths if path is not None for step in path.steps if step.status in AHEAD]
    state = module_state(framework, {step.module_code for step in ahead})
    marks = {}
    for step in ahead:
        mark = catalogue_mark(step.hours, step.outcomes, state.get(step.module_code))
        if mark is not None:
            marks[step.id] = mark
    return names, marks


def module_state(framework: Framework | None, codes) -> dict[str, DomainModule]:
    """The active catalogue's modules of these codes, as far as a step depends on them
    (hours, outcomes, required modules), in two statements."""
    if framework is None or not codes:
        return {}
    rows = db.session.execute(
        sa.select(Module.id, Module.code, Module.hours, Module.format).where(
            Module.framework_id == framework.id,
            Module.code.in_(sorted(set(codes))),
            Module.retired.is_(False),
        )
    ).all()
    ids = [row.id for row in rows]
    required = so.aliased(Module)
    # Outcomes and required modules in one statement: a page reads each table a fixed,
    # small number of times.
    outcomes_and_requires = sa.union_all(
        sa.select(Outcome.module_id, Area.code, Outcome.level)
        .join(Area, Outcome.area_id == Area.id)
        .where(Outcome.module_id.in_(ids)),
        sa.select(ModuleRequirement.module_id, required.code, sa.literal(None, sa.Integer))
        .join(required, ModuleRequirement.required_id == required.id)
        .where(ModuleRequirement.module_id.in_(ids)),
    )
    outcomes: dict[int, dict[str, int]] = {}
    requires: dict[int, list[str]] = {}
    for module_id, code, level in db.session.execute(outcomes_and_requires):
        if level is None:
            requires.setdefault(module_id, []).append(code)
        else:
            outcomes.setdefault(module_id, {})[code] = level
    return {
        row.code: DomainModule(
            code=row.code,
            hours=row.hours,
            format=row.format,
            phases=frozenset(),
            sectors=frozenset(),
            outcomes=outcomes.get(row.id, {}),
            requires_modules=tuple(requires.get(row.id, ())),
        )
        for row in rows
    }


# A box shows its code and hours over a title cut to what fits: at 12 px a character takes
# about 6.3 px on average, so TITLE_CHARS_PER_PX turns a box's inner width into characters.
BOX_PAD, TITLE_CHARS_PER_PX = 8, 1 / 6.3


@dataclass
class Box:
    step: object
    x: int
    y: int
    width: int
    # The phase targets this step reaches only after that phase ends (items of ``late_targets``).
    late: list[dict] = field(default_factory=list)
    # The module's title, whole (the box's accessible name) and cut to the box (what it shows).
    title: str = ""
    short_title: str = ""

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + STEP_H


@dataclass
class Column:
    """One school year: its label and phase, and its two half-years side by side."""

    label: str
    phase: str
    x: int
    width: int
    halves: list[tuple[str, int]]


@dataclass
class Now:
    """The half-year the school is in today, as a band over its column."""

    x: int
    width: int
    label: str


@dataclass
class Timeline:
    width: int
    height: int
    columns: list[Column]
    boxes: list[Box]
    # Each requirement line as its corner points, from the required step to the step needing it.
    links: list[list[tuple[int, int]]] = field(default_factory=list)
    now: Now | None = None

    @property
    def marks(self) -> set[str]:
        """Which marks the drawing uses, so the legend explains only those."""
        found = set()
        for box in self.boxes:
            if box.step.needs_facilitation:
                found.add("facilitation")
            if box.late:
                found.add("late")
        return found


def half_year(year: int, period: int) -> int:
    """The place of a period on the path: 0 for the first half of school year 1."""
    return (year - 1) * PERIODS_PER_YEAR + period - 1


def step_halves(step) -> range:
    return range(
        half_year(step.school_year, step.period), half_year(step.last_school_year, step.last_period) + 1
    )


def when(path, step) -> str:
    """When a step runs, in the school's calendar: "Aug-Jan 2026-2027", a whole school year,
    or the first and last half-year with how many it spans."""
    first = _half_year_label(path, step.school_year, step.period)
    count = len(step_halves(step))
    if count == 1:
        return first
    if step.school_year == step.last_school_year:
        return _("%(year)s, the whole school year", year=path.school_year_label(step.school_year))
    return _(
        "%(first)s to %(last)s (%(count)d half-years)",
        first=first,
        last=_half_year_label(path, step.last_school_year, step.last_period),
        count=count,
    )


def _half_year_label(path, year: int, period: int) -> str:
    return f"{HALF_YEARS.get(period, period)} {path.school_year_label(year)}"


def late_targets(path) -> dict[int, list[dict]]:
    """Step id -> the late targets (``unreachable`` items of kind late) that step reaches:
    the first step bringing the area to the target, in the school year it is reported."""
    found: dict[int, list[dict]] = {}
    for item in path.unreachable or ():
        if item.get("reason") != "late" or not item.get("school_year"):
            continue
        for step in path.steps:
            reaches = step.outcomes.get(item["area"], 0) >= item["target"]
            if reaches and step.school_year <= item["school_year"] <= step.last_school_year:
                found.setdefault(step.id, []).append(item)
                break
    return found


def cut_title(title: str, width: int) -> str:
    """The title as far as it fits a box ``width`` wide, cut at a word with an ellipsis."""
    room = int((width - 2 * BOX_PAD) * TITLE_CHARS_PER_PX)
    if len(title) <= room:
        return title
    cut = title[: max(room - 1, 1)]
    # A word cut in two loses its part, unless that leaves less than half the room.
    if title[len(cut)] != " " and " " in cut[room // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" :,;-–·") + "…"


def timeline(path, names: Names | None = None, now: tuple[int, int] | None = None) -> Timeline:
    """Steps in half-year columns under their school years, each in the first free row of
    the half-years it spans; ``now`` is today's (school year of the path, period), marked
    when the drawing covers it."""
    steps = path.steps
    if not steps:
        return Timeline(PERIOD_W * PERIODS_PER_YEAR + 2 * MARGIN, HEAD_H + MARGIN, [], [])
    first = min(s.school_year for s in steps)
    last = max(s.last_school_year for s in steps)
    origin = half_year(first, 1)
    phase_of_year = {}
    for step in steps:
        if step.phase:
            for year in range(step.school_year, step.last_school_year + 1):
                phase_of_year.setdefault(year, step.phase)
    columns = []
    for year in range(first, last + 1):
        x = MARGIN + (half_year(year, 1) - origin) * PERIOD_W
        halves = [(str(HALF_YEARS[period]), x + (period - 1) * PERIOD_W) for period in HALF_YEARS]
        columns.append(
            Column(
                path.school_year_label(year),
                phase_of_year.get(year, ""),
                x,
                PERIOD_W * PERIODS_PER_YEAR,
                halves,
            )
        )
    late = late_targets(path)
    rows_taken: dict[int, int] = {}
    boxes, where = [], {}
    for step in steps:
        halves = step_halves(step)
        row = max(rows_taken.get(half, 0) for half in halves)
        for half in halves:
            rows_taken[half] = row + 1
        width = len(halves) * PERIOD_W - 2 * BOX_INSET
        title = names.modules.get(step.module_code, "") if names else ""
        box = Box(
            step,
            MARGIN + (halves.start - origin) * PERIOD_W + BOX_INSET,
            HEAD_H + row * (STEP_H + STEP_GAP),
            width,
            late.get(step.id, []),
            title,
            cut_title(title, width) if title else "",
        )
        boxes.append(box)
        where[step.module_code] = box
    links = []
    for box in boxes:
        for code in box.step.requires:
            before = where.get(code)
            if before is not None:
                links.append(route(before, box, boxes))
    height = HEAD_H + max(rows_taken.values()) * (STEP_H + STEP_GAP) + MARGIN
    last_half = half_year(last, PERIODS_PER_YEAR)
    width = MARGIN * 2 + (last_half - origin + 1) * PERIOD_W
    mark = None
    if now is not None and origin <= half_year(*now) <= last_half:
        mark = Now(MARGIN + (half_year(*now) - origin) * PERIOD_W, PERIOD_W, _("now"))
    return Timeline(width, height, columns, boxes, links, mark)


def route(before: Box, after: Box, boxes: list[Box]) -> list[tuple[int, int]]:
    """A requirement line from the right end of ``before`` to the left end of ``after`` that
    runs only through the gaps: between half-year columns (where no box stands, except one
    spanning that edge) and between rows (always free). It leaves ``before`` into the column
    gap after it, goes along the row gap beside its row to a column gap that is free down to
    the row of ``after``, along the row gap beside that row and into ``after`` from the
    column gap before it. The outer edges of the drawing are always free."""
    ys, yt = before.y + STEP_H // 2, after.y + STEP_H // 2
    xs, xt = before.right + BOX_INSET, after.x - BOX_INSET
    if before.y == after.y and xs == xt:
        return [(before.right, ys), (after.x, yt)]
    down = after.y >= before.y
    gap_s = before.bottom + STEP_GAP // 2 if down else before.y - STEP_GAP // 2
    gap_t = after.y - STEP_GAP // 2 if down else after.bottom + STEP_GAP // 2
    if before.y == after.y:
        gap_t = gap_s
    top, bottom = min(gap_s, gap_t), max(gap_s, gap_t)
    edges = {box.x - BOX_INSET for box in boxes} | {box.right + BOX_INSET for box in boxes}

    def free(x: int) -> bool:
        return not any(b.x < x < b.right and b.y < bottom and b.bottom > top for b in boxes)

    lo, hi = min(xs, xt), max(xs, xt)
    # The nearest free column gap: between the two steps if one is free, else the closest
    # outside them.
    xv = min(
        (x for x in edges if free(x)),
        key=lambda x: (0 if lo <= x <= hi else min(abs(x - lo), abs(x - hi)), x),
    )
    points = [
        (before.right, ys),
        (xs, ys),
        (xs, gap_s),
        (xv, gap_s),
        (xv, gap_t),
        (xt, gap_t),
        (xt, yt),
        (after.x, yt),
    ]
    return simplify(points)


def simplify(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The corner points only: repeated points and points on a straight run dropped."""
    kept: list[tuple[int, int]] = []
    for point in points:
        if kept and point == kept[-1]:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (ax == bx == point[0]) or (ay == by == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return kept


@dataclass
class ChartRow:
    """One area of the level chart and its table: where the teacher stands (the level the
    path plans from) beside each source, the previous self-assessment and the target."""

    area: Area
    level: int | None
    previous: int | None
    target: int | None
    mentor: int | None
    topic: bool
    observed: int | None = None
    standing: Standing | None = None
    # What the level of a source refers to: the observation, the done module's title.
    observation: object | None = None
    module_title: str | None = None

    @property
    def planning(self) -> int | None:
        return self.standing.level if self.standing else None

    @property
    def source(self) -> str | None:
        return self.standing.source if self.standing else None

    @property
    def reached(self) -> bool:
        """At or above the phase target; an area without a target counts as neither."""
        return bool(self.target and self.planning is not None and self.planning >= self.target)

    @property
    def below_target(self) -> bool:
        return bool(self.target) and not self.reached


def chart_rows(
    areas, found, sources: dict[str, Standing], targets: dict[str, int], topics: set[str], names=None
):
    """The rows of the chart and table from ``teacher_levels``' assessments and sources."""
    latest, previous, mentor = found.latest, found.previous, found.mentor
    observed = found.observed
    rows = []
    for area in areas:
        stand = sources.get(area.code)
        observation = observed.get(area.code)
        rows.append(
            ChartRow(
                area=area,
                level=latest.levels.get(area.code) if latest else None,
                previous=previous.levels.get(area.code) if previous else None,
                target=targets.get(area.code),
                mentor=mentor.levels.get(area.code) if mentor else None,
                topic=area.code in topics,
                observed=observation.levels[area.code] if observation else None,
                standing=stand,
                observation=observation,
                module_title=names.module(stand.module) if names and stand and stand.module else None,
            )
        )
    return rows


def chart_geometry() -> dict:
    """The chart's scale; each level has its place in the style sheet (``at-N``, ``to-N``)."""
    return {"levels": SCALE}


def late_sentence(item: dict, names: Names) -> str:
    """A late target in a few words, beside the step that reaches it."""
    return _(
        "brings %(area)s to level %(target)s only after %(phase)s, whose target it is",
        area=names.area(item["area"]),
        target=item["target"],
        phase=PHASE_NAMES_IN_SENTENCE.get(item.get("phase"), item.get("phase") or ""),
    )
