"""Class pressure and support for the team view: each teacher's class as their latest
self-assessment describes it, and the heavy ones where support does not follow the need."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from planner import access
from planner.domain.assessment import heavy_class
from planner.domain.team_support import SUPPORT_FORMS, PressedClass, pressed_without_support
from planner.extensions import db
from planner.models import Role, School
from planner.models.paths import Assessment
from planner.school import bp
from planner.school import team as team_data

# Short names for the table; the self-assessment asks with the longer ones.
SUPPORT_LABELS = {
    "outside_class": _l("help outside the class"),
    "assistant": _l("assistant in class"),
    "extra_teacher": _l("extra teacher"),
    "specialist_in_class": _l("specialist in class"),
    "specialist_advice": _l("specialist advice"),
    "facility": _l("facility in school"),
    "none": _l("none"),
}


@dataclass(frozen=True)
class ClassPressure:
    little_support: list[PressedClass]
    heavy: int
    # Heavy classes whose teacher has not said which support they have.
    unanswered: int


def class_pressure(school: School, team_id: int | None) -> ClassPressure:
    teachers = {t.id: t for t in team_data.school_teachers(school, team_id)}
    rows = db.session.execute(
        sa.select(
            Assessment.teacher_id,
            Assessment.class_size,
            Assessment.support_need,
            Assessment.extra_support_need,
            Assessment.class_complexity,
            Assessment.class_support,
        )
        .where(Assessment.teacher_id.in_(list(teachers)), Assessment.kind == "self", Assessment.complete)
        .order_by(Assessment.teacher_id, Assessment.completed_at.desc(), Assessment.id.desc())
    ).all()
    latest = {}
    for row in rows:
        latest.setdefault(row.teacher_id, row)
    heavy, unanswered = [], 0
    for teacher_id, row in latest.items():
        teacher = teachers[teacher_id]
        sector = teacher.teaching_sector
        counts = (row.class_size, row.support_need, row.extra_support_need, row.class_complexity)
        if sector is None or not heavy_class(sector, *counts):
            continue
        if row.class_support is None:
            unanswered += 1
            continue
        heavy.append(
            PressedClass(
                teacher_id,
                teacher.name,
                teacher.team.name if teacher.team else None,
                *counts,
                frozenset(row.class_support),
            )
        )
    return ClassPressure(pressed_without_support(heavy), len(heavy) + unanswered, unanswered)


@bp.get("/classes")
@access.role_required(Role.LEADER)
def classes():
    school = db.session.get(School, current_user.school_id)
    return render_template(
        "school/classes.html",
        school=school,
        pressure=class_pressure(school, current_user.team_id),
        support_labels={form: SUPPORT_LABELS[form] for form in SUPPORT_FORMS},
    )
