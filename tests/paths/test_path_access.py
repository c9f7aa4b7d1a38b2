"""Who may see and change a teacher's assessments and path (DESIGN §2)."""

import pytest

from planner.models.paths import Assessment, LearningPath, ModuleProgress
from tests.paths.conftest import SMALL_AREAS, assess, count, current, steps_by_module

TEACHER_PAGES = [
    ("get", "/assessment"),
    ("get", "/assessment/basis"),
    ("post", "/assessment/support"),
    ("get", "/assessment/context"),
    ("get", "/assessment/results"),
    ("get", "/path"),
    ("get", "/path/versions/1"),
    ("get", "/path/print"),
    ("post", "/path/accept"),
    ("post", "/path/replan"),
    ("post", "/path/steps/1"),
]


@pytest.fixture
def people(people, make_catalogue):
    """The shared cast, each teacher with a first path."""
    make_catalogue()
    for name in ("teacher", "colleague", "stranger"):
        assess(people[name], dict.fromkeys(SMALL_AREAS, 1))
    return people


@pytest.mark.parametrize(("method", "url"), TEACHER_PAGES)
def test_anonymous_is_sent_to_login(client, people, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["leader", "institute", "admin"])
@pytest.mark.parametrize(("method", "url"), TEACHER_PAGES)
def test_other_roles_are_refused_the_teacher_pages(client, auth, people, role, method, url):
    auth.login(people[role].email)
    assert getattr(client, method)(url).status_code == 403
    assert count(Assessment) == 3 and count(LearningPath) == 3


@pytest.mark.parametrize("other", ["colleague", "stranger"])
def test_another_teachers_step_is_404_on_the_web(client, auth, people, other):
    step = current(people[other]).steps[0]
    auth.login(people["teacher"].email)
    for data in ({"action": "start"}, {"action": "skip", "reason": "x"}, {"action": "plan"}):
        assert client.post(f"/path/steps/{step.id}", data=data).status_code == 404
    assert count(ModuleProgress) == 0 and count(LearningPath) == 3


@pytest.mark.parametrize("other", ["colleague", "stranger"])
def test_another_teachers_step_is_404_in_the_api(api_for, people, other):
    step = current(people[other]).steps[0]
    api = api_for(people["teacher"])
    for body in ({"status": "in_progress"}, {"status": "done"}, {"status": "skipped", "reason": "x"}):
        response = api.patch(f"/api/v1/me/path/steps/{step.id}", body)
        assert response.status_code == 404
    assert count(ModuleProgress) == 0 and count(LearningPath) == 3


def test_a_teacher_without_a_path_cannot_touch_a_step(client, auth, api_for, people, make_user):
    newcomer = make_user(email="nieuw@example.org", school=people["teacher"].school)
    step = current(people["teacher"]).steps[0]
    auth.login(newcomer.email)
    assert client.post(f"/path/steps/{step.id}", data={"action": "start"}).status_code == 404
    assert api_for(newcomer).patch(f"/api/v1/me/path/steps/{step.id}", {"status": "done"}).status_code == 404


def test_versions_are_per_teacher(client, auth, people):
    """Version numbers count per teacher: another teacher's number shows one's own path."""
    colleague = people["colleague"]
    assess(colleague, {"STELSEL": 1, "PLAN": 2, "GEDRAG": 1})  # the colleague has version 2
    assert current(colleague).version == 2
    auth.login(people["teacher"].email)
    assert client.get("/path/versions/2").status_code == 404
    page = client.get("/path/versions/1").get_data(as_text=True)
    own = steps_by_module(current(people["teacher"]))
    for step in own.values():
        assert f'id="step-{step.id}"' in page
    for step in current(colleague).steps:
        assert f'id="step-{step.id}"' not in page


@pytest.mark.parametrize(
    ("viewer", "subject", "status"),
    [
        ("leader", "teacher", 200),
        ("leader", "colleague", 200),
        ("team_leader", "colleague", 200),
        ("team_leader", "teacher", 404),
        ("other_leader", "teacher", 404),
        ("other_leader", "colleague", 404),
        ("leader", "stranger", 404),
        ("teacher", "colleague", 403),
        ("institute", "teacher", 403),
        ("admin", "teacher", 403),
    ],
)
@pytest.mark.parametrize("page", ["", "/assessment"])
def test_teacher_pages_of_the_leader(client, auth, people, viewer, subject, status, page):
    auth.login(people[viewer].email)
    assert client.get(f"/school/teachers/{people[subject].id}{page}").status_code == status


@pytest.mark.parametrize(
    ("viewer", "subject"), [("other_leader", "teacher"), ("team_leader", "teacher"), ("leader", "stranger")]
)
def test_a_mentor_assessment_outside_ones_team_is_404_and_not_stored(client, auth, people, viewer, subject):
    auth.login(people[viewer].email)
    response = client.post(
        f"/school/teachers/{people[subject].id}/assessment",
        data={f"level_{code}": "1" for code in SMALL_AREAS},
    )
    assert response.status_code == 404
    assert count(Assessment, kind="mentor") == 0


@pytest.mark.parametrize("subject", ["leader", "admin", "institute"])
def test_a_leader_cannot_open_a_non_teacher_as_teacher(client, auth, people, subject):
    auth.login(people["leader"].email)
    assert client.get(f"/school/teachers/{people[subject].id}").status_code == 404
    assert (
        client.post(
            f"/school/teachers/{people[subject].id}/assessment",
            data={f"level_{code}": "1" for code in SMALL_AREAS},
        ).status_code
        == 404
    )
    assert count(Assessment, kind="mentor") == 0
