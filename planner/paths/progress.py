"""A teacher's progress on the steps of their path; every change plans the path again."""

from datetime import date

import sqlalchemy as sa

from planner.domain.progress import change_problem
from planner.extensions import db
from planner.labels import STATUS_LABELS
from planner.models import User
from planner.models.paths import LearningPath, ModuleProgress, PathStep
from planner.paths.service import current_path, lock_teacher, replan


class StepRefused(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def step_of_current_path(teacher: User, step_id: int) -> tuple[LearningPath, PathStep] | None:
    path = current_path(teacher)
    if path is None:
        return None
    step = db.session.get(PathStep, step_id)
    if step is None or step.path.teacher_id != teacher.id:
        return None
    return path, step


def change_step(
    teacher: User,
    path: LearningPath,
    step: PathStep,
    status: str,
    on_date: date | None = None,
    note: str = "",
) -> LearningPath:
    """Record the step's new status and plan again; the old version stays as it was."""
    from flask_babel import gettext as _

    # Wait for a simultaneous change to the same teacher, then check again against what
    # it left: the step may now belong to an earlier version.
    lock_teacher(teacher)
    newest = current_path(teacher)
    if step.path_id != path.id or newest is None or step.path_id != newest.id:
        raise StepRefused("id", _("This step belongs to an earlier version of your path."))
    problem = change_problem(step.status, status, note, on_date, date.today())
    if problem == "status":
        now, new = STATUS_LABELS[step.status], STATUS_LABELS.get(status, status)
        raise StepRefused("status", _("A step that is %(now)s cannot become %(new)s.", now=now, new=new))
    if problem == "reason":
        raise StepRefused("reason", _("Say why you skip this step."))
    if problem == "on_date":
        raise StepRefused("on_date", _("The date cannot be in the future."))
    record = db.session.scalar(
        sa.select(ModuleProgress).where(
            ModuleProgress.teacher_id == teacher.id, ModuleProgress.module_code == step.module_code
        )
    )
    if status == "planned":
        if record is not None:
            db.session.delete(record)
    else:
        if record is None:
            record = ModuleProgress(teacher_id=teacher.id, module_code=step.module_code)
            db.session.add(record)
        record.status = status
        record.on_date = on_date or (date.today() if status != "skipped" else None)
        record.note = note.strip()
    db.session.flush()
    return replan(teacher, "progress")
