"""What alumni need, without anyone in it: consent, suppression, CSV and the API."""

import csv
import io

from planner.auth.accounts import create_api_token
from planner.extensions import db
from planner.institute import service
from tests.institute.conftest import add_programme


def bearer(user):
    return {"Authorization": f"Bearer {create_api_token(user)}"}


def test_consent_is_opt_in_dated_and_withdrawn_at_once(client, auth, make_alumnus, institutes):
    teacher = make_alumnus(consent=False, email="alum@example.org")
    assert service.consenting_alumni(institutes["own"]) == []
    auth.login("alum@example.org")
    client.post("/institute/consent", data={"consent": "give"})
    consent = service.active_consent(teacher)
    assert consent is not None and consent.given_at is not None
    assert service.consenting_alumni(institutes["own"]) == [teacher]
    client.post("/institute/consent", data={"consent": "withdraw"})
    assert service.active_consent(teacher) is None
    assert service.consenting_alumni(institutes["own"]) == []
    assert service.consent_history(teacher)[0].withdrawn_at is not None


def test_a_teacher_without_institute_cannot_consent(client, auth, people):
    auth.login("t1@example.org")
    client.post("/institute/consent", data={"consent": "give"})
    assert service.consent_history(people["teacher"]) == []


def test_needs_are_counted_and_small_groups_suppressed(client, auth, make_alumnus, institutes):
    for _ in range(10):
        make_alumnus(graduation_year=2025)
    for _ in range(3):
        make_alumnus(graduation_year=2024)
    make_alumnus(graduation_year=2024, consent=False)
    auth.login("staff@example.org")
    api = bearer(institutes["staff"])
    body = client.get("/api/v1/institute/alumni-needs?group_by=graduation_year", headers=api).get_json()
    assert body["k"] == 10
    cells = {(c["graduation_year"], c["area"]): c for c in body["cells"]}
    # Both years are suppressed: with the total published, 2025 alone would give away 2024.
    assert cells[(2024, "PLAN")] == {
        "graduation_year": 2024,
        "area": "PLAN",
        "n": None,
        "below_target": None,
        "mean_gap": None,
        "suppressed": True,
    }
    assert cells[(2025, "PLAN")]["suppressed"]
    total = client.get("/api/v1/institute/alumni-needs", headers=api).get_json()["cells"]
    plan = next(c for c in total if c["area"] == "PLAN")
    # Target PLAN 3, everyone at 2: all 13 one level below; STELSEL 1 against 2.
    assert (plan["n"], plan["below_target"], plan["mean_gap"]) == (13, 13, 1.0)
    rows = list(csv.reader(io.StringIO(client.get("/institute/alumni.csv").get_data(as_text=True))))
    assert rows[0] == ["area", "n", "below_target", "mean_gap", "suppressed"]
    assert ["PLAN", "13", "13", "1.0", "0"] in rows


def test_a_withdrawn_teacher_is_absent_from_the_next_answer(client, make_alumnus, institutes):
    teachers = [make_alumnus() for _ in range(11)]
    api = bearer(institutes["staff"])
    first = client.get("/api/v1/institute/alumni-needs", headers=api).get_json()["cells"][0]
    service.withdraw_consent(teachers[0])
    db.session.commit()
    second = client.get("/api/v1/institute/alumni-needs", headers=api).get_json()["cells"][0]
    assert (first["n"], second["n"]) == (11, 10)
    service.withdraw_consent(teachers[1])
    db.session.commit()
    third = client.get("/api/v1/institute/alumni-needs", headers=api).get_json()["cells"][0]
    assert third["suppressed"] and third["n"] is None


def test_the_alumni_page_groups_as_staff_choose(client, auth, make_alumnus, programme):
    for _ in range(10):
        make_alumnus(programme=programme)
    auth.login("staff@example.org")
    page = client.get("/institute/alumni?programme=1&sector=1").get_data(as_text=True)
    assert "<td>pabo</td>" in page and 'class="suppressed"' not in page
    assert client.get("/institute/alumni?group_by=school").status_code == 400


def test_the_api_answers_the_contract_for_own_institute_only(client, programme, institutes, people):
    add_programme(institutes["other"], code="elders")
    api = bearer(institutes["staff"])
    listed = client.get("/api/v1/institute/programmes", headers=api).get_json()["programmes"]
    assert [p["code"] for p in listed] == ["pabo"]
    assert listed[0]["years"][1] == {"year": 2, "compulsory": ["PLN-1"], "electives": ["GED-1"]}
    coverage = client.get("/api/v1/institute/programmes/pabo/coverage", headers=api).get_json()
    assert coverage["programme"] == "pabo" and coverage["sectors"] == ["po"]
    gedrag = next(a for a in coverage["areas"] if a["area"] == "GEDRAG")
    assert gedrag == {"area": "GEDRAG", "sector": "po", "target": 1, "reached": 0, "with_electives": 2}
    assert client.get("/api/v1/institute/programmes/elders/coverage", headers=api).status_code == 404
    bad = client.get("/api/v1/institute/alumni-needs?group_by=school,sector", headers=api)
    assert bad.status_code == 400 and "group_by" in bad.get_json()["fields"]
    for role in ("teacher", "leader", "admin"):
        response = client.get("/api/v1/institute/programmes", headers=bearer(people[role]))
        assert response.status_code == 403
    assert client.get("/api/v1/institute/programmes").status_code == 401


def test_staff_never_reach_a_teachers_data(client, auth, make_alumnus):
    teacher = make_alumnus()
    auth.login("staff@example.org")
    for url in (f"/school/teachers/{teacher.id}", "/path", "/assessment", "/api/v1/path"):
        assert client.get(url).status_code in (302, 401, 403, 404), url
    page = client.get("/institute/alumni?programme=1").get_data(as_text=True)
    assert teacher.name not in page and teacher.email not in page


def test_institute_staff_create_tokens_on_their_profile(client, auth, institutes):
    auth.login("staff@example.org")
    page = client.post("/profile/tokens", data={"label": "dashboard"}, follow_redirects=True).get_data(
        as_text=True
    )
    assert 'class="token"' in page


def test_the_offer_to_alumni_counts_paths_of_consenting_alumni(app, catalogue, institutes, make_alumnus):
    from planner.models import Module

    module = db.session.scalar(db.select(Module).where(Module.code == "GED-1"))
    module.reach_kind, module.reach_code = "alumni", "PABO-N"
    db.session.commit()
    from planner.paths import service as paths_service

    for _ in range(10):
        teacher = make_alumnus(levels={"STELSEL": 2, "PLAN": 3, "GEDRAG": 1})
        paths_service.replan(teacher, "assessment")
    db.session.commit()
    offer = service.induction_offer(institutes["own"])
    assert [(m.code, count) for m, count in offer] == [("GED-1", 10)]
    assert service.induction_offer(institutes["other"]) == []
