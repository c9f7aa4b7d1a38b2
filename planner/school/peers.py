"""Peer coaching pairs for the school: proposed from the matrix, confirmed by the leader."""

from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so

from planner.domain.peer import Colleague, Pair, peer_pairs
from planner.extensions import db
from planner.models import School, User
from planner.models.team import PeerPair
from planner.school import team as team_data


def confirmed_pairs(school: School) -> list[PeerPair]:
    return db.session.scalars(
        sa.select(PeerPair)
        .where(PeerPair.school_id == school.id)
        .options(so.joinedload(PeerPair.coach), so.joinedload(PeerPair.colleague))
        .order_by(PeerPair.confirmed_at, PeerPair.id)
    ).all()


def proposed_pairs(school: School, team_id: int | None = None) -> tuple[list[Pair], team_data.Matrix]:
    """New pairs beside the confirmed ones: a coach's confirmed colleagues use up their places,
    and a colleague with a confirmed coach needs no second one."""
    found = team_data.matrix(school, team_id)
    confirmed = confirmed_pairs(school)
    taken: dict[int, int] = {}
    for pair in confirmed:
        taken[pair.coach_id] = taken.get(pair.coach_id, 0) + 1
    coached = {pair.colleague_id for pair in confirmed}
    teachers = [
        Colleague(
            row.id,
            {a: c.planning for a, c in row.cells.items() if c.planning is not None},
            {a: c.target for a, c in row.cells.items() if c.target is not None},
            coachable=row.id not in coached,
        )
        for row in found.teachers
    ]
    return peer_pairs(teachers, [a.code for a in found.areas], taken), found


def confirm_pair(school: School, leader: User, pair: Pair) -> PeerPair:
    row = PeerPair(
        school_id=school.id,
        coach_id=pair.coach,
        colleague_id=pair.colleague,
        area_code=pair.area,
        confirmed_by_id=leader.id,
    )
    db.session.add(row)
    return row


def pairs_of(teacher: User) -> list[PeerPair]:
    """The confirmed pairs a teacher is part of, as coach or as colleague."""
    return db.session.scalars(
        sa.select(PeerPair)
        .where(sa.or_(PeerPair.coach_id == teacher.id, PeerPair.colleague_id == teacher.id))
        .options(so.joinedload(PeerPair.coach), so.joinedload(PeerPair.colleague))
        .order_by(PeerPair.id)
    ).all()
