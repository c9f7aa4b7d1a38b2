"""Download my data and delete my account, on the web and through the API: the export holds
what was just recorded, and a deletion removes the person and changes nothing else."""

import json

import pytest
import sqlalchemy as sa

from planner.auth.accounts import create_api_token
from planner.extensions import db
from planner.models import ApiToken, Assessment, LearningPath, ModuleProgress, PathStep, User
from planner.paths import assessing, service
from tests.conftest import PASSWORD
from tests.paths.conftest import SMALL_AREAS, assess

VALID = {"levels": {"STELSEL": 1, "PLAN": 1, "GEDRAG": 2}, "wishes": ["GEDRAG"]}


@pytest.fixture
def teacher(make_catalogue, make_user, people):
    make_catalogue()
    school = people["teacher"].school
    return make_user(
        email="tess@example.org",
        name="Tess Uniek-Leraar",
        school=school,
        team=school.teams[0],
        qualification="qualified",
    )


@pytest.fixture
def leader(people):
    return people["leader"]


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def mentor_assessment(teacher, leader, levels):
    assessing.record_mentor_assessment(teacher, leader, levels)
    db.session.flush()
    service.replan(teacher, "mentor")
    db.session.commit()


def test_the_export_holds_a_fresh_assessment_and_a_mentor_assessment(client, teacher, leader):
    token = create_api_token(teacher, "export")
    assert client.post("/api/v1/me/assessments", json=VALID, headers=bearer(token)).status_code == 201
    mentor_assessment(teacher, leader, dict.fromkeys(SMALL_AREAS, 2))
    body = client.get("/api/v1/me/export", headers=bearer(token)).get_json()
    kinds = {(a["kind"], a["by"]): a["levels"] for a in body["assessments"]}
    assert kinds[("self", teacher.name)] == VALID["levels"]
    assert kinds[("mentor", leader.name)] == dict.fromkeys(SMALL_AREAS, 2)
    assert body["profile"]["email"] == "tess@example.org"
    assert body["path_versions"] and body["path_versions"][0]["version"] == 1
    assert body["path_versions"][0]["steps"]
    assert body["api_tokens"][0]["label"] == "export" and "token_hash" not in json.dumps(body)


def test_the_web_download_is_the_same_document(client, auth, teacher, leader):
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    mentor_assessment(teacher, leader, dict.fromkeys(SMALL_AREAS, 3))
    auth.login("tess@example.org")
    response = client.get("/account/data.json")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    body = json.loads(response.get_data(as_text=True))
    assert {a["kind"] for a in body["assessments"]} == {"self", "mentor"}


def table_rows() -> dict[str, set]:
    rows = {}
    for table in db.metadata.sorted_tables:
        rows[table.name] = {
            tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict | list) else v for v in r)
            for r in db.session.execute(sa.select(table)).all()
        }
    return rows


def belongs_to(teacher_id: int, table: str, row: tuple, before_ids: dict) -> bool:
    columns = [c.name for c in db.metadata.tables[table].columns]
    values = dict(zip(columns, row, strict=True))
    if table == "users":
        return values["id"] == teacher_id
    if table == "path_steps":
        return values["path_id"] in before_ids["paths"]
    if table == "assessed_areas":
        return values["assessment_id"] in before_ids["assessments"]
    return teacher_id in (values.get("teacher_id"), values.get("user_id"), values.get("subject_id"))


def test_deleting_through_the_api_removes_the_person_and_nothing_else(client, teacher, leader, people):
    token = create_api_token(teacher)
    client.post("/api/v1/me/assessments", json=VALID, headers=bearer(token))
    mentor_assessment(teacher, leader, dict.fromkeys(SMALL_AREAS, 2))
    assess(people["colleague"], dict.fromkeys(SMALL_AREAS, 1), plan=False)
    owned = {
        "paths": set(
            db.session.scalars(sa.select(LearningPath.id).where(LearningPath.teacher_id == teacher.id))
        ),
        "assessments": set(
            db.session.scalars(sa.select(Assessment.id).where(Assessment.teacher_id == teacher.id))
        ),
    }
    teacher_id = teacher.id
    before = table_rows()

    wrong = client.delete("/api/v1/me", json={"confirm": "someone@example.org"}, headers=bearer(token))
    assert wrong.status_code == 400 and "confirm" in wrong.get_json()["fields"]
    assert (
        client.delete("/api/v1/me", json={"confirm": "Tess@Example.org"}, headers=bearer(token)).status_code
        == 204
    )

    db.session.expire_all()
    after = table_rows()
    for table, rows in before.items():
        assert after[table] <= rows, f"{table} gained or changed rows"
        gone = rows - after[table]
        assert all(belongs_to(teacher_id, table, row, owned) for row in gone), table
    for model in (LearningPath, Assessment, ModuleProgress, ApiToken):
        column = getattr(model, "teacher_id", None) or model.user_id
        assert db.session.scalar(sa.select(sa.func.count()).where(column == teacher_id)) == 0
    assert db.session.get(User, teacher_id) is None
    assert client.get("/api/v1/me/export", headers=bearer(token)).status_code == 401


def test_deleting_on_the_web_asks_the_password(client, auth, teacher):
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    auth.login("tess@example.org")
    refused = client.post("/account/delete", data={"password": "wrong-password"})
    assert refused.status_code == 400 and "Het wachtwoord is onjuist." in refused.get_data(as_text=True)
    assert db.session.get(User, teacher.id) is not None
    response = client.post("/account/delete", data={"password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/profile").headers["Location"].startswith("/login")
    assert auth.login("tess@example.org").status_code == 200


def test_a_deleted_person_is_absent_from_every_page(client, auth, teacher, people):
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    auth.login("tess@example.org")
    client.post("/account/delete", data={"password": PASSWORD})
    pages = {
        "leader@example.org": ["/school/", "/audit"],
        "admin@example.org": ["/admin/", "/admin/users", "/admin/users?q=tess", "/audit"],
        "t2@example.org": ["/", "/audit"],
    }
    for email, urls in pages.items():
        auth.login(email)
        for url in urls:
            page = client.get(url).get_data(as_text=True)
            assert "Tess Uniek-Leraar" not in page and "tess@example.org" not in page, url
        auth.logout()


def test_a_deleted_leader_leaves_colleagues_assessments_without_the_name(client, auth, teacher, leader):
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    mentor_assessment(teacher, leader, dict.fromkeys(SMALL_AREAS, 2))
    name = leader.name
    auth.login("leader@example.org")
    client.post("/account/delete", data={"password": PASSWORD})
    db.session.expire_all()
    mentor = db.session.scalar(sa.select(Assessment).where(Assessment.kind == "mentor"))
    assert mentor.teacher_id == teacher.id and mentor.assessor.email.endswith("@invalid")
    assert mentor.assessor.name != name and mentor.assessor.password_hash is None
    steps = db.session.scalars(sa.select(PathStep.reasons)).all()
    assert name not in json.dumps(steps)
    auth.login("tess@example.org")
    for url in ("/", "/path", "/assessment", "/account/data.json"):
        assert name not in client.get(url).get_data(as_text=True), url


def test_a_consent_to_the_institute_is_exported_and_goes_with_the_account(client, teacher, make_institute):
    from planner.models import Consent

    institute = make_institute(name="Pabo Uniek")
    teacher.institute = institute
    db.session.add(Consent(teacher=teacher, institute=institute))
    db.session.commit()
    token = create_api_token(teacher)

    exported = client.get("/api/v1/me/export", headers=bearer(token)).get_json()
    assert [c["institute"] for c in exported["consents"]] == ["Pabo Uniek"]

    response = client.delete("/api/v1/me", json={"confirm": teacher.email}, headers=bearer(token))
    assert response.status_code == 204
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Consent)) == 0
