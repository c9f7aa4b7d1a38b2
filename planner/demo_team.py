"""Demo data for the team view: the primary school grows to thirty teachers over its two
teams, with experts in some areas and none in others, so that the matrix, the coverage,
the team plan and peer coaching all show something real."""

import random
from datetime import date, timedelta

import sqlalchemy as sa

from planner.auth.accounts import set_password
from planner.catalogue.service import area_codes
from planner.extensions import db
from planner.models import Role, School, Team, User
from planner.models.team import ExpertMinimum, StarterCoach
from planner.paths import assessing, service

# name, team index, years of experience, the areas the teacher is expert in (level 4 or 5)
TEAM_TEACHERS = [
    ("Ingrid Postma", 0, 18, {"GEDRAG": 5, "KLAS": 4}),
    ("Wouter Kramer", 0, 7, {}),
    ("Sophie Dijkstra", 0, 12, {"LEZEN": 4}),
    ("Koen de Graaf", 0, 3, {}),
    ("Hanneke Brouwer", 0, 25, {"SOCEMO": 4, "OUDERS": 5}),
    ("Jasper Willemsen", 0, 5, {}),
    ("Esther Groen", 0, 15, {"DIFF": 4}),
    ("Milan Hoekstra", 0, 1, {}),
    ("Fleur van Leeuwen", 0, 9, {}),
    ("Bart Schouten", 1, 20, {"REKENEN": 5, "DIFF": 4}),
    ("Laura Vos", 1, 11, {"AUTISME": 4}),
    ("Nina Kuipers", 1, 6, {}),
    ("Tom Verhoeven", 1, 16, {"GEDRAG": 4}),
    ("Sara Bosman", 1, 2, {}),
    ("Rik Huisman", 1, 13, {"LEZEN": 5}),
    ("Eva Jacobs", 1, 8, {}),
    ("Gijs van den Berg", 1, 27, {"KLAS": 5, "OUDERS": 4}),
    ("Lisa de Wit", 1, 4, {}),
]
# Per team, the experts the school wants: behaviour, reading and differentiation, and two
# for autism, which the lower team has only one of: an area short of its minimum.
MINIMUMS = {"GEDRAG": 1, "LEZEN": 1, "AUTISME": 2, "DIFF": 1}
# The support teachers say they have: often none in the class itself (research §3.6).
DEMO_SUPPORT = [
    ["none"],
    ["outside_class"],
    ["outside_class", "specialist_advice"],
    ["assistant"],
    ["assistant", "specialist_advice"],
    ["specialist_advice"],
]
# starter, coach: an experienced colleague of the same team.
STARTER_COACHES = [("Milan Hoekstra", "Ingrid Postma"), ("Sara Bosman", "Gijs van den Berg")]
# Demo teachers without an expert area stay at 3 or lower: experts are the leader's to plan.
CEILING = 3
# Team sessions: module, team index, days from today; an upcoming intervision group, a study
# day held two weeks ago whose attendance is still to confirm, one confirmed earlier.
SESSIONS = [("KLS-3", 0, 75), ("SEM-3", 1, -14), ("OUD-5", 0, -45)]


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@example.org"


def create_demo_team(school: School, teams: list[Team], leader: User) -> int:
    """Add the team's teachers with assessments and accepted paths; returns how many."""
    catalogue = service.planning_catalogue()
    if catalogue is None:
        return 0
    codes = area_codes(catalogue.framework)
    for code, minimum in MINIMUMS.items():
        if code in codes:
            db.session.add(ExpertMinimum(school_id=school.id, area_code=code, minimum=minimum))
    # The demo's password, imported here: the demo module imports this one.
    from planner.demo import DEMO_PASSWORD

    count = 0
    for name, team, years, expert in TEAM_TEACHERS:
        teacher = User(
            name=name,
            email=_email(name),
            role=Role.TEACHER,
            school=school,
            team=teams[team],
            sector=school.sector,
            qualification="qualified",
            years_experience=years,
        )
        set_password(teacher, DEMO_PASSWORD)
        db.session.add(teacher)
        db.session.flush()
        rng = random.Random(teacher.email)
        base = 2 if years < 3 else 3
        levels = {code: max(1, min(CEILING, base + rng.randint(-1, 1))) for code in codes}
        levels.update({code: level for code, level in expert.items() if code in codes})
        assessment = assessing.start_draft(teacher, None)
        assessing.set_areas(assessment, levels, wishes=set(rng.sample(codes, 1)))
        # The support from a generator of its own: the levels drawn after it stay as they were.
        support = random.Random(f"support {teacher.email}").choice(DEMO_SUPPORT)
        assessing.set_class_context(assessment, 26, rng.randint(4, 11), rng.randint(1, 4), support=support)
        assessing.complete(assessment)
        if rng.random() < 0.5:
            # The leader's view: mostly the same, now and then a level lower.
            seen = {c: max(1, level - (rng.random() < 0.25)) for c, level in levels.items()}
            assessing.record_mentor_assessment(teacher, leader, seen)
        db.session.flush()
        service.accept_path(service.replan(teacher, "assessment", catalogue=catalogue))
        count += 1
    _appoint_coaches(leader)
    _schedule_sessions(school, teams, leader)
    return count


def _schedule_sessions(school: School, teams: list[Team], leader: User) -> None:
    """Sessions for the teachers of a team who gain from them (see SESSIONS)."""
    from planner.school import sessions

    today = date.today()
    for code, team, days in SESSIONS:
        ranked = sessions.ranking(school, None)
        option = next((o for o in ranked.options if o.module == code), None)
        if option is None:
            continue
        members = [t for t in ranked.teachers if t.id in option.teachers and t.team_id == teams[team].id]
        if not members:
            continue
        session = sessions.schedule(school, leader, code, today, members, today)
        session.held_on = today + timedelta(days=days)
        db.session.flush()
        if days < -30:
            # One colleague was ill that day.
            sessions.confirm_attendance(session, leader, {t.id for t in members[1:]}, today)
        # The participants agreed to their paths with the session in them.
        for teacher in members:
            try:
                service.accept_proposal(teacher)
            except service.NoProposal:
                pass


def _appoint_coaches(leader: User) -> None:
    """Experienced colleagues coach two of the team's starters; the coaches' notes start empty."""
    by_name = {
        u.name: u for u in db.session.scalars(sa.select(User).where(User.school_id == leader.school_id))
    }
    for starter, coach in STARTER_COACHES:
        if starter in by_name and coach in by_name:
            db.session.add(
                StarterCoach(
                    school_id=leader.school_id,
                    starter_id=by_name[starter].id,
                    coach_id=by_name[coach].id,
                    appointed_by_id=leader.id,
                )
            )
    db.session.flush()
