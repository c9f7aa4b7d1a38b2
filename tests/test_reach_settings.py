"""Where a teacher belongs for local offers: the school's board and region, set by the
admin or the leader, and the institute of graduation the teacher chooses."""

import re

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Institute, LearningPath, Role, School
from planner.paths import assessing, service
from planner.paths.reach import teacher_reach
from tests.conftest import small_document


def _profile_form(user, **changes) -> dict:
    form = {
        "name": user.name,
        "locale": "en",
        "sector": user.sector,
        "qualification": "qualified",
        "years_experience": str(user.years_experience),
        "study_years_left": "0",
        "phase_override": "",
    }
    form.update(changes)
    return form


@pytest.fixture
def institutes(make_institute):
    pabo, other = make_institute("Pabo Noordwest"), make_institute("Hogeschool Zuid")
    pabo.code = "PABO-NW"
    db.session.commit()
    return pabo, other


# The teacher's institute


def test_a_teacher_chooses_the_institute_of_graduation(client, auth, make_school, make_user, institutes):
    pabo, other = institutes
    teacher = make_user(school=make_school())
    auth.login(teacher.email)
    page = client.get("/profile").get_data(as_text=True)
    select = page.split('name="institute_id"', 1)[1].split("</select>", 1)[0]
    assert re.findall(r"<option[^>]*>([^<]+)</option>", select) == [
        "Geen, of niet in de lijst",
        "Hogeschool Zuid",
        "Pabo Noordwest",
    ]
    assert client.post("/profile", data=_profile_form(teacher, institute_id=str(pabo.id))).status_code == 302
    db.session.expire_all()
    assert teacher.institute == pabo
    page = client.get("/profile").get_data(as_text=True)
    assert f'<option selected value="{pabo.id}">Pabo Noordwest</option>' in page

    # A form without the field keeps the institute; "none" clears it.
    client.post("/profile", data=_profile_form(teacher, name="Sanne de Wit"))
    db.session.expire_all()
    assert teacher.institute == pabo
    client.post("/profile", data=_profile_form(teacher, institute_id="0"))
    db.session.expire_all()
    assert teacher.institute is None


@pytest.mark.parametrize("value", ["9999", "pabo"])
def test_an_unknown_institute_is_shown_at_its_field(client, auth, make_school, make_user, institutes, value):
    teacher = make_user(school=make_school())
    auth.login(teacher.email)
    response = client.post("/profile", data=_profile_form(teacher, institute_id=value, name="Nieuw"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'<p class="error" id="institute_id-error">[^<]+</p>', page)
    assert 'value="Nieuw"' in page
    db.session.expire_all()
    assert teacher.institute is None and teacher.name != "Nieuw"


def test_other_roles_have_no_institute_field(client, auth, make_school, make_user, institutes):
    leader = make_user(role=Role.LEADER, school=make_school())
    auth.login(leader.email)
    assert 'name="institute_id"' not in client.get("/profile").get_data(as_text=True)


def test_a_new_institute_plans_the_path_again(
    client, auth, make_school, make_user, make_catalogue, institutes
):
    # A short alumni course of Pabo Noordwest does what GED-1 does.
    document = small_document()
    alumni_course = {
        **next(m for m in document["modules"] if m["code"] == "GED-1"),
        "code": "GED-ALU",
        "hours": 4,
        "reach": {"kind": "alumni", "code": "PABO-NW"},
    }
    document["modules"].append(alumni_course)
    make_catalogue(document)
    teacher = make_user(school=make_school(), qualification="qualified")
    assessment = assessing.start_draft(teacher, None)
    assessing.set_areas(assessment, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    assessing.complete(assessment)
    service.replan(teacher, "assessment")
    db.session.commit()
    auth.login(teacher.email)
    client.post("/profile", data=_profile_form(teacher, institute_id=str(institutes[0].id)))
    causes = db.session.scalars(
        sa.select(LearningPath.cause)
        .where(LearningPath.teacher_id == teacher.id)
        .order_by(LearningPath.version)
    ).all()
    assert causes == ["assessment", "profile"]
    assert "GED-ALU" in {step.module_code for step in service.current_path(teacher).steps}


# What reaches a teacher


def test_teacher_reach_names_board_region_and_institute(make_school, make_user, institutes):
    pabo, other = institutes
    school = make_school()
    school.board_code, school.region_code = "BRON-NW", "PO-2801"
    teacher = make_user(school=school, institute=pabo)
    assert teacher_reach(teacher) == {("board", "BRON-NW"), ("region", "PO-2801"), ("alumni", "PABO-NW")}


def test_empty_codes_reach_nothing(make_school, make_user, institutes):
    pabo, other = institutes
    school = make_school()
    school.region_code = "PO-2801"
    assert teacher_reach(make_user(school=school, institute=other)) == {("region", "PO-2801")}
    assert teacher_reach(make_user(school=make_school(name="Zonder"))) == frozenset()
    assert teacher_reach(make_user(institute=pabo)) == {("alumni", "PABO-NW")}


# The admin's forms


def _admin(client, auth, make_user):
    admin = make_user(role=Role.ADMIN)
    auth.login(admin.email)
    return admin


def test_the_admin_adds_a_school_with_its_board_and_region(client, auth, make_user):
    _admin(client, auth, make_user)
    response = client.post(
        "/admin/school",
        data={
            "school-name": "De Linde",
            "school-sector": "po",
            "school-budget_hours_per_year": "40",
            "school-board_code": "BRON-NW",
            "school-board_name": "Stichting Bron",
            "school-region_code": "PO-2801",
        },
    )
    assert response.status_code == 302
    school = db.session.scalar(sa.select(School).where(School.name == "De Linde"))
    assert (school.board_code, school.board_name, school.region_code) == (
        "BRON-NW",
        "Stichting Bron",
        "PO-2801",
    )
    page = client.get("/admin/").get_data(as_text=True)
    assert "<code>BRON-NW</code>" in page and "<code>PO-2801</code>" in page


def test_a_wrong_school_code_is_shown_at_its_field(client, auth, make_user):
    _admin(client, auth, make_user)
    response = client.post(
        "/admin/school",
        data={
            "school-name": "De Linde",
            "school-sector": "po",
            "school-budget_hours_per_year": "40",
            "school-board_code": "BRON NW",
        },
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert re.search(r'<p class="error" id="school-board_code-error">[^<]+</p>', page)
    assert 'value="BRON NW"' in page
    assert db.session.scalar(sa.select(School).where(School.name == "De Linde")) is None


def test_the_admin_adds_an_institute_with_its_code(client, auth, make_user, institutes):
    _admin(client, auth, make_user)
    response = client.post(
        "/admin/institute", data={"institute-name": "Pabo West", "institute-code": "PABO-W"}
    )
    assert response.status_code == 302
    assert db.session.scalar(sa.select(Institute.code).where(Institute.name == "Pabo West")) == "PABO-W"
    response = client.post("/admin/institute", data={"institute-name": "Zonder code", "institute-code": ""})
    assert response.status_code == 302
    assert db.session.scalar(sa.select(Institute.code).where(Institute.name == "Zonder code")) is None


@pytest.mark.parametrize("code", ["PABO-NW", "PABO NW"])
def test_a_taken_or_wrong_institute_code_is_refused(client, auth, make_user, institutes, code):
    _admin(client, auth, make_user)
    response = client.post("/admin/institute", data={"institute-name": "Tweede", "institute-code": code})
    assert response.status_code == 400
    assert re.search(r'<p class="error" id="institute-code-error">[^<]+</p>', response.get_data(as_text=True))
    assert db.session.scalar(sa.select(Institute).where(Institute.name == "Tweede")) is None


def test_the_demo_schools_and_institute_carry_their_codes(app):
    from planner.demo import create_demo
    from planner.models import User

    create_demo()
    schools = {s.name: s for s in db.session.scalars(sa.select(School))}
    primary, secondary = schools["Basisschool De Regenboog"], schools["Stedelijk College Noord"]
    assert (primary.board_code, primary.region_code) == ("BRON-NW", "PO-2801")
    assert secondary.board_code and secondary.region_code and secondary.board_code != primary.board_code
    assert db.session.scalar(sa.select(Institute.code).where(Institute.name == "Pabo Noordwest")) == "PABO-NW"
    starter = db.session.scalar(sa.select(User).where(User.email == "leraar@example.org"))
    experienced = db.session.scalar(sa.select(User).where(User.email == "ervaren@example.org"))
    assert teacher_reach(starter) == {("board", "BRON-NW"), ("region", "PO-2801"), ("alumni", "PABO-NW")}
    assert teacher_reach(experienced) == {("board", "BRON-NW"), ("region", "PO-2801")}
