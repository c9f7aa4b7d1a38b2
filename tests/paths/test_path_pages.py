"""The path page: accept, plan again, and progress on steps, each a new version of the path."""

import re
from datetime import date, timedelta

import pytest

from planner.extensions import db
from planner.models.paths import LearningPath, ModuleProgress
from tests.paths.conftest import assess, count, current, location, steps_by_module


@pytest.fixture
def logged_in(client, auth, planned):
    auth.login(planned.email)
    return planned


def card(html: str, step_id: int) -> str:
    """The step card of one step."""
    match = re.search(rf'<article class="step-card (\w+)" id="step-{step_id}">(.*?)</article>', html, re.S)
    assert match, f"no card for step {step_id}"
    return match.group(0)


def card_status(html: str, step_id: int) -> str:
    return re.search(r'<article class="step-card (\w+)"', card(html, step_id)).group(1)


def cards_by_module(html: str) -> dict[str, str]:
    found = re.findall(
        r'<article class="step-card (\w+)" id="step-\d+">\s*<header>.*?<strong>(\S+)', html, re.S
    )
    return {code: status for status, code in found}


def yesterday() -> str:
    return (date.today() - timedelta(days=1)).isoformat()


def test_path_page_without_an_assessment(client, auth, teacher):
    auth.login(teacher.email)
    page = client.get("/path").get_data(as_text=True)
    assert 'href="/assessment"' in page and 'class="step-card' not in page


def test_path_page_shows_the_steps_with_reasons_and_the_timeline(client, logged_in):
    page = client.get("/path").get_data(as_text=True)
    assert "versie 1" in page and "voorstel" in page
    assert cards_by_module(page) == dict.fromkeys(["GED-1", "STL-1", "PLN-1", "PLN-2"], "planned")
    assert '<figure class="timeline">' in page and 'class="link"' in page
    pln2 = card(page, steps_by_module(current(logged_in))["PLN-2"].id)
    assert 'href="#PLN-1"' in pln2  # requires
    assert "Brengt Planmatig werken van niveau 2 naar 3" in pln2
    assert "40 uur per schooljaar" in page


def test_accept(client, logged_in):
    response = client.post("/path/accept")
    assert location(response) == "/path"
    assert current(logged_in).accepted_at is not None
    page = client.get("/path").get_data(as_text=True)
    assert "geaccepteerd op" in page and 'name="accept"' not in page
    assert count(LearningPath) == 1  # accepting is no new version


def test_accept_without_a_path_is_400(client, auth, teacher):
    auth.login(teacher.email)
    assert client.post("/path/accept").status_code == 400


def test_plan_again_on_request(client, logged_in):
    response = client.post("/path/replan")
    assert location(response) == "/path"
    assert current(logged_in).version == 1  # nothing changed: no new version
    assess(logged_in, {"STELSEL": 1, "PLAN": 2, "GEDRAG": 1}, plan=False)
    client.post("/path/replan")
    path = current(logged_in)
    assert path.version == 2 and path.cause == "request"


def test_plan_again_without_an_assessment_changes_nothing(client, auth, teacher):
    auth.login(teacher.email)
    response = client.post("/path/replan", follow_redirects=True)
    assert "zelfbeoordeling" in response.get_data(as_text=True).lower()
    assert count(LearningPath) == 0


def test_done_replans_and_the_old_version_keeps_the_old_status(client, logged_in):
    step = steps_by_module(current(logged_in))["STL-1"]
    response = client.post(
        f"/path/steps/{step.id}",
        data={"action": "done", "on_date": yesterday(), "note": "Certificaat in portfolio"},
    )
    # Back at the same step: its id changes with the new version, its module code does not.
    assert location(response) == "/path#STL-1"
    path = current(logged_in)
    assert path.version == 2 and path.cause == "progress"
    progress = db.session.query(ModuleProgress).one()
    assert (progress.module_code, progress.status, progress.on_date, progress.note) == (
        "STL-1",
        "done",
        date.today() - timedelta(days=1),
        "Certificaat in portfolio",
    )

    page = client.get("/path").get_data(as_text=True)
    assert "versie 2" in page
    assert cards_by_module(page)["STL-1"] == "done"
    assert "Certificaat in portfolio" in page

    old = client.get("/path/versions/1")
    assert old.status_code == 200
    old_page = old.get_data(as_text=True)
    assert "eerdere versie" in old_page
    assert card_status(old_page, step.id) == "planned"
    assert cards_by_module(old_page) == dict.fromkeys(["GED-1", "STL-1", "PLN-1", "PLN-2"], "planned")
    # An earlier version is for reading: no step forms, no accept button.
    assert "/path/steps/" not in old_page and 'name="accept"' not in old_page
    assert client.get("/path/versions/2").get_data(as_text=True).count("eerdere versie") == 0


def test_done_without_the_optional_note_field(client, logged_in):
    """A form without the note field (another client, a script) still records the step."""
    step = steps_by_module(current(logged_in))["GED-1"]
    response = client.post(f"/path/steps/{step.id}", data={"action": "done", "on_date": yesterday()})
    assert location(response) == "/path#GED-1"
    assert db.session.query(ModuleProgress).one().note == ""


def test_start_then_plan_again_then_skip(client, logged_in):
    step = steps_by_module(current(logged_in))["GED-1"]
    client.post(f"/path/steps/{step.id}", data={"action": "start"})
    path = current(logged_in)
    assert path.version == 2 and steps_by_module(path)["GED-1"].status == "in_progress"

    client.post(f"/path/steps/{steps_by_module(path)['GED-1'].id}", data={"action": "plan"})
    path = current(logged_in)
    assert path.version == 3 and steps_by_module(path)["GED-1"].status == "planned"
    assert count(ModuleProgress) == 0

    client.post(
        f"/path/steps/{steps_by_module(path)['GED-1'].id}",
        data={"action": "skip", "reason": "Al gedaan bij vorige werkgever"},
    )
    path = current(logged_in)
    assert path.version == 4 and steps_by_module(path)["GED-1"].status == "skipped"
    page = client.get("/path").get_data(as_text=True)
    assert "Al gedaan bij vorige werkgever" in page
    # Each version shows its own status of the step.
    statuses = {}
    for version in (1, 2, 3, 4):
        versions_page = client.get(f"/path/versions/{version}").get_data(as_text=True)
        statuses[version] = cards_by_module(versions_page)["GED-1"]
    assert statuses == {1: "planned", 2: "in_progress", 3: "planned", 4: "skipped"}


def test_skip_without_a_reason_is_refused_at_the_field(client, logged_in):
    step = steps_by_module(current(logged_in))["GED-1"]
    response = client.post(f"/path/steps/{step.id}", data={"action": "skip", "reason": "   "})
    assert response.status_code == 303 and location(response) == "/path#GED-1"
    page = client.get("/path").get_data(as_text=True)
    # Shown once: a reload shows the step without the message.
    assert 'class="error"' not in card(client.get("/path").get_data(as_text=True), step.id)
    html = card(page, step.id)
    assert '<details class="no-print" open>' in html
    assert re.search(rf'<p class="error" id="reason-{step.id}-error">', html)
    assert count(LearningPath) == 1 and count(ModuleProgress) == 0


def test_done_without_a_date_keeps_the_typed_note(client, logged_in):
    steps = steps_by_module(current(logged_in))
    step = steps["GED-1"]
    response = client.post(
        f"/path/steps/{step.id}", data={"action": "done", "on_date": "", "note": "Mijn bewijs"}
    )
    assert response.status_code == 303
    page = client.get("/path").get_data(as_text=True)
    html = card(page, step.id)
    assert re.search(rf'<p class="error" id="on_date-{step.id}-error">', html)
    assert re.search(rf'id="on_date-{step.id}"[^>]*aria-invalid="true"', html)
    assert html.count('class="error"') == 1
    assert "Mijn bewijs</textarea>" in html
    # The other steps' forms stay empty and without errors.
    other = card(page, steps["STL-1"].id)
    assert "Mijn bewijs" not in other and 'class="error"' not in other
    assert count(LearningPath) == 1 and count(ModuleProgress) == 0


def test_an_unreadable_date_is_kept_as_typed(client, logged_in):
    step = steps_by_module(current(logged_in))["GED-1"]
    response = client.post(f"/path/steps/{step.id}", data={"action": "done", "on_date": "gisteren"})
    assert response.status_code == 303
    assert re.search(
        rf'id="on_date-{step.id}"[^>]*value="gisteren"',
        card(client.get("/path").get_data(as_text=True), step.id),
    )


def test_a_date_in_the_future_is_refused(client, logged_in):
    step = steps_by_module(current(logged_in))["GED-1"]
    future = (date.today() + timedelta(days=10)).isoformat()
    response = client.post(
        f"/path/steps/{step.id}", data={"action": "done", "on_date": future, "note": "certificaat"}
    )
    assert response.status_code == 303
    html = card(client.get("/path").get_data(as_text=True), step.id)
    assert f'id="on_date-{step.id}-error"' in html and "toekomst" in html
    assert re.search(rf'id="on_date-{step.id}"[^>]*value="{future}"', html)
    assert re.search(r"name=\"note\"[^>]*>\s*certificaat</textarea>", html)
    assert count(LearningPath) == 1 and count(ModuleProgress) == 0


@pytest.mark.parametrize("action", ["", "finish", None])
def test_an_unknown_action_is_400(client, logged_in, action):
    step = steps_by_module(current(logged_in))["GED-1"]
    data = {} if action is None else {"action": action}
    assert client.post(f"/path/steps/{step.id}", data=data).status_code == 400


def test_a_done_step_cannot_change(client, logged_in):
    step = steps_by_module(current(logged_in))["GED-1"]
    client.post(f"/path/steps/{step.id}", data={"action": "done", "on_date": yesterday()})
    done = steps_by_module(current(logged_in))["GED-1"]
    response = client.post(f"/path/steps/{done.id}", data={"action": "plan"}, follow_redirects=True)
    assert 'class="flash error"' in response.get_data(as_text=True)
    assert current(logged_in).version == 2
    assert f'action="/path/steps/{done.id}"' not in client.get("/path").get_data(as_text=True)


def test_a_step_of_an_earlier_version_is_refused(client, logged_in):
    first = steps_by_module(current(logged_in))
    client.post(f"/path/steps/{first['STL-1'].id}", data={"action": "start"})
    response = client.post(f"/path/steps/{first['GED-1'].id}", data={"action": "start"})
    assert location(response).startswith("/path")
    assert current(logged_in).version == 2
    assert steps_by_module(current(logged_in))["GED-1"].status == "planned"


@pytest.mark.parametrize("version", [0, 2, 99])
def test_unknown_version_is_404(client, logged_in, version):
    assert client.get(f"/path/versions/{version}").status_code == 404


def test_unknown_step_is_404(client, logged_in):
    assert client.post("/path/steps/999999", data={"action": "start"}).status_code == 404


def test_print_page(client, logged_in):
    response = client.get("/path/print")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for code in ("GED-1", "STL-1", "PLN-1", "PLN-2"):
        assert code in page


def test_start_page_shows_the_next_steps_and_progress(client, auth, teacher):
    assess(teacher, {"STELSEL": 2, "PLAN": 1, "GEDRAG": 1})
    auth.login(teacher.email)
    page = client.get("/").get_data(as_text=True)
    upcoming = page.split('<ol class="upcoming">', 1)[1].split("</ol>", 1)[0]
    path = current(teacher)
    open_steps = [s for s in path.steps if s.status in ("planned", "in_progress")][:4]
    assert re.findall(r'href="/path#step-(\d+)"', upcoming) == [str(s.id) for s in open_steps]
    # One of three areas (STELSEL) is at the induction target.
    assert '<progress max="3" value="1">' in page
    assert "Planmatig werken: 1 → 3" in page


def test_a_step_done_in_an_earlier_school_year(client, logged_in):
    path = current(logged_in)
    step = steps_by_module(path)["STL-1"]
    earlier = date(path.first_school_year - 1, 10, 1)
    client.post(f"/path/steps/{step.id}", data={"action": "done", "on_date": earlier.isoformat()})
    path = current(logged_in)
    done = steps_by_module(path)["STL-1"]
    assert done.status == "done" and done.school_year == 0
    response = client.get("/path")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"{earlier.year}-{earlier.year + 1}" in page
    assert client.get("/api/v1/me/path").status_code == 401  # the API wants a token, not the session


def test_pages_before_any_catalogue(client, auth, make_user, school):
    teacher = make_user(email="vroeg@example.org", school=school)
    auth.login(teacher.email)
    for url in ("/", "/path", "/assessment/results"):
        assert client.get(url).status_code == 200, url
    response = client.get("/assessment/basis")
    assert response.status_code == 302 and response.headers["Location"].endswith("/")
