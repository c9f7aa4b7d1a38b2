"""The team view's data: every teacher's levels and targets per area, loaded for the whole
school (or one team) in a fixed number of statements, however many teachers there are."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so

from planner.catalogue.service import current_framework
from planner.domain.assessment import conversation_topics, standing
from planner.domain.team import Cell, CoverageRow, TeacherRow, coverage, default_minimums
from planner.extensions import db
from planner.models import Area, Module, Outcome, Role, School, Team, User
from planner.models.paths import AssessedArea, Assessment, ModuleProgress
from planner.models.team import ExpertMinimum
from planner.paths import service


@dataclass(frozen=True)
class AreaInfo:
    code: str
    name: str
    group: str


@dataclass(frozen=True)
class Matrix:
    areas: list[AreaInfo]
    teachers: list[TeacherRow]
    # The teams in view, in name order, then "no team" when some teacher has none.
    teams: list[tuple[int | None, str | None]]


def scope_team(leader: User) -> int | None:
    """A team leader sees their own team; a school leader all teams."""
    return leader.team_id


def framework_area_info() -> tuple[list[AreaInfo], object]:
    framework = current_framework()
    if framework is None:
        return [], None
    rows = db.session.scalars(
        sa.select(Area).where(Area.framework_id == framework.id).order_by(Area.position)
    ).all()
    return [AreaInfo(a.code, a.name, a.group) for a in rows], framework


def school_teachers(school: School, team_id: int | None = None) -> list[User]:
    query = (
        sa.select(User)
        .where(User.school_id == school.id, User.role == Role.TEACHER)
        .options(so.joinedload(User.team), so.joinedload(User.institute))
        .order_by(User.name, User.id)
    )
    if team_id is not None:
        query = query.where(User.team_id == team_id)
    return db.session.scalars(query).unique().all()


@dataclass(frozen=True)
class Assessed:
    """A complete assessment as plain data: the matrix of a large school builds thousands
    of levels, and ORM objects for each cost more than the page may take."""

    kind: str
    order: tuple
    levels: dict[str, int]
    # In the order they were chosen, as the planner reads them.
    specialisms: list[str]


def _assessments_by_teacher(ids: list[int]) -> dict[int, list[Assessed]]:
    """Per teacher, the complete assessments newest first (observations by lesson date)."""
    heads = db.session.execute(
        sa.select(
            Assessment.id,
            Assessment.teacher_id,
            Assessment.kind,
            Assessment.completed_at,
            Assessment.observed_on,
        ).where(Assessment.teacher_id.in_(ids), Assessment.complete)
    ).all()
    levels = db.session.execute(
        sa.select(
            AssessedArea.assessment_id, AssessedArea.area_code, AssessedArea.level, AssessedArea.specialism
        )
        .join(Assessment, Assessment.id == AssessedArea.assessment_id)
        .where(Assessment.teacher_id.in_(ids), Assessment.complete)
        .order_by(AssessedArea.id)
    ).all()
    by_assessment: dict[int, dict[str, int]] = {}
    specialisms: dict[int, list[str]] = {}
    for assessment, area, level, specialism in levels:
        if level is not None:
            by_assessment.setdefault(assessment, {})[area] = level
        if specialism:
            specialisms.setdefault(assessment, []).append(area)
    found: dict[int, list[Assessed]] = {}
    for id_, teacher, kind, completed_at, observed_on in heads:
        order = (observed_on, completed_at, id_) if kind == "observation" else (completed_at, id_)
        found.setdefault(teacher, []).append(
            Assessed(kind, order, by_assessment.get(id_, {}), specialisms.get(id_, []))
        )
    for assessed in found.values():
        assessed.sort(key=lambda a: a.order, reverse=True)
    return found


def _done_outcomes(ids: list[int], framework) -> dict[int, dict[str, dict[str, int]]]:
    rows = db.session.execute(
        sa.select(ModuleProgress.teacher_id, Module.code, Area.code, Outcome.level)
        .join(Module, Module.code == ModuleProgress.module_code)
        .join(Outcome, Outcome.module_id == Module.id)
        .join(Area, Area.id == Outcome.area_id)
        .where(
            ModuleProgress.teacher_id.in_(ids),
            ModuleProgress.status == "done",
            Module.framework_id == framework.id,
        )
    ).all()
    found: dict[int, dict[str, dict[str, int]]] = {}
    for teacher, module, area, level in rows:
        found.setdefault(teacher, {}).setdefault(module, {})[area] = level
    return found


def _observed(observations: list[Assessed]) -> dict[str, int]:
    """Per area, the level of the newest lesson that informs it (newest first already)."""
    newest: dict[str, int] = {}
    for observation in observations:
        for area, level in observation.levels.items():
            newest.setdefault(area, level)
    return newest


def teacher_rows(teachers: list[User], areas: list[AreaInfo], framework) -> list[TeacherRow]:
    if not teachers or framework is None:
        return []
    ids = [t.id for t in teachers]
    found = _assessments_by_teacher(ids)
    done = _done_outcomes(ids, framework)
    entries = service.target_entries(framework)
    codes = frozenset(a.code for a in areas)
    rows = []
    for teacher in teachers:
        mine = found.get(teacher.id, [])
        own = next((a for a in mine if a.kind == "self"), None)
        mentor = next((a for a in mine if a.kind == "mentor"), None)
        observed = _observed([a for a in mine if a.kind == "observation"])
        own_levels = own.levels if own else {}
        mentor_levels = mentor.levels if mentor else {}
        stands = standing(own_levels, mentor_levels, observed, done.get(teacher.id, {}))
        targets = (
            service.teacher_targets(entries, codes, teacher, own).get(teacher.phase, {})
            if teacher.teaching_sector
            else {}
        )
        topics = conversation_topics(own_levels, mentor_levels)
        cells = {
            area.code: Cell(
                self_level=own_levels.get(area.code),
                mentor=mentor_levels.get(area.code),
                observed=observed.get(area.code),
                planning=stands[area.code].level if area.code in stands else None,
                target=targets.get(area.code),
                topic=area.code in topics,
            )
            for area in areas
        }
        rows.append(
            TeacherRow(
                teacher.id,
                teacher.name,
                teacher.team_id,
                teacher.team.name if teacher.team else None,
                teacher.phase,
                cells,
            )
        )
    return rows


def matrix(school: School, team_id: int | None = None, phase: str | None = None) -> Matrix:
    areas, framework = framework_area_info()
    teachers = school_teachers(school, team_id)
    if phase:
        teachers = [t for t in teachers if t.phase == phase]
    rows = teacher_rows(teachers, areas, framework)
    return Matrix(areas, rows, teams_in_view(school, team_id, rows))


def teams_in_view(school: School, team_id: int | None, rows: list[TeacherRow]):
    teams: list[tuple[int | None, str | None]] = [
        (t.id, t.name) for t in school.teams if team_id in (None, t.id)
    ]
    if team_id is None and any(r.team_id is None for r in rows):
        teams.append((None, None))
    return teams


def minimums(school: School, areas: list[AreaInfo]) -> dict[str, int]:
    """The school's minimum experts per area per team: its own where set, else the default."""
    chosen = dict(
        db.session.execute(
            sa.select(ExpertMinimum.area_code, ExpertMinimum.minimum).where(
                ExpertMinimum.school_id == school.id
            )
        ).all()
    )
    found = default_minimums(school.sector, [(a.code, a.group) for a in areas])
    found.update(chosen)
    known = {a.code for a in areas}
    return {code: n for code, n in found.items() if code in known}


def save_minimums(school: School, chosen: dict[str, int]) -> None:
    """Store every area's minimum as given (zero included: it overrides a default)."""
    rows = {
        row.area_code: row
        for row in db.session.scalars(sa.select(ExpertMinimum).where(ExpertMinimum.school_id == school.id))
    }
    for code, minimum in chosen.items():
        row = rows.get(code)
        if row is None:
            db.session.add(ExpertMinimum(school_id=school.id, area_code=code, minimum=minimum))
        else:
            row.minimum = minimum


def school_coverage(school: School, team_id: int | None = None) -> tuple[Matrix, list[CoverageRow]]:
    found = matrix(school, team_id)
    rows = coverage(found.teachers, found.teams, [a.code for a in found.areas], minimums(school, found.areas))
    return found, rows


def team_or_none(school: School, team_id: int | None) -> Team | None:
    return next((t for t in school.teams if t.id == team_id), None)
