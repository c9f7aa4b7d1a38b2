"""Growing delays after failed attempts, per key: an account, an address, a join form's address.

There is no hard lock. After a few free failures the next attempt under a key must wait,
and the wait doubles with every further failure up to a cap; once it has passed, one
attempt is checked again, and the right password then succeeds whatever others tried.

An attempt claims its turn before the password is checked, in one UPDATE that counts the
attempt as a failure and sets the next wait at once: parallel attempts are counted one by
one and only those whose turn it was are checked. A success takes the count back.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from planner.extensions import db
from planner.models import LoginThrottle
from planner.models.accounts import utcnow


@dataclass(frozen=True)
class Rule:
    """``free`` failures wait nothing; then ``first`` seconds, doubling up to ``cap``.
    After ``quiet`` seconds without a failure the count starts again."""

    free: int
    first: int
    cap: int
    quiet: int

    def wait_after(self, failures: int) -> timedelta:
        if failures < self.free:
            return timedelta(0)
        return timedelta(seconds=min(self.cap, self.first * 2 ** (failures - self.free)))

    @property
    def steps(self) -> int:
        """Failures after which the wait no longer grows."""
        n = self.free
        while self.wait_after(n).total_seconds() < self.cap:
            n += 1
        return n


# One account from an unknown browser: a guesser gets about a hundred tries a day.
ACCOUNT = Rule(free=5, first=2, cap=15 * 60, quiet=24 * 3600)
# An address may be a whole school behind one router: seconds, never a long lock.
ADDRESS = Rule(free=20, first=1, cap=60, quiet=3600)
# Join codes and e-mail addresses guessed through the join form.
JOIN = Rule(free=10, first=2, cap=15 * 60, quiet=24 * 3600)


def _ensure_rows(keys: list[str]) -> None:
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    now = utcnow()
    db.session.execute(
        dialect.insert(LoginThrottle)
        .values([{"key": key, "failures": 0, "updated_at": now} for key in keys])
        .on_conflict_do_nothing(index_elements=["key"])
    )


def _next_blocked_until(rule: Rule, now: datetime) -> sa.ColumnElement:
    """The wait after the failure being counted, as one SQL expression of the stored count."""
    counted = LoginThrottle.failures + 1
    whens = [(counted == n, now + rule.wait_after(n)) for n in range(rule.free, rule.steps)]
    return sa.case(
        (counted < rule.free, sa.null()),
        *whens,
        else_=sa.literal(now + rule.wait_after(rule.steps), sa.DateTime()),
    )


def claim(rules: dict[str, Rule]) -> timedelta:
    """Take a turn under every key, counted as a failure until ``succeeded``; commits.

    Returns the longest remaining wait when some key is not free yet (nothing is counted
    then), else zero.
    """
    now = utcnow()
    # A fresh transaction whose first statement writes: SQLite then takes its write lock
    # at once instead of failing to upgrade a read lock another writer is waiting on.
    db.session.commit()
    keys = sorted(rules)
    _ensure_rows(keys)
    for key in keys:
        db.session.execute(
            sa.update(LoginThrottle)
            .where(
                LoginThrottle.key == key,
                LoginThrottle.updated_at < now - timedelta(seconds=rules[key].quiet),
            )
            .values(failures=0, blocked_until=None)
            .execution_options(synchronize_session=False)
        )
    waiting = db.session.execute(
        sa.select(LoginThrottle.blocked_until).where(
            LoginThrottle.key.in_(keys), LoginThrottle.blocked_until > now
        )
    ).scalars()
    wait = max((until - now for until in waiting), default=timedelta(0))
    if wait:
        db.session.commit()
        return wait
    for key in keys:
        claimed = db.session.execute(
            sa.update(LoginThrottle)
            .where(
                LoginThrottle.key == key,
                sa.or_(LoginThrottle.blocked_until.is_(None), LoginThrottle.blocked_until <= now),
            )
            .values(
                failures=LoginThrottle.failures + 1,
                blocked_until=_next_blocked_until(rules[key], now),
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        if not claimed:
            # Someone else's attempt took the turn between our look and our update.
            db.session.rollback()
            return max(_remaining(key, now), timedelta(seconds=1))
    db.session.commit()
    return timedelta(0)


def _remaining(key: str, now: datetime) -> timedelta:
    until = db.session.scalar(sa.select(LoginThrottle.blocked_until).where(LoginThrottle.key == key))
    return until - now if until and until > now else timedelta(0)


def succeeded(*, reset: list[str], take_back: list[str] = ()) -> None:
    """The attempt was right: the ``reset`` keys start again from nothing, the
    ``take_back`` keys (an address others share) forget only this attempt; commits."""
    db.session.execute(
        sa.update(LoginThrottle)
        .where(LoginThrottle.key.in_(reset))
        .values(failures=0, blocked_until=None, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        sa.update(LoginThrottle)
        .where(LoginThrottle.key.in_(list(take_back)), LoginThrottle.failures > 0)
        .values(failures=LoginThrottle.failures - 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def failures(key: str) -> int:
    return db.session.scalar(sa.select(LoginThrottle.failures).where(LoginThrottle.key == key)) or 0


def minutes(wait: timedelta) -> int:
    """A wait as whole minutes to show, at least one."""
    return max(1, -(-int(wait.total_seconds()) // 60))
