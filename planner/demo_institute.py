"""Demo data for the institute view: Pabo Noordwest's pabo in four study years, and enough
consenting alumni in induction that the alumni figures are real and some are suppressed."""

import random

import sqlalchemy as sa

from planner.catalogue.service import area_codes
from planner.extensions import db
from planner.institute import service as institute_service
from planner.models import Institute, Programme, ProgrammeModule, Role, User
from planner.models.accounts import utcnow
from planner.paths import assessing
from planner.paths import service as paths_service

# study year -> (compulsory, electives): the research's themes early (behaviour, autism,
# differentiation: §6.2.1), support-based working and parents as an elective that some
# students skip, so that the coverage shows a gap closed only by electives.
PABO_YEARS = {
    1: (["ONB-1", "ONB-3"], []),
    2: (["DIF-1", "KVG-1"], []),
    3: (["ONB-5"], ["HGW-1", "STG-1"]),
    4: ([], ["MIN-1"]),
}
PART_TIME_YEARS = {
    1: (["ONB-1", "DIF-1"], []),
    2: (["KVG-1", "ONB-5"], ["HGW-1"]),
    3: ([], ["STG-1"]),
}
# programme, graduation years back from this year, sector, how many consent, how many not.
# Some groups stay under ten on purpose: the view must suppress them.
ALUMNI_GROUPS = [
    ("pabo", 1, "po", 12, 2),
    ("pabo", 2, "po", 11, 1),
    ("pabo", 3, "po", 9, 1),
    ("pabo", 1, "go", 4, 0),
    ("pabo-deeltijd", 1, "po", 6, 1),
    ("pabo-deeltijd", 2, "po", 3, 0),
]
FIRST_NAMES = ["Anna", "Bas", "Chloë", "Dirk", "Esra", "Finn", "Gijs", "Hanna", "Ilse", "Jan", "Kim", "Lars"]
LAST_NAMES = [
    "de Graaf",
    "Kok",
    "Brouwer",
    "Vos",
    "Yilmaz",
    "Prins",
    "Bosman",
    "Hoekstra",
    "Kramer",
    "Wouters",
]


def _programme(institute: Institute, code: str, name: str, years: dict, known: set[str]) -> Programme:
    programme = Programme(
        institute=institute, code=code, name=name, study_years=max(years), sectors=["po", "go"]
    )
    programme.modules = [
        ProgrammeModule(module_code=c, study_year=year, compulsory=compulsory, position=position)
        for year, (compulsory_codes, elective_codes) in years.items()
        for compulsory, codes in ((True, compulsory_codes), (False, elective_codes))
        for position, c in enumerate(codes)
        if c in known
    ]
    db.session.add(programme)
    return programme


def create_institute_demo(institute: Institute, student: User | None) -> str:
    """Programmes, the demo student on the pabo, and the alumni with their assessments."""
    catalogue = paths_service.planning_catalogue()
    if catalogue is None:
        return "No catalogue: the institute demo was left out."
    known = set(catalogue.modules)
    pabo = _programme(institute, "pabo", "Pabo voltijd", PABO_YEARS, known)
    part_time = _programme(institute, "pabo-deeltijd", "Pabo deeltijd", PART_TIME_YEARS, known)
    this_year = utcnow().year
    if student is not None:
        student.programme = pabo
        student.graduation_year = this_year + max(student.study_years_left, 1)
    codes = area_codes(catalogue.framework)
    rng = random.Random("pabo-noordwest")
    count = 0
    for programme_code, years_back, sector, consenting, not_consenting in ALUMNI_GROUPS:
        programme = pabo if programme_code == "pabo" else part_time
        for index in range(consenting + not_consenting):
            count += 1
            name = f"{FIRST_NAMES[count % len(FIRST_NAMES)]} {LAST_NAMES[count % len(LAST_NAMES)]} {count}"
            teacher = User(
                name=name,
                email=f"alumnus{count}@example.org",
                role=Role.TEACHER,
                sector=sector,
                qualification="qualified",
                years_experience=years_back - 1,
                institute=institute,
                programme=programme,
                graduation_year=this_year - years_back,
            )
            db.session.add(teacher)
            db.session.flush()
            assessment = assessing.start_draft(teacher, None)
            assessing.set_areas(assessment, {code: rng.choice((1, 2, 2, 2, 3, 3)) for code in codes})
            assessing.complete(assessment)
            if index < consenting:
                institute_service.give_consent(teacher)
                path = paths_service.replan(teacher, "assessment", catalogue=catalogue)
                paths_service.accept_path(path)
    consented = sum(group[3] for group in ALUMNI_GROUPS)
    return f"Created two programmes of {institute.name} and {count} alumni, {consented} of whom consent."


def demo_student(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email))
