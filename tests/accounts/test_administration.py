"""The admin corrects schools, teams, institutes, providers and accounts; a leader looks
after the accounts of their own school's teachers; every route refuses other roles."""

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import AuditEntry, Institute, Provider, School, Team, User
from tests.conftest import PASSWORD

ADMIN_GETS = [
    "/admin/users",
    "/admin/users/{teacher}",
    "/admin/users/{teacher}/delete",
    "/admin/schools/{school}",
    "/admin/teams/{team}",
    "/admin/institutes/{institute}",
    "/admin/school/{school}/delete",
]
LEADER_GETS = ["/admin/school/teachers/{teacher}", "/admin/school/teachers/{teacher}/remove"]


@pytest.fixture
def ids(people, make_institute):
    teacher = people["teacher"]
    return {
        "teacher": teacher.id,
        "school": teacher.school_id,
        "team": teacher.team_id,
        "institute": make_institute(name="Pabo Oost").id,
    }


def login(client, email):
    client.post("/logout")
    return client.post("/login", data={"email": email, "password": PASSWORD})


@pytest.mark.parametrize(
    "role,expected", [("teacher", 403), ("leader", 403), ("institute", 403), ("admin", 200)]
)
def test_admin_pages_are_for_the_admin_only(client, people, ids, role, expected):
    login(client, people[role].email)
    for url in ADMIN_GETS:
        assert client.get(url.format(**ids)).status_code == expected, url
    assert client.post(f"/admin/users/{ids['teacher']}/sessions/end").status_code in (expected, 302)


def test_admin_pages_send_strangers_to_the_login(client, ids):
    for url in ADMIN_GETS + LEADER_GETS:
        assert client.get(url.format(**ids)).headers["Location"].startswith("/login"), url


@pytest.mark.parametrize(
    "role,expected",
    [("leader", 200), ("team_leader", 404), ("other_leader", 404), ("teacher", 403), ("admin", 403)],
)
def test_a_leader_manages_only_the_teachers_they_lead(client, people, ids, role, expected):
    login(client, people[role].email)
    for url in LEADER_GETS:
        assert client.get(url.format(**ids)).status_code == expected, url
    status = client.post(f"/admin/school/teachers/{ids['teacher']}/deactivate").status_code
    assert status == (302 if expected == 200 else expected)


def test_huge_ids_are_not_found(client, people):
    login(client, "admin@example.org")
    for url in ("/admin/users/99999999999999999999", "/admin/schools/9223372036854775808"):
        assert client.get(url).status_code == 404


def test_edit_a_school_and_refuse_a_duplicate_name(client, people, make_school):
    make_school(name="De Klimop")
    school = people["teacher"].school
    login(client, "admin@example.org")
    form = {
        "name": "De Linde",
        "sector": "po",
        "budget_hours_per_year": "32",
        "board_code": "BRON-NW",
        "board_name": "Stichting Bron",
        "region_code": "PO-2801",
    }
    assert client.post(f"/admin/schools/{school.id}", data=form).status_code == 302
    db.session.expire_all()
    assert (school.name, school.budget_hours_per_year, school.board_code) == ("De Linde", 32, "BRON-NW")
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "school.edit"))
    assert entry.school_id == school.id and "budget_hours_per_year" in entry.detail["changed"]

    other = make_school(name="De Klimop 2")
    other.board_code = "BRON-NW"
    db.session.commit()
    page = client.post(f"/admin/schools/{other.id}", data={**form, "name": "de linde"})
    assert page.status_code == 400 and "Een andere school van dit bestuur heeft deze naam." in page.get_data(
        as_text=True
    )


def test_duplicates_are_refused_when_adding(client, people):
    login(client, "admin@example.org")
    school = people["teacher"].school
    response = client.post("/admin/team", data={"team-school": school.id, "team-name": "onderbouw"})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).where(Team.school_id == school.id)) == 2
    client.post("/admin/institute", data={"institute-name": "Pabo Noord"})
    assert client.post("/admin/institute", data={"institute-name": "PABO NOORD"}).status_code == 400
    response = client.post(
        "/admin/school",
        data={"school-name": school.name, "school-sector": "po", "school-budget_hours_per_year": 40},
    )
    assert response.status_code == 400


def test_deleting_what_people_depend_on_is_refused_with_the_reason(client, people):
    school = people["teacher"].school
    login(client, "admin@example.org")
    page = client.get(f"/admin/school/{school.id}/delete").get_data(as_text=True)
    assert "kan niet worden verwijderd" in page and "er horen 4 personen bij" in page
    assert client.post(f"/admin/school/{school.id}/delete").status_code == 409
    assert db.session.get(School, school.id) is not None


def test_deleting_an_empty_team_and_school(client, people, make_school):
    empty = make_school(name="Lege School", teams=("Alleen",))
    team_id = empty.teams[0].id
    login(client, "admin@example.org")
    assert client.post(f"/admin/team/{team_id}/delete").status_code == 302
    assert db.session.get(Team, team_id) is None
    assert client.post(f"/admin/school/{empty.id}/delete").status_code == 302
    assert db.session.get(School, empty.id) is None


def test_a_provider_with_modules_stays(client, people, make_catalogue):
    make_catalogue()
    provider = db.session.scalar(sa.select(Provider).where(Provider.code == "EXT"))
    login(client, "admin@example.org")
    assert client.post(f"/admin/provider/{provider.id}/delete").status_code == 409
    assert (
        client.post(f"/admin/providers/{provider.id}", data={"name": "Extern Bureau BV"}).status_code == 302
    )
    assert db.session.get(Provider, provider.id).name == "Extern Bureau BV"


def test_rename_an_institute(client, people, ids):
    login(client, "admin@example.org")
    response = client.post(
        f"/admin/institutes/{ids['institute']}", data={"name": "Pabo Oost-NL", "code": "PABO-O"}
    )
    assert response.status_code == 302
    assert db.session.get(Institute, ids["institute"]).code == "PABO-O"


def test_search_and_edit_a_user(client, people):
    login(client, "admin@example.org")
    page = client.get("/admin/users?q=T1@EXAMPLE").get_data(as_text=True)
    assert "t1@example.org" in page and "t2@example.org" not in page
    teacher, other = people["teacher"], people["stranger"]
    response = client.post(
        f"/admin/users/{teacher.id}",
        data={
            "name": "Tineke",
            "email": "tineke@example.org",
            "role": "leader",
            "team": f"{other.school_id}:",
            "institute": 0,
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (teacher.name, teacher.email, teacher.role, teacher.school_id, teacher.team_id) == (
        "Tineke",
        "tineke@example.org",
        "leader",
        other.school_id,
        None,
    )
    taken = client.post(
        f"/admin/users/{teacher.id}",
        data={"name": "Tineke", "email": "t2@example.org", "role": "leader", "team": f"{other.school_id}:"},
    )
    assert taken.status_code == 400 and 'value="t2@example.org"' in taken.get_data(as_text=True)


def test_a_reset_link_sets_a_new_password(app, client, people):
    login(client, "admin@example.org")
    page = client.post(f"/admin/users/{people['teacher'].id}/reset").get_data(as_text=True)
    token = page.split("/invitation/")[1].split("<")[0]
    fresh = app.test_client()
    assert (
        fresh.post(
            f"/invitation/{token}", data={"password": "brand-new-pass-9", "confirm": "brand-new-pass-9"}
        ).status_code
        == 302
    )
    assert fresh.get(f"/invitation/{token}").status_code == 404


def test_the_admin_deletes_an_account_in_two_steps(client, people):
    teacher = people["teacher"]
    login(client, "admin@example.org")
    page = client.get(f"/admin/users/{teacher.id}/delete").get_data(as_text=True)
    assert "Definitief verwijderen" in page and "<script>" not in page and "onclick" not in page
    assert db.session.get(User, teacher.id) is not None
    assert client.post(f"/admin/users/{teacher.id}/delete").status_code == 302
    assert db.session.get(User, teacher.id) is None
    assert client.get(f"/admin/users/{people['admin'].id}/delete").status_code == 302


def test_a_leader_removes_a_teacher_who_left(client, people):
    teacher = people["teacher"]
    login(client, "leader@example.org")
    assert client.post(f"/admin/school/teachers/{teacher.id}/remove").status_code == 302
    db.session.expire_all()
    assert teacher.school_id is None and teacher.team_id is None
    assert client.get(f"/school/teachers/{teacher.id}").status_code == 404
    assert "t1@example.org" not in client.get("/school/").get_data(as_text=True)
    login(client, "t1@example.org")
    assert client.get("/profile").status_code == 200
    log = client.get("/audit").get_data(as_text=True)
    assert "haalde uit de school" in log


def test_the_audit_log_is_read_by_role(client, people):
    login(client, "admin@example.org")
    client.post(f"/admin/users/{people['stranger'].id}/sessions/end")
    client.post(f"/admin/users/{people['teacher'].id}/sessions/end")
    visible = {}
    for role in ("admin", "leader", "other_leader", "teacher", "colleague"):
        login(client, people[role].email)
        page = client.get("/audit").get_data(as_text=True)
        visible[role] = (people["teacher"].name in page, people["stranger"].name in page)
    assert visible == {
        "admin": (True, True),
        "leader": (True, False),
        "other_leader": (False, True),
        "teacher": (True, False),
        "colleague": (False, False),
    }


def test_a_mentor_assessment_is_in_the_teachers_audit_log(client, people, make_catalogue):
    make_catalogue()
    teacher = people["teacher"]
    login(client, "leader@example.org")
    levels = {f"level_{code}": "2" for code in ("STELSEL", "PLAN", "GEDRAG")}
    assert client.post(f"/school/teachers/{teacher.id}/assessment", data=levels).status_code == 302
    login(client, "t1@example.org")
    page = client.get("/audit").get_data(as_text=True)
    assert "maakte een mentorbeoordeling" in page and people["leader"].name in page
    login(client, "t2@example.org")
    assert "maakte een mentorbeoordeling" not in client.get("/audit").get_data(as_text=True)


def test_a_school_budget_of_zero_gets_one_clear_message(client, people):
    school = people["teacher"].school
    login(client, "admin@example.org")
    form = {"name": school.name, "sector": "po", "budget_hours_per_year": "0"}

    page = client.post(f"/admin/schools/{school.id}", data=form).get_data(as_text=True)

    assert "Tussen 1 en 400." in page and "Dit veld is vereist" not in page
