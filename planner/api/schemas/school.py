"""The team view of a leader's school (a team leader's: their team)."""

from pydantic import BaseModel, ConfigDict, Field

from planner.school.forms import MAX_MINIMUM


class Levels(BaseModel):
    """A teacher's levels in one area by source; null where unknown."""

    model_config = ConfigDict(populate_by_name=True)

    self_: int | None = Field(alias="self")
    mentor: int | None
    observed: int | None
    planning: int | None = Field(description="the level the planner works from")
    target: int | None


class MatrixTeacher(BaseModel):
    id: int
    name: str
    team: str | None = Field(description="the team's name; null without a team")
    phase: str
    levels: dict[str, Levels]


class Matrix(BaseModel):
    areas: list[str]
    teachers: list[MatrixTeacher]


class CoverageRow(BaseModel):
    team: str | None
    area: str
    experts: int
    minimum: int
    short: int


class Coverage(BaseModel):
    """Rows short of experts first."""

    rows: list[CoverageRow]


class TeamPlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    minimums: dict[str, int] = Field(
        default_factory=dict,
        description=f"area codes with the number of experts wanted, 0 to {MAX_MINIMUM}",
        json_schema_extra={"additionalProperties": {"type": "integer", "minimum": 0, "maximum": MAX_MINIMUM}},
    )
    exclude: list[int] = Field(default_factory=list, description="ids of teachers left out")


class Assignment(BaseModel):
    teacher: int
    area: str
    to_level: int
    modules: list[str]
    hours: int
    school_year: int = Field(description="1 the current school year, 2 the next")


class Shortfall(BaseModel):
    team: str | None
    area: str
    short: int


class TeamPlan(BaseModel):
    """Who trains in what; nothing is stored."""

    assignments: list[Assignment]
    shortfall: list[Shortfall]
    total_hours: int


class PeerPair(BaseModel):
    coach: int
    colleague: int
    area: str
    coach_level: int
    colleague_level: int


class PeerPairs(BaseModel):
    pairs: list[PeerPair]
