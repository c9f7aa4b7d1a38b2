"""The domain core: catalogue, prerequisite graph, target profiles and the planner.

Plain data in, plain data out: nothing here knows about Flask or the database.
"""

from planner.domain.catalogue import FORMATS, LEVELS, PHASES, SECTORS, Module, TargetEntry
from planner.domain.graph import CatalogueError, Problem, build_graph, checked_graph, find_problems
from planner.domain.planning import (
    Path,
    PlanRequest,
    Reason,
    Step,
    Unreachable,
    alternatives,
    plan,
    projected_levels,
)
from planner.domain.targets import add_specialisms, cumulative, merge_targets, raise_targets

__all__ = [
    "FORMATS",
    "LEVELS",
    "PHASES",
    "SECTORS",
    "CatalogueError",
    "Module",
    "Path",
    "PlanRequest",
    "Problem",
    "Reason",
    "Step",
    "TargetEntry",
    "Unreachable",
    "add_specialisms",
    "alternatives",
    "build_graph",
    "checked_graph",
    "cumulative",
    "find_problems",
    "merge_targets",
    "plan",
    "projected_levels",
    "raise_targets",
]
