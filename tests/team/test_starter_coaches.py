"""Coaches of starting teachers: the leader appoints, the coach sees the starter and records
the mentor assessment, the notes stay with the coach; everyone else is refused."""

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Role
from planner.models.paths import Assessment
from planner.models.team import StarterCoach

EXPERIENCED = {"GEDRAG": 3, "KLAS": 4, "DIFF": 4, "LEZEN": 2, "OUDERS": 4}


@pytest.fixture
def starter(make_teacher):
    return make_teacher(
        "Sam Starter", team=1, years_experience=1, levels={"GEDRAG": 2}, email="sam@example.org"
    )


@pytest.fixture
def coach(make_teacher):
    return make_teacher(
        "Carla Coach", team=0, years_experience=15, levels=EXPERIENCED, email="carla@example.org"
    )


def _appoint(client, auth, starter, coach):
    auth.login("leader@example.org")
    response = client.post(f"/school/teachers/{starter.id}/coach", data={"coach": coach.id})
    auth.logout()
    return response


def test_the_leader_appoints_a_coach_and_the_coach_sees_the_starter(client, auth, leader, starter, coach):
    auth.login("leader@example.org")
    page = client.get(f"/school/teachers/{starter.id}").get_data(as_text=True)
    assert "No coach appointed yet." in page
    form = client.get(f"/school/teachers/{starter.id}/coach").get_data(as_text=True)
    # Only colleagues past their start can coach; the starter is no choice.
    assert "Carla Coach" in form and ">Sam Starter<" not in form
    auth.logout()
    assert _appoint(client, auth, starter, coach).status_code == 302
    found = db.session.scalar(sa.select(StarterCoach))
    assert (found.starter_id, found.coach_id) == (starter.id, coach.id)

    auth.login("carla@example.org")
    assert "You coach 1 starting teacher." in client.get("/").get_data(as_text=True)
    assert f'href="/school/coaching/{starter.id}"' in client.get("/school/coaching/").get_data(as_text=True)
    page = client.get(f"/school/coaching/{starter.id}").get_data(as_text=True)
    assert "Sam Starter" in page and "Coaching notes" in page


def test_a_coach_records_the_mentor_assessment_and_keeps_notes_from_the_leader(
    client, auth, leader, starter, coach, shipped
):
    _appoint(client, auth, starter, coach)
    auth.login("carla@example.org")
    form = client.get(f"/school/coaching/{starter.id}/assessment").get_data(as_text=True)
    codes = sorted(set(part.split('"')[0] for part in form.split('name="level_')[1:]))
    assert codes
    # A missing level: a message per area, nothing saved.
    response = client.post(f"/school/coaching/{starter.id}/assessment", data={})
    assert response.status_code == 200
    assert db.session.scalar(sa.select(Assessment).where(Assessment.kind == "mentor")) is None
    response = client.post(
        f"/school/coaching/{starter.id}/assessment", data={f"level_{code}": "2" for code in codes}
    )
    assert response.status_code == 302
    recorded = db.session.scalar(sa.select(Assessment).where(Assessment.kind == "mentor"))
    assert (recorded.teacher_id, recorded.assessor_id) == (starter.id, coach.id)
    client.post(f"/school/coaching/{starter.id}", data={"notes": "Wants to practise with the class plan"})
    assert "Wants to practise" in client.get(f"/school/coaching/{starter.id}").get_data(as_text=True)
    auth.logout()

    auth.login("leader@example.org")
    page = client.get(f"/school/teachers/{starter.id}").get_data(as_text=True)
    assert "Coach: Carla Coach" in page and "by Carla Coach on" in page
    assert "Wants to practise" not in page
    assert "Wants to practise" not in client.get(f"/school/teachers/{starter.id}/print").get_data(
        as_text=True
    )
    assert client.get(f"/school/coaching/{starter.id}").status_code == 403


def test_the_coach_sees_nothing_else_of_the_school(client, auth, leader, starter, coach, make_teacher):
    other = make_teacher("Otto Ander", years_experience=1, email="otto@example.org")
    _appoint(client, auth, starter, coach)
    auth.login("carla@example.org")
    assert client.get(f"/school/coaching/{other.id}").status_code == 404
    assert client.get(f"/school/coaching/{other.id}/assessment").status_code == 404
    for url in (f"/school/teachers/{starter.id}", "/school/team", f"/school/teachers/{starter.id}/coach"):
        assert client.get(url).status_code == 403


def test_the_starter_and_other_teachers_may_not_act_as_coach(
    client, auth, leader, starter, coach, make_teacher
):
    make_teacher("Otto Ander", email="otto@example.org")
    _appoint(client, auth, starter, coach)
    for email in ("sam@example.org", "otto@example.org"):
        auth.login(email)
        assert client.get(f"/school/coaching/{starter.id}").status_code == 404
        assert client.post(f"/school/coaching/{starter.id}/assessment", data={}).status_code == 404
        assert f'href="/school/coaching/{starter.id}"' not in client.get("/school/coaching/").get_data(
            as_text=True
        )
        auth.logout()


def test_other_leaders_may_not_appoint(
    client, auth, leader, team_leader, starter, coach, make_school, make_user
):
    other = make_school(name="De Linde", sector="po")
    make_user(role=Role.LEADER, email="other@example.org", school=other)
    auth.login("other@example.org")
    assert client.post(f"/school/teachers/{starter.id}/coach", data={"coach": coach.id}).status_code == 404
    auth.logout()
    # The team leader leads the starter's team and may appoint a colleague of the school.
    auth.login("tl@example.org")
    assert client.post(f"/school/teachers/{starter.id}/coach", data={"coach": coach.id}).status_code == 302
    # An experienced teacher is no starter: no coach to appoint.
    assert client.get(f"/school/teachers/{coach.id}/coach").status_code == 404
    # Nobody: the coaching ends, the notes with it.
    assert client.post(f"/school/teachers/{starter.id}/coach", data={"coach": 0}).status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StarterCoach)) == 0


def test_a_coach_from_another_school_is_refused(client, auth, leader, starter, make_school, make_user):
    other = make_school(name="De Linde", sector="po")
    outsider = make_user(
        email="out@example.org", school=other, qualification="qualified", years_experience=10
    )
    auth.login("leader@example.org")
    response = client.post(f"/school/teachers/{starter.id}/coach", data={"coach": outsider.id})
    assert response.status_code == 200
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StarterCoach)) == 0


def test_a_deleted_coach_or_starter_takes_the_coaching_along(client, auth, leader, starter, coach):
    from planner.auth.erasure import erase

    _appoint(client, auth, starter, coach)
    erase(coach)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StarterCoach)) == 0
