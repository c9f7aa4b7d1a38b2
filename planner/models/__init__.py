"""Typed SQLAlchemy models; the schema itself is defined by the migrations."""

from planner.models.accounts import (
    ApiToken,
    Institute,
    Invitation,
    LoginFailure,
    Role,
    School,
    Team,
    User,
)
from planner.models.paths import (
    AssessedArea,
    Assessment,
    LearningPath,
    ModuleProgress,
    PathStep,
)
from planner.models.catalogue import (
    Area,
    Framework,
    LevelDescriptor,
    LevelRequirement,
    Module,
    ModulePhase,
    ModuleRequirement,
    ModuleSector,
    Outcome,
    Provider,
    Target,
)

__all__ = [
    "ApiToken",
    "AssessedArea",
    "Assessment",
    "LearningPath",
    "ModuleProgress",
    "PathStep",
    "Area",
    "Framework",
    "Institute",
    "Invitation",
    "LevelDescriptor",
    "LevelRequirement",
    "LoginFailure",
    "Module",
    "ModulePhase",
    "ModuleRequirement",
    "ModuleSector",
    "Outcome",
    "Provider",
    "Role",
    "School",
    "Target",
    "Team",
    "User",
]
