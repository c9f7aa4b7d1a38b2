"""Class pressure and support: where support does not follow the need.

The forms of support are those the teachers' survey asked about (research table 3.14). Extra
capacity in the class itself is what schools named most often as the support that helps;
most teachers have it at most now and then. A heavy class without any of it has little
support, whatever help there is outside the class.
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPORT_FORMS: tuple[str, ...] = (
    "outside_class",
    "assistant",
    "extra_teacher",
    "specialist_in_class",
    "specialist_advice",
    "facility",
    "none",
)
IN_CLASS = frozenset({"assistant", "extra_teacher", "specialist_in_class"})
NONE = "none"


def support_problem(forms: list[str] | tuple[str, ...]) -> str | None:
    """Why an answer cannot stand: "unknown" (a form not asked about) or "none_and_other"
    (no support beside some support); None when it can."""
    if any(form not in SUPPORT_FORMS for form in forms):
        return "unknown"
    if NONE in forms and len(set(forms)) > 1:
        return "none_and_other"
    return None


def little_support(forms: frozenset[str]) -> bool:
    """No extra capacity in the class itself."""
    return not (forms & IN_CLASS)


@dataclass(frozen=True)
class PressedClass:
    """One teacher's class: heavy by the sector's thresholds, and the support they have."""

    teacher: int
    name: str
    team: str | None
    class_size: int | None
    support_need: int | None
    serious: int | None
    complexity: int | None
    support: frozenset[str]


def pressed_without_support(classes: list[PressedClass]) -> list[PressedClass]:
    """The heavy classes with little support, the heaviest first (most pupils with a
    support need, then the most with serious problems, then the most complex)."""
    found = [c for c in classes if little_support(c.support)]
    return sorted(
        found,
        key=lambda c: (-(c.support_need or 0), -(c.serious or 0), -(c.complexity or 0), c.name),
    )
