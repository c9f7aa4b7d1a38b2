"""The public catalogue: areas, modules and targets in the interchange format, whose JSON
Schema (planner/catalogue/schema.py) is the description of each entry."""

from typing import Annotated

from pydantic import BaseModel, Field, WithJsonSchema

from planner.api.schemas.common import FrameworkVersion
from planner.catalogue.schema import AREA, MODULE, TARGET
from planner.domain.catalogue import FORMATS, PHASES, SECTORS

# Entries are described by the interchange schema itself, referenced as components.
AreaEntry = Annotated[dict, WithJsonSchema({"$ref": "#/components/schemas/Area"})]
ModuleEntry = Annotated[dict, WithJsonSchema({"$ref": "#/components/schemas/Module"})]
TargetEntry = Annotated[dict, WithJsonSchema({"$ref": "#/components/schemas/Target"})]

# Named schemas outside pydantic, added to the description's components as they are.
INTERCHANGE = {"Area": AREA, "Module": MODULE, "Target": TARGET}


class AreaList(BaseModel):
    framework: FrameworkVersion
    areas: list[AreaEntry]


class ModuleList(BaseModel):
    framework: FrameworkVersion
    modules: list[ModuleEntry]


class TargetList(BaseModel):
    """Target profiles per phase and sector; sector ``*`` is every sector's default."""

    framework: FrameworkVersion
    targets: list[TargetEntry]


class ModuleFilter(BaseModel):
    """Filters of ``GET /modules``; each narrows the list, an empty one is ignored."""

    area: str = Field("", description="an area code: modules with an outcome in it")
    phase: str = Field("", json_schema_extra={"enum": ["", *PHASES]})
    sector: str = Field("", json_schema_extra={"enum": ["", *SECTORS]})
    format: str = Field("", json_schema_extra={"enum": ["", *FORMATS]})
    max_hours: int = Field(None, ge=1, le=2000, description="at most this many study hours")
    q: str = Field("", max_length=100, description="words in the code, title or summary")
