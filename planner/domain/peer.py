"""Peer coaching: a colleague at 4 or 5 coaches one at 2 or lower in the same area.

Chosen as an assignment problem (scipy's linear_sum_assignment) over every coach's two
places and every colleague, so the pairs close the largest gaps together rather than
the first ones a greedy pass would find.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

COACH_LEVEL = 4
COLLEAGUE_LEVEL = 2
# A coach's time: at most two colleagues.
MAX_COLLEAGUES = 2


@dataclass(frozen=True)
class Colleague:
    teacher: int
    # Per area, the planning level and the target.
    levels: Mapping[str, int]
    targets: Mapping[str, int]
    # False for a teacher who already has a peer coach.
    coachable: bool = True


@dataclass(frozen=True)
class Pair:
    coach: int
    colleague: int
    area: str
    coach_level: int
    colleague_level: int


def peer_pairs(
    teachers: Sequence[Colleague], areas: Sequence[str], taken: Mapping[int, int] | None = None
) -> list[Pair]:
    """The best pairs among the teachers of one school; each colleague gets at most one
    coach, each coach at most two colleagues (less the ``taken`` places already confirmed)."""
    taken = taken or {}
    if not teachers or not areas:
        return []
    # An area without a level is unknown, not zero: such a teacher is neither coach nor colleague.
    known = np.array([[a in t.levels for a in areas] for t in teachers])
    levels = np.array([[t.levels.get(a, 0) for a in areas] for t in teachers], dtype=float)
    targets = np.array([[t.targets.get(a, 0) for a in areas] for t in teachers], dtype=float)
    coach = known & (levels >= COACH_LEVEL)
    colleague = known & (levels <= COLLEAGUE_LEVEL)
    gap = np.maximum(targets - levels, 0)
    # Weight of coach i with colleague j in area a: the colleague's gap first, then how far
    # the coach is ahead; zero where the pair is not allowed.
    weight = np.where(
        coach[:, None, :] & colleague[None, :, :],
        1 + 10 * gap[None, :, :] + (levels[:, None, :] - levels[None, :, :]),
        0,
    )
    for a in range(len(areas)):
        np.fill_diagonal(weight[:, :, a], 0)
    best_area = weight.argmax(axis=2)
    best = weight.max(axis=2)
    slots = [
        i
        for i, t in enumerate(teachers)
        if coach[i].any()
        for _ in range(max(0, MAX_COLLEAGUES - taken.get(t.teacher, 0)))
    ]
    wanted = [j for j, t in enumerate(teachers) if t.coachable and colleague[j].any()]
    if not slots or not wanted:
        return []
    scores = best[np.ix_(slots, wanted)]
    rows, columns = linear_sum_assignment(scores, maximize=True)
    pairs = []
    for r, c in zip(rows, columns, strict=True):
        i, j = slots[r], wanted[c]
        if scores[r, c] <= 0:
            continue
        a = best_area[i, j]
        pairs.append(
            Pair(teachers[i].teacher, teachers[j].teacher, areas[a], int(levels[i, a]), int(levels[j, a]))
        )
    return sorted(pairs, key=lambda p: (p.coach, p.colleague))
