"""A school profile change leaves its teachers' paths out of date; each is planned again on
the next read of anything that shows it, once, and an agreement stays as it was."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.orm.attributes import set_committed_value

from planner.auth.accounts import create_api_token
from planner.extensions import db
from planner.models import Role, User
from planner.models.team import StarterCoach
from planner.paths import assessing, service
from planner.school import profile as school_profile

LEVELS = {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1}


def with_path(teacher) -> None:
    assessment = assessing.start_draft(teacher, None)
    assessing.set_areas(assessment, LEVELS)
    assessing.complete(assessment)
    service.replan(teacher, "assessment")
    db.session.commit()


@pytest.fixture
def school(make_catalogue, make_school):
    make_catalogue()
    return make_school()


@pytest.fixture
def teacher(make_user, school):
    teacher = make_user(school=school, team=school.teams[0], qualification="qualified", years_experience=0)
    with_path(teacher)
    return teacher


@pytest.fixture
def leader(make_user, school):
    return make_user(role=Role.LEADER, school=school)


def save_budget(school, hours: int) -> int:
    """The school's budget changed, as the profile form saves it."""
    marked = school_profile.save_profile(school, hours, {})
    db.session.commit()
    return marked


def versions(teacher) -> list[tuple[int, str]]:
    db.session.expire_all()
    return [(p.version, p.cause) for p in reversed(service.path_versions(teacher))]


def out_of_date(teacher) -> date | None:
    return db.session.scalar(sa.select(User.path_out_of_date_since).where(User.id == teacher.id))


def test_the_save_marks_the_paths_and_plans_none(make_user, school, teacher):
    colleague = make_user(school=school, qualification="qualified")
    with_path(colleague)
    without_path = make_user(school=school, qualification="qualified")
    leader = make_user(role=Role.LEADER, school=school)

    assert save_budget(school, 12) == 2
    assert versions(teacher) == versions(colleague) == [(1, "assessment")]
    assert out_of_date(teacher) == out_of_date(colleague) == date.today()
    # A first path is the teacher's own step; a leader has none.
    assert out_of_date(without_path) is None and out_of_date(leader) is None


def test_the_next_read_plans_once(client, auth, teacher, school, query_counter):
    save_budget(school, 12)
    auth.login(teacher.email)
    query_counter.reset()
    page = client.get("/path").get_data(as_text=True)
    assert versions(teacher) == [(1, "assessment"), (2, "school")]
    path = service.current_path(teacher)
    assert path.budget_hours_per_year == 12
    assert path.cause_detail == {"on": date.today().isoformat(), "by": school.name}
    assert out_of_date(teacher) is None
    assert "12" in page
    planned = sum(s.startswith("INSERT INTO learning_paths") for s in query_counter.statements)
    assert planned == 1

    query_counter.reset()
    for url in ("/path", "/", "/path/print"):
        assert client.get(url).status_code == 200
    assert versions(teacher) == [(1, "assessment"), (2, "school")]
    assert not any(s.startswith("UPDATE users") for s in query_counter.statements)


def test_the_day_of_the_change_is_the_cause_read_later(client, auth, teacher, school):
    save_budget(school, 12)
    earlier = date.today() - timedelta(days=3)
    db.session.execute(sa.update(User).where(User.id == teacher.id).values(path_out_of_date_since=earlier))
    db.session.commit()
    auth.login(teacher.email)
    client.get("/path")
    db.session.expire_all()
    assert service.current_path(teacher).cause_detail["on"] == earlier.isoformat()


@pytest.mark.parametrize("url", ["/", "/path/print", "/path/versions/1"])
def test_every_page_of_the_teacher_that_shows_the_path_plans_it(client, auth, teacher, school, url):
    save_budget(school, 12)
    auth.login(teacher.email)
    assert client.get(url).status_code == 200
    assert versions(teacher) == [(1, "assessment"), (2, "school")]


def test_the_api_reads_the_fresh_path(client, teacher, school):
    token = create_api_token(teacher)
    db.session.commit()
    save_budget(school, 12)
    response = client.get("/api/v1/me/path", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.get_json()["version"] == 2
    assert versions(teacher) == [(1, "assessment"), (2, "school")]


@pytest.mark.parametrize("page", ["teacher", "print"])
def test_a_leader_reading_a_teacher_sees_the_fresh_path(client, auth, teacher, leader, school, page):
    save_budget(school, 12)
    auth.login(leader.email)
    url = f"/school/teachers/{teacher.id}" + ("/print" if page == "print" else "")
    assert client.get(url).status_code == 200
    assert versions(teacher) == [(1, "assessment"), (2, "school")]
    assert out_of_date(teacher) is None


def test_a_coach_reading_a_starter_sees_the_fresh_path(client, auth, make_user, teacher, leader, school):
    coach = make_user(school=school, qualification="qualified", years_experience=8)
    db.session.add(StarterCoach(school_id=school.id, starter_id=teacher.id, coach_id=coach.id, notes=""))
    db.session.commit()
    save_budget(school, 12)
    auth.login(coach.email)
    assert client.get(f"/school/coaching/{teacher.id}").status_code == 200
    assert versions(teacher) == [(1, "assessment"), (2, "school")]


def test_the_team_plan_plans_the_paths_it_counts(client, auth, make_user, teacher, leader, school):
    colleague = make_user(school=school, team=school.teams[1], qualification="qualified")
    with_path(colleague)
    agreed = make_user(school=school, team=school.teams[1], qualification="qualified")
    with_path(agreed)
    service.accept_path(service.current_path(agreed))
    db.session.commit()
    save_budget(school, 12)
    auth.login(leader.email)
    assert client.get("/school/team-plan").status_code == 200
    assert versions(teacher) == versions(colleague) == [(1, "assessment"), (2, "school")]
    assert out_of_date(teacher) is None and out_of_date(colleague) is None
    # The plan counts an agreement, which a school change leaves as it is: that path waits
    # for its teacher's next read.
    assert versions(agreed) == [(1, "assessment")] and out_of_date(agreed) is not None
    # The matrix reads levels, not paths: nothing left to plan, nothing planned twice.
    assert client.get("/school/team").status_code == 200
    assert versions(teacher) == [(1, "assessment"), (2, "school")]


def test_an_agreement_stays_and_the_change_waits_beside_it(client, auth, teacher, school):
    service.accept_path(service.current_path(teacher))
    db.session.commit()
    save_budget(school, 12)
    auth.login(teacher.email)
    client.get("/path")
    db.session.expire_all()
    agreement, proposal = service.agreement_and_proposal(service.path_versions(teacher))
    assert (agreement.version, agreement.budget_hours_per_year) == (1, 40)
    assert (proposal.version, proposal.cause, proposal.budget_hours_per_year) == (2, "school", 12)


def test_a_step_changed_before_any_read_keeps_the_change_as_a_proposal(client, teacher, school):
    """The teacher's own change goes on in the agreement; the school's waits beside it, as
    it would had the school's change been planned at once."""
    service.accept_path(service.current_path(teacher))
    token = create_api_token(teacher)
    db.session.commit()
    step = service.current_path(teacher).steps[0]
    save_budget(school, 12)
    response = client.patch(
        f"/api/v1/me/path/steps/{step.id}",
        json={"status": "in_progress"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    assert out_of_date(teacher) is None
    db.session.expire_all()
    agreement, proposal = service.agreement_and_proposal(service.path_versions(teacher))
    assert agreement.budget_hours_per_year == 40
    assert next(s for s in agreement.steps if s.module_code == step.module_code).status == "in_progress"
    assert proposal is not None and proposal.budget_hours_per_year == 12
    assert next(s for s in proposal.steps if s.module_code == step.module_code).status == "in_progress"


def test_a_path_another_reader_planned_is_not_planned_again(teacher, school):
    """Of two readers at once, the second finds the work claimed and plans nothing."""
    save_budget(school, 12)
    assert out_of_date(teacher) is not None
    # This reader loaded the teacher before the other one claimed the work.
    db.session.execute(sa.update(User).where(User.id == teacher.id).values(path_out_of_date_since=None))
    db.session.commit()
    set_committed_value(teacher, "path_out_of_date_since", date.today())
    assert service.plan_if_out_of_date(teacher) is False
    assert versions(teacher) == [(1, "assessment")]
