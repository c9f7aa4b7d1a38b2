"""The competence framework and the module catalogue (DESIGN §3-§5)."""

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import get_locale

from planner.domain.catalogue import PHASES, SECTORS
from planner.extensions import db
from planner.models.accounts import Institute, utcnow


def current_locale() -> str:
    return str(get_locale() or "nl")


class Translated:
    """Content held in Dutch and English columns, read in the interface language."""

    def text(self, field: str, locale: str | None = None) -> str:
        locale = locale or current_locale()
        value = getattr(self, f"{field}_{locale}", None) or getattr(self, f"{field}_nl")
        return value or ""

    @property
    def name(self) -> str:
        return self.text("name")

    @property
    def description(self) -> str:
        return self.text("description")


class Framework(Translated, db.Model):
    __tablename__ = "frameworks"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    code: so.Mapped[str] = so.mapped_column(sa.String(40), unique=True)
    name_nl: so.Mapped[str] = so.mapped_column(sa.String(200))
    name_en: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    description_nl: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    description_en: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    version: so.Mapped[str] = so.mapped_column(sa.String(20), default="")
    # Where the framework comes from: the research it rests on.
    source: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    imported_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    # Raised by every change to the framework's catalogue (see ``count_catalogue_changes``):
    # the catalogue API answers a repeat request from it without building the answer.
    revision: so.Mapped[int] = so.mapped_column(default=0, server_default="0")

    areas: so.Mapped[list["Area"]] = so.relationship(
        back_populates="framework", order_by="Area.position", cascade="all, delete-orphan"
    )


class Area(Translated, db.Model):
    __tablename__ = "areas"
    __table_args__ = (sa.UniqueConstraint("framework_id", "code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    framework_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("frameworks.id"), index=True)
    code: so.Mapped[str] = so.mapped_column(sa.String(20))
    group: so.Mapped[str] = so.mapped_column(sa.String(16))
    name_nl: so.Mapped[str] = so.mapped_column(sa.String(200))
    name_en: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    description_nl: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    description_en: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    # Comma-separated bekwaamheidseisen: pedagogical, subject-didactic, subject-content.
    requirements: so.Mapped[str] = so.mapped_column(sa.String(100), default="")
    class_context: so.Mapped[bool] = so.mapped_column(default=False)
    # The section or table of the research that justifies the area.
    source: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    position: so.Mapped[int] = so.mapped_column(default=0)

    framework: so.Mapped[Framework] = so.relationship(back_populates="areas")
    descriptors: so.Mapped[list["LevelDescriptor"]] = so.relationship(
        back_populates="area", order_by="LevelDescriptor.level", cascade="all, delete-orphan"
    )

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def requirement_list(self) -> list[str]:
        return [r for r in self.requirements.split(",") if r]


class LevelDescriptor(db.Model):
    __tablename__ = "level_descriptors"

    area_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("areas.id"), primary_key=True)
    level: so.Mapped[int] = so.mapped_column(primary_key=True)
    text_nl: so.Mapped[str] = so.mapped_column(sa.Text)
    text_en: so.Mapped[str] = so.mapped_column(sa.Text, default="")

    area: so.Mapped[Area] = so.relationship(back_populates="descriptors")

    @property
    def text(self) -> str:
        return (self.text_en if current_locale() == "en" else "") or self.text_nl


class Provider(db.Model):
    __tablename__ = "providers"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    code: so.Mapped[str] = so.mapped_column(sa.String(40), unique=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    kind: so.Mapped[str] = so.mapped_column(sa.String(32))
    # Staff of this institute may edit the provider's modules.
    institute_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("institutes.id"), index=True)

    institute: so.Mapped[Institute | None] = so.relationship()


class Module(Translated, db.Model):
    __tablename__ = "modules"
    __table_args__ = (sa.UniqueConstraint("framework_id", "code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    framework_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("frameworks.id"), index=True)
    code: so.Mapped[str] = so.mapped_column(sa.String(20))
    title_nl: so.Mapped[str] = so.mapped_column(sa.String(200))
    title_en: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    summary_nl: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    summary_en: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    provider_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("providers.id"), index=True)
    hours: so.Mapped[int]
    cost_eur: so.Mapped[int] = so.mapped_column(default=0)
    format: so.Mapped[str] = so.mapped_column(sa.String(32))
    # Half-year periods the module runs (see planner.domain.catalogue.PERIODS_PER_YEAR).
    duration_periods: so.Mapped[int] = so.mapped_column(default=1)
    # Who may take it: every teacher of its sectors ("sector", ""), or only those of one
    # school board, samenwerkingsverband region or institute's alumni (kind, code).
    reach_kind: so.Mapped[str] = so.mapped_column(sa.String(16), default="sector")
    reach_code: so.Mapped[str] = so.mapped_column(sa.String(40), default="")
    # A school runs it for a team; never one teacher's step.
    team_format: so.Mapped[bool] = so.mapped_column(default=False)
    source: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    retired: so.Mapped[bool] = so.mapped_column(default=False)
    position: so.Mapped[int] = so.mapped_column(default=0)

    framework: so.Mapped[Framework] = so.relationship()
    provider: so.Mapped[Provider | None] = so.relationship()
    phase_rows: so.Mapped[list["ModulePhase"]] = so.relationship(cascade="all, delete-orphan")
    sector_rows: so.Mapped[list["ModuleSector"]] = so.relationship(cascade="all, delete-orphan")
    outcomes: so.Mapped[list["Outcome"]] = so.relationship(
        cascade="all, delete-orphan", order_by="Outcome.area_id"
    )
    required_modules: so.Mapped[list["ModuleRequirement"]] = so.relationship(
        foreign_keys="ModuleRequirement.module_id",
        cascade="all, delete-orphan",
        order_by="ModuleRequirement.position",
    )
    required_levels: so.Mapped[list["LevelRequirement"]] = so.relationship(
        cascade="all, delete-orphan", order_by="LevelRequirement.area_id"
    )

    @property
    def title(self) -> str:
        return self.text("title")

    @property
    def summary(self) -> str:
        return self.text("summary")

    @property
    def reach(self) -> tuple[str, str]:
        return (self.reach_kind, self.reach_code)

    @property
    def phases(self) -> list[str]:
        offered = {row.phase for row in self.phase_rows}
        return [phase for phase in PHASES if phase in offered]

    @property
    def sectors(self) -> list[str]:
        offered = {row.sector for row in self.sector_rows}
        return [sector for sector in SECTORS if sector in offered]


class ModulePhase(db.Model):
    __tablename__ = "module_phases"

    module_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("modules.id"), primary_key=True)
    phase: so.Mapped[str] = so.mapped_column(sa.String(16), primary_key=True)


class ModuleSector(db.Model):
    __tablename__ = "module_sectors"

    module_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("modules.id"), primary_key=True)
    sector: so.Mapped[str] = so.mapped_column(sa.String(8), primary_key=True, index=True)


class Outcome(db.Model):
    __tablename__ = "outcomes"

    module_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("modules.id"), primary_key=True)
    area_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("areas.id"), primary_key=True, index=True)
    level: so.Mapped[int]

    area: so.Mapped[Area] = so.relationship()


class ModuleRequirement(db.Model):
    __tablename__ = "module_requirements"

    module_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("modules.id"), primary_key=True)
    required_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("modules.id"), primary_key=True, index=True)
    position: so.Mapped[int] = so.mapped_column(default=0)

    required: so.Mapped[Module] = so.relationship(foreign_keys=[required_id])


class LevelRequirement(db.Model):
    __tablename__ = "level_requirements"

    module_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("modules.id"), primary_key=True)
    area_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("areas.id"), primary_key=True)
    level: so.Mapped[int]

    area: so.Mapped[Area] = so.relationship()


class Target(db.Model):
    """A target level per phase and sector ("*" for every sector); data, not code."""

    __tablename__ = "targets"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    framework_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("frameworks.id"), index=True)
    phase: so.Mapped[str] = so.mapped_column(sa.String(16))
    sector: so.Mapped[str] = so.mapped_column(sa.String(8))
    area_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("areas.id"))
    level: so.Mapped[int]
    # The source of the target entry (phase, sector) this row belongs to.
    source: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    position: so.Mapped[int] = so.mapped_column(default=0)

    framework: so.Mapped[Framework] = so.relationship()
    area: so.Mapped[Area] = so.relationship()


CATALOGUE_MODELS = (
    Area,
    LevelDescriptor,
    Module,
    ModulePhase,
    ModuleSector,
    Outcome,
    ModuleRequirement,
    LevelRequirement,
    Target,
    Provider,
)


@sa.event.listens_for(so.Session, "before_flush")
def count_catalogue_changes(session, flush_context, instances) -> None:
    """Raise the frameworks' revision when a flush changes any part of a catalogue. Every
    framework's: there are few, and which one a row belongs to often takes a query to know."""
    if any(isinstance(obj, CATALOGUE_MODELS) for obj in (*session.new, *session.deleted)) or any(
        isinstance(obj, CATALOGUE_MODELS) and session.is_modified(obj) for obj in session.dirty
    ):
        session.execute(sa.update(Framework).values(revision=Framework.revision + 1))
