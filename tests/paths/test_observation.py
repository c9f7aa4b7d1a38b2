"""Lesson observations: recorded by any leader of the teacher's school, for the areas the
lesson showed, and shown as a third source beside the self and mentor assessment."""

import re
from datetime import date, timedelta

import pytest

from planner.extensions import db
from planner.models import Role
from planner.models.paths import Assessment
from planner.paths import assessing
from planner.paths.levels import teacher_assessments
from tests.paths.conftest import assess, count, current, location
from tests.paths.test_mentor import standing_rows


@pytest.fixture
def as_leader(client, auth, leader):
    auth.login(leader.email)
    return leader


def new_url(teacher) -> str:
    return f"/school/teachers/{teacher.id}/observations/new"


def test_the_form_asks_the_date_and_a_level_or_not_observed_per_area(client, as_leader, teacher):
    page = client.get(new_url(teacher)).get_data(as_text=True)
    assert f'value="{date.today().isoformat()}"' in page
    for code in ("STELSEL", "PLAN", "GEDRAG"):
        assert re.search(
            rf'<input checked id="level_{code}-0" name="level_{code}" type="radio" value="">', page
        )
        assert f'name="level_{code}" type="radio" value="0"' in page
    assert "niet geobserveerd" in page and "De leraar kent dit gebied nog niet." in page
    # The class-context area comes first; the others wait in a closed section.
    assert page.index('id="area-GEDRAG"') < page.index("<details") < page.index('id="area-STELSEL"')
    assert "<details open" not in page


def test_recording_an_observation_of_some_areas(client, as_leader, teacher):
    lesson = date.today() - timedelta(days=3)
    response = client.post(
        new_url(teacher), data={"observed_on": lesson.isoformat(), "level_GEDRAG": "1", "level_PLAN": "0"}
    )
    assert location(response) == f"/school/teachers/{teacher.id}/observations"
    observation = db.session.scalars(db.select(Assessment).filter_by(kind="observation")).one()
    assert observation.complete and observation.observed_on == lesson
    assert observation.assessor_id == as_leader.id and observation.teacher_id == teacher.id
    assert observation.levels == {"GEDRAG": 1, "PLAN": 0}

    page = client.get(f"/school/teachers/{teacher.id}/observations").get_data(as_text=True)
    assert as_leader.name in page and "Planmatig werken 0, Gedrag 1" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"level_GEDRAG": "2"}, "Vul de datum in."),
        ({"observed_on": (date.today() + timedelta(days=30)).isoformat(), "level_GEDRAG": "2"}, "toekomst"),
        ({"observed_on": "gisteren", "level_GEDRAG": "2"}, "Vul de datum in."),
        ({"observed_on": date.today().isoformat()}, "Geef een niveau voor ten minste één gebied"),
        ({"observed_on": date.today().isoformat(), "level_GEDRAG": "7"}, "Ongeldige keuze."),
    ],
)
def test_invalid_observations_are_refused_at_the_field_and_keep_what_was_typed(
    client, as_leader, teacher, data, message
):
    response = client.post(
        new_url(teacher), data={"level_PLAN": "3", **data} if "level_GEDRAG" in data else data
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page
    assert count(Assessment, kind="observation") == 0
    if "level_GEDRAG" in data and data["level_GEDRAG"] != "7":
        # What was typed stays, and the section holding a chosen level is open.
        assert re.search(r'<input checked id="level_PLAN-\d" name="level_PLAN" type="radio" value="3">', page)
        assert "<details open" in page


def test_the_observed_level_lowers_where_the_teacher_stands(client, auth, as_leader, teacher):
    assess(teacher, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 3})
    client.post(new_url(teacher), data={"observed_on": "2026-10-05", "level_GEDRAG": "1", "level_PLAN": "4"})
    page = client.get(f"/school/teachers/{teacher.id}").get_data(as_text=True)
    rows = standing_rows(page)
    assert rows["Gedrag"] == ("1", "lesobservatie van 5 oktober 2026", "1")
    assert rows["Planmatig werken"] == ("3", "zelfbeoordeling", "4")
    assert rows["Stelsel"] == ("2", "zelfbeoordeling", "–")
    chart = page.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]
    assert chart.count("mark observed at-") == 2
    assert "Planmatig werken 4, Gedrag 1" in page

    auth.logout()
    auth.login(teacher.email)
    page = client.get("/assessment/results").get_data(as_text=True)
    assert standing_rows(page)["Gedrag"][0] == "1"


def test_an_observation_plans_an_existing_path_again(client, as_leader, teacher):
    assess(teacher, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 3})
    response = client.post(
        new_url(teacher),
        data={"observed_on": date.today().isoformat(), "level_GEDRAG": "2"},
        follow_redirects=True,
    )
    assert "opnieuw gepland" in response.get_data(as_text=True)
    assert (current(teacher).version, current(teacher).cause) == (2, "observation")


def test_per_area_the_newest_lesson_counts(teacher, leader):
    older = assessing.record_observation(teacher, leader, date(2026, 9, 1), {"GEDRAG": 1, "PLAN": 2})
    newer = assessing.record_observation(teacher, leader, date(2026, 10, 1), {"GEDRAG": 3})
    # Written up last, but of the earliest lesson: it does not hide the later ones.
    late = assessing.record_observation(teacher, leader, date(2026, 8, 1), {"GEDRAG": 0, "PLAN": 0})
    db.session.commit()
    found = teacher_assessments(teacher)
    assert [o.id for o in found.observations] == [newer.id, older.id, late.id]
    assert found.observed_levels == {"GEDRAG": 3, "PLAN": 2}
    assert found.observed == {"GEDRAG": newer, "PLAN": older}


def test_any_leader_of_the_school_may_observe_across_teams(client, auth, make_user, school, teacher):
    coach = make_user(role=Role.LEADER, email="coach@example.org", school=school, team=school.teams[1])
    assert teacher.team_id != coach.team_id
    auth.login(coach.email)
    response = client.post(
        new_url(teacher), data={"observed_on": date.today().isoformat(), "level_GEDRAG": "2"}
    )
    assert location(response) == f"/school/teachers/{teacher.id}/observations"
    page = client.get(f"/school/teachers/{teacher.id}/observations").get_data(as_text=True)
    # The coach does not lead the teacher's team: no link to the teacher's own page.
    assert f'href="/school/teachers/{teacher.id}"' not in page
    assert client.get(f"/school/teachers/{teacher.id}").status_code == 404


@pytest.mark.parametrize("url", ["/observations", "/observations/new"])
def test_others_are_refused(client, auth, make_user, other_school, leader, teacher, url):
    stranger_leader = make_user(role=Role.LEADER, email="other@example.org", school=other_school)
    auth.login(stranger_leader.email)
    assert client.get(f"/school/teachers/{teacher.id}{url}").status_code == 404
    assert client.post(f"/school/teachers/{teacher.id}{url}", data={"level_GEDRAG": "2"}).status_code in (
        404,
        405,
    )
    auth.logout()
    # A leader's own id is no teacher's.
    auth.login(leader.email)
    assert client.get(f"/school/teachers/{leader.id}{url}").status_code == 404
    assert client.get(f"/school/teachers/999999{url}").status_code == 404
    auth.logout()
    # Teachers do not observe, not even themselves.
    auth.login(teacher.email)
    assert client.get(f"/school/teachers/{teacher.id}{url}").status_code == 403
    assert count(Assessment, kind="observation") == 0
