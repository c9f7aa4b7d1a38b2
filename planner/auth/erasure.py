"""Deleting a person (AVG art. 17): their own rows go, what others still need is anonymised.

A teacher's assessments, progress, path versions, tokens and invitations are deleted. A
leader's mentor assessments and observations of colleagues stay with those colleagues,
but the author's row keeps nothing personal: no name, e-mail, school or password, and the
name copied into the colleagues' path versions is replaced as well. All of it happens in
one transaction: the person is either still fully there or gone.
"""

import secrets

import sqlalchemy as sa

from planner import audit
from planner.extensions import db
from planner.models import (
    ApiToken,
    AssessedArea,
    Assessment,
    AuditEntry,
    Consent,
    Invitation,
    LearningPath,
    LoginFailure,
    LoginThrottle,
    ModuleProgress,
    PathStep,
    User,
)
from planner.models.accounts import utcnow

# What a former person is called where a colleague's record still mentions them.
FORMER = "—"


def erase(user: User, *, by: User | None = None) -> None:
    """Delete or anonymise every row of ``user`` and commit; ``by`` is an admin acting
    on request, recorded in the audit log without the person's name."""
    name, email = user.name, user.email
    own_assessments = sa.select(Assessment.id).where(Assessment.teacher_id == user.id)
    own_paths = sa.select(LearningPath.id).where(LearningPath.teacher_id == user.id)
    db.session.execute(sa.delete(PathStep).where(PathStep.path_id.in_(own_paths)))
    db.session.execute(sa.delete(LearningPath).where(LearningPath.teacher_id == user.id))
    db.session.execute(sa.delete(AssessedArea).where(AssessedArea.assessment_id.in_(own_assessments)))
    db.session.execute(sa.delete(Assessment).where(Assessment.teacher_id == user.id))
    db.session.execute(sa.delete(ModuleProgress).where(ModuleProgress.teacher_id == user.id))
    # Consents go with the person: institutes' aggregates move on without them.
    db.session.execute(sa.delete(Consent).where(Consent.teacher_id == user.id))
    db.session.execute(sa.delete(ApiToken).where(ApiToken.user_id == user.id))
    db.session.execute(sa.delete(Invitation).where(Invitation.user_id == user.id))
    db.session.execute(sa.delete(AuditEntry).where(AuditEntry.subject_id == user.id))
    db.session.execute(
        sa.update(AuditEntry).where(AuditEntry.actor_id == user.id).values(actor_id=None, actor_name="")
    )
    db.session.execute(sa.delete(LoginFailure).where(LoginFailure.email == email))
    db.session.execute(
        sa.delete(LoginThrottle).where(LoginThrottle.key.in_([f"account:{email}", f"known:{email}"]))
    )
    _forget_name_in_colleagues_paths(user, name)
    if by is not None and by.id != user.id:
        audit.record("account.delete", actor=by, school_id=user.school_id)
    db.session.flush()
    if _still_referenced(user):
        _anonymise(user)
    else:
        db.session.delete(user)
    db.session.commit()


def _still_referenced(user: User) -> bool:
    authored = sa.select(Assessment.id).where(Assessment.assessor_id == user.id).limit(1)
    invited = sa.select(Invitation.id).where(Invitation.created_by_id == user.id).limit(1)
    return db.session.scalar(authored) is not None or db.session.scalar(invited) is not None


def _anonymise(user: User) -> None:
    user.name = FORMER
    user.email = f"deleted-{secrets.token_hex(12)}@invalid"
    user.password_hash = None
    user.active = False
    user.deleted_at = utcnow()
    user.session_version += 1
    for field in (
        "locale",
        "school_id",
        "team_id",
        "institute_id",
        "programme_id",
        "graduation_year",
        "qualification",
        "sector",
    ):
        setattr(user, field, None)
    user.phase_override = None
    user.years_experience = user.study_years_left = 0


def _forget_name_in_colleagues_paths(user: User, name: str) -> None:
    """Path versions keep who caused them and who assessed a gap as text, so that an old
    version reads as it did; for a deleted person that text goes."""
    assessed = sa.select(Assessment.teacher_id).where(Assessment.assessor_id == user.id)
    paths = db.session.scalars(sa.select(LearningPath).where(LearningPath.teacher_id.in_(assessed)))
    for path in paths:
        if (path.cause_detail or {}).get("by") == name:
            path.cause_detail = {**path.cause_detail, "by": FORMER}
        for step in path.steps:
            if any(isinstance(r, dict) and r.get("by") == name for r in step.reasons):
                step.reasons = [
                    {**r, "by": FORMER} if isinstance(r, dict) and r.get("by") == name else r
                    for r in step.reasons
                ]
