"""Retention: what is kept only for a while, and removed by ``flask planner purge``."""

from datetime import timedelta

import sqlalchemy as sa

from planner.extensions import db
from planner.models import ApiToken, LearningPath, LoginFailure, LoginThrottle
from planner.models.accounts import utcnow

# The periods the README's privacy section states.
LOGIN_RECORDS_DAYS = 1
EXPIRED_TOKEN_DAYS = 30
DISMISSED_PROPOSAL_DAYS = 180


def purge() -> dict[str, int]:
    """Delete what has outlived its period and commit; the counts per kind."""
    now = utcnow()
    login_horizon = now - timedelta(days=LOGIN_RECORDS_DAYS)
    counts = {
        "login failures": db.session.execute(
            sa.delete(LoginFailure).where(LoginFailure.at < login_horizon)
        ).rowcount,
        "login delays": db.session.execute(
            sa.delete(LoginThrottle).where(LoginThrottle.updated_at < login_horizon)
        ).rowcount,
        "expired tokens": db.session.execute(
            sa.delete(ApiToken).where(ApiToken.expires_at < now - timedelta(days=EXPIRED_TOKEN_DAYS))
        ).rowcount,
    }
    newest = (
        sa.select(LearningPath.teacher_id, sa.func.max(LearningPath.version).label("version"))
        .group_by(LearningPath.teacher_id)
        .subquery()
    )
    # A dismissed proposal that is a teacher's newest version stays: its number is the next one's base.
    old = db.session.scalars(
        sa.select(LearningPath)
        .join(newest, newest.c.teacher_id == LearningPath.teacher_id)
        .where(
            LearningPath.dismissed_at < now - timedelta(days=DISMISSED_PROPOSAL_DAYS),
            LearningPath.version < newest.c.version,
        )
    ).all()
    for path in old:
        db.session.delete(path)
    counts["dismissed proposals"] = len(old)
    db.session.commit()
    return counts
