"""Self-assessments, module progress and the versions of a teacher's learning path.

Areas and modules are referred to by code, not by key: importing a framework replaces
its rows, and a teacher's history must survive that.
"""

from datetime import date, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from planner.extensions import db
from planner.models.accounts import User, utcnow


class Assessment(db.Model):
    """A teacher's levels on one date: by the teacher ("self"), by a mentor or leader
    ("mentor"), or from a lesson observation ("observation") of the areas it informs."""

    __tablename__ = "assessments"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    teacher_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    assessor_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"))
    kind: so.Mapped[str] = so.mapped_column(sa.String(16), default="self")
    # A self-assessment is saved page by page; only a complete one counts.
    complete: so.Mapped[bool] = so.mapped_column(default=False)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    completed_at: so.Mapped[datetime | None]
    class_size: so.Mapped[int | None]
    support_need: so.Mapped[int | None]
    # Pupils with serious (multi)problems or an extra support need.
    extra_support_need: so.Mapped[int | None]
    # In go, where every pupil has a support need: 1 clear, 2 complex, 3 very complex.
    class_complexity: so.Mapped[int | None]
    # The forms of support the teacher has often or always (domain team_support); None
    # when the question was not answered.
    class_support: so.Mapped[list | None] = so.mapped_column(sa.JSON)
    # The day of the lesson an observation saw.
    observed_on: so.Mapped[date | None]

    teacher: so.Mapped[User] = so.relationship(foreign_keys=[teacher_id])
    assessor: so.Mapped[User] = so.relationship(foreign_keys=[assessor_id])
    areas: so.Mapped[list["AssessedArea"]] = so.relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="AssessedArea.id"
    )

    @property
    def levels(self) -> dict[str, int]:
        return {a.area_code: a.level for a in self.areas if a.level is not None}

    @property
    def wishes(self) -> list[str]:
        return [a.area_code for a in self.areas if a.wish]

    @property
    def specialisms(self) -> list[str]:
        return [a.area_code for a in self.areas if a.specialism]

    @property
    def class_context(self) -> dict[str, int | None]:
        return {
            "class_size": self.class_size,
            "support_need": self.support_need,
            "extra_support_need": self.extra_support_need,
            "complexity": self.class_complexity,
        }


class AssessedArea(db.Model):
    __tablename__ = "assessed_areas"
    __table_args__ = (sa.UniqueConstraint("assessment_id", "area_code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    assessment_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    area_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    level: so.Mapped[int | None]
    wish: so.Mapped[bool] = so.mapped_column(default=False)
    specialism: so.Mapped[bool] = so.mapped_column(default=False)

    assessment: so.Mapped[Assessment] = so.relationship(back_populates="areas")


class ModuleProgress(db.Model):
    """Where a teacher stands with one module; the planner keeps what is recorded here."""

    __tablename__ = "module_progress"
    __table_args__ = (sa.UniqueConstraint("teacher_id", "module_code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    teacher_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    module_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    status: so.Mapped[str] = so.mapped_column(sa.String(16))
    on_date: so.Mapped[date | None]
    note: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow, onupdate=utcnow)


class LearningPath(db.Model):
    """One version of a teacher's path; a re-plan that changes something adds a version.

    The newest accepted version is the teacher's agreement; a newer version that is
    neither accepted nor dismissed is a proposal beside it.
    """

    __tablename__ = "learning_paths"
    __table_args__ = (sa.UniqueConstraint("teacher_id", "version"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    teacher_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    version: so.Mapped[int]
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    accepted_at: so.Mapped[datetime | None]
    # The teacher kept the agreement instead of this proposal.
    dismissed_at: so.Mapped[datetime | None]
    # What made the planner run again: an assessment, a step's progress, a profile change.
    cause: so.Mapped[str] = so.mapped_column(sa.String(16))
    # Who or what caused it, for the sentence beside a proposal: {"by": name, "on": iso date}.
    cause_detail: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)
    assessment_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("assessments.id"))
    framework_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    phase: so.Mapped[str] = so.mapped_column(sa.String(16))
    sector: so.Mapped[str] = so.mapped_column(sa.String(8))
    first_school_year: so.Mapped[int]
    budget_hours_per_year: so.Mapped[int]
    targets: so.Mapped[dict] = so.mapped_column(sa.JSON)
    levels: so.Mapped[dict] = so.mapped_column(sa.JSON)
    unreachable: so.Mapped[list] = so.mapped_column(sa.JSON)

    teacher: so.Mapped[User] = so.relationship()

    def school_year_label(self, number: int) -> str:
        """School year ``number`` of this path (1: the year it was planned in), e.g. 2026-2027."""
        start = self.first_school_year + number - 1
        return f"{start}-{start + 1}"

    steps: so.Mapped[list["PathStep"]] = so.relationship(
        back_populates="path", cascade="all, delete-orphan", order_by="PathStep.position"
    )


class PathStep(db.Model):
    __tablename__ = "path_steps"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    path_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("learning_paths.id", ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int]
    module_code: so.Mapped[str] = so.mapped_column(sa.String(40))
    phase: so.Mapped[str] = so.mapped_column(sa.String(16))
    school_year: so.Mapped[int]
    last_school_year: so.Mapped[int]
    # Periods within the school year: 1 = August-January, 2 = February-July.
    period: so.Mapped[int] = so.mapped_column(default=1)
    last_period: so.Mapped[int] = so.mapped_column(default=1)
    hours: so.Mapped[int]
    # More hours than any one school year's budget: study leave or a grant must make room.
    needs_facilitation: so.Mapped[bool] = so.mapped_column(default=False)
    facilitation_hours: so.Mapped[int] = so.mapped_column(default=0)
    status: so.Mapped[str] = so.mapped_column(sa.String(16))
    reasons: so.Mapped[list] = so.mapped_column(sa.JSON)
    requires: so.Mapped[list] = so.mapped_column(sa.JSON)
    outcomes: so.Mapped[dict] = so.mapped_column(sa.JSON)
    # Other modules that bring the same outcomes, chosen when the path was planned.
    alternatives: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    # The planner's reasons as data ({"kind", "area", "level", "target", "phase", "module"}).
    why: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)

    path: so.Mapped[LearningPath] = so.relationship(back_populates="steps")
