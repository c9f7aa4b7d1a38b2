"""The team plan as the school sees it: load every teacher once, let the domain choose who
trains in what, and turn a confirmed plan into school requests in the teachers' paths."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from planner import audit
from planner.domain.agreement import AHEAD
from planner.domain.progress import school_year_start
from planner.domain.team import EXPERT_LEVEL, TeacherRow
from planner.domain.team_candidates import Trainee, candidates
from planner.domain.team_plan import HORIZON_YEARS, TeamMember, TeamPlan, plan_team
from planner.extensions import db
from planner.models import School, User
from planner.models.paths import LearningPath, ModuleProgress, PathStep
from planner.models.team import SchoolRequest
from planner.paths import service
from planner.paths.reach import teacher_reach
from planner.school import team as team_data


@dataclass(frozen=True)
class TeamPlanResult:
    plan: TeamPlan
    matrix: team_data.Matrix
    minimums: dict[str, int]
    names: dict[int, str]
    teams: dict[int, str | None]


def _current_paths(ids: list[int]) -> dict[int, LearningPath]:
    """Per teacher, the agreement (else the newest version), in one statement."""
    versions = db.session.scalars(
        sa.select(LearningPath)
        .where(LearningPath.teacher_id.in_(ids))
        .order_by(LearningPath.teacher_id, LearningPath.version.desc())
    ).all()
    grouped: dict[int, list[LearningPath]] = {}
    for version in versions:
        grouped.setdefault(version.teacher_id, []).append(version)
    return {teacher: service.current_path_of(found) for teacher, found in grouped.items()}


def _plan_out_of_date(teachers: dict[int, User], paths: dict[int, LearningPath]) -> int:
    """The plan counts what each teacher's current path brings. A path a school change left
    out of date is planned first where that changes what is counted: an agreement stays as
    it is (the change waits beside it as a proposal), the newest version without one does
    not. Planning only those keeps the plan quick for a large school right after a save."""
    return service.plan_all_out_of_date(
        teacher
        for teacher in teachers.values()
        if teacher.path_out_of_date_since is not None
        and (paths.get(teacher.id) is None or paths[teacher.id].accepted_at is None)
    )


def _ahead_steps(paths: dict[int, LearningPath]) -> dict[int, list[PathStep]]:
    by_path = {path.id: teacher for teacher, path in paths.items() if path is not None}
    steps = db.session.scalars(
        sa.select(PathStep).where(PathStep.path_id.in_(list(by_path)), PathStep.status.in_(AHEAD))
    ).all()
    found: dict[int, list[PathStep]] = {}
    for step in steps:
        found.setdefault(by_path[step.path_id], []).append(step)
    return found


def _progress(ids: list[int]) -> dict[int, dict[str, str]]:
    rows = db.session.execute(
        sa.select(ModuleProgress.teacher_id, ModuleProgress.module_code, ModuleProgress.status).where(
            ModuleProgress.teacher_id.in_(ids)
        )
    ).all()
    found: dict[int, dict[str, str]] = {}
    for teacher, code, status in rows:
        found.setdefault(teacher, {})[code] = status
    return found


def _year_index(path: LearningPath, step: PathStep, first_year: int) -> int:
    """The step's school year counted from this school year (1) on."""
    return path.first_school_year + step.school_year - first_year


def build(
    school: School,
    team_id: int | None,
    minimum_changes: dict[str, int] | None = None,
    exclude: frozenset[int] = frozenset(),
    today: date | None = None,
) -> TeamPlanResult:
    """The plan for the leader's school or team, with the what-if changes applied."""
    today = today or date.today()
    first_year = school_year_start(today)
    found = team_data.matrix(school, team_id)
    teachers = {t.id: t for t in team_data.school_teachers(school, team_id)}
    rows: dict[int, TeacherRow] = {r.id: r for r in found.teachers}
    ids = list(rows)
    minimums = team_data.minimums(school, found.areas)
    minimums.update(minimum_changes or {})
    areas = [a.code for a in found.areas if minimums.get(a.code)]
    paths = _current_paths(ids)
    if _plan_out_of_date(teachers, paths):
        paths = _current_paths(ids)
    steps = _ahead_steps(paths)
    progress = _progress(ids)
    budget = service.budget_hours(next(iter(teachers.values()))) if teachers else 0
    members, trainees, counted = [], [], {}
    for teacher_id, row in rows.items():
        planned: dict[str, int] = {}
        used = [0] * HORIZON_YEARS
        for step in steps.get(teacher_id, []):
            index = _year_index(paths[teacher_id], step, first_year)
            if 1 <= index <= HORIZON_YEARS:
                used[index - 1] += step.hours
                for area, level in step.outcomes.items():
                    planned[area] = max(planned.get(area, 0), level)
        levels = {a: row.level(a) for a in areas}
        for area in areas:
            # An expert now, or a teacher whose own path gets there: they count already.
            if teacher_id not in exclude and max(levels[area], planned.get(area, 0)) >= EXPERT_LEVEL:
                counted[(row.team, area)] = counted.get((row.team, area), 0) + 1
        members.append(TeamMember(teacher_id, row.team, tuple(max(0, budget - u) for u in used)))
        statuses = progress.get(teacher_id, {})
        teacher = teachers[teacher_id]
        if teacher_id in exclude or not teacher.teaching_sector:
            continue
        trainees.append(
            Trainee(
                teacher=teacher_id,
                sector=teacher.teaching_sector,
                phase=row.phase,
                levels={**levels, **{a: max(levels[a], planned.get(a, 0)) for a in areas}},
                reached=frozenset(c for c, s in statuses.items() if s in ("done", "in_progress")),
                skipped=frozenset(c for c, s in statuses.items() if s == "skipped"),
                reach=teacher_reach(teacher),
            )
        )
    catalogue = service.planning_catalogue()
    modules = catalogue.modules if catalogue else {}
    plan = plan_team(
        members,
        candidates(trainees, areas, modules),
        {(team, area): minimums[area] for _, team in found.teams for area in areas},
        counted,
        exclude,
    )
    return TeamPlanResult(
        plan,
        found,
        minimums,
        {r.id: r.name for r in found.teachers},
        {r.id: r.team for r in found.teachers},
    )


def confirm(school: School, leader: User, plan: TeamPlan) -> int:
    """Ask each chosen teacher for the plan's levels and plan their path again; a teacher
    with an agreement gets the result as a proposal beside it. Returns how many."""
    chosen: dict[int, list] = {}
    for assignment in plan.assignments:
        chosen.setdefault(assignment.teacher, []).append(assignment)
    teachers = db.session.scalars(
        sa.select(User).where(User.id.in_(list(chosen)), User.school_id == school.id)
    ).all()
    existing = {
        (r.teacher_id, r.area_code): r
        for r in db.session.scalars(
            sa.select(SchoolRequest).where(SchoolRequest.teacher_id.in_(list(chosen)))
        )
    }
    catalogue = service.planning_catalogue()
    planned = 0
    for teacher in teachers:
        for assignment in chosen[teacher.id]:
            row = existing.get((teacher.id, assignment.area))
            if row is None:
                db.session.add(
                    SchoolRequest(
                        teacher_id=teacher.id,
                        requested_by_id=leader.id,
                        area_code=assignment.area,
                        level=assignment.to_level,
                    )
                )
            else:
                row.level = max(row.level, assignment.to_level)
        audit.record(
            "team_plan.confirm",
            teacher.name,
            subject=teacher,
            actor=leader,
            school_id=school.id,
            detail={"areas": {a.area: a.to_level for a in chosen[teacher.id]}},
        )
        db.session.flush()
        try:
            service.replan(
                teacher,
                "school",
                catalogue=catalogue,
                detail={"areas": sorted(a.area for a in chosen[teacher.id])},
            )
        except service.CannotPlan:
            continue
        planned += 1
    return planned
