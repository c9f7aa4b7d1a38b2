"""Where a teacher stands, as the leader sees it in one glance: the assessments, the path's
agreement or a proposal waiting, and the steps done or skipped with the teacher's words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from planner.extensions import db
from planner.models import User
from planner.models.paths import LearningPath, ModuleProgress
from planner.paths import service


@dataclass(frozen=True)
class Noted:
    module: str
    on_date: date | None
    note: str


@dataclass(frozen=True)
class TeacherStatus:
    agreement: LearningPath | None
    proposal: LearningPath | None
    # The newest version when nothing has been accepted yet.
    unaccepted: LearningPath | None
    done: list[Noted]
    skipped: list[Noted]


def teacher_status(teacher: User) -> TeacherStatus:
    versions = service.path_versions(teacher)
    agreement, proposal = service.agreement_and_proposal(versions)
    unaccepted = versions[0] if versions and agreement is None else None
    progress = db.session.scalars(
        sa.select(ModuleProgress)
        .where(ModuleProgress.teacher_id == teacher.id, ModuleProgress.status.in_(("done", "skipped")))
        .order_by(ModuleProgress.on_date.desc(), ModuleProgress.module_code)
    ).all()
    noted = {"done": [], "skipped": []}
    for row in progress:
        noted[row.status].append(Noted(row.module_code, row.on_date, row.note))
    return TeacherStatus(agreement, proposal, unaccepted, noted["done"], noted["skipped"])
