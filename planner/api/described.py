"""What a view tells the API's description about itself, beside what its route, its
docstring and its token decorator already say (see ``planner.api.openapi``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel


@dataclass(frozen=True)
class Operation:
    ok: type[BaseModel] | Mapping | None
    status: int = 200
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    # Further answers the view gives, by status: what each means here.
    refusals: Mapping[int, str] = field(default_factory=dict)
    # A body is optional where the view takes a missing one as empty.
    body_required: bool = True


def described(
    ok: type[BaseModel] | Mapping | None,
    *,
    status: int = 200,
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    refusals: Mapping[int, str] | None = None,
    body_required: bool = True,
):
    """Mark a view with what it answers (``ok`` with ``status``) and takes; a route under
    /api/v1 without it fails the build."""
    operation = Operation(ok, status, body, query, dict(refusals or {}), body_required)

    def decorate(view):
        view.api_operation = operation
        return view

    return decorate
