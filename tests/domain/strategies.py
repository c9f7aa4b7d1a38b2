"""Hypothesis strategies: small valid catalogues and plan requests against them."""

from __future__ import annotations

from hypothesis import strategies as st

from planner.domain.catalogue import FORMATS, PHASES, Module
from planner.domain.planning import PlanRequest

AREAS = ("DIFF", "KLAS", "GEDRAG", "ASS")
SECTORS_USED = ("po", "vo")
HOURS = (4, 8, 12, 16, 24, 40, 60, 90, 140)
STATUSES = ("open",) * 8 + ("done", "in_progress", "skipped")


# Few draws per module keep generation fast; the weights favour modules a teacher can
# actually take, so that most generated paths have steps to check.
PHASE_SETS = (
    frozenset(PHASES),
    frozenset(PHASES),
    frozenset(PHASES),
    frozenset({"induction", "experienced"}),
    frozenset({"initial", "induction"}),
    frozenset({"initial"}),
    frozenset({"induction"}),
    frozenset({"experienced"}),
)
SECTOR_SETS = (frozenset(SECTORS_USED),) * 3 + (frozenset({"po"}), frozenset({"vo"}))


# Strategies built once: building them per draw costs more than the drawing.
_OUTCOMES = st.lists(st.tuples(st.sampled_from(AREAS), st.integers(1, 5)), min_size=1, max_size=2)
_ENTRY_LEVELS = st.lists(st.tuples(st.sampled_from(AREAS), st.integers(1, 4)), max_size=1)
_PICKS = st.lists(st.integers(0, 63), max_size=2)
_HOURS = st.sampled_from(HOURS)
_FORMATS = st.sampled_from(FORMATS)
_PHASE_SETS = st.sampled_from(PHASE_SETS)
_SECTOR_SETS = st.sampled_from(SECTOR_SETS)
_DURATIONS = st.sampled_from((None, None, 1, 2, 4))
_COSTS = st.sampled_from((0, 0, 150, 600))
# Most modules are open to the whole sector; some only to one board or institute's alumni.
REACHES = (("sector", ""),) * 6 + (("board", "B1"), ("alumni", "I1"))
_REACHES = st.sampled_from(REACHES)


@st.composite
def modules(draw: st.DrawFn, code: str, earlier: list[str]) -> Module:
    outcomes = dict(draw(_OUTCOMES))
    # The graph rule: an entry level lies below the level the module brings.
    requires_levels = {area: level for area, level in draw(_ENTRY_LEVELS) if level < outcomes.get(area, 5)}
    picks = draw(_PICKS) if earlier else []
    requires_modules = sorted({earlier[pick % len(earlier)] for pick in picks})
    return Module(
        code=code,
        hours=draw(_HOURS),
        format=draw(_FORMATS),
        phases=draw(_PHASE_SETS),
        sectors=draw(_SECTOR_SETS),
        outcomes=outcomes,
        requires_modules=tuple(requires_modules),
        requires_levels=requires_levels,
        duration_periods=draw(_DURATIONS),
        cost_eur=draw(_COSTS),
        reach=draw(_REACHES),
    )


@st.composite
def catalogues(draw: st.DrawFn, min_size: int = 1, max_size: int = 14) -> dict[str, Module]:
    """An acyclic catalogue: a module only requires modules generated before it."""
    count = draw(st.integers(min_size, max_size))
    codes = [f"M{index:02d}" for index in range(count)]
    return {code: draw(modules(code, codes[:index])) for index, code in enumerate(codes)}


_LEVELS = st.dictionaries(st.sampled_from(AREAS), st.sampled_from((0, 1, 1, 2, 3, 5)), max_size=len(AREAS))
_TARGETS = st.dictionaries(
    st.sampled_from(AREAS), st.sampled_from((1, 2, 2, 3, 3, 4, 5)), max_size=len(AREAS)
)
_STATUSES = st.sampled_from(STATUSES)
_YEARS = st.integers(0, 3)
_BUDGETS = st.sampled_from((0, 20, 40, 40, 60, 100))
_AREA_SETS = st.frozensets(st.sampled_from(AREAS), max_size=2)
_SPECIALISMS = st.frozensets(st.sampled_from(AREAS), max_size=1)
# The framework's order, deliberately not the alphabet.
AREA_ORDER = ("KLAS", "DIFF", "GEDRAG", "ASS")


@st.composite
def requests(draw: st.DrawFn) -> PlanRequest:
    catalogue = draw(catalogues(min_size=3))
    status = {code: draw(_STATUSES) for code in sorted(catalogue)}
    # A done module no longer in the catalogue must be handled too.
    retired_done = draw(st.frozensets(st.just("RETIRED"), max_size=1))
    return PlanRequest(
        modules=catalogue,
        levels=draw(_LEVELS),
        sector=draw(st.sampled_from(SECTORS_USED)),
        phase=draw(st.sampled_from(PHASES)),
        years={phase: draw(_YEARS) for phase in PHASES},
        targets={phase: draw(_TARGETS) for phase in PHASES},
        budget={phase: draw(_BUDGETS) for phase in PHASES},
        done=frozenset(code for code, state in status.items() if state == "done") | retired_done,
        in_progress=frozenset(code for code, state in status.items() if state == "in_progress"),
        skipped=frozenset(code for code, state in status.items() if state == "skipped"),
        wishes=draw(_AREA_SETS),
        priorities=draw(_AREA_SETS),
        heavy_class=draw(st.booleans()),
        specialisms=draw(_SPECIALISMS),
        side_entrant=draw(st.sampled_from((False, False, True))),
        start_period=draw(st.sampled_from((1, 2))),
        done_years={code: draw(st.sampled_from((0, 1))) for code, state in status.items() if state == "done"},
        reach=draw(st.sampled_from((frozenset(), frozenset({("board", "B1")})))),
        induction_programme=draw(st.sampled_from((None, None, *sorted(catalogue)[:2]))),
        area_order=AREA_ORDER,
        programme_steps=draw(st.sampled_from(({}, {}, {sorted(catalogue)[-1]: 1}))),
    )
