"""Parallel login attempts against the real database: each is counted, and only those
whose turn it was have their password checked."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from planner.auth import accounts, throttle
from planner.extensions import db
from planner.models import LoginThrottle, School, User
from tests.conftest import PASSWORD


@pytest.fixture
def committed_teacher(migrated_app):
    """A teacher in the real database, for requests in parallel threads; removed after."""
    with migrated_app.app_context():
        school = School(name="Parallelschool", sector="po")
        user = User(email="parallel@example.org", name="Parallel", school=school)
        accounts.set_password(user, PASSWORD)
        db.session.add_all([school, user])
        db.session.commit()
    yield "parallel@example.org"
    with migrated_app.app_context():
        db.session.execute(sa.delete(LoginThrottle))
        db.session.execute(sa.delete(User).where(User.email == "parallel@example.org"))
        db.session.execute(sa.delete(School).where(School.name == "Parallelschool"))
        db.session.commit()
        db.session.remove()


def test_parallel_wrong_passwords_are_counted_exactly(migrated_app, committed_teacher, monkeypatch):
    checked = []
    lock = threading.Lock()
    original = accounts.check_password

    def counting(user, password):
        with lock:
            checked.append(password)
        return original(user, password)

    monkeypatch.setattr(accounts, "check_password", counting)
    start = threading.Barrier(8)

    def attempt(n: int) -> int:
        client = migrated_app.test_client()
        if n < 8:
            start.wait()
        data = {"email": committed_teacher, "password": f"wrong-{n}"}
        return client.post("/login", data=data, environ_base={"REMOTE_ADDR": f"198.51.100.{n}"}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(attempt, range(40)))

    free = throttle.ACCOUNT.free
    assert len(checked) == free
    assert sorted(codes) == [200] * free + [429] * (40 - free)
    with migrated_app.app_context():
        assert throttle.failures(f"account:{committed_teacher}") == free
        db.session.remove()
