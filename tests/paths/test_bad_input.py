"""Input the application cannot use answers 4xx with a message per field, never 500."""

import json

import pytest

from planner.models.paths import Assessment, ModuleProgress
from planner.security import MAX_ID
from tests.paths.conftest import SMALL_AREAS, count, current

TOO_BIG = [MAX_ID + 1, 2**63, 9223372036854775808 * 10]
LEVELS = dict.fromkeys(SMALL_AREAS, 1)


@pytest.fixture
def logged_in(client, auth, planned):
    auth.login(planned.email)
    return planned


@pytest.fixture
def api(api_for, planned):
    return api_for(planned)


def step_id(teacher) -> int:
    return current(teacher).steps[0].id


@pytest.mark.parametrize("n", TOO_BIG)
@pytest.mark.parametrize(
    "url",
    [
        "/path/versions/{n}",
        "/school/teachers/{n}",
        "/school/teachers/{n}/assessment",
        "/school/teachers/{n}/observations",
    ],
)
def test_ids_beyond_the_column_range_are_404(client, auth, logged_in, leader, url, n):
    auth.login(leader.email if url.startswith("/school") else logged_in.email)
    assert client.get(url.format(n=n)).status_code == 404


@pytest.mark.parametrize("n", TOO_BIG)
def test_posted_ids_beyond_the_range_are_404(client, logged_in, api, n):
    assert client.post(f"/path/steps/{n}", data={"start": ""}).status_code == 404
    assert client.post(f"/profile/tokens/{n}/delete").status_code == 404
    response = api.patch(f"/api/v1/me/path/steps/{n}", {"status": "done"})
    assert response.status_code == 404 and response.is_json


def test_the_highest_id_still_reaches_the_view(client, logged_in):
    assert client.get(f"/path/versions/{MAX_ID}").status_code == 404


@pytest.mark.parametrize("page", ["9223372036854775808", "99999999999999999999", "-5", "0", "x"])
def test_catalogue_page_beyond_any_range(client, make_catalogue, page):
    make_catalogue()
    assert client.get(f"/catalogue/?page={page}").status_code == 200


@pytest.mark.parametrize("status", [[], {}, 1, None, ["done"]])
def test_patch_status_of_the_wrong_type(api, planned, status):
    response = api.patch(f"/api/v1/me/path/steps/{step_id(planned)}", {"status": status})
    assert response.status_code == 400
    assert "status" in response.get_json()["fields"]


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/api/v1/me/assessments"),
        ("patch", "/api/v1/me/path/steps/{step}"),
        ("post", "/api/v1/plans/preview"),
    ],
)
@pytest.mark.parametrize("body", [nested(1000), nested(100_000), '{"levels": ' + nested(50) + "}"])
def test_deeply_nested_json_is_400(api, planned, method, url, body):
    response = getattr(api.client, method)(
        url.format(step=step_id(planned)), data=body, headers=api.headers, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.get_json()["fields"] == {"body": response.get_json()["error"]}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('{"levels": {"STELSEL": 1}, "wishes": ["\\ud800"]}', "wishes"),
        ('{"levels": {"\\udfff": 1}}', "body"),
        ('{"levels": {"STELSEL": 1}, "wishes": ["a\\u0000b"]}', "wishes"),
    ],
)
def test_lone_surrogates_and_nul_in_json_are_400(api, body, field):
    response = api.client.post(
        "/api/v1/me/assessments", data=body, headers=api.headers, content_type="application/json"
    )
    assert response.status_code == 400
    assert field in response.get_json()["fields"]
    assert count(Assessment) == 1  # only the planned fixture's


def test_note_with_a_lone_surrogate_is_refused_before_storing(api, planned):
    body = json.dumps({"status": "done", "note": "x"}).replace('"x"', '"\\ud83d"')
    response = api.client.patch(
        f"/api/v1/me/path/steps/{step_id(planned)}",
        data=body,
        headers=api.headers,
        content_type="application/json",
    )
    assert response.status_code == 400 and "note" in response.get_json()["fields"]
    assert count(ModuleProgress) == 0


@pytest.mark.parametrize(
    "url", ["/catalogue/?q=a%00b", "/catalogue/modules/A%00B", "/catalogue/?a%00=1", "/path/versions/1%00"]
)
def test_nul_in_urls_is_400(client, make_catalogue, url):
    make_catalogue()
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)


def test_nul_in_a_form_field_is_400_and_nothing_is_stored(client, logged_in):
    response = client.post("/assessment/basis", data={"level_STELSEL": "2\x00", "later": ""})
    assert response.status_code == 400
    assert count(Assessment) == 1


def test_nul_in_an_api_path_is_json_400(api):
    response = api.get("/api/v1/modules/A%00B")
    assert response.status_code == 400 and response.get_json()["fields"] == {
        "url": response.get_json()["error"]
    }


@pytest.mark.parametrize(
    ("context", "field"),
    [
        ({"class_size": 2**40}, "class_context.class_size"),
        ({"class_size": 61}, "class_context.class_size"),
        ({"class_size": 0}, "class_context.class_size"),
        ({"class_size": 30, "support_need": 61}, "class_context.support_need"),
        (
            {"class_size": 30, "support_need": 10, "extra_support_need": 2**63},
            "class_context.extra_support_need",
        ),
    ],
)
def test_api_class_counts_have_the_web_forms_bounds(api, context, field):
    response = api.post("/api/v1/me/assessments", {"levels": LEVELS, "class_context": context})
    assert response.status_code == 400
    assert field in response.get_json()["fields"]


def test_api_assessment_needs_a_level_for_every_area(api):
    response = api.post("/api/v1/me/assessments", {"levels": {"STELSEL": 1}})
    assert response.status_code == 400
    assert set(response.get_json()["fields"]) == {"levels.PLAN", "levels.GEDRAG"}
    assert count(Assessment) == 1


def test_api_class_counts_at_the_bounds_are_stored(api):
    context = {"class_size": 60, "support_need": 60, "extra_support_need": 0}
    assert api.post("/api/v1/me/assessments", {"levels": LEVELS, "class_context": context}).status_code == 201


@pytest.mark.parametrize("value", [" ", "\xa0", "\u2003"])
def test_blank_level_with_save_for_later(client, auth, teacher, value):
    auth.login(teacher.email)
    response = client.post("/assessment/basis", data={"level_STELSEL": value, "level_PLAN": "2", "later": ""})
    assert response.status_code == 302
    assert count(Assessment) == 1


@pytest.mark.parametrize("value", [" ", "\xa0"])
def test_blank_complexity_with_save_for_later(client, auth, teacher, value):
    auth.login(teacher.email)
    response = client.post("/assessment/context", data={"complexity": value, "later": ""})
    assert response.status_code == 302


def test_api_note_limit(api, planned):
    url = f"/api/v1/me/path/steps/{step_id(planned)}"
    response = api.patch(url, {"status": "done", "note": "x" * 2001})
    assert response.status_code == 400 and "note" in response.get_json()["fields"]
    response = api.patch(url, {"status": "skipped", "reason": "x" * 2001})
    assert response.status_code == 400 and "reason" in response.get_json()["fields"]
    assert count(ModuleProgress) == 0
    assert api.patch(url, {"status": "done", "note": "x" * 2000}).status_code == 200


def test_a_body_over_1_mb_is_413(api, client, logged_in):
    big = {"levels": LEVELS, "wishes": ["x" * (1024 * 1024)]}
    response = api.post("/api/v1/me/assessments", big)
    assert response.status_code == 413 and response.is_json and response.get_json()["error"]
    response = client.post("/assessment/basis", data={"level_STELSEL": "1", "x": "y" * (1024 * 1024)})
    assert response.status_code == 413 and b'class="site"' in response.data


def test_json_errors_keep_the_api_shape(api):
    response = api.client.delete("/api/v1/me/path")
    assert response.status_code == 405 and response.get_json()["error"]
    assert "GET" in response.headers["Allow"]
