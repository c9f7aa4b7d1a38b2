"""Login throttling: growing delays per account and per address, never a lock that an
attacker can hold against the person who knows the password."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from planner.auth import throttle
from planner.extensions import db
from planner.models import LoginThrottle
from planner.models.accounts import utcnow
from tests.conftest import PASSWORD

EMAIL = "sanne@example.org"


@pytest.fixture
def teacher(make_school, make_user):
    return make_user(email=EMAIL, school=make_school())


def login(client, email=EMAIL, password=PASSWORD, address="10.0.0.1"):
    return client.post(
        "/login", data={"email": email, "password": password}, environ_base={"REMOTE_ADDR": address}
    )


def row(key: str) -> LoginThrottle | None:
    db.session.expire_all()
    return db.session.get(LoginThrottle, key)


def let_time_pass(key: str) -> None:
    db.session.execute(
        sa.update(LoginThrottle)
        .where(LoginThrottle.key == key)
        .values(blocked_until=utcnow() - timedelta(seconds=1))
    )
    db.session.commit()


def test_the_free_failures_wait_nothing_then_the_right_password_waits(client, teacher):
    for _ in range(throttle.ACCOUNT.free - 1):
        assert login(client, password="wrong-password").status_code == 200
    assert login(client).status_code == 302


def test_after_the_free_failures_even_the_right_password_waits_until_the_delay_passed(client, teacher):
    for _ in range(throttle.ACCOUNT.free):
        login(client, password="wrong-password")
    refused = login(client)
    assert refused.status_code == 429
    assert "Te veel mislukte pogingen" in refused.get_data(as_text=True)
    let_time_pass(f"account:{EMAIL}")
    assert login(client).status_code == 302
    assert row(f"account:{EMAIL}").failures == 0


def test_the_delay_doubles_with_every_failure_up_to_the_cap(client, teacher):
    waits = []
    for _ in range(throttle.ACCOUNT.free + 12):
        let_time_pass(f"account:{EMAIL}")
        login(client, password="wrong-password")
        until = row(f"account:{EMAIL}").blocked_until
        waits.append(round((until - utcnow()).total_seconds()) if until else 0)
    free = throttle.ACCOUNT.free
    assert waits[: free - 1] == [0] * (free - 1)
    assert waits[free - 1 : free + 3] == [2, 4, 8, 16]
    assert waits[-1] == 15 * 60 and max(waits) == 15 * 60


def test_refused_attempts_are_not_counted(client, teacher):
    for _ in range(throttle.ACCOUNT.free):
        login(client, password="wrong-password")
    for _ in range(10):
        assert login(client, password="wrong-password").status_code == 429
    assert row(f"account:{EMAIL}").failures == throttle.ACCOUNT.free


def test_a_browser_that_logged_in_before_is_not_kept_out_by_others(app, client, teacher):
    assert login(client).status_code == 302
    client.post("/logout")
    attacker = app.test_client()
    for n in range(throttle.ACCOUNT.free + 3):
        let_time_pass(f"account:{EMAIL}")
        login(attacker, password=f"guess-{n}", address="192.0.2.9")
    assert login(attacker, address="192.0.2.9").status_code == 429
    assert login(client).status_code == 302


def test_one_address_slows_down_by_seconds_not_a_lock_of_the_school(client, teacher, make_user):
    for n in range(throttle.ADDRESS.free):
        login(client, email=f"typo{n}@example.org", password="wrong-password")
    assert login(client).status_code == 429
    until = row("address:10.0.0.1").blocked_until
    assert until - utcnow() <= timedelta(seconds=throttle.ADDRESS.first)
    let_time_pass("address:10.0.0.1")
    assert login(client).status_code == 302
    # Elsewhere nothing waits.
    colleague = make_user(email="piet@example.org")
    assert login(client, email=colleague.email, address="10.0.0.2").status_code == 302


def test_a_success_takes_back_only_its_own_attempt_from_the_address(client, teacher, make_user):
    for n in range(3):
        login(client, email=f"typo{n}@example.org", password="wrong-password")
    assert login(client).status_code == 302
    assert row("address:10.0.0.1").failures == 3


def test_the_count_starts_again_after_a_quiet_period(client, teacher):
    for _ in range(throttle.ACCOUNT.free):
        login(client, password="wrong-password")
    db.session.execute(
        sa.update(LoginThrottle).values(updated_at=utcnow() - timedelta(seconds=throttle.ACCOUNT.quiet + 1))
    )
    db.session.commit()
    assert login(client).status_code == 302


def test_deleting_the_account_forgets_its_delays(client, teacher):
    from planner.auth import erasure

    login(client, password="wrong-password")
    erasure.erase(teacher)
    assert row(f"account:{EMAIL}") is None
