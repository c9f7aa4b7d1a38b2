"""An institute's programmes, their coverage and its alumni's needs, never a person's data."""

from pydantic import BaseModel, ConfigDict, Field

from planner.domain.anonymise import DIMENSIONS


class ProgrammeYear(BaseModel):
    year: int
    compulsory: list[str]
    electives: list[str]


class Programme(BaseModel):
    code: str
    name: str
    study_years: int
    sectors: list[str]
    years: list[ProgrammeYear]


class ProgrammeList(BaseModel):
    programmes: list[Programme]


class AreaCoverage(BaseModel):
    area: str
    sector: str
    target: int | None
    reached: int
    with_electives: int


class ProgrammeCoverage(BaseModel):
    """Where the programme brings a student, against each sector's initial target."""

    programme: str
    sectors: list[str]
    areas: list[AreaCoverage]


class AlumniCell(BaseModel):
    """One group in one area, with only the grouped keys; a suppressed cell (fewer than k
    alumni) has null figures."""

    model_config = ConfigDict(extra="forbid")

    programme: str | None = None
    graduation_year: int | None = None
    sector: str | None = None
    area: str
    n: int | None
    below_target: int | None
    mean_gap: float | None
    suppressed: bool


class AlumniNeeds(BaseModel):
    k: int = Field(description="the smallest group whose figures are shown")
    cells: list[AlumniCell]


class AlumniGrouping(BaseModel):
    group_by: str = Field(
        "",
        description=f"a comma-separated subset of {', '.join(DIMENSIONS)}, each once",
        examples=["programme,graduation_year"],
    )
