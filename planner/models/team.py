"""What a school leader sets and confirms for the team: minimum experts per area, the
levels the school asks of one teacher (a confirmed team plan), and peer-coaching pairs."""

from datetime import date, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from planner.extensions import db
from planner.models.accounts import User, utcnow


class ExpertMinimum(db.Model):
    """How many teachers at level 4 or higher each team of the school needs in an area."""

    __tablename__ = "expert_minimums"
    __table_args__ = (sa.UniqueConstraint("school_id", "area_code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    school_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("schools.id"), index=True)
    area_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    minimum: so.Mapped[int]


class SchoolRequest(db.Model):
    """The school asks this teacher to reach a level in an area: their path works to it."""

    __tablename__ = "school_requests"
    __table_args__ = (sa.UniqueConstraint("teacher_id", "area_code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    teacher_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    requested_by_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"))
    area_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    level: so.Mapped[int]
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)


class PeerPair(db.Model):
    """A colleague at 4 or 5 coaches one at 2 or lower in an area, as the leader confirmed."""

    __tablename__ = "peer_pairs"
    __table_args__ = (sa.UniqueConstraint("colleague_id", "area_code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    school_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("schools.id"), index=True)
    coach_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    colleague_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    area_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    confirmed_by_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"))
    confirmed_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    coach: so.Mapped[User] = so.relationship(foreign_keys=[coach_id])
    colleague: so.Mapped[User] = so.relationship(foreign_keys=[colleague_id])


class StarterCoach(db.Model):
    """A colleague the leader appointed to coach a starting teacher. The coach sees the
    starter's path and assessments and records the mentor assessment; the notes are the
    coach's own, kept from the leader so that coaching stays apart from appraisal."""

    __tablename__ = "starter_coaches"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    school_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("schools.id"), index=True)
    starter_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    coach_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    appointed_by_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    appointed_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    notes: so.Mapped[str] = so.mapped_column(sa.Text, default="")

    starter: so.Mapped[User] = so.relationship(foreign_keys=[starter_id])
    coach: so.Mapped[User] = so.relationship(foreign_keys=[coach_id])


class TeamSession(db.Model):
    """A team format the leader scheduled on a date for chosen teachers. It stands in each
    participant's path; once the leader confirms who attended, it is done for them."""

    __tablename__ = "team_sessions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    school_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("schools.id"), index=True)
    # The team leader's team, for a session they scheduled; None: the school leader's.
    team_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("teams.id", ondelete="SET NULL"))
    module_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    held_on: so.Mapped[date]
    scheduled_by_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    scheduled_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    attendance_confirmed_at: so.Mapped[datetime | None]
    attendance_confirmed_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    scheduled_by: so.Mapped[User | None] = so.relationship(foreign_keys=[scheduled_by_id])
    participants: so.Mapped[list["SessionParticipant"]] = so.relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="SessionParticipant.id"
    )

    @property
    def attended(self) -> int:
        return sum(1 for p in self.participants if p.attended)

    def status(self, today: date) -> str:
        """upcoming; due: held, attendance still to confirm; confirmed."""
        if self.attendance_confirmed_at is not None:
            return "confirmed"
        return "due" if self.held_on <= today else "upcoming"


class SessionParticipant(db.Model):
    __tablename__ = "session_participants"
    __table_args__ = (sa.UniqueConstraint("session_id", "teacher_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    session_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("team_sessions.id", ondelete="CASCADE"))
    teacher_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # None until the leader confirms attendance.
    attended: so.Mapped[bool | None]

    session: so.Mapped[TeamSession] = so.relationship(back_populates="participants")
    teacher: so.Mapped[User] = so.relationship()
