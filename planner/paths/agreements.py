"""Which path versions are kept after a re-plan: the teacher's agreement stays until the
teacher accepts something else; what others cause waits beside it as a proposal."""

from datetime import datetime

import sqlalchemy as sa

from planner.domain.agreement import PathReading, Version, changes, prunable, reading
from planner.domain.progress import school_year_number
from planner.extensions import db
from planner.models.accounts import utcnow
from planner.models.paths import LearningPath, ModuleProgress, PathStep


def read(path: LearningPath) -> PathReading:
    heading = {
        "phase": path.phase,
        "sector": path.sector,
        "budget_hours_per_year": path.budget_hours_per_year,
    }
    return reading(path.steps, path.unreachable, path.targets, path.levels, heading, path.first_school_year)


def proposal_changes(agreement: LearningPath | None, proposal: LearningPath | None) -> list[dict]:
    """What accepting the proposal would change in the agreement."""
    if agreement is None or proposal is None:
        return []
    return changes(read(agreement), read(proposal))


def keep_version(
    path: LearningPath, versions: list[LearningPath], progress: dict[str, ModuleProgress]
) -> LearningPath:
    """Store the freshly planned ``path`` when it changes what the teacher reads, as the
    agreement or as a proposal beside it; ``versions`` are the stored ones, newest first.
    Returns the path the teacher works on."""
    now = utcnow()
    versions = _prune(versions, now)
    agreement = next((v for v in versions if v.accepted_at), None)
    newest = versions[0] if versions else None
    new = read(path)
    if agreement is None:
        if newest is not None and read(newest) == new:
            return newest
        return _add(path)
    beside = newest if newest is not agreement else None
    if path.cause == "progress":
        return _progress(path, agreement, beside, progress, now)
    agreed = read(agreement)
    if new == agreed:
        if beside is not None and beside.dismissed_at is None:
            # Planned again, nothing is left to propose: the open proposal is void.
            _delete([beside.id])
        return agreement
    if beside is not None and _already_answered(agreed, new, beside):
        return agreement
    return _add(path)


def _already_answered(agreed: PathReading, new: PathReading, beside: LearningPath) -> bool:
    """The open proposal says the same, or the teacher kept the agreement over these very
    changes: asking again would be noise."""
    if beside.dismissed_at is None:
        return read(beside) == new
    return changes(agreed, read(beside)) == changes(agreed, new)


def _progress(path, agreement, beside, progress, now) -> LearningPath:
    """Progress on a step goes on in the agreement. With nothing beside it, the path planned
    again is the agreement (the teacher's own work needs no new consent). With a proposal
    beside it, the agreement records the progress as it stands, and the new plan waits
    beside it as that proposal did: open, or dismissed when it changes what the teacher
    already declined."""
    if beside is None:
        if read(path) == read(agreement):
            return agreement
        path.accepted_at = now
        return _add(path)
    declined = changes(read(agreement), read(beside)) if beside.dismissed_at else None
    continued = continued_agreement(agreement, progress, beside.version + 1, now)
    if read(continued) != read(agreement):
        agreement = _add(continued)
    new = read(path)
    agreed = read(agreement)
    if new == agreed:
        return agreement
    path.version = max(agreement.version, beside.version) + 1
    path.cause, path.cause_detail = beside.cause, beside.cause_detail
    if declined is not None and changes(agreed, new) == declined:
        path.dismissed_at = beside.dismissed_at
    _add(path)
    return agreement


COPIED = ("module_code", "phase", "school_year", "last_school_year", "period", "last_period", "hours")
COPIED += ("status", "reasons", "requires", "outcomes", "alternatives", "needs_facilitation")
COPIED += ("facilitation_hours", "why")


def continued_agreement(
    agreement: LearningPath, progress: dict[str, ModuleProgress], version: int, now: datetime
) -> LearningPath:
    """The agreement as it was, with each step's status as recorded now."""
    copy = LearningPath(
        teacher_id=agreement.teacher_id,
        version=version,
        accepted_at=now,
        cause="progress",
        cause_detail={},
        assessment_id=agreement.assessment_id,
        framework_code=agreement.framework_code,
        phase=agreement.phase,
        sector=agreement.sector,
        first_school_year=agreement.first_school_year,
        budget_hours_per_year=agreement.budget_hours_per_year,
        targets=agreement.targets,
        levels=agreement.levels,
        unreachable=agreement.unreachable,
    )
    steps = []
    for step in agreement.steps:
        fields = {name: getattr(step, name) for name in COPIED}
        record = progress.get(step.module_code)
        status = record.status if record is not None else "planned"
        if status != step.status:
            fields["status"] = status
            if status in ("done", "skipped"):
                fields["reasons"] = [
                    {
                        "kind": status,
                        "on": record.on_date.isoformat() if record.on_date else None,
                        "note": record.note,
                    }
                ]
            if status == "done" and record.on_date:
                year = school_year_number(record.on_date, agreement.first_school_year)
                fields["school_year"] = fields["last_school_year"] = year
        steps.append(PathStep(**fields))
    order_steps(steps)
    copy.steps = steps
    return copy


def order_steps(steps: list[PathStep]) -> None:
    """By school year and period; within them what is done first, what was skipped last."""
    order = {"done": 0, "in_progress": 1, "planned": 2, "skipped": 3}
    steps.sort(key=lambda s: (s.school_year, s.period or 1, order[s.status]))
    for position, step in enumerate(steps):
        step.position = position


def _add(path: LearningPath) -> LearningPath:
    db.session.add(path)
    return path


def _prune(versions: list[LearningPath], now: datetime) -> list[LearningPath]:
    gone = set(prunable((Version(v.id, v.created_at, v.accepted_at is not None) for v in versions), now))
    if gone:
        _delete(sorted(gone))
    return [v for v in versions if v.id not in gone]


def _delete(ids: list[int]) -> None:
    db.session.execute(sa.delete(PathStep).where(PathStep.path_id.in_(ids)))
    db.session.execute(sa.delete(LearningPath).where(LearningPath.id.in_(ids)))
