import pytest

from planner.domain.assessment import (
    Standing,
    asks_complexity,
    class_context_problems,
    class_facts,
    conversation_topics,
    heavy_class,
    planning_levels,
    standing,
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


def test_planning_levels_take_the_lowest_of_the_three_sources_present():
    own = {"DIFF": 3, "KLAS": 3, "GEDRAG": 2, "PLAN": 4}
    mentor = {"DIFF": 2, "KLAS": 3, "GEDRAG": 3, "PLAN": 4}
    # An observation informs only the areas the lesson showed.
    observation = {"DIFF": 1, "KLAS": 4}
    assert planning_levels(own, mentor, observation) == {"DIFF": 1, "KLAS": 3, "GEDRAG": 2, "PLAN": 4}
    assert planning_levels(own, None, observation) == {"DIFF": 1, "KLAS": 3, "GEDRAG": 2, "PLAN": 4}
    assert planning_levels({"DIFF": 0}, {"DIFF": 1}) == {"DIFF": 0}


def test_standing_says_which_source_set_each_level():
    own = {"DIFF": 3, "KLAS": 2, "GEDRAG": 2, "PLAN": 4}
    mentor = {"DIFF": 2, "KLAS": 2, "GEDRAG": 3}
    observation = {"DIFF": 1, "PLAN": 3}
    assert standing(own, mentor, observation) == {
        "DIFF": Standing(1, "observation"),
        # A tie goes to the teacher's own level: nobody else lowered it.
        "KLAS": Standing(2, "self"),
        "GEDRAG": Standing(2, "self"),
        "PLAN": Standing(3, "observation"),
    }


def test_done_modules_raise_the_level_and_are_named_as_its_source():
    own = {"DIFF": 1, "KLAS": 3, "GEDRAG": 1}
    mentor = {"GEDRAG": 0}
    done = {"GED-2": {"GEDRAG": 2}, "GED-1": {"GEDRAG": 2}, "KLS-1": {"KLAS": 2, "STELSEL": 2}}
    found = standing(own, mentor, None, done)
    assert found["GEDRAG"] == Standing(2, "module", "GED-1")  # first in code order on a tie
    assert found["KLAS"] == Standing(3, "self")  # a module below the level changes nothing
    assert found["STELSEL"] == Standing(2, "module", "KLS-1")  # a module's area nobody assessed
    assert found["DIFF"] == Standing(1, "self")


@pytest.mark.parametrize(
    ("sector", "counts", "heavy"),
    [
        # po and vo: from 8 pupils with a support need or 3 with serious problems (§4.1).
        ("po", (25, 5, 0), False),
        ("po", (25, 7, 2), False),
        ("po", (25, 8, 0), True),
        ("vo", (28, 7, 3), True),
        ("vo", (28, 7, 2), False),
        # mbo: from 12 students with a support need or 4 with serious problems.
        ("mbo", (24, 8, 2), False),
        ("mbo", (24, 11, 3), False),
        ("mbo", (24, 12, 0), True),
        ("mbo", (24, 9, 4), True),
        # Class size alone decides nothing: the vignettes counted pupils, not shares.
        ("po", (12, 7, 2), False),
        ("po", (None, None, None), False),
    ],
)
def test_heavy_class_by_the_counts_of_the_vignette_study(sector, counts, heavy):
    assert heavy_class(sector, *counts) is heavy


@pytest.mark.parametrize(("complexity", "heavy"), [(None, False), (1, False), (2, False), (3, True)])
def test_in_go_the_complexity_of_the_class_decides_and_counts_do_not(complexity, heavy):
    assert heavy_class("go", 12, 12, 6, complexity) is heavy


def test_outside_go_the_complexity_does_not_count():
    assert heavy_class("po", 25, 5, 0, 3) is False


def test_an_unknown_sector_is_refused():
    with pytest.raises(ValueError, match="unknown sector 'hbo'"):
        heavy_class("hbo", 25, 8, 4)


def test_class_facts_give_the_numbers_a_reason_quotes():
    facts = class_facts("po", 26, 9, 3)
    assert facts["class_size"] == 26 and facts["support_need"] == 9 and facts["serious"] == 3
    assert facts["measure"] == "counts"
    assert (facts["heavy_support_need"], facts["heavy_serious"]) == (8, 3)
    assert facts["heavy_by"] == ["support_need", "serious"]
    assert class_facts("mbo", 26, 9, 3)["heavy_by"] == []
    assert class_facts("mbo", 26, 9, 4)["heavy_by"] == ["serious"]


def test_class_facts_in_go_speak_of_complexity():
    facts = class_facts("go", None, None, None, 3)
    assert facts["measure"] == "complexity" and facts["complexity"] == 3
    assert facts["heavy_complexity"] == 3 and facts["heavy_by"] == ["complexity"]
    assert class_facts("go", None, None, None, 2)["heavy_by"] == []


def test_asks_complexity_only_in_go():
    assert asks_complexity("go") and not asks_complexity("po") and not asks_complexity(None)


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
