"""Team sessions: the team formats ranked for the leader's team, scheduled with a date and
participants, and done for each participant once the leader confirms attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import format_date
from flask_babel import gettext as _

from planner import audit
from planner.domain.team_sessions import Member, SessionOption, rank_sessions
from planner.extensions import db
from planner.models import School, User
from planner.models.accounts import utcnow
from planner.models.paths import ModuleProgress
from planner.models.team import SessionParticipant, TeamSession
from planner.paths import service
from planner.paths.reach import teacher_reach
from planner.school import team as team_data


class SessionRefused(Exception):
    """What the leader asked cannot be done: ``message`` says why, at the form's ``field``."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


# A session's page and list name every participant: loaded with it, not one by one.
WITH_PARTICIPANTS = so.selectinload(TeamSession.participants).joinedload(SessionParticipant.teacher)


@dataclass(frozen=True)
class Ranking:
    options: list[SessionOption]
    teachers: list[User]


def sessions_in_view(school: School, team_id: int | None) -> list[TeamSession]:
    """The school's sessions with their participants, newest date first; a team leader's
    are the sessions of their own team (those they may open, see ``session_or_none``)."""
    query = (
        sa.select(TeamSession)
        .where(TeamSession.school_id == school.id)
        .options(WITH_PARTICIPANTS)
        .order_by(TeamSession.held_on.desc(), TeamSession.id.desc())
    )
    if team_id is not None:
        query = query.where(TeamSession.team_id == team_id)
    return list(db.session.scalars(query))


def session_or_none(school: School, team_id: int | None, session_id: int) -> TeamSession | None:
    found = db.session.get(TeamSession, session_id, options=[WITH_PARTICIPANTS])
    if found is None or found.school_id != school.id:
        return None
    # A team leader manages what their team scheduled, not the school leader's sessions.
    if team_id is not None and found.team_id != team_id:
        return None
    return found


def ranking(school: School, team_id: int | None) -> Ranking:
    """The team formats for the teachers in view, the most gaps closed first. A teacher
    who did a module, or is down for a session of it, gains nothing from it again."""
    catalogue = service.planning_catalogue()
    teachers = team_data.school_teachers(school, team_id)
    if catalogue is None or not teachers:
        return Ranking([], teachers)
    areas, framework = team_data.framework_area_info()
    rows = {row.id: row for row in team_data.teacher_rows(teachers, areas, framework)}
    reached = _reached([t.id for t in teachers])
    members = [
        Member(
            teacher=teacher.id,
            sector=teacher.teaching_sector,
            phase=teacher.phase,
            levels={area: cell.planning or 0 for area, cell in rows[teacher.id].cells.items()},
            targets={area: cell.target or 0 for area, cell in rows[teacher.id].cells.items()},
            reached=frozenset(reached.get(teacher.id, ())),
            reach=teacher_reach(teacher),
        )
        for teacher in teachers
        if teacher.id in rows and teacher.teaching_sector
    ]
    return Ranking(rank_sessions(catalogue.modules.values(), members), teachers)


def _reached(ids: list[int]) -> dict[int, set[str]]:
    """Per teacher, the modules done or under way, and those of sessions still to come."""
    progress = sa.select(ModuleProgress.teacher_id, ModuleProgress.module_code).where(
        ModuleProgress.teacher_id.in_(ids), ModuleProgress.status.in_(("done", "in_progress"))
    )
    scheduled = (
        sa.select(SessionParticipant.teacher_id, TeamSession.module_code)
        .join(TeamSession, TeamSession.id == SessionParticipant.session_id)
        .where(SessionParticipant.teacher_id.in_(ids), TeamSession.attendance_confirmed_at.is_(None))
    )
    found: dict[int, set[str]] = {}
    for teacher, code in [*db.session.execute(progress), *db.session.execute(scheduled)]:
        found.setdefault(teacher, set()).add(code)
    return found


def schedule(
    school: School, leader: User, module_code: str, held_on: date, teachers: list[User], today: date
) -> TeamSession:
    """Schedule the session and plan each participant's path again: the session stands in
    it from its date (a teacher with an agreement gets a proposal beside it)."""
    catalogue = service.planning_catalogue()
    module = catalogue.modules.get(module_code) if catalogue else None
    if module is None or not module.team_format:
        raise SessionRefused("held_on", _("This module is not a team format of the catalogue."))
    if held_on < today:
        raise SessionRefused("held_on", _("Choose a date from today on."))
    if not teachers:
        raise SessionRefused("participants", _("Choose at least one participant."))
    session = TeamSession(
        school_id=school.id,
        team_id=leader.team_id,
        module_code=module_code,
        held_on=held_on,
        scheduled_by_id=leader.id,
        participants=[SessionParticipant(teacher_id=t.id) for t in teachers],
    )
    db.session.add(session)
    db.session.flush()
    audit.record(
        "team_session.schedule",
        module_code,
        actor=leader,
        school_id=school.id,
        detail={"on": held_on.isoformat(), "participants": len(teachers)},
    )
    _replan(teachers, catalogue, {"event": "scheduled", "module": module_code, "by": leader.name})
    return session


def confirm_attendance(session: TeamSession, leader: User, attended: set[int], today: date) -> int:
    """Record who was there: the module is done for them on the session's date, with the
    confirmation as its evidence; the others' paths no longer hold the session. Returns
    how many attended."""
    if session.attendance_confirmed_at is not None:
        raise SessionRefused("attended", _("The attendance of this session is confirmed already."))
    if session.held_on > today:
        raise SessionRefused("attended", _("Attendance can be confirmed from the day of the session on."))
    note = _(
        "Team session on %(date)s; attendance confirmed by %(name)s.",
        date=format_date(session.held_on, "long"),
        name=leader.name,
    )
    ids = [p.teacher_id for p in session.participants]
    progress = {
        (p.teacher_id, p.module_code): p
        for p in db.session.scalars(
            sa.select(ModuleProgress).where(
                ModuleProgress.teacher_id.in_(ids), ModuleProgress.module_code == session.module_code
            )
        )
    }
    for participant in session.participants:
        participant.attended = participant.teacher_id in attended
        if not participant.attended:
            continue
        record = progress.get((participant.teacher_id, session.module_code))
        if record is None:
            db.session.add(
                ModuleProgress(
                    teacher_id=participant.teacher_id,
                    module_code=session.module_code,
                    status="done",
                    on_date=session.held_on,
                    note=note,
                )
            )
        elif record.status != "done":
            record.status, record.on_date, record.note = "done", session.held_on, note
    session.attendance_confirmed_at = utcnow()
    session.attendance_confirmed_by_id = leader.id
    db.session.flush()
    audit.record(
        "team_session.attendance",
        session.module_code,
        actor=leader,
        school_id=session.school_id,
        detail={"on": session.held_on.isoformat(), "attended": len(attended & set(ids)), "of": len(ids)},
    )
    _replan(
        [p.teacher for p in session.participants],
        service.planning_catalogue(),
        {"event": "attendance", "module": session.module_code, "by": leader.name},
    )
    return sum(1 for p in session.participants if p.attended)


def cancel(session: TeamSession, leader: User) -> None:
    """Call off a session whose attendance is not confirmed: it leaves the participants' paths."""
    if session.attendance_confirmed_at is not None:
        raise SessionRefused("", _("A session whose attendance is confirmed stays on record."))
    teachers = [p.teacher for p in session.participants]
    audit.record(
        "team_session.cancel",
        session.module_code,
        actor=leader,
        school_id=session.school_id,
        detail={"on": session.held_on.isoformat()},
    )
    db.session.delete(session)
    db.session.flush()
    _replan(
        teachers,
        service.planning_catalogue(),
        {"event": "cancelled", "module": session.module_code, "by": leader.name},
    )


def _replan(teachers: list[User], catalogue, detail: dict) -> None:
    for teacher in teachers:
        service.replan_if_planned(teacher, "team-session", catalogue, detail)
