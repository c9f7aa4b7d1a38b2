"""Team plan: who trains in what, so that every team has its minimum of experts per area
at the fewest total hours, within each teacher's hours over two school years.

An integer programme (scipy's milp): choose, per teacher and area, whether the teacher
takes the planner's cheapest route to expert level and in which school year. A team and
area that cannot reach its minimum gets a shortfall instead, which costs more than any
number of hours, so the plan meets as many minimums as it can and then saves hours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_array

# The plan looks two school years ahead.
HORIZON_YEARS = 2


@dataclass(frozen=True)
class Candidate:
    """One teacher's cheapest route to ``to_level`` in an area, from the planner."""

    teacher: int
    area: str
    to_level: int
    hours: int
    modules: tuple[str, ...]


@dataclass(frozen=True)
class TeamMember:
    teacher: int
    team: str | None
    # The hours left in each school year of the horizon, after the teacher's own path.
    hours_left: tuple[int, ...]


@dataclass(frozen=True)
class Assignment:
    teacher: int
    area: str
    to_level: int
    modules: tuple[str, ...]
    hours: int
    # 1: the current school year, 2: the next.
    school_year: int


@dataclass(frozen=True)
class Shortfall:
    team: str | None
    area: str
    short: int


@dataclass(frozen=True)
class TeamPlan:
    assignments: tuple[Assignment, ...]
    shortfall: tuple[Shortfall, ...]

    @property
    def total_hours(self) -> int:
        return sum(a.hours for a in self.assignments)


def needs(
    minimums: Mapping[tuple[str | None, str], int], counted: Mapping[tuple[str | None, str], int]
) -> dict[tuple[str | None, str], int]:
    """Per team and area, how many experts the minimum still asks beyond those counted
    (experts now, and teachers whose own path already brings them there)."""
    return {
        key: minimum - counted.get(key, 0)
        for key, minimum in minimums.items()
        if minimum - counted.get(key, 0) > 0
    }


def plan_team(
    members: Iterable[TeamMember],
    candidates: Iterable[Candidate],
    minimums: Mapping[tuple[str | None, str], int],
    counted: Mapping[tuple[str | None, str], int],
    excluded: Iterable[int] = (),
) -> TeamPlan:
    """The cheapest choice of routes that meets every minimum it can; the rest is shortfall."""
    team_of = {m.teacher: m for m in members}
    left = set(excluded)
    missing = needs(minimums, counted)
    # A variable per candidate and school year it fits in.
    choices: list[tuple[Candidate, int]] = []
    for candidate in sorted(candidates, key=lambda c: (c.teacher, c.area)):
        member = team_of.get(candidate.teacher)
        if member is None or candidate.teacher in left or (member.team, candidate.area) not in missing:
            continue
        for year, hours in enumerate(member.hours_left[:HORIZON_YEARS], start=1):
            if candidate.hours <= hours:
                choices.append((candidate, year))
    keys = sorted(missing, key=lambda key: (key[0] or "", key[1]))
    if not choices:
        return TeamPlan((), tuple(Shortfall(team, area, missing[(team, area)]) for team, area in keys))
    n_x, n_s = len(choices), len(keys)
    penalty = 1 + sum(c.hours for c, _ in choices)
    # Hours first; a later school year costs a hair more, so a tie starts sooner.
    cost = np.array([c.hours + 1e-3 * (year - 1) for c, year in choices] + [penalty] * n_s)
    key_index = {key: i for i, key in enumerate(keys)}
    teacher_years = sorted({(c.teacher, year) for c, year in choices})
    candidate_keys = sorted({(c.teacher, c.area) for c, _ in choices})
    rows = len(keys) + len(teacher_years) + len(candidate_keys)
    matrix = lil_array((rows, n_x + n_s))
    lower, upper = np.full(rows, -np.inf), np.full(rows, np.inf)
    budget_row = {ty: len(keys) + i for i, ty in enumerate(teacher_years)}
    once_row = {ck: len(keys) + len(teacher_years) + i for i, ck in enumerate(candidate_keys)}
    for column, (c, year) in enumerate(choices):
        member = team_of[c.teacher]
        matrix[key_index[(member.team, c.area)], column] = 1
        matrix[budget_row[(c.teacher, year)], column] = c.hours
        matrix[once_row[(c.teacher, c.area)], column] = 1
    for i, key in enumerate(keys):
        matrix[i, n_x + i] = 1
        lower[i] = missing[key]
    for (teacher, year), row in budget_row.items():
        upper[row] = team_of[teacher].hours_left[year - 1]
    for row in once_row.values():
        upper[row] = 1
    result = milp(
        cost,
        constraints=LinearConstraint(matrix.tocsr(), lower, upper),
        integrality=np.ones(n_x + n_s),
        bounds=Bounds(np.zeros(n_x + n_s), np.array([1] * n_x + [missing[k] for k in keys])),
    )
    if result.x is None:
        raise RuntimeError(f"the team plan found no solution: {result.message}")
    chosen = [choices[i] for i in range(n_x) if result.x[i] > 0.5]
    assignments = tuple(
        Assignment(c.teacher, c.area, c.to_level, c.modules, c.hours, year)
        for c, year in sorted(chosen, key=lambda cy: (cy[0].teacher, cy[0].area))
    )
    shortfall = tuple(
        Shortfall(team, area, round(result.x[n_x + i]))
        for i, (team, area) in enumerate(keys)
        if round(result.x[n_x + i]) > 0
    )
    return TeamPlan(assignments, shortfall)


def hours_per_year(plan: TeamPlan) -> dict[tuple[int, int], int]:
    """Hours the plan adds per teacher and school year."""
    totals: dict[tuple[int, int], int] = {}
    for a in plan.assignments:
        totals[(a.teacher, a.school_year)] = totals.get((a.teacher, a.school_year), 0) + a.hours
    return totals


def experts_after(
    plan: TeamPlan, members: Sequence[TeamMember], counted: Mapping[tuple[str | None, str], int]
) -> dict[tuple[str | None, str], int]:
    """Experts per team and area once the plan is done."""
    team_of = {m.teacher: m.team for m in members}
    after = dict(counted)
    for a in plan.assignments:
        key = (team_of[a.teacher], a.area)
        after[key] = after.get(key, 0) + 1
    return after
