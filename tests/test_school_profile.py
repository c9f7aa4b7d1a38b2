"""The school's support profile: hours budget, priority areas and raised targets."""

import re

import pytest

from planner.extensions import db
from planner.models import Role
from planner.paths import assessing, service
from tests.conftest import small_document


@pytest.fixture
def school_with_path(make_school, make_user, make_catalogue):
    make_catalogue()
    school = make_school()
    teacher = make_user(school=school, team=school.teams[0], qualification="qualified")
    assessment = assessing.start_draft(teacher, None)
    assessing.set_areas(assessment, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    assessing.complete(assessment)
    service.replan(teacher, "assessment")
    db.session.commit()
    return school, teacher


def profile_form(**changes) -> dict:
    form = {"budget_hours_per_year": "40"}
    form.update(changes)
    return form


def test_the_leader_sets_budget_priority_and_a_higher_target(client, auth, make_user, school_with_path):
    school, teacher = school_with_path
    leader = make_user(role=Role.LEADER, school=school)
    auth.login(leader.email)
    response = client.post(
        "/school/profile",
        follow_redirects=True,
        data=profile_form(budget_hours_per_year="60", priority_GEDRAG="y", induction_PLAN="4"),
    )
    page = response.get_data(as_text=True)
    assert "Het schoolprofiel is opgeslagen." in page
    assert "De leerroute van 1 leraar wordt opnieuw gepland zodra die weer wordt geopend." in page
    # The path is planned again on its next read: here the leader's page of the teacher.
    assert client.get(f"/school/teachers/{teacher.id}").status_code == 200

    db.session.expire_all()
    path = service.current_path(teacher)
    assert (path.version, path.cause, path.budget_hours_per_year) == (2, "school", 60)
    assert path.targets["induction"]["PLAN"] == 4
    assert {
        "area": "PLAN",
        "target": 4,
        "phase": "induction",
        "reason": "no-module",
        "best_level": 3,
        "school_year": None,
    } in path.unreachable
    gedrag = next(step for step in path.steps if step.module_code == "GED-1")
    assert {"kind": "school-priority", "area": "GEDRAG"}.items() <= next(
        r for r in gedrag.reasons if r["kind"] == "school-priority"
    ).items()

    page = client.get("/school/profile").get_data(as_text=True)
    assert '<input checked id="priority_GEDRAG"' in page
    assert '<option selected value="4">4</option>' in page


def test_clearing_a_choice_removes_it(client, auth, make_user, school_with_path):
    school, _ = school_with_path
    leader = make_user(role=Role.LEADER, school=school)
    auth.login(leader.email)
    client.post("/school/profile", data=profile_form(priority_GEDRAG="y"))
    client.post("/school/profile", data=profile_form())
    db.session.expire_all()
    assert school.areas == [] and school.priorities == frozenset()


def test_a_wrong_budget_is_shown_at_its_field_and_nothing_changes(client, auth, make_user, school_with_path):
    school, teacher = school_with_path
    leader = make_user(role=Role.LEADER, school=school)
    auth.login(leader.email)
    response = client.post(
        "/school/profile", data=profile_form(budget_hours_per_year="-5", priority_PLAN="y")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="budget_hours_per_year-error"' in page and 'value="-5"' in page
    db.session.expire_all()
    assert school.budget_hours_per_year == 40 and school.areas == []
    assert service.current_path(teacher).version == 1


def test_a_team_leader_reads_the_profile_but_cannot_change_it(client, auth, make_user, school_with_path):
    school, _ = school_with_path
    team_leader = make_user(role=Role.LEADER, school=school, team=school.teams[0])
    auth.login(team_leader.email)
    page = client.get("/school/profile").get_data(as_text=True)
    assert "<fieldset disabled" in page
    assert client.post("/school/profile", data=profile_form(budget_hours_per_year="10")).status_code == 403
    db.session.expire_all()
    assert school.budget_hours_per_year == 40


@pytest.mark.parametrize("role", [Role.TEACHER, Role.INSTITUTE, Role.ADMIN])
def test_other_roles_are_refused(client, auth, make_user, school_with_path, role):
    school, _ = school_with_path
    user = make_user(role=role, school=school if role == Role.TEACHER else None)
    auth.login(user.email)
    assert client.get("/school/profile").status_code == 403


def test_the_save_marks_every_path_out_of_date_in_one_statement_and_plans_none(
    client, auth, make_user, school_with_path, query_counter
):
    school, first = school_with_path
    for _ in range(3):
        teacher = make_user(school=school, qualification="qualified")
        assessment = assessing.start_draft(teacher, None)
        assessing.set_areas(assessment, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
        assessing.complete(assessment)
        service.replan(teacher, "assessment")
    db.session.commit()
    leader = make_user(role=Role.LEADER, school=school)
    auth.login(leader.email)
    query_counter.reset()
    response = client.post(
        "/school/profile", data=profile_form(budget_hours_per_year="30"), follow_redirects=True
    )
    assert "De leerroutes van 4 leraren worden opnieuw gepland zodra ze weer worden geopend." in (
        response.get_data(as_text=True)
    )
    assert not any("FROM module_phases" in s for s in query_counter.statements)
    assert not any(s.startswith("INSERT INTO learning_paths") for s in query_counter.statements)
    marks = [s for s in query_counter.statements if "SET path_out_of_date_since" in s]
    assert len(marks) == 1 and marks[0].startswith("UPDATE users")


# Board, region and induction programme


def _buddy(code: str, title: str, sectors=("po",), reach=None, **changes) -> dict:
    module = {
        "code": code,
        "title": {"nl": title},
        "hours": 20,
        "format": "buddy-programme",
        "phases": ["induction"],
        "sectors": list(sectors),
        "outcomes": {"PLAN": 2},
    }
    if reach:
        module["reach"] = reach
    module.update(changes)
    return module


@pytest.fixture
def school_with_programmes(make_school, make_user, make_catalogue):

    document = small_document()
    document["modules"] += [
        _buddy("BUD-1", "Maatjesprogramma starters"),
        _buddy("BUD-VO", "Mentorprogramma vo", sectors=("vo",)),
        _buddy("BUD-BRON", "Startersprogramma Bron", reach={"kind": "board", "code": "BRON-NW"}),
        _buddy("BUD-REG", "Inductie regio 2801", reach={"kind": "region", "code": "PO-2801"}),
        _buddy("BUD-ALU", "Alumnibegeleiding", reach={"kind": "alumni", "code": "PABO-NW"}),
        _buddy("BUD-OUD", "Oud programma", retired=True),
        {**_buddy("COA-1", "Coaching starters"), "format": "coaching"},
    ]
    make_catalogue(document)
    school = make_school()
    leader = make_user(role=Role.LEADER, school=school)
    return school, leader


def _programme_options(page: str) -> list[str]:
    select = page.split('name="induction_programme"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option[^>]*value="([^"]*)"', select)


def test_the_leader_sets_board_region_and_induction_programme(client, auth, school_with_programmes):
    school, leader = school_with_programmes
    auth.login(leader.email)
    page = client.get("/school/profile").get_data(as_text=True)
    # Buddy programmes of the school's sector that a school can run; no other formats,
    # sectors, retired modules or alumni offers.
    assert _programme_options(page) == ["", "BUD-1", "BUD-BRON", "BUD-REG"]

    response = client.post(
        "/school/profile",
        data=profile_form(
            board_code=" BRON-NW ",
            board_name="Stichting Bron Noordwest",
            region_code="PO-2801",
            induction_programme="BUD-BRON",
        ),
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (school.board_code, school.board_name, school.region_code, school.induction_programme) == (
        "BRON-NW",
        "Stichting Bron Noordwest",
        "PO-2801",
        "BUD-BRON",
    )
    page = client.get("/school/profile").get_data(as_text=True)
    assert 'value="BRON-NW"' in page and 'value="Stichting Bron Noordwest"' in page
    assert 'value="PO-2801"' in page
    assert '<option selected value="BUD-BRON">' in page

    client.post("/school/profile", data=profile_form(board_code="BRON-NW", induction_programme=""))
    db.session.expire_all()
    assert (school.board_name, school.region_code, school.induction_programme) == ("", "", None)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"board_code": "BRON NW"}, "board_code", "Gebruik letters, cijfers, punten en streepjes."),
        ({"region_code": "PO/2801"}, "region_code", "Gebruik letters, cijfers, punten en streepjes."),
        ({"region_code": "R" * 41}, "region_code", "Veld mag niet langer zijn dan 40 karakters."),
        ({"board_name": "Stichting Bron"}, "board_name", "Geef ook de code van het schoolbestuur."),
        (
            {"induction_programme": "BUD-BRON", "board_code": "ANDER"},
            "induction_programme",
            "Dit programma is alleen voor scholen van schoolbestuur BRON-NW.",
        ),
        (
            {"induction_programme": "BUD-REG"},
            "induction_programme",
            "Dit programma is alleen voor scholen in samenwerkingsverband-regio PO-2801.",
        ),
        ({"induction_programme": "BUD-VO"}, "induction_programme", "Ongeldige keuze."),
        ({"induction_programme": "BUD-ALU"}, "induction_programme", "Ongeldige keuze."),
    ],
)
def test_a_wrong_link_is_shown_at_its_field_and_nothing_changes(
    client, auth, school_with_programmes, changes, field, message
):
    school, leader = school_with_programmes
    auth.login(leader.email)
    response = client.post("/school/profile", data=profile_form(budget_hours_per_year="55", **changes))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    error = re.search(rf'<p class="error" id="{field}-error">([^<]*)</p>', page)
    assert error and error.group(1).startswith(message.rstrip(".")), page
    for name, value in changes.items():
        if name != "induction_programme":
            assert f'value="{value}"' in page
    db.session.expire_all()
    assert (school.budget_hours_per_year, school.board_code, school.induction_programme) == (40, "", None)


def test_a_programme_no_longer_offered_is_pointed_out(client, auth, school_with_programmes):
    school, leader = school_with_programmes
    school.induction_programme = "BUD-OUD"
    db.session.commit()
    auth.login(leader.email)
    page = client.get("/school/profile").get_data(as_text=True)
    assert "Je inductieprogramma BUD-OUD wordt in de catalogus niet meer aan je school aangeboden" in page
    school.induction_programme = "BUD-1"
    db.session.commit()
    assert "niet meer aan je school aangeboden" not in client.get("/school/profile").get_data(as_text=True)


def test_a_go_school_names_its_kind_and_its_teachers_follow_those_targets(
    client, auth, make_school, make_user, make_catalogue
):
    document = small_document()
    document["targets"].append({"phase": "induction", "sector": "so", "levels": {"GEDRAG": 3}})
    make_catalogue(document)
    school = make_school(name="De Brug (so)", sector="go")
    teacher = make_user(school=school, team=school.teams[0], qualification="qualified")
    assessment = assessing.start_draft(teacher, None)
    assessing.set_areas(assessment, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 2})
    assessing.complete(assessment)
    service.replan(teacher, "assessment")
    db.session.commit()
    assert service.current_path(teacher).targets["induction"]["GEDRAG"] == 2
    leader = make_user(role=Role.LEADER, school=school)
    auth.login(leader.email)

    page = client.get("/school/profile").get_data(as_text=True)
    assert 'name="go_type"' in page
    response = client.post("/school/profile", data=profile_form(go_type="so"), follow_redirects=True)

    assert "Het schoolprofiel is opgeslagen." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(type(school), school.id).go_type == "so"
    service.plan_if_out_of_date(teacher)  # as the teacher's next read does
    assert service.current_path(teacher).targets["induction"]["GEDRAG"] == 3


def test_a_school_outside_go_has_no_kind_to_choose(client, auth, make_user, school_with_path):
    school, _teacher = school_with_path
    auth.login(make_user(role=Role.LEADER, school=school).email)

    assert 'name="go_type"' not in client.get("/school/profile").get_data(as_text=True)


def test_a_budget_of_zero_is_refused_with_one_message(client, auth, make_user, school_with_path):
    school, _teacher = school_with_path
    auth.login(make_user(role=Role.LEADER, school=school).email)

    response = client.post("/school/profile", data=profile_form(budget_hours_per_year="0"))

    page = response.get_data(as_text=True)
    assert response.status_code == 400 or "Tussen 1 en 400." in page
    assert page.count("Tussen 1 en 400.") == 1
    db.session.expire_all()
    assert db.session.get(type(school), school.id).budget_hours_per_year == 40


def test_a_secondary_school_is_not_told_about_the_primary_cao(client, auth, make_user, make_school):
    school = make_school(name="Stedelijk College", sector="vo")
    auth.login(make_user(role=Role.LEADER, school=school).email)

    page = client.get("/school/profile").get_data(as_text=True)

    assert "cao po" not in page.lower() and "zoals jullie cao en school afspreken" in page


def test_a_target_below_the_frameworks_is_kept_at_the_framework_and_the_leader_is_told(
    client, auth, make_user, school_with_path
):
    school, teacher = school_with_path
    auth.login(make_user(role=Role.LEADER, school=school).email)

    response = client.post("/school/profile", data=profile_form(induction_PLAN="1"), follow_redirects=True)

    assert "kan doelen verhogen, niet verlagen: Planmatig werken" in response.get_data(as_text=True)
    db.session.expire_all()
    assert service.current_path(teacher).targets["induction"]["PLAN"] == 3
