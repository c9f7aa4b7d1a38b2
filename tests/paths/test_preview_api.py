"""POST /api/v1/plans/preview: what-if planning for any token holder, nothing stored."""

import pytest

from planner.models import Role
from planner.models.paths import LearningPath
from tests.paths.conftest import count

PREVIEW = {
    "sector": "po",
    "phase": "induction",
    "years_experience": 0,
    "study_years_left": 0,
    "levels": {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1},
}
WHY_KEYS = {"kind", "area", "level", "target", "phase", "module"}


@pytest.fixture(autouse=True)
def catalogue(make_catalogue):
    return make_catalogue()


@pytest.mark.parametrize("role", [Role.TEACHER, Role.LEADER, Role.INSTITUTE, Role.ADMIN])
def test_any_token_previews_a_path_and_nothing_is_stored(api_for, make_user, school, role):
    user = make_user(role=role, school=school if role in (Role.TEACHER, Role.LEADER) else None)

    response = api_for(user).post("/api/v1/plans/preview", PREVIEW)

    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    by_module = {step["module"]: step for step in body["steps"]}
    assert set(by_module) == {"STL-1", "PLN-1", "PLN-2", "GED-1"}
    assert all("id" not in step for step in body["steps"])
    pln2 = by_module["PLN-2"]
    assert pln2["outcomes"] == {"PLAN": 3} and pln2["period"] in (1, 2)
    assert pln2["needs_facilitation"] is False
    assert all(set(why) == WHY_KEYS for step in body["steps"] for why in step["why"])
    assert {
        "kind": "prerequisite",
        "area": None,
        "level": None,
        "target": None,
        "phase": None,
        "module": "PLN-2",
    } in (by_module["PLN-1"]["why"])
    assert body["levels_after"] == {"GEDRAG": 2, "PLAN": 3, "STELSEL": 2}
    assert body["unreachable"] == []
    assert count(LearningPath) == 0


def test_the_preview_follows_mentor_levels_budget_and_school(api_for, make_user, school):
    api = api_for(make_user(school=school))
    body = {
        **PREVIEW,
        "levels": {"STELSEL": 2, "PLAN": 2, "GEDRAG": 3},
        "mentor_levels": {"GEDRAG": 1},
        "budget_hours_per_year": 12,
        "school": {"targets": {"induction": {"PLAN": 4}}, "priorities": ["GEDRAG"]},
    }

    result = api.post("/api/v1/plans/preview", body).get_json()

    steps = {step["module"]: step for step in result["steps"]}
    assert "GED-1" in steps  # the mentor's lower level counts
    assert any("mentor" in sentence for sentence in steps["GED-1"]["reasons"]) or any(
        "mentor" in sentence.lower() for sentence in steps["GED-1"]["reasons"]
    )
    assert steps["PLN-2"]["needs_facilitation"] is True and steps["PLN-2"]["facilitation_hours"] == 12
    [missed] = result["unreachable"]
    assert (missed["area"], missed["target"], missed["kind"], missed["best_level"]) == (
        "PLAN",
        4,
        "no-module",
        3,
    )
    assert missed["reason"]


def test_a_late_target_names_the_school_year_it_is_reached(api_for, make_user, school):
    api = api_for(make_user(school=school))
    # One induction year of 30 hours holds STL-1, GED-1 and PLN-1 but not PLN-2.
    body = {**PREVIEW, "years_experience": 2, "budget_hours_per_year": 30}

    result = api.post("/api/v1/plans/preview", body).get_json()

    [late] = result["unreachable"]
    assert (late["area"], late["kind"], late["best_level"], late["school_year"]) == ("PLAN", "late", 2, 2)
    assert "2" in late["reason"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sector": "ho"}, "sector"),
        ({"phase": "retired"}, "phase"),
        ({"years_experience": -1}, "years_experience"),
        ({"study_years_left": "2"}, "study_years_left"),
        ({"levels": {"STELSEL": 1, "PLAN": 1}}, "levels.GEDRAG"),
        ({"levels": {"STELSEL": 6, "PLAN": 1, "GEDRAG": 1}}, "levels.STELSEL"),
        ({"levels": {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1, "NOPE": 1}}, "levels.NOPE"),
        ({"mentor_levels": {"PLAN": -1}}, "mentor_levels.PLAN"),
        ({"wishes": ["NOPE"]}, "wishes.NOPE"),
        ({"specialisms": ["PLAN", "GEDRAG", "STELSEL"]}, "specialisms"),
        ({"class_context": {"class_size": 61}}, "class_context.class_size"),
        ({"class_context": {"class_size": 20, "support_need": 21}}, "class_context.support_need"),
        ({"budget_hours_per_year": 0}, "budget_hours_per_year"),
        ({"done": ["NOPE"]}, "done.NOPE"),
        ({"school": {"targets": {"induction": {"PLAN": 7}}}}, "school.targets.induction.PLAN"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_input_answers_400_with_a_message_per_field(api_for, make_user, school, change, field):
    response = api_for(make_user(school=school)).post("/api/v1/plans/preview", {**PREVIEW, **change})

    assert response.status_code == 400
    assert field in response.get_json()["fields"]


def test_missing_fields_are_named(api_for, make_user, school):
    response = api_for(make_user(school=school)).post("/api/v1/plans/preview", {})

    fields = response.get_json()["fields"]
    assert {"sector", "phase", "years_experience", "study_years_left", "levels"} <= set(fields)


def test_no_token_no_preview(client):
    assert client.post("/api/v1/plans/preview", json=PREVIEW).status_code == 401
