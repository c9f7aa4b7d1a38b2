"""Aggregates of alumni that never show an individual (DESIGN §7, issue 11).

Alumni are counted in groups by programme, graduation year and sector, in any grouping the
institute chooses. A group of fewer than ``K`` people is suppressed, and so is every cell
that would let a suppressed one be worked out from totals or from another grouping
(complementary suppression).

The rule that makes this hold for every grouping at once: the finest groups (one value of
each dimension) are merged into *blocks* of at least ``K`` people, each small group joining
the nearest block (the same programme first, then the same graduation year, then the same
sector; then the smallest). A cell
is published only when it is exactly a union of blocks. Every published figure, every sum
or difference of published figures, is then a figure over whole blocks: it can describe a
group of 0 or of at least ``K`` people, never one of 1 to ``K``-1, and a suppressed cell,
which splits a block, lies outside everything the published figures can add up to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

K = 10
DIMENSIONS: tuple[str, ...] = ("programme", "graduation_year", "sector")

Key = tuple[object, ...]


@dataclass(frozen=True)
class Alumnus:
    """One consenting alumnus: where they come from, and per area how far below the
    induction target they stand (0: at or above it)."""

    programme: str | None
    graduation_year: int | None
    sector: str | None
    gaps: Mapping[str, int] = field(default_factory=dict, hash=False)

    @property
    def key(self) -> Key:
        return (self.programme, self.graduation_year, self.sector)


@dataclass(frozen=True)
class Cell:
    """One group in one area; a suppressed cell has no figures."""

    group: Mapping[str, object] = field(hash=False)
    area: str
    n: int | None
    below_target: int | None
    mean_gap: float | None

    @property
    def suppressed(self) -> bool:
        return self.n is None


def check_grouping(group_by: Sequence[str]) -> None:
    unknown = [name for name in group_by if name not in DIMENSIONS]
    if unknown:
        raise ValueError(f"unknown grouping {', '.join(unknown)}; expected any of {', '.join(DIMENSIONS)}")
    if len(set(group_by)) != len(group_by):
        raise ValueError("a grouping names a dimension twice")


def blocks(counts: Mapping[Key, int], k: int = K) -> list[frozenset[Key]]:
    """The finest groups merged into blocks of at least ``k`` people (one smaller block
    only when everyone together is fewer than ``k``)."""
    merged: list[tuple[frozenset[Key], int]] = [(frozenset([key]), n) for key, n in counts.items() if n > 0]
    while len(merged) > 1:
        small = [b for b in merged if b[1] < k]
        if not small:
            break
        block = min(small, key=lambda b: (b[1], _block_order(b[0])))
        others = [b for b in merged if b is not block]
        partner = min(
            others,
            key=lambda b: (-_shared_dimensions(block[0] | b[0]), b[1], _block_order(b[0])),
        )
        merged = [b for b in others if b is not partner] + [(block[0] | partner[0], block[1] + partner[1])]
    return sorted((b for b, _ in merged), key=_block_order)


def needs(alumni: Iterable[Alumnus], group_by: Sequence[str], areas: Sequence[str], k: int = K) -> list[Cell]:
    """Per group of ``group_by`` (in that order) and per area: how many there are, how many
    stand below the target and their mean distance to it; suppressed where it must be."""
    check_grouping(group_by)
    people = list(alumni)
    counts: dict[Key, int] = {}
    for person in people:
        counts[person.key] = counts.get(person.key, 0) + 1
    published_blocks = blocks(counts, k)
    positions = [DIMENSIONS.index(name) for name in group_by]
    groups: dict[Key, list[Alumnus]] = {}
    for person in people:
        groups.setdefault(tuple(person.key[i] for i in positions), []).append(person)
    cells = []
    for value in sorted(groups, key=_key_order):
        members = groups[value]
        finest = {person.key for person in members}
        published = len(members) >= k and all(
            block <= finest or not (block & finest) for block in published_blocks
        )
        group = dict(zip(group_by, value, strict=True))
        for area in areas:
            if not published:
                cells.append(Cell(group, area, None, None, None))
                continue
            gaps = [person.gaps.get(area, 0) for person in members]
            below = [gap for gap in gaps if gap > 0]
            mean = round(sum(below) / len(below), 2) if below else 0.0
            cells.append(Cell(group, area, len(members), len(below), mean))
    return cells


def _shared_dimensions(keys: Iterable[Key]) -> int:
    """How much the keys have in common: a shared programme weighs more than a shared year
    and sector together, a shared year more than a shared sector."""
    keys = list(keys)
    return sum(
        2 ** (len(DIMENSIONS) - i) for i in range(len(DIMENSIONS)) if len({key[i] for key in keys}) == 1
    )


def _key_order(key: Key) -> tuple:
    # None (not known) after every value; years and codes each in their own order.
    return tuple((value is None, str(value)) for value in key)


def _block_order(block: frozenset[Key]) -> tuple:
    return min(_key_order(key) for key in block)
