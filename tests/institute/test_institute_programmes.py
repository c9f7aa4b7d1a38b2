"""Staff describe their programmes and see the coverage of the initial target move."""

import sqlalchemy as sa

from planner.extensions import db
from planner.models import Programme

FORM = {
    "code": "pabo",
    "name": "Pabo voltijd",
    "study_years": "4",
    "sectors": ["po", "go"],
    "compulsory_1": "STL-1",
    "compulsory_2": "PLN-1",
    "electives_2": "GED-1",
}


def test_staff_create_a_programme_and_see_its_coverage(client, auth, institutes, catalogue):
    auth.login("staff@example.org")
    response = client.post("/institute/programmes/new", data=FORM, follow_redirects=True)
    assert response.status_code == 200
    programme = db.session.scalar(sa.select(Programme).where(Programme.code == "pabo"))
    assert programme.institute_id == institutes["own"].id
    assert programme.sectors == ["po", "go"]
    assert programme.module_codes(2, True) == ["PLN-1"] and programme.module_codes(2, False) == ["GED-1"]
    page = response.get_data(as_text=True)
    assert 'id="coverage"' in page and 'id="preview-note"' not in page
    assert "GED-1 → 2" in page


def test_what_if_shows_coverage_of_the_unsaved_programme(client, auth, programme):
    auth.login("staff@example.org")
    data = {**FORM, "compulsory_2": "PLN-1, GED-1", "electives_2": "", "preview": "1"}
    page = client.post("/institute/programmes/pabo", data=data).get_data(as_text=True)
    assert 'value="PLN-1, GED-1"' in page and 'id="preview-note"' in page
    db.session.refresh(programme)
    assert programme.module_codes(2, True) == ["PLN-1"]
    # The gap in GEDRAG (target 1) is closed by the compulsory part in the preview.
    assert "GED-1 → 2" not in page


def test_the_graph_rules_hold_with_a_message_next_to_the_field(client, auth, programme):
    auth.login("staff@example.org")
    data = {**FORM, "compulsory_1": "PLN-1", "compulsory_2": "STL-1", "electives_2": "NOPE-9"}
    page = client.post("/institute/programmes/pabo", data=data).get_data(as_text=True)
    assert "compulsory_1-error" in page and "STL-1" in page
    assert "electives_2-error" in page and "NOPE-9" in page
    db.session.refresh(programme)
    assert programme.module_codes(1, True) == ["STL-1"]


def test_a_module_beyond_the_study_years_or_twice_is_refused(client, auth, programme):
    auth.login("staff@example.org")
    data = {**FORM, "study_years": "2", "compulsory_3": "GED-1", "electives_2": "STL-1"}
    page = client.post("/institute/programmes/pabo", data=data).get_data(as_text=True)
    assert "compulsory_3-error" in page and "electives_2-error" in page


def test_a_code_is_unique_within_the_institute(client, auth, programme, institutes):
    auth.login("staff@example.org")
    page = client.post("/institute/programmes/new", data=FORM).get_data(as_text=True)
    assert "code-error" in page


def test_another_institutes_programme_is_not_found(client, auth, programme):
    auth.login("zuid@example.org")
    assert client.get("/institute/programmes/pabo").status_code == 404
    assert client.post("/institute/programmes/pabo", data=FORM).status_code == 404
    assert "pabo" not in client.get("/institute/").get_data(as_text=True)


def test_other_roles_are_refused(client, auth, people, programme):
    for email in ("t1@example.org", "leader@example.org", "admin@example.org"):
        auth.login(email)
        pages = ("/institute/", "/institute/programmes/pabo", "/institute/alumni", "/institute/alumni.csv")
        for url in pages:
            assert client.get(url).status_code == 403, (email, url)
        auth.logout()
    # Staff without an institute have no programmes to see.
    auth.login("inst@example.org")
    assert client.get("/institute/").status_code == 404
