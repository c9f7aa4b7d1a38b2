"""The team sessions a teacher is down for, as the planner and the path's reasons need them."""

from datetime import date

import sqlalchemy as sa

from planner.domain.team_sessions import sessions_by_module
from planner.extensions import db
from planner.models import User
from planner.models.team import SessionParticipant, TeamSession


def scheduled_sessions(teacher: User) -> dict[str, dict]:
    """The sessions whose attendance the leader has not confirmed yet, per module, the
    earliest of each module: {"on": iso date, "by": who scheduled it}. A confirmed session
    is in the path as a done module (or no longer, for a teacher who was not there)."""
    rows = db.session.execute(
        sa.select(TeamSession.module_code, TeamSession.held_on, User.name)
        .join(SessionParticipant, SessionParticipant.session_id == TeamSession.id)
        .outerjoin(User, User.id == TeamSession.scheduled_by_id)
        .where(SessionParticipant.teacher_id == teacher.id, TeamSession.attendance_confirmed_at.is_(None))
        .order_by(TeamSession.held_on, TeamSession.id)
    ).all()
    found: dict[str, dict] = {}
    for code, held_on, by in rows:
        found.setdefault(code, {"on": held_on.isoformat(), "by": by})
    return found


def session_periods(sessions: dict[str, dict], done, today: date) -> dict[str, int]:
    return sessions_by_module(
        [(code, date.fromisoformat(found["on"])) for code, found in sessions.items()], done, today
    )
