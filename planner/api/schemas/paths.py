"""A teacher's own assessments and learning path (``/me/...``), and a previewed path."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from planner.domain.catalogue import PHASES, SECTORS


class ClassContext(BaseModel):
    """The class taught; null where unknown. Pupils with a support need are at most the
    class, those with extra support at most those with a need."""

    class_size: int | None = Field(None, ge=1, le=60)
    support_need: int | None = Field(None, ge=0, le=60)
    extra_support_need: int | None = Field(None, ge=0, le=60)
    complexity: int | None = Field(None, ge=1, le=3, description="1 clear, 2 complex, 3 very complex")


class AssessmentIn(BaseModel):
    """A complete self-assessment: a level from 0 (not yet) to 5 for every area."""

    levels: dict[str, int] = Field(
        description="every area code of the catalogue with a level from 0 to 5",
        json_schema_extra={"additionalProperties": {"type": "integer", "minimum": 0, "maximum": 5}},
        min_length=1,
    )
    wishes: list[str] = Field(default_factory=list, description="area codes the teacher wants to grow in")
    specialisms: list[str] = Field(default_factory=list, max_length=2, description="at most two area codes")
    class_context: ClassContext | None = None


class StoredClassContext(BaseModel):
    class_size: int | None
    support_need: int | None
    extra_support_need: int | None
    complexity: int | None


class Assessment(BaseModel):
    id: int
    date: str = Field(description="the day it was completed, YYYY-MM-DD")
    levels: dict[str, int]
    wishes: list[str]
    specialisms: list[str]
    class_context: StoredClassContext


class AssessmentList(BaseModel):
    """Newest first."""

    assessments: list[Assessment]


class Why(BaseModel):
    """One of the planner's reasons for a step, as data; ``reasons`` says it in words."""

    kind: str
    area: str | None
    level: int | None
    target: int | None
    phase: str | None
    module: str | None


class PlannedStep(BaseModel):
    module: str
    phase: str
    school_year: int = Field(description="1 is the current school year")
    period: int
    last_school_year: int
    last_period: int
    hours: int
    status: str
    outcomes: dict[str, int]
    needs_facilitation: bool
    facilitation_hours: int
    why: list[Why]
    reasons: list[str]
    requires: list[str]


class Step(PlannedStep):
    id: int
    catalogue: Literal["withdrawn", "changed"] | None = Field(
        description="set when the catalogue no longer offers the module as planned"
    )


class Unreachable(BaseModel):
    """A target no module in the teacher's sector reaches: reported, never dropped."""

    area: str
    target: int
    phase: str
    kind: str
    best_level: int
    school_year: int | None
    reason: str


class PathVersion(BaseModel):
    version: int
    phase: str
    sector: str
    budget_hours_per_year: int
    accepted: bool
    steps: list[Step]
    unreachable: list[Unreachable]


class Change(BaseModel):
    """One difference between the agreement and the proposal; other keys as the kind has them."""

    model_config = ConfigDict(extra="allow")

    kind: Literal[
        "added",
        "dropped",
        "moved",
        "hours",
        "needs-facilitation",
        "late",
        "unreachable",
        "reached",
        "target",
        "level",
    ]
    text: str


class Proposal(PathVersion):
    cause: Literal["mentor", "observation", "school", "catalogue", "assessment", "request", "profile"]
    cause_detail: dict = Field(description='"by", "on" and "modules" as they apply')
    why: str
    changes: list[Change]


class AgreedPath(PathVersion):
    """The agreement (else the newest version) with the open proposal beside it."""

    proposal: Proposal | None


class StepChange(BaseModel):
    """``reason`` goes with ``skipped``, ``note`` with the other statuses."""

    status: Literal["planned", "in_progress", "done", "skipped"]
    date: str | None = Field(None, description="YYYY-MM-DD", json_schema_extra={"format": "date"})
    note: str | None = Field(None, max_length=2000)
    reason: str | None = Field(None, max_length=2000)


class SchoolSituation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    priorities: list[str] | None = None
    targets: dict[str, dict[str, int]] | None = Field(
        None, description="per phase, area levels from 1 to 5 the school raises its targets to"
    )
    board: str | None = Field(None, min_length=1, max_length=40)
    region: str | None = Field(None, min_length=1, max_length=40)
    induction_programme: str | None = Field(None, description="a module code")
    go_type: str | None = None


class PreviewIn(BaseModel):
    """An imagined teacher; nothing is stored."""

    model_config = ConfigDict(extra="forbid")

    sector: Literal[SECTORS]  # type: ignore[valid-type]
    phase: Literal[PHASES]  # type: ignore[valid-type]
    years_experience: int = Field(ge=0, le=50)
    study_years_left: int = Field(ge=0, le=10)
    levels: dict[str, int] = Field(description="every area code with a level from 0 to 5")
    mentor_levels: dict[str, int] | None = None
    wishes: list[str] | None = None
    specialisms: list[str] | None = None
    class_context: ClassContext | None = None
    budget_hours_per_year: int | None = Field(None, ge=1, le=2000)
    done: list[str] | None = Field(None, description="module codes")
    in_progress: list[str] | None = Field(None, description="module codes")
    side_entrant: bool | None = None
    school: SchoolSituation | None = None


class PreviewedPath(BaseModel):
    phase: str
    sector: str
    budget_hours_per_year: int
    targets: dict[str, dict[str, int]] = Field(description="per phase, the target level per area")
    steps: list[PlannedStep]
    unreachable: list[Unreachable]
    levels_after: dict[str, int]
