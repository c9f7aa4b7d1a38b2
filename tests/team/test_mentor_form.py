"""The mentor's form: levels described in the third person, the teacher's own level beside
each area, and "not observed" stored as no level, so the planner goes by the other sources."""

import re

import sqlalchemy as sa
from flask import g

from planner.domain.assessment import planning_levels
from planner.extensions import db
from planner.models import Area
from planner.models.paths import Assessment
from planner.paths.levels import teacher_levels
from tests.team.conftest import give_levels


def area_codes(page: str) -> list[str]:
    return sorted(set(re.findall(r'name="level_([A-Z0-9]+)"', page)))


def fieldset(page: str, code: str) -> str:
    return page.split(f'id="area-{code}"', 1)[1].split("</fieldset>", 1)[0]


def mentor_assessments() -> list[Assessment]:
    return db.session.scalars(sa.select(Assessment).where(Assessment.kind == "mentor")).all()


def test_descriptors_speak_of_the_teacher_in_both_languages(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers")
    auth.login("leader@example.org")
    page = client.get(f"/school/teachers/{anna.id}/assessment").get_data(as_text=True)
    assert "The teacher knows the signs of reading and spelling difficulties" in page
    assert "I know" not in page and "I independently" not in page
    leader.locale = "nl"
    db.session.commit()
    g.pop("_login_user", None)  # the tests' app context outlives a request: forget its user
    g.pop("_flask_babel", None)  # and its language
    page = client.get(f"/school/teachers/{anna.id}/assessment").get_data(as_text=True)
    assert "De leraar kent de signalen van lees- en spellingproblemen" in page
    assert "Ik ken" not in page and "ik " not in fieldset(page, "LEZEN")


def test_a_reworded_descriptor_keeps_its_own_words(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers")
    area = db.session.scalar(sa.select(Area).where(Area.code == "LEZEN"))
    level_one = next(d for d in area.descriptors if d.level == 1)
    level_one.text_nl = level_one.text_en = "Herkent letters."
    db.session.commit()
    auth.login("leader@example.org")
    page = client.get(f"/school/teachers/{anna.id}/assessment").get_data(as_text=True)
    assert "Herkent letters." in fieldset(page, "LEZEN")


def test_the_teachers_own_level_stands_beside_each_area(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers", levels={"LEZEN": 3})
    auth.login("leader@example.org")
    page = client.get(f"/school/teachers/{anna.id}/assessment").get_data(as_text=True)
    assert re.search(r"Own assessment:\s*<strong>3 · basic</strong>", fieldset(page, "LEZEN"))
    assert "Own assessment: not given." in fieldset(page, "REKENEN")
    newcomer = make_teacher("Nico Nieuw")
    page = client.get(f"/school/teachers/{newcomer.id}/assessment").get_data(as_text=True)
    assert "Nico Nieuw has not completed a self-assessment yet." in fieldset(page, "LEZEN")


def test_not_observed_stores_no_level_and_the_other_sources_count(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers", levels={"LEZEN": 4, "GEDRAG": 3})
    auth.login("leader@example.org")
    url = f"/school/teachers/{anna.id}/assessment"
    codes = area_codes(client.get(url).get_data(as_text=True))
    data = dict.fromkeys((f"level_{c}" for c in codes), "not-observed") | {"level_GEDRAG": "1"}
    assert client.post(url, data=data).status_code == 302
    (recorded,) = mentor_assessments()
    assert recorded.levels == {"GEDRAG": 1}
    levels, sources, _found = teacher_levels(anna)
    assert (levels["LEZEN"], sources["LEZEN"].source) == (4, "self")
    assert (levels["GEDRAG"], sources["GEDRAG"].source) == (1, "mentor")
    assert planning_levels({"LEZEN": 4}, recorded.levels) == {"LEZEN": 4, "GEDRAG": 1}
    # Opened again, the form shows what was chosen, "not observed" included.
    page = client.get(url).get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="not-observed"', fieldset(page, "LEZEN"))
    assert re.search(r'<input checked[^>]*value="1"', fieldset(page, "GEDRAG"))


def test_every_area_needs_a_choice_and_one_a_level(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers")
    auth.login("leader@example.org")
    url = f"/school/teachers/{anna.id}/assessment"
    codes = area_codes(client.get(url).get_data(as_text=True))
    page = client.post(url, data={f"level_{codes[0]}": "2"}).get_data(as_text=True)
    assert fieldset(page, codes[1]).count('class="error"') == 1
    page = client.post(url, data=dict.fromkeys((f"level_{c}" for c in codes), "not-observed"))
    assert "Give a level for at least one area." in page.get_data(as_text=True)
    assert mentor_assessments() == []


def test_the_coach_uses_the_same_form(client, auth, leader, make_teacher, school):
    starter = make_teacher("Sam Starter", years_experience=0, levels={"LEZEN": 2})
    coach = make_teacher("Carla Coach", email="carla@example.org", locale="en")
    auth.login("leader@example.org")
    client.post(f"/school/teachers/{starter.id}/coach", data={"coach": coach.id})
    auth.logout()
    auth.login("carla@example.org")
    page = client.get(f"/school/coaching/{starter.id}/assessment").get_data(as_text=True)
    assert "The teacher knows the signs" in page and 'value="not-observed"' in page
    assert re.search(r"Own assessment:\s*<strong>2 · starting</strong>", fieldset(page, "LEZEN"))


def test_an_earlier_mentor_assessment_fills_the_form(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers")
    give_levels(anna, {"LEZEN": 2}, kind="mentor", assessor=leader)
    auth.login("leader@example.org")
    page = client.get(f"/school/teachers/{anna.id}/assessment").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="2"', fieldset(page, "LEZEN"))
    assert re.search(r'<input checked[^>]*value="not-observed"', fieldset(page, "REKENEN"))
