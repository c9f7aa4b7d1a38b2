"""Recording self-assessments, mentor assessments and lesson observations."""

from datetime import date

import sqlalchemy as sa

from planner.domain.assessment import conversation_topics as topics_between
from planner.extensions import db
from planner.models import User
from planner.models.accounts import utcnow
from planner.models.paths import AssessedArea, Assessment


def draft_assessment(teacher: User) -> Assessment | None:
    return db.session.scalar(
        sa.select(Assessment)
        .where(Assessment.teacher_id == teacher.id, Assessment.kind == "self", Assessment.complete.is_(False))
        .order_by(Assessment.id.desc())
        .limit(1)
    )


def discard_draft(teacher: User) -> None:
    """A complete assessment from elsewhere supersedes a half-filled one."""
    draft = draft_assessment(teacher)
    if draft is not None:
        db.session.delete(draft)


def start_draft(teacher: User, previous: Assessment | None) -> Assessment:
    """A new self-assessment, prefilled with the previous one so only changes need choosing."""
    draft = Assessment(teacher=teacher, assessor=teacher, kind="self")
    if previous is not None:
        draft.areas = [
            AssessedArea(area_code=a.area_code, level=a.level, wish=a.wish, specialism=a.specialism)
            for a in previous.areas
        ]
        draft.class_size = previous.class_size
        draft.support_need = previous.support_need
        draft.extra_support_need = previous.extra_support_need
        draft.class_complexity = previous.class_complexity
        draft.class_support = previous.class_support
    db.session.add(draft)
    return draft


def set_areas(
    assessment: Assessment,
    levels: dict[str, int | None],
    wishes: set[str] | None = None,
    specialisms: set[str] | None = None,
) -> None:
    """Set the levels (and wishes, specialisms) of the areas named in ``levels``."""
    rows = {row.area_code: row for row in assessment.areas}
    for code, level in levels.items():
        row = rows.get(code)
        if row is None:
            row = rows[code] = AssessedArea(area_code=code)
            assessment.areas.append(row)
        row.level = level
        if wishes is not None:
            row.wish = code in wishes
    if specialisms is not None:
        for code in specialisms - rows.keys():
            rows[code] = AssessedArea(area_code=code)
            assessment.areas.append(rows[code])
        for code, row in rows.items():
            row.specialism = code in specialisms


def set_class_context(
    assessment: Assessment, class_size, support_need, extra_support_need, complexity=None, support=None
) -> None:
    assessment.class_size = class_size
    assessment.support_need = support_need
    assessment.extra_support_need = extra_support_need
    assessment.class_complexity = complexity
    assessment.class_support = list(support) if support is not None else None


def missing_areas(assessment: Assessment, area_codes: list[str]) -> list[str]:
    levels = assessment.levels
    return [code for code in area_codes if code not in levels]


def complete(assessment: Assessment) -> None:
    assessment.complete = True
    assessment.completed_at = utcnow()


def record_mentor_assessment(teacher: User, assessor: User, levels: dict[str, int]) -> Assessment:
    assessment = Assessment(teacher=teacher, assessor=assessor, kind="mentor")
    set_areas(assessment, levels)
    complete(assessment)
    db.session.add(assessment)
    return assessment


def record_observation(
    teacher: User, observer: User, observed_on: date, levels: dict[str, int]
) -> Assessment:
    """A lesson observation: the levels seen in the areas it informs, on the day of the lesson."""
    observation = Assessment(teacher=teacher, assessor=observer, kind="observation", observed_on=observed_on)
    set_areas(observation, levels)
    complete(observation)
    db.session.add(observation)
    return observation


def conversation_topics(own: Assessment | None, mentor: Assessment | None) -> set[str]:
    """Areas where the teacher's and the mentor's latest assessments differ by two or more."""
    if own is None or mentor is None:
        return set()
    return topics_between(own.levels, mentor.levels)
