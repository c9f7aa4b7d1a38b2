"""The personal API: post a self-assessment, read the path, record progress on a step."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Role
from planner.models.paths import AssessedArea, Assessment, LearningPath, ModuleProgress
from planner.paths import service
from tests.paths.conftest import SMALL_AREAS, assess, count, current, steps_by_module

STEP_KEYS = {"id", "module", "phase", "school_year", "hours", "status", "reasons", "requires"}
VALID = {
    "levels": {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1},
    "wishes": ["GEDRAG"],
    "class_context": {"class_size": 26, "support_need": 9, "extra_support_need": 5},
}


@pytest.fixture
def api(api_for, teacher):
    return api_for(teacher)


def test_post_an_assessment_stores_it_and_plans_the_path(api, teacher):
    response = api.post("/api/v1/me/assessments", VALID)
    assert response.status_code == 201
    body = response.get_json()
    assert body["levels"] == VALID["levels"] and body["wishes"] == ["GEDRAG"]
    assert body["class_context"] == {**VALID["class_context"], "complexity": None}
    assert body["date"] == date.today().isoformat()
    stored = service.latest_assessment(teacher)
    assert stored.id == body["id"] and stored.kind == "self" and stored.assessor_id == teacher.id
    assert current(teacher).version == 1 and current(teacher).assessment_id == stored.id


def test_get_the_path_document(api, teacher):
    api.post("/api/v1/me/assessments", VALID)
    response = api.get("/api/v1/me/path")
    assert response.status_code == 200
    body = response.get_json()
    assert {"phase", "sector", "budget_hours_per_year", "steps", "unreachable"} <= set(body)
    assert (body["phase"], body["sector"], body["budget_hours_per_year"]) == ("induction", "po", 40)
    path = current(teacher)
    assert [s["id"] for s in body["steps"]] == [s.id for s in path.steps]
    for step in body["steps"]:
        assert STEP_KEYS <= set(step)
        assert step["status"] == "planned"
        assert step["reasons"] and all(isinstance(r, str) and r for r in step["reasons"])
        assert isinstance(step["requires"], list)
    by_module = {s["module"]: s for s in body["steps"]}
    assert set(by_module) == {"STL-1", "PLN-1", "PLN-2", "GED-1"}
    assert by_module["PLN-2"]["requires"] == ["PLN-1"]
    assert by_module["PLN-2"]["hours"] == 24 and by_module["PLN-2"]["phase"] == "induction"

    def start(code):
        return (by_module[code]["school_year"], by_module[code]["period"])

    assert start("STL-1") < start("PLN-1") < start("PLN-2")
    assert body["unreachable"] == []


def test_unreachable_targets_are_listed(api_for, make_user, school, make_catalogue):
    # A vo teacher: PLN-2 is offered in po and go only, so PLAN 3 cannot be reached.
    make_catalogue()
    teacher = make_user(school=school, sector="vo", years_experience=0, qualification="qualified")
    api = api_for(teacher)
    assert api.post("/api/v1/me/assessments", VALID).status_code == 201
    body = api.get("/api/v1/me/path").get_json()
    assert "PLN-2" not in {s["module"] for s in body["steps"]}
    assert len(body["unreachable"]) == 1
    item = body["unreachable"][0]
    assert {"area", "target", "reason"} <= set(item)
    assert (item["area"], item["target"]) == ("PLAN", 3)
    assert isinstance(item["reason"], str) and item["reason"]


def test_no_path_yet_is_404(api):
    response = api.get("/api/v1/me/path")
    assert response.status_code == 404 and "error" in response.get_json()


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({**VALID, "levels": {"STELSEL": -1, "PLAN": 1, "GEDRAG": 1}}, {"levels.STELSEL"}),
        ({**VALID, "levels": {"STELSEL": 6, "PLAN": 1, "GEDRAG": 1}}, {"levels.STELSEL"}),
        (
            {**VALID, "levels": {"STELSEL": "3", "PLAN": 1.0, "GEDRAG": True}},
            {"levels.STELSEL", "levels.PLAN", "levels.GEDRAG"},
        ),
        ({**VALID, "levels": {**VALID["levels"], "LEZEN": 2}}, {"levels.LEZEN"}),
        ({**VALID, "levels": {}}, {"levels"}),
        ({"wishes": []}, {"levels"}),
        ({**VALID, "wishes": ["ONBEKEND"]}, {"wishes.ONBEKEND"}),
        ({**VALID, "wishes": "GEDRAG"}, {"wishes"}),
        ({**VALID, "specialisms": ["STELSEL", "PLAN", "GEDRAG"]}, {"specialisms"}),
        ({**VALID, "class_context": {"class_size": -1}}, {"class_context.class_size"}),
        ({**VALID, "class_context": {"class_size": 20, "support_need": -3}}, {"class_context.support_need"}),
        ({**VALID, "class_context": {"class_size": 20, "support_need": 25}}, {"class_context.support_need"}),
        (
            {**VALID, "class_context": {"class_size": 20, "support_need": 5, "extra_support_need": 6}},
            {"class_context.extra_support_need"},
        ),
        ({**VALID, "class_context": {"pupils": 20}}, {"class_context.pupils"}),
        ({**VALID, "class_context": {"class_size": "20"}}, {"class_context.class_size"}),
        ({**VALID, "class_context": []}, {"class_context"}),
        (
            {**VALID, "levels": {**VALID["levels"], "STELSEL": 9}, "class_context": {"class_size": -1}},
            {"levels.STELSEL", "class_context.class_size"},
        ),
    ],
)
def test_invalid_assessment_is_400_with_the_fields_and_stores_nothing(api, body, fields):
    response = api.post("/api/v1/me/assessments", body)
    assert response.status_code == 400
    answer = response.get_json()
    assert isinstance(answer["error"], str) and answer["error"]
    assert set(answer["fields"]) == fields
    assert count(Assessment) == 0 and count(AssessedArea) == 0 and count(LearningPath) == 0


@pytest.mark.parametrize("raw", ["[1, 2]", "not json", ""])
def test_a_body_that_is_no_json_object_is_400(api, raw):
    response = api.client.post(
        "/api/v1/me/assessments", data=raw, headers=api.headers, content_type="application/json"
    )
    assert response.status_code == 400
    assert count(Assessment) == 0


def test_an_assessment_without_sector_is_stored_without_a_path(api_for, make_catalogue, make_user):
    make_catalogue()
    teacher = make_user(email="zonder@example.org")
    response = api_for(teacher).post("/api/v1/me/assessments", VALID)
    assert response.status_code == 201
    assert count(Assessment) == 1 and count(LearningPath) == 0


@pytest.fixture
def planned_api(api):
    assert api.post("/api/v1/me/assessments", VALID).status_code == 201
    return api


def module_step(document, code):
    return next(s for s in document["steps"] if s["module"] == code)


def test_patch_done_returns_the_new_version(planned_api, teacher):
    old = planned_api.get("/api/v1/me/path").get_json()
    step = module_step(old, "STL-1")
    response = planned_api.patch(f"/api/v1/me/path/steps/{step['id']}", {"status": "done"})
    assert response.status_code == 200
    new = response.get_json()
    assert new["version"] == old["version"] + 1 == 2
    assert module_step(new, "STL-1")["status"] == "done"
    assert module_step(new, "STL-1")["id"] != step["id"]
    assert new == planned_api.get("/api/v1/me/path").get_json()
    record = db.session.scalars(sa.select(ModuleProgress)).one()
    assert (record.status, record.on_date) == ("done", date.today())
    # Version 1 is kept as it was.
    first = service.path_version(teacher, 1)
    assert steps_by_module(first)["STL-1"].status == "planned"


def test_patch_done_with_a_date_and_a_note(planned_api):
    step = module_step(planned_api.get("/api/v1/me/path").get_json(), "GED-1")
    on = (date.today() - timedelta(days=30)).isoformat()
    new = planned_api.patch(
        f"/api/v1/me/path/steps/{step['id']}", {"status": "done", "date": on, "note": "certificaat"}
    ).get_json()
    assert "certificaat" in " ".join(module_step(new, "GED-1")["reasons"])
    record = db.session.scalars(sa.select(ModuleProgress)).one()
    assert (record.on_date.isoformat(), record.note) == (on, "certificaat")


def test_patch_in_progress_and_skipped(planned_api):
    step = module_step(planned_api.get("/api/v1/me/path").get_json(), "GED-1")
    new = planned_api.patch(f"/api/v1/me/path/steps/{step['id']}", {"status": "in_progress"}).get_json()
    assert module_step(new, "GED-1")["status"] == "in_progress" and new["version"] == 2
    step = module_step(new, "GED-1")
    new = planned_api.patch(
        f"/api/v1/me/path/steps/{step['id']}", {"status": "skipped", "reason": "zelfde cursus al gevolgd"}
    ).get_json()
    assert module_step(new, "GED-1")["status"] == "skipped" and new["version"] == 3
    assert db.session.scalars(sa.select(ModuleProgress)).one().note == "zelfde cursus al gevolgd"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "skipped"}, "reason"),
        ({"status": "skipped", "reason": "  "}, "reason"),
        ({"status": "skipped", "reason": 3}, "reason"),
        ({"status": "finished"}, "status"),
        ({}, "status"),
        ({"status": "done", "date": "gisteren"}, "date"),
        ({"status": "done", "date": (date.today() + timedelta(days=2)).isoformat()}, "date"),
        ({"status": "done", "note": ["a"]}, "note"),
    ],
)
def test_patch_refused_is_400_at_the_field_and_changes_nothing(planned_api, body, field):
    step = module_step(planned_api.get("/api/v1/me/path").get_json(), "GED-1")
    response = planned_api.patch(f"/api/v1/me/path/steps/{step['id']}", body)
    assert response.status_code == 400
    assert field in response.get_json()["fields"]
    assert count(LearningPath) == 1 and count(ModuleProgress) == 0


def test_patch_a_done_step_is_refused(planned_api):
    step = module_step(planned_api.get("/api/v1/me/path").get_json(), "GED-1")
    done = module_step(
        planned_api.patch(f"/api/v1/me/path/steps/{step['id']}", {"status": "done"}).get_json(), "GED-1"
    )
    response = planned_api.patch(f"/api/v1/me/path/steps/{done['id']}", {"status": "planned"})
    assert response.status_code == 400 and "status" in response.get_json()["fields"]
    assert count(LearningPath) == 2


def test_patch_a_step_of_an_earlier_version_is_409(planned_api):
    first = planned_api.get("/api/v1/me/path").get_json()
    planned_api.patch(f"/api/v1/me/path/steps/{module_step(first, 'STL-1')['id']}", {"status": "in_progress"})
    response = planned_api.patch(
        f"/api/v1/me/path/steps/{module_step(first, 'GED-1')['id']}", {"status": "done"}
    )
    assert response.status_code == 409
    assert "error" in response.get_json()
    assert count(LearningPath) == 2 and count(ModuleProgress) == 1


def test_patch_an_unknown_step_is_404(planned_api):
    assert planned_api.patch("/api/v1/me/path/steps/999999", {"status": "done"}).status_code == 404


def test_a_new_assessment_through_the_api_keeps_the_progress(planned_api, teacher):
    step = module_step(planned_api.get("/api/v1/me/path").get_json(), "STL-1")
    planned_api.patch(f"/api/v1/me/path/steps/{step['id']}", {"status": "done"})
    assert (
        planned_api.post(
            "/api/v1/me/assessments", {"levels": {"STELSEL": 2, "PLAN": 1, "GEDRAG": 2}}
        ).status_code
        == 201
    )
    body = planned_api.get("/api/v1/me/path").get_json()
    assert body["version"] == 3
    assert module_step(body, "STL-1")["status"] == "done"
    assert "GED-1" not in {s["module"] for s in body["steps"]}
    assert len(service.assessments(teacher)) == 2


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", "/api/v1/me/path"), ("post", "/api/v1/me/assessments"), ("patch", "/api/v1/me/path/steps/1")],
)
@pytest.mark.parametrize("header", [None, "Bearer", "Bearer plnr_wrong", "Basic dXNlcjpwYXNz"])
def test_without_a_valid_token_is_401(client, teacher, method, url, header):
    headers = {"Authorization": header} if header else {}
    response = getattr(client, method)(url, json=VALID, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert count(Assessment) == 0


@pytest.mark.parametrize("role", [Role.LEADER, Role.INSTITUTE, Role.ADMIN])
@pytest.mark.parametrize(
    ("method", "url"),
    [("get", "/api/v1/me/path"), ("post", "/api/v1/me/assessments"), ("patch", "/api/v1/me/path/steps/1")],
)
def test_a_token_of_another_role_is_403(api_for, make_user, teacher, role, method, url):
    api = api_for(make_user(role=role))
    response = getattr(api, method)(url, VALID) if method != "get" else api.get(url)
    assert response.status_code == 403
    assert count(Assessment) == 0


def test_a_logged_in_session_is_no_token(client, auth, planned):
    auth.login(planned.email)
    assert client.get("/api/v1/me/path").status_code == 401


def test_a_second_post_is_a_new_assessment(planned_api, teacher):
    """A repeated post gives a second assessment, not a merge into the first."""
    planned_api.post("/api/v1/me/assessments", {"levels": {**VALID["levels"], "GEDRAG": 3}})
    latest = service.latest_assessment(teacher)
    assert latest.levels == {**VALID["levels"], "GEDRAG": 3}
    assert latest.wishes == [] and latest.class_size is None
    assert count(Assessment) == 2
    assert set(SMALL_AREAS) == set(latest.levels)


def test_assess_helper_and_api_agree(api, teacher):
    assess(teacher, VALID["levels"], wishes=VALID["wishes"], class_context=VALID["class_context"])
    by_service = [(s["module"], s["school_year"]) for s in api.get("/api/v1/me/path").get_json()["steps"]]
    api.post("/api/v1/me/assessments", VALID)
    by_api = [(s["module"], s["school_year"]) for s in api.get("/api/v1/me/path").get_json()["steps"]]
    assert by_service == by_api


def test_an_assessment_before_any_catalogue_is_409(api_for, make_user, school):
    api = api_for(make_user(school=school))
    response = api.post("/api/v1/me/assessments", VALID)
    assert response.status_code == 409
    assert count(Assessment) == 0


def test_a_null_class_context_is_no_class_context(api, teacher):
    response = api.post("/api/v1/me/assessments", {**VALID, "class_context": None})
    assert response.status_code == 201
    assert response.get_json()["class_context"] == dict.fromkeys(
        ("class_size", "support_need", "extra_support_need", "complexity")
    )


def test_an_assessment_through_the_api_supersedes_a_half_filled_one(api, client, auth, teacher):
    auth.login(teacher.email)
    client.post("/assessment/basis", data={"level_STELSEL": "3", "later": "1"})
    assert count(Assessment, complete=False) == 1
    assert api.post("/api/v1/me/assessments", VALID).status_code == 201
    assert count(Assessment, complete=False) == 0
    assert service.latest_assessment(teacher).levels == VALID["levels"]


def test_the_stored_assessments_can_be_read_back_newest_first(api, teacher):
    api.post("/api/v1/me/assessments", VALID)
    second = {**VALID, "levels": {"STELSEL": 2, "PLAN": 2, "GEDRAG": 2}, "wishes": []}
    api.post("/api/v1/me/assessments", second)
    listed = api.get("/api/v1/me/assessments").get_json()["assessments"]
    assert [a["levels"] for a in listed] == [second["levels"], VALID["levels"]]
    assert listed[1]["wishes"] == ["GEDRAG"] and listed[0]["wishes"] == []
