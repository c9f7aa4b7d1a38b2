"""The JSON of a path's steps and missed targets, shared by a stored path and a preview."""

from __future__ import annotations

from collections.abc import Mapping

from planner.paths.explain import Context, Names, facilitation_sentence, reason_sentence, unreachable_sentence

WHY_KEYS = ("kind", "area", "level", "target", "phase", "module")
# Reasons a stored path keeps for its history; the API's "why" lists the planner's own.
HISTORY_KINDS = ("done", "skipped")


def why_document(reasons: list[Mapping]) -> list[dict]:
    return [
        {key: reason.get(key) for key in WHY_KEYS}
        for reason in reasons
        if reason.get("kind") not in HISTORY_KINDS
    ]


def step_document(step: Mapping, names: Names, context: Context) -> dict:
    """``step`` holds the fields of a path step; ``id`` is kept when it has one."""
    reasons = list(step["reasons"])
    sentences = [reason_sentence(reason, names, context) for reason in reasons]
    if step.get("needs_facilitation"):
        sentences.append(facilitation_sentence(step.get("facilitation_hours", 0)))
    document = {
        "module": step["module"],
        "phase": step["phase"],
        "school_year": step["school_year"],
        "period": step.get("period", 1),
        "last_school_year": step.get("last_school_year", step["school_year"]),
        "last_period": step.get("last_period", step.get("period", 1)),
        "hours": step["hours"],
        "status": step["status"],
        "outcomes": dict(step.get("outcomes") or {}),
        "needs_facilitation": bool(step.get("needs_facilitation")),
        "facilitation_hours": step.get("facilitation_hours", 0),
        "why": why_document(reasons),
        "reasons": [sentence for sentence in sentences if sentence],
        "requires": list(step.get("requires") or []),
    }
    if "id" in step:
        document = {"id": step["id"], **document}
    return document


def unreachable_document(item: Mapping, names: Names, context: Context) -> dict:
    return {
        "area": item["area"],
        "target": item["target"],
        "phase": item["phase"],
        "kind": item["reason"],
        "best_level": item.get("best_level", 0),
        "school_year": item.get("school_year"),
        "reason": unreachable_sentence(dict(item), names, context),
    }
