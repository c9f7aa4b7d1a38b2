"""The demo school shows a real team: thirty teachers, an area short, a peer pair possible."""

import sqlalchemy as sa

from planner.demo import create_demo
from planner.extensions import db
from planner.models import School, Team, User
from planner.school import peers
from planner.school import team as team_data


def test_demo_school_has_a_team_to_steer(app):
    create_demo()
    school = db.session.scalar(sa.select(School).where(School.name == "Basisschool De Regenboog"))
    with app.test_request_context():
        found, rows = team_data.school_coverage(school)
        pairs, _found = peers.proposed_pairs(school)
    assert len(found.teachers) == 30
    assert {r.team_id for r in found.teachers} == {
        t.id for t in db.session.scalars(sa.select(Team).where(Team.school_id == school.id))
    }
    assert any(r.short for r in rows)
    assert pairs
    leader = db.session.scalar(sa.select(User).where(User.email == "schoolleider@example.org"))
    assert leader.school_id == school.id


def test_demo_starters_have_coaches(app):
    from planner.models.team import StarterCoach

    create_demo()
    coached = db.session.scalars(sa.select(StarterCoach)).all()
    assert len(coached) == 2
    for found in coached:
        assert found.starter.phase == "induction" and found.coach.phase == "experienced"
        assert found.starter.school_id == found.coach.school_id


def test_demo_shows_heavy_classes_with_little_support(app):
    from planner.school.support import class_pressure

    create_demo()
    school = db.session.scalar(sa.select(School).where(School.name == "Basisschool De Regenboog"))
    with app.test_request_context():
        pressure = class_pressure(school, None)
    assert pressure.little_support
    assert pressure.heavy > len(pressure.little_support)


def test_demo_secondary_and_mbo_teams_have_paths_and_shortfalls(app):
    from planner.paths import service

    create_demo()
    for name, sector in (("Stedelijk College Noord", "vo"), ("ROC Noordwest", "mbo")):
        school = db.session.scalar(sa.select(School).where(School.name == name))
        assert school.sector == sector
        with app.test_request_context():
            found, rows = team_data.school_coverage(school)
        assert len(found.teachers) == 6
        assert all(service.current_path(db.session.get(User, t.id)) for t in found.teachers)
        assert any(r.short for r in rows)
        leader = db.session.scalar(sa.select(User).where(User.school_id == school.id, User.role == "leader"))
        assert leader.team_id == found.teams[0][0]
    mbo = db.session.scalar(sa.select(School).where(School.name == "ROC Noordwest"))
    with app.test_request_context():
        _found, rows = team_data.school_coverage(mbo)
    # Nobody set a minimum: the mbo default asks one expert per support area of the team.
    assert {r.area for r in rows if r.minimum} >= {"AUTISME", "GEDRAG", "SOCEMO"}
