"""Ending sessions: logging out, a new password, deactivation and the admin's "end all
sessions" refuse a cookie that worked before; API tokens expire and show their last use."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from babel.dates import format_date

from planner.auth import accounts
from planner.extensions import db
from planner.models import ApiToken
from planner.models.accounts import utcnow
from tests.conftest import PASSWORD

NEW_PASSWORD = "a-new-long-password-7"


@pytest.fixture
def teacher(people):
    return people["teacher"]


def session_cookie(client) -> str:
    return client.get_cookie("session", domain="planner.test").value


def reuse(app, cookie):
    """A second browser that presents a copy of the cookie."""
    other = app.test_client()
    other.set_cookie("session", cookie, domain="planner.test")
    return other


def logged_in_cookie(client, auth, email="t1@example.org"):
    auth.login(email)
    assert client.get("/profile").status_code == 200
    return session_cookie(client)


def refused(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_an_old_cookie_is_refused_after_logout(app, client, auth, teacher):
    cookie = logged_in_cookie(client, auth)
    assert reuse(app, cookie).get("/profile").status_code == 200
    auth.logout()
    assert refused(reuse(app, cookie).get("/profile"))


def test_logging_out_ends_the_other_devices_too(app, client, auth, teacher):
    other = app.test_client()
    other.post("/login", data={"email": "t1@example.org", "password": PASSWORD})
    assert other.get("/profile").status_code == 200
    logged_in_cookie(client, auth)
    auth.logout()
    assert refused(other.get("/profile"))


def test_a_new_password_ends_other_sessions_but_keeps_this_one(app, client, auth, teacher):
    cookie = logged_in_cookie(client, auth)
    response = client.post(
        "/account/password", data={"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert refused(reuse(app, cookie).get("/profile"))
    assert client.get("/profile").status_code == 200


def test_a_new_password_keeps_tokens_unless_asked(client, auth, teacher):
    kept = accounts.create_api_token(teacher)
    auth.login("t1@example.org")
    client.post(
        "/account/password", data={"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert accounts.user_for_api_token(kept) == teacher
    client.post(
        "/account/password",
        data={
            "current": NEW_PASSWORD,
            "password": NEW_PASSWORD + "x",
            "confirm": NEW_PASSWORD + "x",
            "revoke_tokens": "y",
        },
    )
    assert accounts.user_for_api_token(kept) is None


def test_a_deactivated_account_is_refused_with_its_old_cookie_and_token(app, client, auth, teacher):
    token = accounts.create_api_token(teacher)
    cookie = logged_in_cookie(client, auth)
    auth.logout()
    auth.login("admin@example.org")
    assert client.post(f"/admin/users/{teacher.id}/deactivate").status_code == 302
    assert refused(reuse(app, cookie).get("/profile"))
    api = app.test_client().get("/api/v1/me/path", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 401
    auth.logout()
    response = auth.login("t1@example.org")
    assert response.status_code == 403 and "gedeactiveerd" in response.get_data(as_text=True)


def test_the_admin_ends_every_session_of_a_person(app, client, auth, teacher):
    cookie = logged_in_cookie(client, auth)
    auth.logout()
    other = app.test_client()
    other.post("/login", data={"email": "t1@example.org", "password": PASSWORD})
    auth.login("admin@example.org")
    assert client.post(f"/admin/users/{teacher.id}/sessions/end").status_code == 302
    assert refused(other.get("/profile"))
    assert refused(reuse(app, cookie).get("/profile"))
    assert other.post("/login", data={"email": "t1@example.org", "password": PASSWORD}).status_code == 302


def test_a_cookie_without_a_session_version_is_refused(app, teacher):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(teacher.id)
    assert refused(client.get("/profile"))


def test_tokens_expire(teacher):
    token = accounts.create_api_token(teacher, days=30)
    stored = db.session.scalar(sa.select(ApiToken).where(ApiToken.user_id == teacher.id))
    assert timedelta(days=29) < stored.expires_at - utcnow() <= timedelta(days=30)
    assert accounts.user_for_api_token(token) == teacher
    stored.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert accounts.user_for_api_token(token) is None


def test_a_token_is_made_for_the_chosen_period_and_shows_its_use(client, auth, teacher):
    auth.login("t1@example.org")
    page = client.post(
        "/profile/tokens", data={"label": "Rooster", "days": "90"}, follow_redirects=True
    ).get_data(as_text=True)
    token = page.split('<code class="token">')[1].split("<")[0]
    stored = db.session.scalar(sa.select(ApiToken).where(ApiToken.user_id == teacher.id))
    assert timedelta(days=89) < stored.expires_at - utcnow() <= timedelta(days=90)
    assert "nooit gebruikt" in client.get("/profile").get_data(as_text=True)
    accounts.user_for_api_token(token)
    page = client.get("/profile").get_data(as_text=True)
    assert "laatst gebruikt" in page and format_date(stored.expires_at, "long", locale="nl") in page


def test_purge_removes_expired_tokens_and_old_login_records(runner, teacher):
    from planner.models import LoginFailure

    kept = accounts.create_api_token(teacher)
    accounts.create_api_token(teacher, label="old")
    old = db.session.scalar(sa.select(ApiToken).where(ApiToken.label == "old"))
    old.expires_at = utcnow() - timedelta(days=31)
    db.session.add(LoginFailure(email="x@example.org", address="10.0.0.1", at=utcnow() - timedelta(days=2)))
    db.session.commit()
    result = runner.invoke(args=["planner", "purge"])
    assert result.exit_code == 0 and "expired tokens: 1 removed" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LoginFailure)) == 0
    assert accounts.user_for_api_token(kept) == teacher
