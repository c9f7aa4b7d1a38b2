import pytest

from planner.domain.assessment import (
    class_context_problems,
    conversation_topics,
    heavy_class,
    planning_levels,
)


@pytest.mark.parametrize(
    ("own", "mentor", "expected"),
    [
        ({"STELSEL": 3, "PLAN": 2, "GEDRAG": 4}, None, {"STELSEL": 3, "PLAN": 2, "GEDRAG": 4}),
        (
            {"STELSEL": 3, "PLAN": 2, "GEDRAG": 4},
            {"STELSEL": 1, "PLAN": 4, "GEDRAG": 2},
            {"STELSEL": 1, "PLAN": 2, "GEDRAG": 2},
        ),
        # An area only the mentor assessed counts too.
        ({"STELSEL": 3}, {"GEDRAG": 1}, {"STELSEL": 3, "GEDRAG": 1}),
    ],
)
def test_planning_levels_take_the_lower_of_self_and_mentor(own, mentor, expected):
    assert planning_levels(own, mentor) == expected


@pytest.mark.parametrize(
    ("size", "need", "extra", "heavy"),
    [
        (25, 8, 4, False),
        (24, 8, 4, False),
        (23, 8, 4, True),
        (25, 8, 5, True),
        (None, None, None, False),
        (None, 12, None, False),
        (20, 6, None, False),
        (20, 7, None, True),
    ],
)
def test_heavy_class_compared_with_the_average_class_of_the_research(size, need, extra, heavy):
    assert heavy_class(size, need, extra) is heavy


def test_conversation_topics_are_differences_of_two_or_more():
    own = {"STELSEL": 4, "PLAN": 2, "GEDRAG": 1}
    assert conversation_topics(own, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 4}) == {"STELSEL", "GEDRAG"}
    assert conversation_topics(own, None) == set()


@pytest.mark.parametrize(
    ("counts", "problems"),
    [
        ((25, 8, 4), set()),
        ((20, 25, 4), {"support_need"}),
        ((20, 8, 9), {"extra_support_need"}),
        ((None, 8, 9), {"extra_support_need"}),
        ((None, None, 30), set()),
    ],
)
def test_counts_that_contradict_their_whole(counts, problems):
    assert class_context_problems(*counts) == problems
