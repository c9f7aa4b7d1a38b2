"""Everything the product holds about one person, as one JSON document (AVG art. 15, 20)."""

from datetime import date, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from planner import audit
from planner.extensions import db
from planner.models import ApiToken, Assessment, Consent, Invitation, LearningPath, ModuleProgress, User


def _when(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def personal_data(user: User) -> dict:
    return {
        "profile": _profile(user),
        "assessments": [_assessment(a) for a in _assessments(user)],
        "path_versions": [_path(p) for p in _paths(user)],
        "progress": [
            {
                "module": p.module_code,
                "status": p.status,
                "on": _when(p.on_date),
                "note": p.note,
                "updated_at": _when(p.updated_at),
            }
            for p in db.session.scalars(
                sa.select(ModuleProgress)
                .where(ModuleProgress.teacher_id == user.id)
                .order_by(ModuleProgress.module_code)
            )
        ],
        "api_tokens": [
            {
                "label": t.label,
                "created_at": _when(t.created_at),
                "expires_at": _when(t.expiry),
                "last_used_at": _when(t.last_used_at),
            }
            for t in db.session.scalars(
                sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at)
            )
        ],
        "consents": [
            {
                "institute": c.institute.name,
                "given_at": _when(c.given_at),
                "withdrawn_at": _when(c.withdrawn_at),
            }
            for c in db.session.scalars(
                sa.select(Consent).where(Consent.teacher_id == user.id).order_by(Consent.given_at)
            )
        ],
        "invitations": [
            {"created_at": _when(i.created_at), "used_at": _when(i.used_at)}
            for i in db.session.scalars(
                sa.select(Invitation).where(Invitation.user_id == user.id).order_by(Invitation.created_at)
            )
        ],
        "audit": [
            {
                "at": _when(e.at),
                "by": e.actor_name,
                "action": e.action,
                "target": e.target,
                "detail": e.detail,
            }
            for e in audit.about(user)
        ],
    }


def _profile(user: User) -> dict:
    return {
        "name": user.name,
        "email": user.email,
        "role": user.role,
        "locale": user.locale,
        "school": user.school.name if user.school else None,
        "team": user.team.name if user.team else None,
        "institute": user.institute.name if user.institute else None,
        "programme": user.programme.name if user.programme else None,
        "graduation_year": user.graduation_year,
        "qualification": user.qualification,
        "sector": user.sector,
        "years_experience": user.years_experience,
        "study_years_left": user.study_years_left,
        "phase_override": user.phase_override,
        "created_at": _when(user.created_at),
    }


def _assessments(user: User):
    return db.session.scalars(
        sa.select(Assessment)
        .where(Assessment.teacher_id == user.id)
        .options(so.selectinload(Assessment.areas), so.joinedload(Assessment.assessor))
        .order_by(Assessment.created_at, Assessment.id)
    )


def _assessment(a: Assessment) -> dict:
    return {
        "kind": a.kind,
        "by": a.assessor.name,
        "complete": a.complete,
        "created_at": _when(a.created_at),
        "completed_at": _when(a.completed_at),
        "observed_on": _when(a.observed_on),
        "levels": a.levels,
        "wishes": a.wishes,
        "specialisms": a.specialisms,
        "class_context": a.class_context,
    }


def _paths(user: User):
    return db.session.scalars(
        sa.select(LearningPath)
        .where(LearningPath.teacher_id == user.id)
        .options(so.selectinload(LearningPath.steps))
        .order_by(LearningPath.version)
    )


def _path(p: LearningPath) -> dict:
    return {
        "version": p.version,
        "created_at": _when(p.created_at),
        "accepted_at": _when(p.accepted_at),
        "dismissed_at": _when(p.dismissed_at),
        "cause": p.cause,
        "cause_detail": p.cause_detail,
        "phase": p.phase,
        "sector": p.sector,
        "budget_hours_per_year": p.budget_hours_per_year,
        "targets": p.targets,
        "levels": p.levels,
        "unreachable": p.unreachable,
        "steps": [
            {
                "module": s.module_code,
                "phase": s.phase,
                "school_year": p.school_year_label(s.school_year),
                "period": s.period,
                "hours": s.hours,
                "status": s.status,
                "reasons": s.reasons,
            }
            for s in p.steps
        ],
    }
