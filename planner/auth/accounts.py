"""Account operations: passwords, login throttling, joining and invitations."""

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError

from planner.extensions import db
from planner.models import ApiToken, Invitation, Role, School, Team, User
from planner.models.accounts import TOKEN_DAYS, utcnow

hasher = PasswordHasher()
# Verifying against a throw-away hash keeps the timing the same for unknown accounts.
_DUMMY_HASH = hasher.hash(secrets.token_hex(16))


def load_user(session_id: str) -> User | None:
    """The session's user, while the account is active and the session not ended.

    The cookie holds "<id>:<session version>"; raising the version ends every session
    begun before, so a copied or old cookie alone no longer opens anything.
    """
    user_id, _sep, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


def end_sessions(user: User) -> None:
    """End every browser session of ``user``; the caller commits."""
    user.session_version = (user.session_version or 0) + 1


def revoke_tokens(user: User) -> None:
    db.session.execute(sa.delete(ApiToken).where(ApiToken.user_id == user.id))


def deactivate(user: User) -> None:
    """The account stays with its data, but no session or token of it works any more."""
    user.active = False
    end_sessions(user)
    revoke_tokens(user)


def reactivate(user: User) -> None:
    user.active = True


def normalise_email(email: str) -> str:
    return email.strip().lower()


def set_password(user: User, password: str) -> None:
    user.password_hash = hasher.hash(password)


def check_password(user: User | None, password: str) -> bool:
    stored = user.password_hash if user and user.password_hash else _DUMMY_HASH
    try:
        hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
    return user is not None and user.password_hash is not None


def user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def school_by_join_code(code: str) -> School | None:
    return db.session.scalar(sa.select(School).where(School.join_code == code.strip().upper()))


def join_school(*, email: str, name: str, password: str, school: School, team: Team | None) -> None:
    """A new teacher's account, unless the address has one: then nothing changes, in the
    same time, so that the answer does not tell whether the address is known."""
    if user_by_email(email) is not None:
        hasher.hash(password)
        return
    try:
        register_teacher(email=email, name=name, password=password, school=school, team=team)
    except IntegrityError:
        # The same address joined at the same moment.
        db.session.rollback()


def register_teacher(*, email: str, name: str, password: str, school: School, team: Team | None) -> User:
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        role=Role.TEACHER,
        school=school,
        team=team,
        sector=school.sector,
    )
    set_password(user, password)
    db.session.add(user)
    db.session.commit()
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(
    *,
    email: str,
    name: str,
    role: str,
    inviter: User,
    school: School | None = None,
    team: Team | None = None,
    institute=None,
) -> str:
    """Create the account without a password; returns the secret for the invitation link."""
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        role=role,
        school=school,
        team=team,
        institute=institute,
        sector=school.sector if school else None,
    )
    token = secrets.token_urlsafe(32)
    db.session.add_all([user, Invitation(token_hash=_digest(token), user=user, created_by_id=inviter.id)])
    db.session.commit()
    return token


def invitation_for(token: str) -> Invitation | None:
    invitation = db.session.scalar(sa.select(Invitation).where(Invitation.token_hash == _digest(token)))
    if invitation is None or invitation.used_at is not None or not invitation.user.active:
        return None
    if invitation.created_at < utcnow() - timedelta(days=14):
        return None
    return invitation


def password_reset(user: User, *, inviter: User) -> str:
    """A link that sets a new password, handed over by the admin (there is no mail server);
    earlier unused links of the person stop working."""
    db.session.execute(
        sa.update(Invitation)
        .where(Invitation.user_id == user.id, Invitation.used_at.is_(None))
        .values(used_at=utcnow())
    )
    token = secrets.token_urlsafe(32)
    db.session.add(Invitation(token_hash=_digest(token), user=user, created_by_id=inviter.id))
    return token


def accept_invitation(invitation: Invitation, password: str) -> User:
    set_password(invitation.user, password)
    # A reset link ends whatever sessions the old password had opened.
    end_sessions(invitation.user)
    invitation.used_at = utcnow()
    db.session.commit()
    return invitation.user


def create_api_token(user: User, label: str = "", days: int = TOKEN_DAYS) -> str:
    token = "plnr_" + secrets.token_urlsafe(32)
    db.session.add(
        ApiToken(
            user=user,
            token_hash=_digest(token),
            label=label,
            expires_at=utcnow() + timedelta(days=days),
        )
    )
    db.session.commit()
    return token


def user_for_api_token(token: str) -> User | None:
    api_token = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if api_token is None or api_token.expired or not api_token.user.active:
        return None
    now = utcnow()
    # Once a minute is precise enough to show, and spares a write per request.
    if api_token.last_used_at is None or now - api_token.last_used_at > timedelta(minutes=1):
        api_token.last_used_at = now
        db.session.commit()
    return api_token.user
