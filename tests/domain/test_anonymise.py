"""The anonymity rule of the alumni aggregates: no published figure, no difference of
published figures and no combination of them gives away a group of 1 to 9 people."""

from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.anonymise import DIMENSIONS, Alumnus, K, blocks, check_grouping, needs

GROUPINGS = [list(c) for size in range(len(DIMENSIONS) + 1) for c in combinations(DIMENSIONS, size)]

alumni_lists = st.lists(
    st.builds(
        Alumnus,
        programme=st.sampled_from(["pabo", "pabo-deeltijd", None]),
        graduation_year=st.sampled_from([2023, 2024, 2025]),
        sector=st.sampled_from(["po", "go", "vo"]),
        gaps=st.fixed_dictionaries({"DIFF": st.integers(0, 3)}),
    ),
    max_size=70,
)


def members(cell, people):
    return frozenset(
        i for i, p in enumerate(people) if all(getattr(p, d) == v for d, v in cell.group.items())
    )


def all_cells(people):
    return [(cell, members(cell, people)) for g in GROUPINGS for cell in needs(people, g, ["DIFF"])]


def in_span(vector, basis):
    """Whether ``vector`` is a rational combination of ``basis`` (Gaussian elimination)."""
    rows = [list(map(Fraction, b)) for b in basis]
    target = list(map(Fraction, vector))
    pivots = []
    for row in rows:
        for col, pivot_row in pivots:
            if row[col]:
                factor = row[col]
                row[:] = [a - factor * b for a, b in zip(row, pivot_row, strict=True)]
        col = next((i for i, a in enumerate(row) if a), None)
        if col is not None:
            row[:] = [a / row[col] for a in row]
            for _, other in pivots:
                if other[col]:
                    factor = other[col]
                    other[:] = [a - factor * b for a, b in zip(other, row, strict=True)]
            pivots.append((col, row))
    for col, pivot_row in pivots:
        if target[col]:
            factor = target[col]
            target = [a - factor * b for a, b in zip(target, pivot_row, strict=True)]
    return not any(target)


@settings(max_examples=120, deadline=None)
@given(alumni_lists)
def test_no_published_figure_or_difference_reveals_a_small_group(people):
    cells = all_cells(people)
    published = [(c, m) for c, m in cells if not c.suppressed]
    for cell, group in published:
        assert cell.n == len(group) >= K
    for (_, first), (_, second) in combinations(published, 2):
        if second <= first or first <= second:
            assert len(first ^ second) == 0 or len(first ^ second) >= K


@settings(max_examples=80, deadline=None)
@given(alumni_lists)
def test_no_suppressed_cell_follows_from_the_published_ones(people):
    cells = all_cells(people)
    basis = [[int(i in m) for i in range(len(people))] for c, m in cells if not c.suppressed]
    for cell, group in cells:
        if cell.suppressed:
            assert not in_span([int(i in group) for i in range(len(people))], basis)


@settings(max_examples=80, deadline=None)
@given(alumni_lists)
def test_groups_of_ten_or_more_in_whole_blocks_are_published(people):
    for cell, group in all_cells(people):
        assert cell.suppressed == (cell.n is None)
        if len(group) < K:
            assert cell.suppressed


def person(programme, year, sector, gap=0):
    return Alumnus(programme, year, sector, {"DIFF": gap})


def test_figures_of_a_published_group():
    people = [person("pabo", 2024, "po", gap) for gap in (0, 0, 0, 0, 1, 1, 2, 2, 3, 0)]
    (cell,) = needs(people, ["programme"], ["DIFF"])
    assert (cell.group, cell.n, cell.below_target, cell.mean_gap) == ({"programme": "pabo"}, 10, 5, 1.8)


def test_a_small_group_and_its_complement_are_suppressed_together():
    people = (
        [person("pabo", 2024, "po")] * 12
        + [person("pabo", 2025, "po")] * 12
        + [person("pabo", 2023, "po")] * 3
    )
    by_year = {c.group["graduation_year"]: c for c in needs(people, ["graduation_year"], ["DIFF"])}
    assert by_year[2023].suppressed
    # With the total published, one more year must go, or 2023 would be total minus the rest.
    assert sum(c.suppressed for c in by_year.values()) == 2
    (total,) = needs(people, [], ["DIFF"])
    assert total.n == 27


def test_fewer_than_ten_people_in_all_publish_nothing():
    people = [person("pabo", 2024, "po")] * 9
    assert all(c.suppressed for g in GROUPINGS for c in needs(people, g, ["DIFF"]))
    assert blocks({("pabo", 2024, "po"): 9}) == [frozenset({("pabo", 2024, "po")})]


def test_a_small_group_joins_the_block_that_shares_most_with_it():
    counts = {
        ("pabo", 2024, "po"): 4,
        ("pabo", 2024, "go"): 20,
        ("pdg", 2024, "po"): 15,
        ("pdg", 2023, "vo"): 30,
    }
    merged = blocks(counts)
    assert frozenset({("pabo", 2024, "po"), ("pabo", 2024, "go")}) in merged
    assert len(merged) == 3


def test_a_grouping_names_known_dimensions_once():
    check_grouping(["sector", "programme"])
    with pytest.raises(ValueError, match="unknown grouping"):
        check_grouping(["school"])
    with pytest.raises(ValueError, match="twice"):
        check_grouping(["sector", "sector"])
