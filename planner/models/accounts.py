import enum
import secrets
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_login import UserMixin

from planner.domain.catalogue import PHASES
from planner.domain.phases import phase_for
from planner.extensions import db

# A personal API token runs for a year unless its owner chose otherwise.
TOKEN_DAYS = 365


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_join_code() -> str:
    # Unambiguous characters only: the code is read aloud and typed by hand.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Role(enum.StrEnum):
    TEACHER = "teacher"
    LEADER = "leader"
    INSTITUTE = "institute"
    ADMIN = "admin"


class School(db.Model):
    __tablename__ = "schools"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    sector: so.Mapped[str] = so.mapped_column(sa.String(8))
    join_code: so.Mapped[str] = so.mapped_column(sa.String(16), unique=True, default=new_join_code)
    # A leader may let the code run out some days after it was made (None: it does not).
    join_code_set_at: so.Mapped[datetime | None] = so.mapped_column(default=utcnow)
    join_code_days: so.Mapped[int | None]
    # CAO po: 40 hours of individual professionalisation per year for a full-time job.
    budget_hours_per_year: so.Mapped[int] = so.mapped_column(default=40)
    # The school board and the samenwerkingsverband region: modules offered only to one
    # board or region reach the school's teachers through these codes.
    board_code: so.Mapped[str] = so.mapped_column(sa.String(40), default="")
    board_name: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    region_code: so.Mapped[str] = so.mapped_column(sa.String(40), default="")
    # The module code of the buddy or mentor programme the school runs for its starters.
    induction_programme: so.Mapped[str | None] = so.mapped_column(sa.String(40))
    # In go: sbo, so or vso, whose target profiles differ (GO_TYPES).
    go_type: so.Mapped[str | None] = so.mapped_column(sa.String(8))

    teams: so.Mapped[list["Team"]] = so.relationship(
        back_populates="school", order_by="Team.name", cascade="all, delete-orphan"
    )
    areas: so.Mapped[list["SchoolArea"]] = so.relationship(cascade="all, delete-orphan")

    @property
    def join_code_expires_at(self) -> datetime | None:
        if self.join_code_days is None:
            return None
        return (self.join_code_set_at or utcnow()) + timedelta(days=self.join_code_days)

    @property
    def join_code_expired(self) -> bool:
        expires = self.join_code_expires_at
        return expires is not None and expires <= utcnow()

    def rotate_join_code(self) -> None:
        self.join_code = new_join_code()
        self.join_code_set_at = utcnow()

    @property
    def priorities(self) -> frozenset[str]:
        return frozenset(a.area_code for a in self.areas if a.priority)

    def raised_targets(self) -> dict[str, dict[str, int]]:
        """Per phase, the levels the school asks above the framework's targets."""
        raises: dict[str, dict[str, int]] = {}
        for area in self.areas:
            for phase in PHASES:
                if area.target(phase):
                    raises.setdefault(phase, {})[area.area_code] = area.target(phase)
        return raises

    def __repr__(self) -> str:
        return f"<School {self.name}>"


class SchoolArea(db.Model):
    """A school's own stance on an area (its support profile): priority, higher targets.

    Areas by code: the school's choices outlive a re-import of the framework.
    """

    __tablename__ = "school_areas"
    __table_args__ = (sa.UniqueConstraint("school_id", "area_code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    school_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("schools.id"), index=True)
    area_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    priority: so.Mapped[bool] = so.mapped_column(default=False)
    initial_target: so.Mapped[int | None]
    induction_target: so.Mapped[int | None]
    experienced_target: so.Mapped[int | None]

    def target(self, phase: str) -> int | None:
        return getattr(self, f"{phase}_target")


class Team(db.Model):
    __tablename__ = "teams"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    school_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("schools.id"), index=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200))

    school: so.Mapped[School] = so.relationship(back_populates="teams")


class Institute(db.Model):
    __tablename__ = "institutes"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    # The code modules for this institute's alumni name in their reach.
    code: so.Mapped[str | None] = so.mapped_column(sa.String(40), unique=True)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    email: so.Mapped[str] = so.mapped_column(sa.String(254), unique=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    password_hash: so.Mapped[str | None] = so.mapped_column(sa.String(255))
    role: so.Mapped[str] = so.mapped_column(sa.String(16), default=Role.TEACHER)
    locale: so.Mapped[str | None] = so.mapped_column(sa.String(8))
    school_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("schools.id"), index=True)
    team_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("teams.id"), index=True)
    institute_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("institutes.id"), index=True)
    # The programme of that institute the teacher follows or followed, and when they graduated.
    programme_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("programmes.id"), index=True)
    graduation_year: so.Mapped[int | None]
    # The teacher's profile: the phase follows from these unless overridden.
    qualification: so.Mapped[str | None] = so.mapped_column(sa.String(32))
    sector: so.Mapped[str | None] = so.mapped_column(sa.String(8))
    years_experience: so.Mapped[int] = so.mapped_column(default=0)
    study_years_left: so.Mapped[int] = so.mapped_column(default=0)
    phase_override: so.Mapped[str | None] = so.mapped_column(sa.String(16))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    # Raised to end every session at once: a session's cookie names the version it began with.
    session_version: so.Mapped[int] = so.mapped_column(default=0, server_default="0")
    # A deactivated account keeps its data but can neither log in nor use its tokens.
    active: so.Mapped[bool] = so.mapped_column(default=True, server_default=sa.true())
    # A deleted person whose row others' records still point at (an assessment they made
    # of a colleague): nothing of them is left in it but this date.
    deleted_at: so.Mapped[datetime | None]
    # The day the school's profile changed under a teacher's path: it is planned again on
    # the teacher's next read (a school of hundreds saves at once). None when up to date.
    path_out_of_date_since: so.Mapped[date | None]

    school: so.Mapped[School | None] = so.relationship()
    team: so.Mapped[Team | None] = so.relationship()
    institute: so.Mapped[Institute | None] = so.relationship()
    programme: so.Mapped["Programme | None"] = so.relationship()  # noqa: F821 (planner.models.institutes)

    def __repr__(self) -> str:
        return f"<User {self.email}>"

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def phase(self) -> str:
        """The teacher's phase on the learning line: from the profile, unless overridden."""
        return phase_for(self.qualification, self.years_experience, self.phase_override)

    @property
    def teaching_sector(self) -> str | None:
        """The teacher's own sector, or else the school's."""
        return self.sector or (self.school.sector if self.school else None)

    @property
    def is_teacher(self) -> bool:
        return self.role == Role.TEACHER

    @property
    def is_leader(self) -> bool:
        return self.role == Role.LEADER

    @property
    def is_institute_staff(self) -> bool:
        return self.role == Role.INSTITUTE

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class Invitation(db.Model):
    """A leader's or admin's invitation; the link sets the password."""

    __tablename__ = "invitations"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    created_by_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    used_at: so.Mapped[datetime | None]

    user: so.Mapped[User] = so.relationship(foreign_keys=[user_id])


class ApiToken(db.Model):
    """A personal API token; only its hash is stored."""

    __tablename__ = "api_tokens"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    label: so.Mapped[str] = so.mapped_column(sa.String(100), default="")
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    last_used_at: so.Mapped[datetime | None]
    # Tokens made before expiry dates existed run out a year after they were made.
    expires_at: so.Mapped[datetime | None]

    user: so.Mapped[User] = so.relationship()

    @property
    def expiry(self) -> datetime:
        return self.expires_at or self.created_at + timedelta(days=TOKEN_DAYS)

    @property
    def expired(self) -> bool:
        return self.expiry <= utcnow()


class LoginFailure(db.Model):
    """Failed logins, kept briefly to slow down guessing per account and per address."""

    __tablename__ = "login_failures"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    email: so.Mapped[str] = so.mapped_column(sa.String(254), index=True)
    address: so.Mapped[str] = so.mapped_column(sa.String(64), index=True)
    at: so.Mapped[datetime] = so.mapped_column(default=utcnow, index=True)


class LoginThrottle(db.Model):
    """Failed attempts per key (an account, an address, a join form's address) and until
    when the next attempt must wait; the delay grows with every failure."""

    __tablename__ = "login_throttles"

    key: so.Mapped[str] = so.mapped_column(sa.String(300), primary_key=True)
    failures: so.Mapped[int] = so.mapped_column(default=0)
    blocked_until: so.Mapped[datetime | None]
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow, index=True)


class AuditEntry(db.Model):
    """A change to someone else's data or to shared data: who, when, what.

    ``subject`` is the person the change concerns, ``school`` the school whose leaders may
    read it. The actor's name is kept beside the key so the entry still reads after the
    actor's account is gone.
    """

    __tablename__ = "audit_entries"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    at: so.Mapped[datetime] = so.mapped_column(default=utcnow, index=True)
    actor_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    actor_name: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    subject_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    school_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("schools.id", ondelete="SET NULL"), index=True
    )
    action: so.Mapped[str] = so.mapped_column(sa.String(40))
    target: so.Mapped[str] = so.mapped_column(sa.String(300), default="")
    detail: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)

    actor: so.Mapped[User | None] = so.relationship(foreign_keys=[actor_id])
    subject: so.Mapped[User | None] = so.relationship(foreign_keys=[subject_id])
