from __future__ import annotations

import pytest

from planner.domain.targets import (
    TargetEntry,
    add_specialisms,
    cumulative,
    merge_targets,
    raise_targets,
)

ENTRIES = [
    TargetEntry("initial", "*", {"DIFF": 2, "ASS": 1}),
    TargetEntry("induction", "*", {"DIFF": 3, "GEDRAG": 3, "ASS": 2}),
    TargetEntry("induction", "go", {"ASS": 3}),
    TargetEntry("induction", "mbo", {"DIFF": 2}),
    TargetEntry("experienced", "*", {"DIFF": 4}),
]


def test_sector_levels_override_the_general_ones_per_area() -> None:
    assert merge_targets(ENTRIES, "go") == {
        "initial": {"ASS": 1, "DIFF": 2},
        "induction": {"ASS": 3, "DIFF": 3, "GEDRAG": 3},
        "experienced": {"DIFF": 4},
    }
    assert merge_targets(ENTRIES, "mbo")["induction"] == {"ASS": 2, "DIFF": 2, "GEDRAG": 3}
    assert merge_targets(ENTRIES, "po")["induction"] == {"ASS": 2, "DIFF": 3, "GEDRAG": 3}


def test_merge_refuses_unknown_phases_sectors_and_levels() -> None:
    with pytest.raises(ValueError, match="sector"):
        merge_targets(ENTRIES, "ho")
    with pytest.raises(ValueError, match="phase"):
        merge_targets([TargetEntry("retired", "*", {"DIFF": 1})], "po")
    with pytest.raises(ValueError, match="level"):
        merge_targets([TargetEntry("initial", "*", {"DIFF": 6})], "po")


def test_a_school_raises_but_never_lowers() -> None:
    targets = merge_targets(ENTRIES, "po")

    raised = raise_targets(targets, {"induction": {"DIFF": 4, "GEDRAG": 2, "KLAS": 3}})

    assert raised["induction"] == {"ASS": 2, "DIFF": 4, "GEDRAG": 3, "KLAS": 3}
    assert raised["initial"] == targets["initial"]
    assert targets["induction"]["DIFF"] == 3, "the input is left as it was"


def test_specialisms_reach_specialist_level_in_the_experienced_phase() -> None:
    targets = merge_targets(ENTRIES, "po")

    result = add_specialisms(targets, ["ASS", "DIFF"])

    assert result["experienced"] == {"ASS": 5, "DIFF": 5}
    assert add_specialisms(targets, [])["experienced"] == {"DIFF": 4}


def test_at_most_two_specialisms() -> None:
    with pytest.raises(ValueError, match="at most 2"):
        add_specialisms({}, ["ASS", "DIFF", "TAAL"])
    assert add_specialisms({}, ["ASS", "ASS"])["experienced"] == {"ASS": 5}


def test_cumulative_keeps_later_phases_at_least_as_high() -> None:
    targets = {"initial": {"DIFF": 2, "ASS": 1}, "induction": {"DIFF": 1}, "experienced": {}}

    assert cumulative(targets) == {
        "initial": {"ASS": 1, "DIFF": 2},
        "induction": {"ASS": 1, "DIFF": 2},
        "experienced": {"ASS": 1, "DIFF": 2},
    }


def test_a_kind_of_go_school_refines_the_go_targets() -> None:
    entries = [
        TargetEntry("experienced", "*", {"LEZEN": 2, "MEDISCH": 2}),
        TargetEntry("experienced", "go", {"SOCEMO": 4}),
        TargetEntry("experienced", "sbo", {"LEZEN": 3}),
        TargetEntry("experienced", "so", {"MEDISCH": 3}),
    ]

    assert merge_targets(entries, "go", "sbo")["experienced"] == {"LEZEN": 3, "MEDISCH": 2, "SOCEMO": 4}
    assert merge_targets(entries, "go", "so")["experienced"] == {"LEZEN": 2, "MEDISCH": 3, "SOCEMO": 4}
    assert merge_targets(entries, "go")["experienced"] == {"LEZEN": 2, "MEDISCH": 2, "SOCEMO": 4}
    # A kind of go school means nothing in another sector.
    assert merge_targets(entries, "po", "sbo")["experienced"] == {"LEZEN": 2, "MEDISCH": 2}
