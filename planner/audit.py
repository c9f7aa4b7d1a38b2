"""The audit log: changes to other people's data and to shared data (who, when, what).

A change is recorded in the same transaction as the change itself, so the log never
names a change that was rolled back, nor misses one that was saved.
"""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from planner.extensions import db
from planner.models import AuditEntry, Role, User

ACTION_LABELS = {
    "account.edit": _l("changed the account"),
    "account.deactivate": _l("deactivated the account"),
    "account.reactivate": _l("reactivated the account"),
    "account.sessions": _l("ended every session"),
    "account.reset": _l("made a password-reset link"),
    "account.delete": _l("deleted an account"),
    "account.leave_school": _l("removed from the school"),
    "assessment.mentor": _l("made a mentor assessment"),
    "assessment.observation": _l("recorded a lesson observation"),
    "coach.appoint": _l("appointed a coach for a starting teacher"),
    "school.profile": _l("changed the school profile"),
    "school.edit": _l("changed a school"),
    "school.join_code": _l("changed the join code"),
    "school.delete": _l("deleted a school"),
    "team.edit": _l("changed a team"),
    "team.delete": _l("deleted a team"),
    "institute.edit": _l("changed an institute"),
    "institute.delete": _l("deleted an institute"),
    "provider.edit": _l("changed a provider"),
    "provider.delete": _l("deleted a provider"),
    "module.edit": _l("changed a module"),
    "framework.import": _l("imported a framework"),
    "framework.area": _l("changed an area of the framework"),
    "framework.targets": _l("changed a target profile"),
    "team_plan.confirm": _l("asked for training in a confirmed team plan"),
}


def record(
    action: str,
    target: str = "",
    *,
    subject: User | None = None,
    school_id: int | None = None,
    detail: dict | None = None,
    actor: User | None = None,
) -> AuditEntry:
    """Add an entry to the session; the caller's commit saves it with the change."""
    if actor is None and current_user and current_user.is_authenticated:
        actor = current_user
    if school_id is None and subject is not None:
        school_id = subject.school_id
    entry = AuditEntry(
        actor_id=actor.id if actor else None,
        actor_name=actor.name if actor else "",
        subject_id=subject.id if subject else None,
        school_id=school_id,
        action=action,
        target=target[:300],
        detail=detail or {},
    )
    db.session.add(entry)
    return entry


def visible_to(viewer: User) -> sa.Select:
    """The entries ``viewer`` may read: all for an admin, a leader's school's, and
    for anyone what concerns themselves."""
    query = sa.select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if viewer.role == Role.ADMIN:
        return query
    concerns = AuditEntry.subject_id == viewer.id
    if viewer.role == Role.LEADER and viewer.school_id:
        return query.where(sa.or_(concerns, AuditEntry.school_id == viewer.school_id))
    return query.where(concerns)


def about(user: User) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            sa.select(AuditEntry).where(AuditEntry.subject_id == user.id).order_by(AuditEntry.at)
        )
    )
