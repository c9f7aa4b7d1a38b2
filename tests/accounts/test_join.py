"""Joining a school with its code: one answer for known and unknown addresses, guessing
slowed down, and a code that runs out when the leader says so."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from planner.auth import throttle
from planner.extensions import db
from planner.models import AuditEntry, Role, User
from planner.models.accounts import utcnow
from tests.conftest import PASSWORD


@pytest.fixture
def school(make_school):
    return make_school()


def join(client, code, email="nieuw@example.org", name="Nieuwe Leraar", address="10.0.0.1"):
    return client.post(
        "/join",
        data={
            "join_code": code,
            "name": name,
            "email": email,
            "password": "long-enough-pw",
            "confirm": "long-enough-pw",
        },
        environ_base={"REMOTE_ADDR": address},
    )


def answer(client, response) -> str:
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    return client.get("/login").get_data(as_text=True)


def test_a_known_and_an_unknown_address_get_the_same_answer(client, school, make_user):
    known = make_user(email="bekend@example.org", name="Bekend", school=None)
    for_known = answer(client, join(client, school.join_code, email=known.email, name="Iemand Anders"))
    for_new = answer(client, join(client, school.join_code))
    assert for_known == for_new
    assert "Had dit e-mailadres nog geen account" in for_new
    db.session.expire_all()
    assert known.name == "Bekend" and known.school_id is None
    assert known.password_hash and db.session.get(User, known.id).email == "bekend@example.org"


def test_the_new_account_logs_in_with_the_chosen_password(client, auth, school):
    join(client, school.join_code)
    assert auth.login("nieuw@example.org", "long-enough-pw").status_code == 302
    user = db.session.scalar(sa.select(User).where(User.email == "nieuw@example.org"))
    assert user.school_id == school.id and user.role == Role.TEACHER


def test_the_known_account_keeps_its_own_password(client, auth, school, make_user):
    make_user(email="bekend@example.org")
    join(client, school.join_code, email="bekend@example.org")
    assert auth.login("bekend@example.org", "long-enough-pw").status_code == 200
    assert auth.login("bekend@example.org", PASSWORD).status_code == 302


def test_guessing_join_codes_slows_down_and_right_codes_do_not_count(client, school):
    for _ in range(3):
        join(client, school.join_code, email="a@example.org")
    assert throttle.failures("join:10.0.0.1") == 0
    for n in range(throttle.JOIN.free):
        page = join(client, f"WRONG{n:03}").get_data(as_text=True)
        assert "Geen school heeft deze aanmeldcode." in page
    refused = join(client, school.join_code, email="b@example.org")
    assert refused.status_code == 429
    assert db.session.scalar(sa.select(User).where(User.email == "b@example.org")) is None
    # Another address is not slowed down.
    assert join(client, school.join_code, email="c@example.org", address="10.0.0.2").status_code == 302


def test_an_expired_code_is_refused_with_a_reason(client, school):
    school.join_code_days = 30
    school.join_code_set_at = utcnow() - timedelta(days=31)
    db.session.commit()
    page = join(client, school.join_code).get_data(as_text=True)
    assert "Deze aanmeldcode is verlopen" in page
    assert 'value="nieuw@example.org"' in page
    assert db.session.scalar(sa.select(User).where(User.email == "nieuw@example.org")) is None


@pytest.fixture
def leader(auth, school, make_user):
    user = make_user(role=Role.LEADER, email="leider@example.org", school=school)
    auth.login(user.email)
    return user


def test_the_leader_sets_a_period_that_runs_from_today(client, school, leader):
    page = client.get("/admin/school/join-code").get_data(as_text=True)
    assert school.join_code in page and "De code verloopt niet." in page
    response = client.post("/admin/school/join-code", data={"days": "30"})
    assert response.status_code == 302
    db.session.expire_all()
    assert school.join_code_days == 30
    assert abs(school.join_code_expires_at - (utcnow() + timedelta(days=30))) < timedelta(minutes=1)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "school.join_code"))
    assert entry.actor_id == leader.id and entry.school_id == school.id


def test_a_new_code_ends_the_old_one(client, school, leader):
    old = school.join_code
    client.post("/admin/school/join-code", data={"days": "0", "new_code": "y"})
    db.session.expire_all()
    assert school.join_code != old and school.join_code_days is None
    client.post("/logout")
    assert "Geen school heeft deze aanmeldcode." in join(client, old).get_data(as_text=True)
    assert join(client, school.join_code).status_code == 302


def test_only_leaders_reach_the_join_code_page(client, auth, school, make_user):
    teacher = make_user(email="leraar@example.org", school=school)
    auth.login(teacher.email)
    assert client.get("/admin/school/join-code").status_code == 403
    assert client.post("/admin/school/join-code", data={"days": "7"}).status_code == 403


def test_an_unknown_period_is_refused_at_the_field(client, school, leader):
    page = client.post("/admin/school/join-code", data={"days": "12"}).get_data(as_text=True)
    assert 'class="error"' in page
    db.session.expire_all()
    assert school.join_code_days is None
