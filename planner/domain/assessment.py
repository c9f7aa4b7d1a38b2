"""Reading a teacher's assessments: where the teacher stands, the class, conversation topics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# A difference this large between the teacher's and the mentor's level is a topic for the
# development conversation (research §4.3: starters rate themselves higher).
CONVERSATION_GAP = 2

# The sources of a level, in the order a tie is credited: when the teacher's own level is
# as low as the others, the path simply plans from what the teacher said.
SOURCES: tuple[str, ...] = ("self", "mentor", "observation")
MODULE_SOURCE = "module"


@dataclass(frozen=True)
class ClassThresholds:
    """From how many pupils a class counts as heavy, by the research's vignette study (§4.1).

    The vignettes varied the pupils with a support need (po, vo: 5, 8, 10, 12; mbo: 8, 12,
    16, 20) and those with serious (multi)problems (po, vo: 0, 1, 3, 5; mbo: 0, 2, 4, 6).
    The steepest drop in what teachers can still do came with the first step up in support
    need (to 8 in po and vo, to 12 in mbo); with serious problems the need for support was
    already high at the second scenario and the study calls 3 (mbo: 4) common and alarming.
    """

    support_need: int
    serious: int


CLASS_THRESHOLDS: dict[str, ClassThresholds] = {
    "po": ClassThresholds(support_need=8, serious=3),
    "vo": ClassThresholds(support_need=8, serious=3),
    "mbo": ClassThresholds(support_need=12, serious=4),
}

# In specialised education (go) every pupil has a support need, so counts say little;
# the teacher rates the class instead: 1 clear, 2 complex, 3 very complex (serious
# multiple problems in several pupils). Only the last is heavy.
COMPLEXITY_SECTORS: frozenset[str] = frozenset({"go"})
COMPLEXITIES: tuple[int, ...] = (1, 2, 3)
HEAVY_COMPLEXITY = 3


def _thresholds(sector: str) -> ClassThresholds | None:
    if sector in COMPLEXITY_SECTORS:
        return None
    try:
        return CLASS_THRESHOLDS[sector]
    except KeyError:
        known = ", ".join([*CLASS_THRESHOLDS, *sorted(COMPLEXITY_SECTORS)])
        raise ValueError(f"unknown sector {sector!r}; expected one of {known}") from None


def asks_complexity(sector: str | None) -> bool:
    """Whether the class is described by its complexity (go) rather than by counts."""
    return sector in COMPLEXITY_SECTORS


def heavy_class(
    sector: str,
    class_size: int | None,
    support_need: int | None,
    extra_support_need: int | None,
    complexity: int | None = None,
) -> bool:
    """Whether the class gives behaviour, classroom management and differentiation priority.

    ``extra_support_need`` counts the pupils with serious (multi)problems or an extra
    support need. In go only ``complexity`` counts; elsewhere only the counts do.
    """
    return bool(class_facts(sector, class_size, support_need, extra_support_need, complexity)["heavy_by"])


def class_facts(
    sector: str,
    class_size: int | None,
    support_need: int | None,
    extra_support_need: int | None,
    complexity: int | None = None,
) -> dict:
    """The figures a sentence about the class can quote ("9 of your 26 pupils need support").

    ``heavy_by`` names what made the class heavy ("support_need", "serious", "complexity"),
    empty when it is not; the thresholds say from which number on it would be.
    """
    thresholds = _thresholds(sector)
    facts = {
        "sector": sector,
        "class_size": class_size,
        "support_need": support_need,
        "serious": extra_support_need,
        "complexity": complexity,
    }
    if thresholds is None:
        heavy_by = ["complexity"] if (complexity or 0) >= HEAVY_COMPLEXITY else []
        return {**facts, "measure": "complexity", "heavy_complexity": HEAVY_COMPLEXITY, "heavy_by": heavy_by}
    heavy_by = []
    if (support_need or 0) >= thresholds.support_need:
        heavy_by.append("support_need")
    if (extra_support_need or 0) >= thresholds.serious:
        heavy_by.append("serious")
    return {
        **facts,
        "measure": "counts",
        "heavy_support_need": thresholds.support_need,
        "heavy_serious": thresholds.serious,
        "heavy_by": heavy_by,
    }


def class_context_problems(
    class_size: int | None, support_need: int | None, extra_support_need: int | None
) -> set[str]:
    """The counts that contradict the one they are part of: more pupils with a support need
    than in the class, or more with serious problems than with a need at all."""
    problems = set()
    if class_size is not None and support_need is not None and support_need > class_size:
        problems.add("support_need")
    if support_need is not None and extra_support_need is not None and extra_support_need > support_need:
        problems.add("extra_support_need")
    return problems


def planning_levels(
    own: Mapping[str, int],
    mentor: Mapping[str, int] | None = None,
    observation: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """The lowest of the sources that give a level, per area.

    Starting teachers tend to rate themselves higher than their mentors do (§4.3);
    planning from the lowest level errs on the side of support.
    """
    return {area: found.level for area, found in standing(own, mentor, observation).items()}


@dataclass(frozen=True)
class Standing:
    """Where a teacher stands in one area, and what set it: ``source`` is one of SOURCES
    or "module", then ``module`` names the done module whose outcome it is."""

    level: int
    source: str
    module: str | None = None


def standing(
    own: Mapping[str, int],
    mentor: Mapping[str, int] | None = None,
    observation: Mapping[str, int] | None = None,
    done: Mapping[str, Mapping[str, int]] | None = None,
) -> dict[str, Standing]:
    """The level the path plans from, per area, with its source.

    The lowest assessed level counts; a done module (``done``: module code -> outcomes)
    raises it to the module's outcome, because the teacher has shown that level since.
    Ties go to the first of SOURCES, then to the first module in code order.
    """
    result: dict[str, Standing] = {}
    for source, levels in zip(SOURCES, (own, mentor or {}, observation or {}), strict=True):
        for area, level in levels.items():
            if area not in result or level < result[area].level:
                result[area] = Standing(level, source)
    for code in sorted(done or {}):
        for area, level in done[code].items():
            if area not in result or level > result[area].level:
                result[area] = Standing(level, MODULE_SOURCE, code)
    return result


def conversation_topics(own: Mapping[str, int], mentor: Mapping[str, int] | None) -> set[str]:
    """Areas where teacher and mentor differ by two levels or more."""
    theirs = mentor or {}
    return {
        area
        for area, level in own.items()
        if area in theirs and abs(level - theirs[area]) >= CONVERSATION_GAP
    }
