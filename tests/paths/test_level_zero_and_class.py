"""Level 0, "not yet", in every form and screen; the class asked per sector and what makes
it heavy in the path."""

import re

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Area, LevelDescriptor
from planner.models.paths import Assessment
from planner.paths import service
from tests.paths.conftest import SMALL_AREAS, assess, count, current, location
from tests.paths.test_assessment_pages import checked, fill_in
from tests.paths.test_mentor import comparison_rows


@pytest.fixture
def logged_in(client, auth, teacher):
    auth.login(teacher.email)
    return teacher


def option_text(page: str, name: str, value: str) -> str:
    """The words beside one radio button."""
    match = re.search(rf'name="{name}"[^>]*value="{value}">(.*?)</label>', page, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


def test_the_self_assessment_offers_not_yet_with_a_generic_description(client, logged_in):
    page = client.get("/assessment/basis").get_data(as_text=True)
    assert option_text(page, "level_STELSEL", "0") == "0 nog niet Ik ken dit gebied nog niet."
    assert option_text(page, "level_STELSEL", "1") == "1 oriënterend Niveau 1"


def test_the_area_description_of_level_0_is_used_when_the_catalogue_has_one(client, logged_in):
    area = db.session.scalar(sa.select(Area).where(Area.code == "STELSEL"))
    db.session.add(LevelDescriptor(area=area, level=0, text_nl="Weet niet wat zorgplicht is.", text_en="-"))
    db.session.commit()
    page = client.get("/assessment/basis").get_data(as_text=True)
    assert option_text(page, "level_STELSEL", "0") == "0 nog niet Weet niet wat zorgplicht is."
    assert option_text(page, "level_PLAN", "0") == "0 nog niet Ik ken dit gebied nog niet."


def test_level_0_is_stored_prefilled_and_shown(client, logged_in):
    response = fill_in(client, {"STELSEL": 0, "PLAN": 1, "GEDRAG": 0})
    assert location(response) == "/path"
    assert service.latest_assessment(logged_in).levels == {"STELSEL": 0, "PLAN": 1, "GEDRAG": 0}
    # A new assessment starts from 0, not from nothing.
    assert checked(client.get("/assessment/basis").get_data(as_text=True), "level_STELSEL") == "0"

    page = client.get("/assessment/results").get_data(as_text=True)
    assert comparison_rows(page)["Stelsel"] == ("0", "–", "2", False)
    chart = page.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]
    assert "Stelsel: staat op 0, zelf 0" in chart
    assert '<span class="tick at-0">0</span>' in chart
    assert chart.count("mark self at-") == 3 and "mark self at-0" in chart  # a marker at 0 too
    start = client.get("/").get_data(as_text=True)
    assert re.search(r"Stelsel: 0 → 2", start)


def test_the_mentor_form_offers_not_yet(client, auth, leader, teacher):
    auth.login(leader.email)
    url = f"/school/teachers/{teacher.id}/assessment"
    page = client.get(url).get_data(as_text=True)
    assert option_text(page, "level_GEDRAG", "0") == "0 nog niet De leraar kent dit gebied nog niet."
    client.post(url, data={"level_STELSEL": "0", "level_PLAN": "0", "level_GEDRAG": "1"})
    assert service.latest_assessment(teacher, "mentor").levels == {"STELSEL": 0, "PLAN": 0, "GEDRAG": 1}


def test_the_api_accepts_level_0(api_for, teacher):
    response = api_for(teacher).post("/api/v1/me/assessments", {"levels": dict.fromkeys(SMALL_AREAS, 0)})
    assert response.status_code == 201
    assert response.get_json()["levels"] == dict.fromkeys(SMALL_AREAS, 0)
    assert current(teacher).levels == dict.fromkeys(SMALL_AREAS, 0)


# The class


def set_sector(teacher, sector):
    teacher.sector = sector
    db.session.commit()


def test_po_asks_counts_with_their_threshold_and_no_complexity(client, logged_in):
    page = client.get("/assessment/context").get_data(as_text=True)
    assert 'name="support_need"' in page and 'name="extra_support_need"' in page
    assert "ernstige (meervoudige) problematiek" in page
    assert "vanaf 8 leerlingen met een ondersteuningsbehoefte, of vanaf 3" in page
    assert 'name="complexity"' not in page


def test_mbo_names_its_own_threshold(client, logged_in):
    set_sector(logged_in, "mbo")
    page = client.get("/assessment/context").get_data(as_text=True)
    assert "vanaf 12 studenten met een ondersteuningsbehoefte, of vanaf 4" in page


def test_go_asks_the_complexity_instead_of_counts(client, logged_in):
    set_sector(logged_in, "go")
    page = client.get("/assessment/context").get_data(as_text=True)
    assert 'name="complexity"' in page and 'name="support_need"' not in page
    assert "Zeer complex: meervoudige problematiek bij meerdere leerlingen" in page
    fill_in(client, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1}, {"complexity": 3})
    assert service.latest_assessment(logged_in).class_context == {
        "class_size": None,
        "support_need": None,
        "extra_support_need": None,
        "complexity": 3,
    }
    # The next assessment starts from it.
    assert checked(client.get("/assessment/context").get_data(as_text=True), "complexity") == "3"


def test_an_invalid_complexity_is_refused_at_its_field(client, logged_in):
    set_sector(logged_in, "go")
    response = client.post("/assessment/context", data={"complexity": "4", "finish": ""})
    assert response.status_code == 200
    assert re.search(r'<p class="error" id="complexity-error">', response.get_data(as_text=True))
    assert count(Assessment) == 0


def class_context_reasons(teacher) -> list[str]:
    return [
        reason["area"]
        for step in current(teacher).steps
        for reason in step.reasons
        if reason.get("kind") == "class-context"
    ]


@pytest.mark.parametrize(
    ("context", "heavy"),
    [
        ({"class_size": 26, "support_need": 7, "extra_support_need": 2}, False),
        ({"class_size": 26, "support_need": 8, "extra_support_need": 0}, True),
        ({"class_size": 26, "support_need": 5, "extra_support_need": 3}, True),
    ],
)
def test_the_path_gives_a_heavy_class_its_areas_first(teacher, context, heavy):
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1), class_context=context)
    assert bool(class_context_reasons(teacher)) is heavy


def test_the_api_takes_the_complexity(api_for, teacher):
    body = {"levels": dict.fromkeys(SMALL_AREAS, 1), "class_context": {"complexity": 2}}
    response = api_for(teacher).post("/api/v1/me/assessments", body)
    assert response.status_code == 201
    assert response.get_json()["class_context"]["complexity"] == 2


@pytest.mark.parametrize("complexity", [0, 4, "3", 2.0, True])
def test_the_api_refuses_another_complexity(api_for, teacher, complexity):
    body = {"levels": dict.fromkeys(SMALL_AREAS, 1), "class_context": {"complexity": complexity}}
    response = api_for(teacher).post("/api/v1/me/assessments", body)
    assert response.status_code == 400
    assert set(response.get_json()["fields"]) == {"class_context.complexity"}
    assert count(Assessment) == 0


def test_the_api_checks_counts_beside_a_wrong_complexity(api_for, teacher):
    body = {
        "levels": dict.fromkeys(SMALL_AREAS, 1),
        "class_context": {"complexity": 5, "class_size": 20, "support_need": 25},
    }
    response = api_for(teacher).post("/api/v1/me/assessments", body)
    assert set(response.get_json()["fields"]) == {"class_context.complexity", "class_context.support_need"}


@pytest.mark.parametrize("level", [-1, 6, "0", None])
def test_the_api_refuses_levels_outside_0_to_5(api_for, teacher, level):
    body = {"levels": {"STELSEL": level, "PLAN": 1, "GEDRAG": 1}}
    response = api_for(teacher).post("/api/v1/me/assessments", body)
    assert response.status_code == 400
    assert response.get_json()["fields"] == {
        "levels.STELSEL": "level must be a whole number from 0 (not yet) to 5"
    }
