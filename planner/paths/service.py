"""Load a teacher's situation, call the planner, and keep each path version."""

from dataclasses import asdict, dataclass
from datetime import date

import sqlalchemy as sa
import sqlalchemy.orm as so
from sqlalchemy.orm.attributes import set_committed_value

from planner.catalogue.service import current_framework, domain_modules
from planner.domain.agreement import AHEAD
from planner.domain.catalogue import Module as DomainModule
from planner.domain.catalogue import TargetEntry
from planner.domain.planning import alternatives, effective_targets, plan, working_targets
from planner.domain.progress import school_year_number, school_year_start
from planner.domain.targets import MAX_SPECIALISMS
from planner.extensions import db
from planner.models import Area, Framework, Target, User
from planner.models.accounts import utcnow
from planner.models.paths import Assessment, LearningPath, ModuleProgress, PathStep
from planner.models.team import SchoolRequest
from planner.paths.agreements import keep_version, order_steps
from planner.paths.levels import teacher_levels
from planner.paths.reach import teacher_reach
from planner.paths.request import DEFAULT_BUDGET_HOURS, Situation, plan_request, sector_targets
from planner.paths.sessions import scheduled_sessions, session_periods

PROGRESS_STATUSES = ("in_progress", "done", "skipped")
MAX_ALTERNATIVES = 3


class CannotPlan(Exception):
    """The teacher's profile or the catalogue lacks what the planner needs."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def budget_hours(teacher: User) -> int:
    if teacher.school and teacher.school.budget_hours_per_year:
        return teacher.school.budget_hours_per_year
    return DEFAULT_BUDGET_HOURS


def latest_assessment(teacher: User, kind: str = "self") -> Assessment | None:
    return db.session.scalar(
        sa.select(Assessment)
        .where(Assessment.teacher_id == teacher.id, Assessment.kind == kind, Assessment.complete)
        .order_by(Assessment.completed_at.desc(), Assessment.id.desc())
        .limit(1)
    )


def assessments(teacher: User, kind: str = "self") -> list[Assessment]:
    """Complete assessments, newest first, with their areas (pages show the levels of each)."""
    return db.session.scalars(
        sa.select(Assessment)
        .where(Assessment.teacher_id == teacher.id, Assessment.kind == kind, Assessment.complete)
        .order_by(Assessment.completed_at.desc(), Assessment.id.desc())
        .options(so.selectinload(Assessment.areas))
    ).all()


def target_entries(framework: Framework) -> list[TargetEntry]:
    rows = db.session.execute(
        sa.select(Target.phase, Target.sector, Area.code, Target.level)
        .join(Area, Target.area_id == Area.id)
        .where(Target.framework_id == framework.id)
        .order_by(Target.position)
    ).all()
    grouped: dict[tuple[str, str], dict[str, int]] = {}
    for phase, sector, area, level in rows:
        grouped.setdefault((phase, sector), {})[area] = level
    return [TargetEntry(phase, sector, levels) for (phase, sector), levels in grouped.items()]


@dataclass(frozen=True)
class PlanningCatalogue:
    """What the planner needs of the current framework, loaded once for any number of
    teachers (a school profile change re-plans the whole school)."""

    framework: Framework
    modules: dict[str, DomainModule]
    targets: list[TargetEntry]
    area_codes: frozenset[str]
    class_context_areas: frozenset[str]
    # The framework's order of areas: it breaks ties between gaps.
    area_order: tuple[str, ...] = ()


def planning_catalogue() -> PlanningCatalogue | None:
    framework = current_framework()
    if framework is None:
        return None
    areas = db.session.execute(
        sa.select(Area.code, Area.class_context)
        .where(Area.framework_id == framework.id)
        .order_by(Area.position)
    ).all()
    return PlanningCatalogue(
        framework=framework,
        modules=domain_modules(framework),
        targets=target_entries(framework),
        area_codes=frozenset(code for code, _ in areas),
        class_context_areas=frozenset(code for code, class_context in areas if class_context),
        area_order=tuple(code for code, _ in areas),
    )


def teacher_targets(
    entries: list[TargetEntry], area_codes: frozenset[str], teacher: User, own: Assessment | None
) -> dict:
    """The targets the teacher's path works to: the sector's (and kind of go school's),
    raised where the school asks more, with specialist level for the specialisms of a
    teacher in the experienced phase (as the planner has them)."""
    school = teacher.school
    targets = sector_targets(
        entries,
        teacher.teaching_sector or "",
        area_codes,
        school.raised_targets() if school else {},
        school.go_type if school else None,
    )
    specialisms = frozenset(own.specialisms[:MAX_SPECIALISMS]) if own else frozenset()
    return working_targets(targets, teacher.phase, specialisms)


def progress_by_module(teacher: User) -> dict[str, ModuleProgress]:
    rows = db.session.scalars(sa.select(ModuleProgress).where(ModuleProgress.teacher_id == teacher.id))
    return {row.module_code: row for row in rows}


def current_path(teacher: User) -> LearningPath | None:
    """The path the teacher works on: the agreement (the newest accepted version) when there
    is one, else the newest version."""
    return db.session.scalar(
        sa.select(LearningPath)
        .where(LearningPath.teacher_id == teacher.id)
        # Accepted versions first: false sorts before true in SQLite and PostgreSQL.
        .order_by(LearningPath.accepted_at.is_(None), LearningPath.version.desc())
        .limit(1)
    )


def current_path_of(versions: list[LearningPath]) -> LearningPath | None:
    """``current_path`` among versions already loaded, newest first."""
    return next((v for v in versions if v.accepted_at), versions[0] if versions else None)


def agreement_and_proposal(versions: list[LearningPath]) -> tuple[LearningPath | None, LearningPath | None]:
    """The newest accepted version, and the newest version beside it that the teacher has
    neither accepted nor dismissed; versions newest first."""
    agreement = next((v for v in versions if v.accepted_at), None)
    newest = versions[0] if versions else None
    if agreement is None or newest is agreement or newest.dismissed_at is not None:
        return agreement, None
    return agreement, newest


def path_versions(teacher: User) -> list[LearningPath]:
    return db.session.scalars(
        sa.select(LearningPath)
        .where(LearningPath.teacher_id == teacher.id)
        .order_by(LearningPath.version.desc())
    ).all()


def with_steps(paths) -> None:
    """Load the steps of several versions in one statement (a page shows the agreement
    and the proposal beside it)."""
    paths = [path for path in dict.fromkeys(paths) if path is not None]
    if not paths:
        return
    steps = db.session.scalars(
        sa.select(PathStep).where(PathStep.path_id.in_([p.id for p in paths])).order_by(PathStep.position)
    ).all()
    for path in paths:
        set_committed_value(path, "steps", [step for step in steps if step.path_id == path.id])


def path_version(teacher: User, version: int) -> LearningPath | None:
    return db.session.scalar(
        sa.select(LearningPath).where(LearningPath.teacher_id == teacher.id, LearningPath.version == version)
    )


def lock_teacher(teacher: User) -> date | None:
    """Serialise the writes that re-plan one teacher, until the transaction ends: a row lock
    on PostgreSQL. SQLite has no row locks (the clause is left out); there a transaction
    that writes holds the database's write lock from its start (see the factory). Returns
    the day the teacher's path went out of date, read under the lock; None when it did not."""
    return db.session.scalar(
        sa.select(User.path_out_of_date_since).where(User.id == teacher.id).with_for_update()
    )


def mark_out_of_date(teachers: sa.Select, today: date | None = None) -> int:
    """Mark the paths of these teachers (a select of user ids) out of date in one statement,
    to be planned again on their next read; returns how many. Teachers without a path are
    left alone: a first path is the teacher's own step."""
    result = db.session.execute(
        sa.update(User)
        .where(User.id.in_(teachers), User.id.in_(sa.select(LearningPath.teacher_id)))
        .values(path_out_of_date_since=today or date.today())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def plan_if_out_of_date(teacher: User, catalogue: PlanningCatalogue | None = None) -> bool:
    """Plan the teacher's path again when a school change left it out of date; called before
    anything that shows the path is read. The request's transaction so far ends, and one
    UPDATE, the next transaction's first statement, claims the work: SQLite takes its write
    lock there (waiting its turn, with nothing read before it that another write could have
    changed), PostgreSQL locks the teacher's row as ``lock_teacher`` does. Of simultaneous
    readers one plans; the others find nothing to claim and read what it kept."""
    since = teacher.path_out_of_date_since
    if since is None:
        return False
    teacher_id = teacher.id
    db.session.commit()
    claimed = db.session.execute(
        sa.update(User)
        .where(User.id == teacher_id, User.path_out_of_date_since.is_not(None))
        .values(path_out_of_date_since=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    set_committed_value(teacher, "path_out_of_date_since", None)
    if claimed:
        try:
            replan(teacher, "school", catalogue=catalogue, detail={"on": since.isoformat()})
        except CannotPlan:
            pass
    db.session.commit()
    return bool(claimed)


def plan_all_out_of_date(teachers) -> int:
    """``plan_if_out_of_date`` for each teacher a page reads the paths of (a team plan),
    with the catalogue loaded once; returns how many were planned again."""
    teachers = [teacher for teacher in teachers if teacher.path_out_of_date_since is not None]
    catalogue = planning_catalogue() if teachers else None
    return sum(plan_if_out_of_date(teacher, catalogue) for teacher in teachers)


def replan(
    teacher: User,
    cause: str,
    today: date | None = None,
    catalogue: PlanningCatalogue | None = None,
    detail: dict | None = None,
) -> LearningPath:
    """Plan again from the latest assessment and recorded progress; a version that changes
    what the teacher reads is kept (see ``keep_version``). Returns the path the teacher
    works on: the agreement when there is one, else the newest version."""
    since = lock_teacher(teacher)
    today = today or date.today()
    catalogue = catalogue or planning_catalogue()
    if since is not None:
        _mark_up_to_date(teacher)
        if cause != "school":
            # The school's change first, as it would have been had it been planned at once:
            # beside an agreement it is a proposal, not part of the teacher's own change.
            try:
                replan(teacher, "school", today, catalogue, detail={"on": since.isoformat()})
            except CannotPlan:
                pass
    own = latest_assessment(teacher)
    sector = teacher.teaching_sector
    if catalogue is None:
        raise CannotPlan("no-catalogue")
    if own is None:
        raise CannotPlan("no-assessment")
    if sector is None:
        raise CannotPlan("no-sector")
    phase = teacher.phase
    modules = catalogue.modules
    sessions = scheduled_sessions(teacher)
    situation, assessors = teacher_situation(teacher, own, catalogue.framework, today, sessions)
    targets = sector_targets(
        catalogue.targets, sector, catalogue.area_codes, situation.raised_targets, situation.go_type
    )
    request = plan_request(
        situation, modules, targets, catalogue.class_context_areas, catalogue.area_order, today
    )
    result = plan(request)
    targets = effective_targets(request)
    levels = dict(situation.levels)
    budget = situation.budget_hours_per_year
    progress = progress_by_module(teacher)
    versions = path_versions(teacher)
    previous = current_path_of(versions)
    first_year = school_year_start(today)
    path = LearningPath(
        teacher=teacher,
        version=(versions[0].version + 1) if versions else 1,
        cause=cause,
        cause_detail=_cause_detail(teacher, cause, today, detail),
        assessment_id=own.id,
        framework_code=catalogue.framework.code,
        phase=phase,
        sector=sector,
        first_school_year=first_year,
        budget_hours_per_year=budget,
        targets=targets,
        levels=levels,
        unreachable=[asdict(u) for u in result.unreachable],
    )
    path.steps = _recorded_steps(progress, previous, modules, first_year) + [
        PathStep(
            module_code=step.module,
            phase=step.phase,
            school_year=step.school_year,
            last_school_year=step.last_school_year,
            hours=step.hours,
            status=step.status,
            period=step.period,
            last_period=step.last_period,
            needs_facilitation=step.needs_facilitation,
            facilitation_hours=step.facilitation_hours,
            reasons=[
                _reason_record(reason, assessors, situation.class_context, sessions)
                for reason in step.reasons
            ],
            why=[_why(reason) for reason in step.reasons],
            requires=list(step.requires),
            outcomes=dict(step.outcomes),
            alternatives=alternatives(modules, step.module, sector, step.phase, situation.reach)[
                :MAX_ALTERNATIVES
            ],
        )
        for step in result.steps
    ]
    order_steps(path.steps)
    return keep_version(path, versions, progress)


def _mark_up_to_date(teacher: User) -> None:
    db.session.execute(
        sa.update(User)
        .where(User.id == teacher.id)
        .values(path_out_of_date_since=None)
        .execution_options(synchronize_session=False)
    )
    set_committed_value(teacher, "path_out_of_date_since", None)


def teacher_situation(
    teacher: User, own: Assessment, framework: Framework, today: date, sessions: dict[str, dict] | None = None
) -> tuple[Situation, dict[str, str]]:
    """The teacher as the planner sees them, and who assessed them (by source);
    ``sessions``: the team sessions the teacher is down for (``scheduled_sessions``)."""
    levels, sources, found = teacher_levels(teacher, framework)
    progress = progress_by_module(teacher)
    first_year = school_year_start(today)
    school = teacher.school
    assessors = {}
    if found.mentor is not None:
        assessors["mentor"] = found.mentor.assessor.name
    for area, observation in found.observed.items():
        if sources.get(area) and sources[area].source == "observation":
            assessors.setdefault("observation", observation.assessor.name)
    # The induction programme is for starters: a student teacher (in their first teaching
    # year later on) or a teacher in their first year.
    starter = teacher.phase == "initial" or (teacher.phase == "induction" and teacher.years_experience == 0)
    done = {code for code, record in progress.items() if record.status == "done"}
    steps, behind, held = programme_plan(teacher)
    situation = Situation(
        sector=teacher.teaching_sector or "",
        phase=teacher.phase,
        years_experience=teacher.years_experience,
        study_years_left=teacher.study_years_left,
        levels={area: found.level for area, found in sources.items()},
        level_sources={area: found.source for area, found in sources.items()},
        wishes=frozenset(own.wishes),
        # Level 5 comes only from a specialism chosen in the experienced phase.
        specialisms=frozenset(own.specialisms[:MAX_SPECIALISMS]),
        class_context=own.class_context,
        budget_hours_per_year=budget_hours(teacher),
        # The compulsory modules of study years behind the student count as done.
        done=frozenset(done | behind),
        done_years={
            code: school_year_number(progress[code].on_date, first_year)
            for code in done
            if progress[code].on_date is not None
        },
        in_progress=frozenset(c for c, p in progress.items() if p.status == "in_progress"),
        skipped=frozenset(c for c, p in progress.items() if p.status == "skipped"),
        priorities=school.priorities if school else frozenset(),
        raised_targets=_with_requests(school.raised_targets() if school else {}, teacher),
        reach=teacher_reach(teacher),
        induction_programme=school.induction_programme if school and starter else None,
        side_entrant=teacher.qualification == "side-entrant",
        go_type=school.go_type if school else None,
        programme_steps=steps,
        programme_modules=held,
        team_sessions=session_periods(sessions or {}, done, today),
    )
    return situation, assessors


def programme_plan(teacher: User) -> tuple[dict[str, int], set[str], frozenset[str] | None]:
    """For a student teacher with a programme: its compulsory modules still ahead by school
    year of the path (1 = current), those of study years behind, and every module it holds."""
    programme = teacher.programme
    if programme is None or teacher.phase != "initial":
        return {}, set(), None
    current = max(1, programme.study_years - max(1, teacher.study_years_left) + 1)
    ahead, behind = {}, set()
    for row in programme.modules:
        if not row.compulsory:
            continue
        if row.study_year >= current:
            ahead[row.module_code] = row.study_year - current + 1
        else:
            behind.add(row.module_code)
    return ahead, behind, frozenset(row.module_code for row in programme.modules)


def _with_requests(raised: dict, teacher: User) -> dict:
    """The school's raised targets, with the levels the school asked of this teacher in a
    confirmed team plan added to the teacher's phase."""
    requests = db.session.execute(
        sa.select(SchoolRequest.area_code, SchoolRequest.level).where(SchoolRequest.teacher_id == teacher.id)
    ).all()
    if not requests:
        return raised
    result = {phase: dict(levels) for phase, levels in raised.items()}
    mine = result.setdefault(teacher.phase, {})
    for area, level in requests:
        mine[area] = max(mine.get(area, 0), level)
    return result


def _reason_record(reason, assessors: dict[str, str], class_context: dict, sessions: dict) -> dict:
    """A reason as stored: with who assessed, the class counts and the session's date it
    quotes, so that an old version still reads as it did when it was planned."""
    record = asdict(reason)
    if reason.kind == "team-session":
        record.update(sessions.get(reason.module, {}))
    if reason.kind == "gap" and reason.source in assessors:
        record["by"] = assessors[reason.source]
    if reason.kind == "class-context":
        record["class"] = {key: value for key, value in class_context.items() if value is not None}
    return record


def _why(reason) -> dict:
    return {key: getattr(reason, key) for key in ("kind", "area", "level", "target", "phase", "module")}


def _recorded_steps(progress, previous, modules, first_year) -> list[PathStep]:
    """Done and skipped modules stay in the path as history."""
    planned_in = {}
    if previous is not None:
        planned_in = {s.module_code: s for s in previous.steps}
    steps = []
    for code, record in progress.items():
        if record.status not in ("done", "skipped"):
            continue
        earlier = planned_in.get(code)
        module = modules.get(code)
        if record.status == "done" and record.on_date:
            year = school_year_number(record.on_date, first_year)
        else:
            year = earlier.school_year if earlier else 1
        steps.append(
            PathStep(
                module_code=code,
                phase=earlier.phase if earlier else "",
                school_year=year,
                last_school_year=year,
                hours=module.hours if module else (earlier.hours if earlier else 0),
                status=record.status,
                reasons=[
                    {
                        "kind": record.status,
                        "on": record.on_date.isoformat() if record.on_date else None,
                        "note": record.note,
                    }
                ],
                requires=list(module.requires_modules) if module else [],
                outcomes=dict(module.outcomes) if module else {},
            )
        )
    return steps


def replan_if_planned(
    teacher: User, cause: str, catalogue: PlanningCatalogue | None = None, detail: dict | None = None
) -> bool:
    """Plan again when the teacher has a path already; a first path is the teacher's own step."""
    if current_path(teacher) is None:
        return False
    try:
        replan(teacher, cause, catalogue=catalogue, detail=detail)
    except CannotPlan:
        return False
    return True


def accept_path(path: LearningPath) -> None:
    path.accepted_at = utcnow()


class NoProposal(Exception):
    """The teacher has no open proposal beside the agreement."""


def open_proposal(teacher: User) -> LearningPath:
    _, proposal = agreement_and_proposal(path_versions(teacher))
    if proposal is None:
        raise NoProposal()
    return proposal


def accept_proposal(teacher: User) -> LearningPath:
    """The proposal becomes the teacher's agreement."""
    proposal = open_proposal(teacher)
    proposal.accepted_at = utcnow()
    return proposal


def dismiss_proposal(teacher: User) -> LearningPath:
    """The teacher keeps the agreement; the proposal stays on record, dismissed."""
    proposal = open_proposal(teacher)
    proposal.dismissed_at = utcnow()
    return proposal


def _cause_detail(teacher: User, cause: str, today: date, detail: dict | None) -> dict:
    """Who or what caused a re-plan, for the sentence beside a proposal."""
    found: dict = {"on": today.isoformat()}
    if cause in ("mentor", "observation"):
        assessment = latest_assessment(teacher, cause)
        if assessment is not None:
            found["by"] = assessment.assessor.name
    elif cause == "school" and teacher.school is not None:
        found["by"] = teacher.school.name
    found.update(detail or {})
    return found


def replan_for_modules(codes) -> int:
    """Plan again for every teacher whose agreement or proposal plans one of these modules
    (the catalogue withdrew or changed them); returns how many were planned again. Where
    an agreement exists, the result is a proposal beside it."""
    codes = sorted(set(codes))
    catalogue = planning_catalogue() if codes else None
    if catalogue is None:
        return 0
    teacher_ids = db.session.scalars(
        sa.select(LearningPath.teacher_id)
        .join(PathStep, PathStep.path_id == LearningPath.id)
        .where(PathStep.module_code.in_(codes), PathStep.status.in_(AHEAD))
        .distinct()
    ).all()
    today = date.today()
    planned_again = 0
    for teacher in db.session.scalars(sa.select(User).where(User.id.in_(teacher_ids)).order_by(User.id)):
        versions = path_versions(teacher)
        shown = [current_path_of(versions), agreement_and_proposal(versions)[1]]
        planned = sorted(
            {
                step.module_code
                for path in shown
                if path is not None
                for step in path.steps
                if step.module_code in codes and step.status in AHEAD
            }
        )
        if not planned:
            continue
        try:
            replan(teacher, "catalogue", today, catalogue, detail={"modules": planned})
        except CannotPlan:
            continue
        planned_again += 1
    return planned_again
