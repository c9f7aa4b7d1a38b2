"""Coverage, the team plan with its what-if and confirmation, and peer pairs in the browser's
requests; the matrix's statements do not grow with the team."""

import sqlalchemy as sa

from planner.extensions import db
from planner.models import AuditEntry
from planner.models.paths import LearningPath
from planner.models.team import ExpertMinimum, PeerPair, SchoolRequest
from planner.paths import service

EXPERIENCED = {"GEDRAG": 3, "KLAS": 4, "DIFF": 4, "LEZEN": 2, "OUDERS": 4}


def test_coverage_lists_short_areas_first(client, auth, leader, make_teacher, school):
    db.session.add(ExpertMinimum(school_id=school.id, area_code="GEDRAG", minimum=1))
    db.session.commit()
    make_teacher("Anna Aalbers", levels={"GEDRAG": 3})
    make_teacher("Bram Bos", levels={"GEDRAG": 2})
    auth.login("leader@example.org")
    page = client.get("/school/coverage").get_data(as_text=True)
    assert "Anna Aalbers (3)" in page
    assert page.index("Anna Aalbers (3)") < page.index("Bram Bos (2)")


def test_minimums_are_saved_with_a_message_per_field(client, auth, leader, school, shipped):
    auth.login("leader@example.org")
    page = client.get("/school/coverage").get_data(as_text=True)
    assert 'name="minimum_GEDRAG"' in page
    form = {f"minimum_{code}": "0" for code in ("LEZEN", "REKENEN")}
    response = client.post("/school/coverage", data={**form, "minimum_GEDRAG": "99"})
    assert response.status_code == 200
    assert "20" in response.get_data(as_text=True) and 'value="99"' in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ExpertMinimum)) == 0


def test_team_leader_may_not_change_minimums(client, auth, team_leader):
    auth.login("tl@example.org")
    assert client.get("/school/coverage").status_code == 200
    assert client.post("/school/coverage", data={}).status_code == 403


def test_what_if_and_confirm_make_a_school_proposal(client, auth, leader, make_teacher, school):
    db.session.add(ExpertMinimum(school_id=school.id, area_code="LEZEN", minimum=1))
    # Room beside her own path: the plan keeps within each teacher's hours.
    school.budget_hours_per_year = 120
    db.session.commit()
    anna = make_teacher("Anna Aalbers", levels=EXPERIENCED)
    service.accept_path(service.replan(anna, "assessment"))
    db.session.commit()
    auth.login("leader@example.org")
    page = client.get("/school/team-plan").get_data(as_text=True)
    assert "Anna Aalbers" in page and "Confirm this team plan" in page
    # What-if: no expert needed, nobody trains; nothing is stored.
    page = client.get("/school/team-plan?minimum_LEZEN=0").get_data(as_text=True)
    assert "Confirm this team plan" not in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SchoolRequest)) == 0
    error = client.get("/school/team-plan?minimum_LEZEN=-1").get_data(as_text=True)
    assert "Between 0 and 20." in error
    response = client.post("/school/team-plan")
    assert response.status_code == 302
    request = db.session.scalar(sa.select(SchoolRequest).where(SchoolRequest.teacher_id == anna.id))
    assert (request.area_code, request.level) == ("LEZEN", 4)
    newest = db.session.scalar(
        sa.select(LearningPath)
        .where(LearningPath.teacher_id == anna.id)
        .order_by(LearningPath.version.desc())
    )
    assert newest.cause == "school" and newest.accepted_at is None
    assert newest.targets["experienced"]["LEZEN"] == 4
    assert any(step.outcomes.get("LEZEN", 0) >= 4 for step in newest.steps)
    # The teacher reads in the audit log who asked this of her.
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "team_plan.confirm"))
    assert (entry.subject_id, entry.actor_id, entry.detail) == (anna.id, leader.id, {"areas": {"LEZEN": 4}})


def test_peer_pair_confirmed_by_the_leader(client, auth, leader, make_teacher):
    coach = make_teacher("Carla Coach", levels={"GEDRAG": 5})
    colleague = make_teacher("Daan Dekker", levels={"GEDRAG": 1})
    auth.login("leader@example.org")
    page = client.get("/school/peer-pairs").get_data(as_text=True)
    assert "Carla Coach" in page and "Daan Dekker" in page
    client.post("/school/peer-pairs", data={"coach": coach.id, "colleague": colleague.id, "area": "GEDRAG"})
    pair = db.session.scalar(sa.select(PeerPair))
    assert (pair.coach_id, pair.colleague_id, pair.area_code) == (coach.id, colleague.id, "GEDRAG")
    # Confirmed: no longer proposed; a made-up pair is refused.
    response = client.post(
        "/school/peer-pairs", data={"coach": colleague.id, "colleague": coach.id, "area": "X"}
    )
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PeerPair)) == 1


def test_matrix_statements_do_not_grow_with_the_team(client, auth, leader, make_teacher, query_counter):
    def statements() -> int:
        # A first request after the fixtures' commits reloads the leader: not the page's.
        client.get("/school/team")
        query_counter.reset()
        assert client.get("/school/team").status_code == 200
        return query_counter.count

    for n in range(10):
        make_teacher(f"Teacher {n:03}", team=n % 2, levels={"GEDRAG": n % 5}, mentor={"GEDRAG": 2})
    auth.login("leader@example.org")
    ten = statements()
    for n in range(10, 200):
        make_teacher(f"Teacher {n:03}", team=n % 2, levels={"GEDRAG": n % 5}, mentor={"GEDRAG": 2})
    assert statements() == ten


def test_both_teachers_see_a_confirmed_pair_on_their_start_page(client, auth, leader, make_teacher):
    coach = make_teacher("Carla Coach", levels={"GEDRAG": 5}, email="carla@example.org", locale="en")
    colleague = make_teacher("Daan Dekker", levels={"GEDRAG": 1}, email="daan@example.org", locale="en")
    auth.login("leader@example.org")
    client.post("/school/peer-pairs", data={"coach": coach.id, "colleague": colleague.id, "area": "GEDRAG"})
    auth.logout()
    auth.login("carla@example.org")
    assert "You coach Daan Dekker in" in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login("daan@example.org")
    assert "Carla Coach coaches you in" in client.get("/").get_data(as_text=True)


def test_confirm_keeps_every_teacher_left_out(client, auth, leader, make_teacher, school):
    school.budget_hours_per_year = 120
    db.session.add(ExpertMinimum(school_id=school.id, area_code="LEZEN", minimum=1))
    db.session.commit()
    anna = make_teacher("Anna Aalbers", levels={"LEZEN": 2})
    bram = make_teacher("Bram Bos", levels={"LEZEN": 2})
    # Cees starts lowest: only with both others left out is he the one to train.
    cees = make_teacher("Cees Claes", levels={"LEZEN": 1})
    auth.login("leader@example.org")
    query = f"?minimum_LEZEN=1&exclude={anna.id}&exclude={bram.id}"
    page = client.get("/school/team-plan" + query).get_data(as_text=True)
    assert f'action="/school/team-plan{query}"' in page.replace("&amp;", "&")
    client.post("/school/team-plan" + query)
    asked = db.session.scalars(sa.select(SchoolRequest.teacher_id)).all()
    assert asked == [cees.id]
