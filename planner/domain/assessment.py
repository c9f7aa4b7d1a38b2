"""Reading a teacher's assessments: the levels to plan from, the class, conversation topics."""

from __future__ import annotations

from collections.abc import Mapping

# A difference this large between the teacher's and the mentor's level is a topic for the
# development conversation (research §4.3: starters rate themselves higher).
CONVERSATION_GAP = 2

# The average class of the research (§3.2): 8 of 24-25 pupils with a support need,
# 4 of them with an extra support need.
AVERAGE_EXTRA_SUPPORT_NEED = 4


def planning_levels(own: Mapping[str, int], mentor: Mapping[str, int] | None) -> dict[str, int]:
    """The lower of the teacher's and the mentor's level per area.

    Starting teachers tend to rate themselves higher than their mentors do (§4.3);
    planning from the lower level errs on the side of support.
    """
    levels = dict(own)
    for area, level in (mentor or {}).items():
        levels[area] = min(levels.get(area, level), level)
    return levels


def heavy_class(class_size: int | None, support_need: int | None, extra_support_need: int | None) -> bool:
    """Heavier than the research's average class: more than a third of the pupils with a
    support need, or more than four with an extra support need."""
    share_above_average = bool(class_size and support_need is not None and support_need * 3 > class_size)
    return share_above_average or (extra_support_need or 0) > AVERAGE_EXTRA_SUPPORT_NEED


def class_context_problems(
    class_size: int | None, support_need: int | None, extra_support_need: int | None
) -> set[str]:
    """The counts that contradict the one they are part of: more pupils with a support need
    than in the class, or more with an extra need than with a need at all."""
    problems = set()
    if class_size is not None and support_need is not None and support_need > class_size:
        problems.add("support_need")
    if support_need is not None and extra_support_need is not None and extra_support_need > support_need:
        problems.add("extra_support_need")
    return problems


def conversation_topics(own: Mapping[str, int], mentor: Mapping[str, int] | None) -> set[str]:
    """Areas where teacher and mentor differ by two levels or more."""
    theirs = mentor or {}
    return {
        area
        for area, level in own.items()
        if area in theirs and abs(level - theirs[area]) >= CONVERSATION_GAP
    }
