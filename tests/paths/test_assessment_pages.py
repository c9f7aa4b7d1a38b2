"""The self-assessment in three pages: saved page by page, resumed where the teacher left off,
checked at the fields, and completed into a planned path."""

import re
from datetime import datetime

import pytest

from planner.extensions import db
from planner.models.paths import AssessedArea, Assessment, LearningPath
from planner.paths import assessing, service
from tests.paths.conftest import SMALL_AREAS, assess, count, current, location, steps_by_module


@pytest.fixture
def logged_in(client, auth, teacher):
    auth.login(teacher.email)
    return teacher


def checked(html: str, name: str) -> str | None:
    """The value of the checked radio button ``name``, if any."""
    for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*>', html):
        if " checked" in tag:
            return re.search(r'value="([^"]*)"', tag).group(1)
    return None


def draft(teacher) -> Assessment | None:
    db.session.expire_all()
    return assessing.draft_assessment(teacher)


def test_a_first_visit_starts_at_the_first_page(client, logged_in):
    response = client.get("/assessment")
    assert response.status_code == 302 and location(response) == "/assessment/basis"
    page = client.get("/assessment/basis").get_data(as_text=True)
    assert 'name="level_STELSEL"' in page and 'name="level_PLAN"' in page
    assert 'name="level_GEDRAG"' not in page  # a support area, on the next page
    assert 'name="back"' not in page and 'name="later"' in page and 'name="onward"' in page


def test_unknown_page_is_404(client, logged_in):
    assert client.get("/assessment/extra").status_code == 404


def test_going_on_needs_every_level_of_the_page_and_keeps_the_choices(client, logged_in):
    response = client.post("/assessment/basis", data={"level_STELSEL": "3", "wish_PLAN": "y", "onward": ""})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'id="level_PLAN-error"' in page and 'id="level_STELSEL-error"' not in page
    assert '<fieldset class="area has-error" id="area-PLAN">' in page
    assert checked(page, "level_STELSEL") == "3"
    assert re.search(r'<input checked id="wish_PLAN"|<input[^>]*id="wish_PLAN"[^>]*checked', page)
    assert count(Assessment) == 0


def test_half_way_saved_and_resumed_on_the_page_left(client, logged_in):
    # Page 1 done, page 2 saved for later with nothing chosen.
    response = client.post(
        "/assessment/basis", data={"level_STELSEL": "2", "level_PLAN": "1", "wish_PLAN": "y", "onward": ""}
    )
    assert location(response) == "/assessment/support"
    response = client.post("/assessment/support", data={"later": ""})
    assert location(response) == "/"
    saved = draft(logged_in)
    assert saved is not None and not saved.complete
    assert saved.levels == {"STELSEL": 2, "PLAN": 1} and saved.wishes == ["PLAN"]

    # Back another day: the start page offers to continue, and /assessment goes to page 2.
    start = client.get("/").get_data(as_text=True)
    assert 'href="/assessment"' in start
    assert location(client.get("/assessment")) == "/assessment/support"
    # The first page shows what was saved.
    page = client.get("/assessment/basis").get_data(as_text=True)
    assert checked(page, "level_STELSEL") == "2" and checked(page, "level_PLAN") == "1"

    # Page 2 answered but saved for later: resume on the class context.
    client.post("/assessment/support", data={"level_GEDRAG": "3", "later": ""})
    assert location(client.get("/assessment")) == "/assessment/context"
    assert count(Assessment) == 1  # still the same draft
    assert count(LearningPath) == 0


def test_later_saves_a_partly_filled_page(client, logged_in):
    client.post("/assessment/basis", data={"level_PLAN": "4", "later": ""})
    assert draft(logged_in).levels == {"PLAN": 4}
    assert location(client.get("/assessment")) == "/assessment/basis"


def test_back_saves_and_returns_to_the_previous_page(client, logged_in):
    response = client.post("/assessment/support", data={"level_GEDRAG": "2", "back": ""})
    assert location(response) == "/assessment/basis"
    assert draft(logged_in).levels == {"GEDRAG": 2}
    response = client.post("/assessment/context", data={"class_size": "25", "back": ""})
    assert location(response) == "/assessment/support"
    assert draft(logged_in).class_size == 25


def test_class_context_errors_stay_at_their_fields(client, logged_in):
    response = client.post(
        "/assessment/context",
        data={
            "class_size": "20",
            "support_need": "25",
            "extra_support_need": "3",
            "finish": "",
        },
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    error = re.search(r'<p class="error" id="support_need-error">([^<]+)</p>', page)
    assert error and "klas" in error.group(1)
    assert re.search(
        r'<input aria-describedby="support_need-error" aria-invalid="true" id="support_need"'
        r'[^>]*value="25"',
        page,
    )
    assert re.search(r'id="class_size"[^>]*value="20"', page)
    assert 'id="class_size-error"' not in page
    assert count(Assessment) == 0 and count(LearningPath) == 0


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"class_size": "20", "support_need": "6", "extra_support_need": "7"}, "extra_support_need"),
        ({"class_size": "0"}, "class_size"),
        ({"class_size": "61"}, "class_size"),
        ({"class_size": "twintig"}, "class_size"),
        ({"support_need": "-1"}, "support_need"),
        ({"specialisms": ["STELSEL", "PLAN", "GEDRAG"]}, "specialisms"),
    ],
)
def test_invalid_class_context(client, logged_in, data, field):
    response = client.post("/assessment/context", data={**data, "finish": ""})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'id="{field}-error"' in page
    assert count(Assessment) == 0


def test_finishing_with_missing_levels_goes_to_the_first_missing_area(client, logged_in):
    client.post("/assessment/basis", data={"level_STELSEL": "2", "level_PLAN": "2", "onward": ""})
    response = client.post("/assessment/context", data={"class_size": "24", "finish": ""})
    assert location(response) == "/assessment/support"
    assert draft(logged_in).class_size == 24
    assert count(LearningPath) == 0

    client.post("/assessment/basis", data={"level_STELSEL": "", "level_PLAN": "2", "later": ""})
    response = client.post("/assessment/context", data={"class_size": "24", "finish": ""})
    assert location(response) == "/assessment/basis"


def test_missing_levels_are_asked_in_the_order_of_the_pages(
    client, auth, make_catalogue, make_user, school, shipped_document
):
    # The shipped framework lists the support areas first; the pages ask the basis first.
    make_catalogue(shipped_document)
    teacher = make_user(school=school, qualification="qualified")
    auth.login(teacher.email)
    response = client.post("/assessment/context", data={"class_size": "24", "finish": ""})
    assert location(response) == "/assessment/basis"
    assert location(client.get("/assessment")) == "/assessment/basis"
    page = client.get("/assessment/basis").get_data(as_text=True)
    assert "te beginnen bij Differentiatie en didactisch repertoire" in page


def fill_in(client, levels: dict, context: dict | None = None, wishes=(), specialisms=()):
    client.post(
        "/assessment/basis",
        data={
            "level_STELSEL": str(levels["STELSEL"]),
            "level_PLAN": str(levels["PLAN"]),
            **{f"wish_{code}": "y" for code in wishes if code != "GEDRAG"},
            "onward": "",
        },
    )
    client.post(
        "/assessment/support",
        data={
            "level_GEDRAG": str(levels["GEDRAG"]),
            **({"wish_GEDRAG": "y"} if "GEDRAG" in wishes else {}),
            "onward": "",
        },
    )
    return client.post(
        "/assessment/context",
        data={
            **{k: str(v) for k, v in (context or {}).items()},
            "specialisms": list(specialisms),
            "finish": "",
        },
    )


def test_finishing_completes_the_assessment_and_plans_the_path(client, logged_in):
    response = fill_in(
        client,
        {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1},
        {"class_size": 26, "support_need": 9, "extra_support_need": 5},
        wishes=["GEDRAG"],
        specialisms=["GEDRAG"],
    )
    assert location(response) == "/path"
    assert draft(logged_in) is None
    done = service.latest_assessment(logged_in)
    assert done.complete and done.completed_at is not None
    assert done.levels == dict.fromkeys(SMALL_AREAS, 1)
    assert done.wishes == ["GEDRAG"] and done.specialisms == ["GEDRAG"]
    assert done.class_context == {
        "class_size": 26,
        "support_need": 9,
        "extra_support_need": 5,
        "complexity": None,
    }
    path = current(logged_in)
    assert path.version == 1 and path.assessment_id == done.id
    steps = steps_by_module(path)

    def start(code):
        return (steps[code].school_year, steps[code].period)

    assert start("STL-1") < start("PLN-1") < start("PLN-2")
    # The heavy class and the wish both show in the reasons of the behaviour module.
    assert {r["kind"] for r in steps["GED-1"].reasons} == {"gap", "wish", "class-context"}
    page = client.get("/path").get_data(as_text=True)
    assert "versie 1" in page and "GED-1" in page


def test_a_new_assessment_starts_from_the_previous_one(client, logged_in):
    assess(logged_in, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 1}, class_context={"class_size": 22})
    assert location(client.get("/assessment")) == "/assessment/basis"
    page = client.get("/assessment/basis").get_data(as_text=True)
    assert checked(page, "level_PLAN") == "3"
    # Only a change is chosen; the rest carries over from the previous assessment.
    client.post("/assessment/basis", data={"level_STELSEL": "3", "level_PLAN": "3", "onward": ""})
    assert draft(logged_in).levels == {"STELSEL": 3, "PLAN": 3, "GEDRAG": 1}
    assert draft(logged_in).class_size == 22
    assert location(client.get("/assessment")) == "/assessment/context"
    response = client.post("/assessment/context", data={"class_size": "22", "finish": ""})
    assert location(response) == "/path"
    assert len(service.assessments(logged_in)) == 2
    assert current(logged_in).version == 2


def test_each_assessment_is_kept_with_its_date_and_the_chart_shows_previous_and_latest(client, logged_in):
    first = assess(logged_in, {"STELSEL": 1, "PLAN": 2, "GEDRAG": 1}, completed_at=datetime(2025, 3, 14, 10))
    second = assess(logged_in, {"STELSEL": 3, "PLAN": 2, "GEDRAG": 2}, completed_at=datetime(2026, 10, 1, 9))
    assert [a.id for a in service.assessments(logged_in)] == [second.id, first.id]
    assert count(AssessedArea) == 6

    page = client.get("/assessment/results").get_data(as_text=True)
    assert "1 oktober 2026" in page and "14 maart 2025" in page
    chart = page.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]
    rows = dict(re.findall(r'title="([^:"]+): ([^"]*)"', chart))
    assert set(rows) == {"Stelsel", "Planmatig werken", "Gedrag"}
    # Where the teacher stands first, then the self-assessment, the target and the previous level.
    assert rows["Stelsel"].startswith("staat op 3, zelf 3") and "vorige 1" in rows["Stelsel"]
    assert rows["Gedrag"].startswith("staat op 2, zelf 2") and "vorige 1" in rows["Gedrag"]
    bars = re.findall(r'class="bar to-\d( reached)?"', chart)
    previous = re.findall(r'class="mark previous at-\d"', chart)
    assert len(bars) == 3 and len(previous) == 3


def test_results_without_an_assessment(client, logged_in):
    page = client.get("/assessment/results").get_data(as_text=True)
    assert 'href="/assessment"' in page and '<figure class="chart"' not in page
