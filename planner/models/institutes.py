"""What a teacher-training institute keeps: its programmes, and the consent of teachers
for the use of their assessments in the institute's anonymised aggregates (DESIGN §7)."""

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from planner.extensions import db
from planner.models.accounts import Institute, User, utcnow


class Programme(db.Model):
    """A programme of an institute (pabo, tweedegraads, PDG, master): per study year the
    compulsory modules and electives, and the sectors it qualifies for."""

    __tablename__ = "programmes"
    __table_args__ = (sa.UniqueConstraint("institute_id", "code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    institute_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("institutes.id"), index=True)
    code: so.Mapped[str] = so.mapped_column(sa.String(40))
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    study_years: so.Mapped[int] = so.mapped_column(default=4)
    # Comma-separated sector codes, in the order of SECTORS.
    sectors_text: so.Mapped[str] = so.mapped_column("sectors", sa.String(40), default="")

    institute: so.Mapped[Institute] = so.relationship()
    modules: so.Mapped[list["ProgrammeModule"]] = so.relationship(
        back_populates="programme",
        cascade="all, delete-orphan",
        order_by="(ProgrammeModule.study_year, ProgrammeModule.position)",
    )

    @property
    def sectors(self) -> list[str]:
        return [s for s in self.sectors_text.split(",") if s]

    @sectors.setter
    def sectors(self, values: list[str]) -> None:
        self.sectors_text = ",".join(values)

    def module_codes(self, study_year: int, compulsory: bool) -> list[str]:
        return [
            row.module_code
            for row in self.modules
            if row.study_year == study_year and row.compulsory == compulsory
        ]


class ProgrammeModule(db.Model):
    """A module in a programme's study year. By code, as paths keep them: a programme
    outlives a re-import of the catalogue."""

    __tablename__ = "programme_modules"

    programme_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True
    )
    module_code: so.Mapped[str] = so.mapped_column(sa.String(40), primary_key=True)
    study_year: so.Mapped[int]
    compulsory: so.Mapped[bool] = so.mapped_column(default=True)
    position: so.Mapped[int] = so.mapped_column(default=0)

    programme: so.Mapped[Programme] = so.relationship(back_populates="modules")


class Consent(db.Model):
    """A teacher's consent for their institute to use their assessments in anonymised
    aggregates. Opt-in and dated; withdrawing dates the end, and from then on the
    teacher is left out of every answer."""

    __tablename__ = "consents"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    teacher_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    institute_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("institutes.id"), index=True)
    given_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    withdrawn_at: so.Mapped[datetime | None]

    teacher: so.Mapped[User] = so.relationship()
    institute: so.Mapped[Institute] = so.relationship()
