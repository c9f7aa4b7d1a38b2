from planner.domain.team_support import (
    IN_CLASS,
    SUPPORT_FORMS,
    PressedClass,
    little_support,
    pressed_without_support,
    support_problem,
)


def _class(name, support, need=9, serious=2):
    return PressedClass(1, name, "Onderbouw", 26, need, serious, None, frozenset(support))


def test_only_support_in_the_class_counts_as_enough():
    assert little_support(frozenset())
    assert little_support(frozenset({"none"}))
    assert little_support(frozenset({"outside_class", "specialist_advice", "facility"}))
    for form in IN_CLASS:
        assert not little_support(frozenset({form}))
    assert IN_CLASS < set(SUPPORT_FORMS)


def test_none_stands_alone_and_unknown_forms_are_refused():
    assert support_problem(["none"]) is None
    assert support_problem(["assistant", "facility"]) is None
    assert support_problem(["none", "assistant"]) == "none_and_other"
    assert support_problem(["robot"]) == "unknown"


def test_the_heaviest_classes_without_support_come_first():
    found = pressed_without_support(
        [
            _class("Anna", {"assistant"}, need=14),
            _class("Bram", {"outside_class"}, need=9),
            _class("Carla", set(), need=12),
            _class("Daan", {"none"}, need=9, serious=4),
        ]
    )
    assert [c.name for c in found] == ["Carla", "Daan", "Bram"]
