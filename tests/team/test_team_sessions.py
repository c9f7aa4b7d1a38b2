"""Team sessions in the leader's browser requests: ranked, scheduled into the
participants' paths, attendance confirmed into done modules, called off."""

from datetime import date, timedelta

import sqlalchemy as sa

from planner.extensions import db
from planner.models import Role
from planner.models.paths import LearningPath, ModuleProgress
from planner.models.team import TeamSession
from planner.paths import service

# Below the po targets in classroom management, with the level the study day KLS-7 asks (KLAS 2).
LEVELS = {"GEDRAG": 3, "KLAS": 2, "DIFF": 3, "LEZEN": 3}


def newest(teacher) -> LearningPath:
    return db.session.scalar(
        sa.select(LearningPath)
        .where(LearningPath.teacher_id == teacher.id)
        .order_by(LearningPath.version.desc())
    )


def planned_team(make_teacher):
    team = []
    for name in ("Anna Aalbers", "Bram Bos"):
        teacher = make_teacher(name, levels=LEVELS)
        service.accept_path(service.replan(teacher, "assessment"))
        team.append(teacher)
    db.session.commit()
    return team


def schedule(client, on: date, participants, code="KLS-7"):
    return client.post(
        f"/school/sessions/new/{code}",
        data={"held_on": on.isoformat(), "participants": [str(t.id) for t in participants]},
    )


def test_the_leader_schedules_a_format_and_it_comes_as_a_proposal(client, auth, leader, make_teacher):
    anna, bram = planned_team(make_teacher)
    auth.login("leader@example.org")
    page = client.get("/school/sessions").get_data(as_text=True)
    assert "KLS-7" in page and "Anna Aalbers, Bram Bos" in page
    form = client.get("/school/sessions/new/KLS-7").get_data(as_text=True)
    # Ticked in advance: the teachers who gain from it.
    assert form.count("checked") == 2
    on = date.today() + timedelta(days=40)
    response = schedule(client, on, [anna])
    assert response.status_code == 302
    proposal = newest(anna)
    assert proposal.accepted_at is None and proposal.cause == "team-session"
    (step,) = [s for s in proposal.steps if s.module_code == "KLS-7"]
    assert step.reasons[0]["kind"] == "team-session" and step.reasons[0]["on"] == on.isoformat()
    assert all(s.module_code != "KLS-7" for s in newest(bram).steps)
    auth.logout()
    auth.login(anna.email)
    page = client.get("/path").get_data(as_text=True)
    assert "Lotte Leider scheduled the team session KLS-7 for you" in page
    whole = client.get(f"/path/versions/{proposal.version}").get_data(as_text=True)
    assert "A team session Lotte Leider scheduled for you and your colleagues" in whole
    assert client.post("/path/proposal/accept").status_code == 302
    assert newest(anna).accepted_at is not None


def test_attendance_makes_the_module_done_for_those_who_were_there(client, auth, leader, make_teacher):
    anna, bram = planned_team(make_teacher)
    auth.login("leader@example.org")
    schedule(client, date.today() + timedelta(days=10), [anna, bram])
    session = db.session.scalar(sa.select(TeamSession))
    early = client.post(f"/school/sessions/{session.id}", data={"attended": [str(anna.id)]})
    assert early.status_code == 200
    assert db.session.scalar(sa.select(ModuleProgress)) is None
    session.held_on = date.today() - timedelta(days=1)
    db.session.commit()
    response = client.post(f"/school/sessions/{session.id}", data={"attended": [str(anna.id)]})
    assert response.status_code == 302
    (done,) = db.session.scalars(sa.select(ModuleProgress)).all()
    assert (done.teacher_id, done.module_code, done.status, done.on_date) == (
        anna.id,
        "KLS-7",
        "done",
        session.held_on,
    )
    assert "Lotte Leider" in done.note
    assert any(s.module_code == "KLS-7" and s.status == "done" for s in newest(anna).steps)
    assert all(s.module_code != "KLS-7" for s in newest(bram).steps)
    # Confirmed once; the page now lists who was there.
    page = client.get(f"/school/sessions/{session.id}").get_data(as_text=True)
    assert "Anna Aalbers: attended" in page and "Bram Bos: not there" in page
    assert client.post(f"/school/sessions/{session.id}/cancel").status_code == 302
    assert db.session.get(TeamSession, session.id) is not None


def test_a_session_called_off_leaves_the_paths(client, auth, leader, make_teacher):
    anna, _bram = planned_team(make_teacher)
    auth.login("leader@example.org")
    schedule(client, date.today() + timedelta(days=10), [anna])
    session = db.session.scalar(sa.select(TeamSession))
    assert "Call off" in client.get(f"/school/sessions/{session.id}/cancel").get_data(as_text=True)
    assert client.post(f"/school/sessions/{session.id}/cancel").status_code == 302
    assert db.session.scalar(sa.select(TeamSession)) is None
    assert all(s.module_code != "KLS-7" for s in newest(anna).steps)


def test_bad_schedules_say_why_and_keep_what_was_typed(client, auth, leader, make_teacher):
    anna, _bram = planned_team(make_teacher)
    auth.login("leader@example.org")
    past = schedule(client, date.today() - timedelta(days=3), [anna]).get_data(as_text=True)
    assert "Choose a date from today on." in past
    assert (date.today() - timedelta(days=3)).isoformat() in past
    nobody = schedule(client, date.today() + timedelta(days=3), []).get_data(as_text=True)
    assert "Choose at least one participant." in nobody
    assert "Choose the date of the session." in client.post("/school/sessions/new/KLS-7", data={}).get_data(
        as_text=True
    )
    # Not a team format, or one that works on no gap of the team: nothing to schedule.
    assert client.get("/school/sessions/new/KLS-1").status_code == 404
    assert db.session.scalar(sa.select(TeamSession)) is None


def test_sessions_are_the_leaders_of_their_own_school_and_team(
    client, auth, leader, team_leader, make_teacher, make_school, make_user
):
    anna, _bram = planned_team(make_teacher)
    auth.login("leader@example.org")
    schedule(client, date.today() + timedelta(days=10), [anna])
    session = db.session.scalar(sa.select(TeamSession))
    auth.logout()
    # A team leader manages their own team's sessions, not the school leader's.
    auth.login("tl@example.org")
    assert client.get(f"/school/sessions/{session.id}").status_code == 404
    auth.logout()
    other = make_school(name="Elders", sector="po")
    make_user(role=Role.LEADER, email="other@example.org", school=other)
    auth.login("other@example.org")
    assert client.get(f"/school/sessions/{session.id}").status_code == 404
    assert client.post(f"/school/sessions/{session.id}/cancel").status_code == 404
    auth.logout()
    auth.login(anna.email)
    assert client.get("/school/sessions").status_code == 403


def test_a_team_leader_lists_and_opens_the_sessions_of_their_team(
    client, auth, leader, team_leader, make_teacher
):
    upper = make_teacher("Carla Claes", team=1, levels=LEVELS)
    service.accept_path(service.replan(upper, "assessment"))
    anna, _bram = planned_team(make_teacher)
    auth.login("leader@example.org")
    schedule(client, date.today() + timedelta(days=10), [anna])
    auth.logout()
    auth.login("tl@example.org")
    page = client.get("/school/sessions").get_data(as_text=True)
    # The school leader's session is not the team leader's to open, so it is not listed.
    assert "No team sessions scheduled yet." in page
    assert "Carla Claes" in page and "Anna Aalbers" not in page
    schedule(client, date.today() + timedelta(days=12), [upper])
    own = db.session.scalars(sa.select(TeamSession).where(TeamSession.team_id == team_leader.team_id)).one()
    page = client.get("/school/sessions").get_data(as_text=True)
    assert f"/school/sessions/{own.id}" in page
    assert "Carla Claes" in client.get(f"/school/sessions/{own.id}").get_data(as_text=True)
