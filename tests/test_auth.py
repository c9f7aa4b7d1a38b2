import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Role, User
from tests.conftest import PASSWORD


@pytest.fixture
def teacher(make_school, make_user):
    return make_user(email="sanne@example.org", school=make_school())


def test_login_page_has_email_and_password_fields(client):
    page = client.get("/login").get_data(as_text=True)
    assert 'name="email"' in page and 'name="password"' in page


def test_login_and_logout(client, auth, teacher):
    response = auth.login("sanne@example.org")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert teacher.name in client.get("/").get_data(as_text=True)
    auth.logout()
    assert client.get("/").headers["Location"].startswith("/login")


def test_email_is_case_insensitive(auth, teacher):
    assert auth.login("Sanne@Example.org").status_code == 302


@pytest.mark.parametrize("email", ["sanne@example.org", "nobody@example.org"])
def test_wrong_password_gives_one_message_for_known_and_unknown_accounts(client, auth, teacher, email):
    response = auth.login(email, "wrong-password")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "E-mailadres of wachtwoord is onjuist." in page
    assert f'value="{email}"' in page


def test_form_errors_are_shown_at_the_field_and_keep_the_input(client):
    page = client.post("/login", data={"email": "not-an-email", "password": ""}).get_data(as_text=True)
    assert 'value="not-an-email"' in page
    assert page.count('class="error"') == 2


def test_passwords_are_hashed_with_argon2(teacher):
    assert teacher.password_hash.startswith("$argon2")
    assert PASSWORD not in teacher.password_hash


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_next_redirect_stays_on_the_site(client, teacher, target):
    response = client.post(f"/login?next={target}", data={"email": "sanne@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_next_redirect_to_a_local_page(client, teacher):
    response = client.post("/login?next=/profile", data={"email": "sanne@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/profile"


def test_change_password(client, auth, teacher):
    auth.login("sanne@example.org")
    response = client.post(
        "/account/password",
        data={"current": PASSWORD, "password": "a-new-long-password", "confirm": "a-new-long-password"},
    )
    assert response.status_code == 302
    auth.logout()
    assert auth.login("sanne@example.org", "a-new-long-password").status_code == 302


def test_change_password_refuses_a_wrong_current_password(client, auth, teacher):
    auth.login("sanne@example.org")
    page = client.post(
        "/account/password",
        data={"current": "wrong", "password": "a-new-long-password", "confirm": "a-new-long-password"},
    ).get_data(as_text=True)
    assert "Het huidige wachtwoord is onjuist." in page


def test_join_with_a_school_code(client, make_school):
    school = make_school()
    response = client.post(
        "/join",
        data={
            "join_code": school.join_code.lower(),
            "name": "Nieuwe Leraar",
            "email": "nieuw@example.org",
            "team": school.teams[0].id,
            "password": "long-enough-pw",
            "confirm": "long-enough-pw",
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.email == "nieuw@example.org"))
    assert user.school_id == school.id and user.team_id == school.teams[0].id
    assert user.role == Role.TEACHER and user.sector == "po"


def test_join_with_a_wrong_code_keeps_what_was_typed(client, make_school):
    make_school()
    page = client.post(
        "/join",
        data={
            "join_code": "WRONG123",
            "name": "Nieuwe Leraar",
            "email": "nieuw@example.org",
            "password": "long-enough-pw",
            "confirm": "long-enough-pw",
        },
    ).get_data(as_text=True)
    assert "Geen school heeft deze aanmeldcode." in page
    assert 'value="Nieuwe Leraar"' in page and 'value="nieuw@example.org"' in page
    assert db.session.scalar(sa.select(User).where(User.email == "nieuw@example.org")) is None


def test_leader_invites_a_teacher_who_sets_a_password(client, auth, make_school, make_user):
    school = make_school()
    make_user(role=Role.LEADER, email="leider@example.org", school=school)
    auth.login("leider@example.org")
    page = client.post(
        "/school/", data={"name": "Ingrid", "email": "ingrid@example.org", "team": school.teams[1].id}
    ).get_data(as_text=True)
    link = page.split("/invitation/")[1].split("<")[0]
    auth.logout()
    response = client.post(
        f"/invitation/{link}", data={"password": "ingrids-password", "confirm": "ingrids-password"}
    )
    assert response.status_code == 302
    invited = db.session.scalar(sa.select(User).where(User.email == "ingrid@example.org"))
    assert invited.school_id == school.id and invited.team_id == school.teams[1].id
    assert client.get(f"/invitation/{link}").status_code == 404


def test_csrf_is_required_on_forms(test_config, migrated_app):
    from planner import create_app

    app = create_app({**test_config, "WTF_CSRF_ENABLED": True})
    response = app.test_client().post("/login", data={"email": "a@example.org", "password": "x"})
    assert response.status_code == 400


@pytest.mark.parametrize("password", ["1234567890", "Password123", "qwertyuiop"])
def test_common_passwords_are_refused(client, make_school, password):
    school = make_school()
    page = client.post(
        "/join",
        data={
            "join_code": school.join_code,
            "name": "Nieuwe Leraar",
            "email": "nieuw@example.org",
            "password": password,
            "confirm": password,
        },
    ).get_data(as_text=True)
    assert "Dit wachtwoord hoort bij de meest gebruikte" in page
    assert db.session.scalar(sa.select(User).where(User.email == "nieuw@example.org")) is None


def test_the_shipped_list_is_long_enough():
    from planner.auth.forms import common_passwords

    assert len(common_passwords()) >= 10_000


def test_the_new_password_differs_from_the_current(client, auth, teacher):
    auth.login("sanne@example.org")
    page = client.post(
        "/account/password", data={"current": PASSWORD, "password": PASSWORD, "confirm": PASSWORD}
    ).get_data(as_text=True)
    assert "Kies een ander wachtwoord dan het huidige." in page
