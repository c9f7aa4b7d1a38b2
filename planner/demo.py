"""Demo data: two schools, an institute and the documented demo accounts."""

import json

import sqlalchemy as sa

from planner.auth.accounts import set_password
from planner.demo_institute import create_institute_demo, demo_student
from planner.demo_paths import create_demo_assessments
from planner.demo_team import TEAM_TEACHERS, create_demo_team
from planner.extensions import db
from planner.models import Institute, Provider, Role, School, Team, User
from planner.models.team import ExpertMinimum

DEMO_PASSWORD = "demo-planner-2026"
DEMO_INSTITUTE_PROVIDER = "PABO-NW"
# The alumni code of Pabo Noordwest: its offers for its own alumni name it.
DEMO_INSTITUTE_CODE = "PABO-NW"
# Starters and students up to this many years of experience graduated (or study) at Pabo
# Noordwest, so its alumni offers reach them.
DEMO_ALUMNI_YEARS = 2
DEMO_BOARD_CODE = "BRON-NW"
DEMO_PO_REGION = "PO-2801"
DEMO_VO_REGION = "VO-2801"

# name, email (None: generated), team index, qualification, years of experience, study years left
PRIMARY_TEACHERS = [
    ("Sanne de Vries", "leraar@example.org", 0, "qualified", 1, 0),
    ("Pieter Jansen", "ervaren@example.org", 1, "qualified", 14, 0),
    ("Fatima El Amrani", "starter@example.org", 0, "qualified", 0, 0),
    ("Daan Bakker", None, 1, "qualified", 2, 0),
    ("Lotte Visser", "student@example.org", 0, "student", 0, 1),
    ("Youssef Bouali", None, 1, "student", 0, 2),
    ("Emma Smit", None, 0, "qualified", 6, 0),
    ("Ruben Mulder", None, 1, "qualified", 22, 0),
    ("Noor Hendriks", None, 0, "qualified", 9, 0),
    ("Thijs van Dijk", None, 1, "qualified", 1, 0),
    ("Anouk Meijer", None, 0, "qualified", 31, 0),
    ("Mila de Boer", None, 1, "qualified", 4, 0),
]
SECONDARY_TEACHERS = [
    ("Jesse Koster", None, "qualified", 2),
    ("Iris Vermeulen", None, "qualified", 11),
    ("Bram Peters", None, "qualified", 0),
    ("Yara Benali", None, "qualified", 1),
    ("Gert-Jan Mol", None, "qualified", 24),
    ("Kim Laan", None, "side-entrant", 0),
]
# One mbo team: every mbo team needs support expertise of its own (one expert per support
# area by default), which this team has in only some areas.
MBO_TEACHERS = [
    ("Petra Zwart", None, "qualified", 19),
    ("Mehmet Yilmaz", None, "qualified", 8),
    ("Joyce Hermans", None, "qualified", 1),
    ("Dennis Kok", None, "side-entrant", 0),
    ("Annelies Post", None, "qualified", 27),
    ("Rachid Amrani", None, "qualified", 3),
]


def _email(name: str) -> str:
    return name.lower().replace(" ", ".").replace("..", ".") + "@example.org"


def _user(**fields) -> User:
    user = User(**fields)
    set_password(user, DEMO_PASSWORD)
    db.session.add(user)
    return user


def ensure_catalogue() -> str | None:
    from planner.catalogue.interchange import import_document
    from planner.catalogue.service import current_framework
    from planner.cli import SHIPPED_CATALOGUE

    if current_framework() is not None:
        return None
    framework = import_document(json.loads(SHIPPED_CATALOGUE.read_text(encoding="utf-8")))
    return f"Loaded the shipped catalogue {framework.code}."


def create_demo() -> list[str]:
    """Create the demo data in one transaction; returns what was done."""
    report = [line for line in [ensure_catalogue()] if line]
    if db.session.scalar(sa.select(User).where(User.email == "leraar@example.org")):
        return report + ["Demo accounts exist already."]
    # The board and region codes that local offers in the shipped catalogue name.
    primary = School(
        name="Basisschool De Regenboog",
        sector="po",
        board_code=DEMO_BOARD_CODE,
        board_name="Stichting Bron Noordwest",
        region_code=DEMO_PO_REGION,
        # The board's buddy programme for starters, in every starter's first year.
        induction_programme="BUD-1",
    )
    teams = [
        Team(name="Onderbouw (groep 1-4)", school=primary),
        Team(name="Bovenbouw (groep 5-8)", school=primary),
    ]
    secondary = School(
        name="Stedelijk College Noord",
        sector="vo",
        board_code="SVO-NOORD",
        board_name="Stichting Voortgezet Onderwijs Noord",
        region_code=DEMO_VO_REGION,
    )
    vo_team = Team(name="Onderbouw havo/vwo", school=secondary)
    vocational = School(
        name="ROC Noordwest",
        sector="mbo",
        board_code="ROC-NW",
        board_name="ROC Noordwest",
    )
    mbo_team = Team(name="Zorg en Welzijn", school=vocational)
    institute = Institute(name="Pabo Noordwest", code=DEMO_INSTITUTE_CODE)
    db.session.add_all([primary, secondary, vocational, institute, *teams, vo_team, mbo_team])
    provider = db.session.scalar(sa.select(Provider).where(Provider.code == DEMO_INSTITUTE_PROVIDER))
    if provider is not None:
        provider.institute = institute

    primary_teachers = [
        _user(
            name=name,
            email=email or _email(name),
            role=Role.TEACHER,
            school=primary,
            team=teams[team],
            sector="po",
            qualification=qualification,
            years_experience=years,
            study_years_left=study,
            institute=institute if years <= DEMO_ALUMNI_YEARS else None,
        )
        for name, email, team, qualification, years, study in PRIMARY_TEACHERS
    ]
    other_teachers = [
        _user(
            name=name,
            email=email or _email(name),
            role=Role.TEACHER,
            school=school,
            team=team,
            sector=school.sector,
            qualification=qualification,
            years_experience=years,
        )
        for school, team, listed in (
            (secondary, vo_team, SECONDARY_TEACHERS),
            (vocational, mbo_team, MBO_TEACHERS),
        )
        for name, email, qualification, years in listed
    ]
    leader = _user(name="Marieke Dekker", email="schoolleider@example.org", role=Role.LEADER, school=primary)
    vo_leader = _user(
        name="Hans Willems",
        email="teamleider.vo@example.org",
        role=Role.LEADER,
        school=secondary,
        team=vo_team,
    )
    mbo_leader = _user(
        name="Ellen Vos",
        email="teamleider.mbo@example.org",
        role=Role.LEADER,
        school=vocational,
        team=mbo_team,
    )
    _user(name="Karin Bos", email="opleider@example.org", role=Role.INSTITUTE, institute=institute)
    _user(name="Beheerder", email="admin@example.org", role=Role.ADMIN)
    db.session.flush()
    report.append(create_institute_demo(institute, demo_student("student@example.org")))
    assessed = create_demo_assessments(primary_teachers, leader)
    assessed += create_demo_team(primary, teams, leader)
    # The secondary school wants an expert in behaviour and one in autism in its team.
    db.session.add_all(
        ExpertMinimum(school_id=secondary.id, area_code=code, minimum=1) for code in ("GEDRAG", "AUTISME")
    )
    for school, team_leader in ((secondary, vo_leader), (vocational, mbo_leader)):
        assessed += create_demo_assessments([t for t in other_teachers if t.school is school], team_leader)
    db.session.commit()
    return report + [
        f"Created {primary.name} ({len(PRIMARY_TEACHERS) + len(TEAM_TEACHERS)} teachers), "
        f"{secondary.name} ({len(SECONDARY_TEACHERS)}), {vocational.name} ({len(MBO_TEACHERS)}) "
        f"and {institute.name}.",
        f"Planned learning paths for {assessed} teachers from their self-assessments.",
        f"Demo accounts (password {DEMO_PASSWORD}): leraar@example.org, starter@example.org, "
        "student@example.org, ervaren@example.org, schoolleider@example.org, teamleider.vo@example.org, "
        "teamleider.mbo@example.org, opleider@example.org, admin@example.org.",
    ]
