"""Planning again asks first: the page says what happens, its button plans."""

from planner.models.paths import LearningPath
from tests.paths.conftest import location


def versions() -> int:
    from planner.extensions import db

    return db.session.query(LearningPath).count()


def test_plan_again_is_a_link_to_a_page_that_asks(client, auth, planned):
    auth.login("teacher@example.org")
    path = client.get("/path").get_data(as_text=True)
    assert 'href="/path/replan"' in path
    page = client.get("/path/replan")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'action="/path/replan"' in text and 'href="/path"' in text
    assert versions() == 1
    assert location(client.post("/path/replan")) == "/path"


def test_the_page_says_a_new_plan_comes_beside_an_agreement(client, auth, planned):
    auth.login("teacher@example.org")
    client.post("/path/accept")
    text = client.get("/path/replan").get_data(as_text=True)
    assert "voorstel" in text


def test_without_a_path_there_is_nothing_to_plan_again(client, auth, teacher):
    auth.login("teacher@example.org")
    assert location(client.get("/path/replan")) == "/path"
