"""An institute with staff, a small catalogue with initial targets, and alumni to count."""

import pytest

from planner.extensions import db
from planner.institute import service
from planner.models import Programme, ProgrammeModule, Role
from planner.paths import assessing
from tests.conftest import small_document

INITIAL = {"phase": "initial", "sector": "*", "levels": {"STELSEL": 2, "PLAN": 2, "GEDRAG": 1}}
INDUCTION = {"phase": "induction", "sector": "*", "levels": {"STELSEL": 2, "PLAN": 3, "GEDRAG": 2}}


@pytest.fixture
def catalogue(make_catalogue):
    document = small_document(targets=[INITIAL, INDUCTION])
    for module in document["modules"]:
        module["phases"] = ["initial", "induction"]
    return make_catalogue(document)


@pytest.fixture
def institutes(make_institute, make_user):
    own, other = make_institute(name="Pabo Noord"), make_institute(name="Pabo Zuid")
    own.code, other.code = "PABO-N", "PABO-Z"
    db.session.commit()
    return {
        "own": own,
        "other": other,
        "staff": make_user(role=Role.INSTITUTE, email="staff@example.org", institute=own),
        "other_staff": make_user(role=Role.INSTITUTE, email="zuid@example.org", institute=other),
    }


def add_programme(institute, code="pabo", years=None, sectors=("po",)):
    years = years or {1: (["STL-1"], []), 2: (["PLN-1"], ["GED-1"])}
    programme = Programme(institute=institute, code=code, name=f"Programme {code}", study_years=4)
    programme.sectors = list(sectors)
    programme.modules = [
        ProgrammeModule(module_code=c, study_year=year, compulsory=compulsory, position=i)
        for year, (compulsory_codes, electives) in years.items()
        for compulsory, codes in ((True, compulsory_codes), (False, electives))
        for i, c in enumerate(codes)
    ]
    db.session.add(programme)
    db.session.commit()
    return programme


@pytest.fixture
def programme(catalogue, institutes):
    return add_programme(institutes["own"])


@pytest.fixture
def make_alumnus(make_user, institutes, catalogue):
    """A starter of the institute with a self-assessment, consenting unless told not to."""

    def make(levels=None, consent=True, programme=None, graduation_year=2025, sector="po", **fields):
        teacher = make_user(
            institute=institutes["own"],
            sector=sector,
            qualification="qualified",
            years_experience=fields.pop("years_experience", 1),
            programme=programme,
            graduation_year=graduation_year,
            **fields,
        )
        assessment = assessing.start_draft(teacher, None)
        assessing.set_areas(assessment, levels or {"STELSEL": 1, "PLAN": 2, "GEDRAG": 2})
        assessing.complete(assessment)
        if consent:
            service.give_consent(teacher)
        db.session.commit()
        return teacher

    return make
