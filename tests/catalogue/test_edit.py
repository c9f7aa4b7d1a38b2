"""Editing the catalogue: who may, graph rules checked on save, retiring."""

import re

import pytest
import sqlalchemy as sa

from planner.catalogue.export import export_document
from planner.catalogue.interchange import check_document
from planner.extensions import db
from planner.models import Framework, Module, Provider
from tests.catalogue.conftest import flashes, row_counts
from tests.conftest import small_document

AREAS = ("STELSEL", "PLAN", "GEDRAG")


def form_data(code: str, /, **changes) -> dict:
    """The edit form as the browser sends it for a module of the small catalogue."""
    entry = next(m for m in small_document()["modules"] if m["code"] == code)
    provider = db.session.scalar(sa.select(Provider.id).where(Provider.code == entry["provider"]["code"]))
    data = {
        "code": code,
        "title_nl": entry["title"]["nl"],
        "title_en": entry["title"].get("en", ""),
        "summary_nl": "",
        "summary_en": "",
        "provider": str(provider),
        "hours": str(entry["hours"]),
        "cost_eur": str(entry["cost_eur"]),
        "format": entry["format"],
        "phases": entry["phases"],
        "sectors": entry["sectors"],
        "requires_modules": " ".join(entry["requires"]["modules"]),
    }
    for area in AREAS:
        data[f"outcome_{area}"] = str(entry["outcomes"].get(area, 0))
        data[f"entry_{area}"] = str(entry["requires"]["levels"].get(area, 0))
    data.update(changes)
    return data


def snapshot() -> tuple[dict, dict]:
    return row_counts(), export_document(db.session.scalar(sa.select(Framework)))


def module(code: str) -> Module:
    return db.session.scalar(sa.select(Module).where(Module.code == code))


# Who may edit

EDIT_ACCESS = [
    ("teacher", "STL-1", 403),
    ("teacher", "GED-1", 403),
    ("leader", "STL-1", 403),
    ("staff", "STL-1", 200),
    ("staff", "PLN-1", 200),
    ("staff", "GED-1", 403),
    ("staff", "PLN-2", 403),
    ("stranger", "STL-1", 403),
    ("admin", "STL-1", 200),
    ("admin", "GED-1", 200),
]


@pytest.mark.parametrize(("who", "code", "status"), EDIT_ACCESS)
def test_who_may_open_the_edit_page(client, auth, people, who, code, status):
    auth.login(people[who].email)
    response = client.get(f"/catalogue/modules/{code}/edit")
    assert response.status_code == status
    if status == 200:
        html = response.get_data(as_text=True)
        assert f'value="{code}"' in html
        assert f"Edit module {code}" in html


@pytest.mark.parametrize(("who", "code", "status"), EDIT_ACCESS)
def test_who_may_save_a_module(client, auth, people, who, code, status):
    auth.login(people[who].email)
    before = snapshot()
    data = form_data(code, title_en="Changed title")
    if who == "staff":
        data["provider"] = str(db.session.scalar(sa.select(Provider.id).where(Provider.code == "PABO-T")))
    response = client.post(f"/catalogue/modules/{code}/edit", data=data)
    if status == 200:
        assert response.status_code == 302
        assert response.headers["Location"] == f"/catalogue/modules/{code}"
        assert module(code).title_en == "Changed title"
    else:
        assert response.status_code == status
        assert snapshot() == before


@pytest.mark.parametrize(
    ("who", "status"), [("teacher", 403), ("leader", 403), ("stranger", 403), ("staff", 200), ("admin", 200)]
)
def test_who_may_create_a_module(client, auth, people, who, status):
    # "stranger" works at an institute that provides no module, so has nothing to create for.
    auth.login(people[who].email)
    assert client.get("/catalogue/modules/new").status_code == status


def test_edit_pages_need_a_login(client, people):
    for url in ("/catalogue/modules/STL-1/edit", "/catalogue/modules/new"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    response = client.post("/catalogue/modules/STL-1/retire")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert not module("STL-1").retired


@pytest.mark.parametrize(("who", "visible"), [("teacher", False), ("staff", True), ("admin", True)])
def test_edit_button_only_for_those_who_may(client, auth, people, who, visible):
    auth.login(people[who].email)
    html = client.get("/catalogue/modules/STL-1").get_data(as_text=True)
    assert ('href="/catalogue/modules/STL-1/edit"' in html) is visible
    assert ('href="/catalogue/modules/STL-1/retire"' in html) is visible


def test_staff_choose_only_their_own_providers(client, auth, people):
    auth.login("staff@example.org")
    html = client.get("/catalogue/modules/STL-1/edit").get_data(as_text=True)
    options = re.findall(
        r"<option[^>]*>([^<]+)</option>", html.split('name="provider"', 1)[1].split("</select>")[0]
    )
    assert options == ["Pabo Test"]
    before = snapshot()
    external = db.session.scalar(sa.select(Provider.id).where(Provider.code == "EXT"))
    response = client.post("/catalogue/modules/STL-1/edit", data=form_data("STL-1", provider=str(external)))
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert snapshot() == before


def test_admin_chooses_any_provider(client, auth, people):
    auth.login("admin@example.org")
    external = db.session.scalar(sa.select(Provider.id).where(Provider.code == "EXT"))
    response = client.post("/catalogue/modules/STL-1/edit", data=form_data("STL-1", provider=str(external)))
    assert response.status_code == 302
    assert module("STL-1").provider.code == "EXT"


# Saving


def test_edit_form_is_filled_with_the_module(client, auth, people):
    auth.login("admin@example.org")
    html = client.get("/catalogue/modules/PLN-2/edit").get_data(as_text=True)
    assert 'name="requires_modules"' in html and 'value="PLN-1"' in html
    assert re.search(r'<select[^>]*name="outcome_PLAN"[^>]*>.*?<option selected value="3">', html, re.S)
    assert re.search(r'<select[^>]*name="entry_PLAN"[^>]*>.*?<option selected value="2">', html, re.S)
    assert re.search(r'<input checked[^>]*name="phases"[^>]*value="experienced"', html)


def test_saving_changes_every_part_of_a_module(client, auth, people):
    auth.login("admin@example.org")
    data = form_data(
        "GED-1",
        code="GED-2",
        title_nl="Gedrag en klimaat",
        hours="12",
        cost_eur="0",
        format="coaching",
        phases=["induction", "experienced"],
        sectors=["vo", "mbo"],
        requires_modules="stl-1, PLN-1",
        outcome_GEDRAG="3",
        outcome_STELSEL="1",
        entry_GEDRAG="1",
    )
    response = client.post("/catalogue/modules/GED-1/edit", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert "Module GED-2 has been saved." in response.get_data(as_text=True)
    exported = {m["code"]: m for m in export_document(db.session.scalar(sa.select(Framework)))["modules"]}
    assert "GED-1" not in exported
    saved = exported["GED-2"]
    assert saved["title"] == {"nl": "Gedrag en klimaat", "en": "Behaviour in class"}
    assert (saved["hours"], saved["cost_eur"], saved["format"]) == (12, 0, "coaching")
    assert saved["phases"] == ["induction", "experienced"] and saved["sectors"] == ["vo", "mbo"]
    assert saved["outcomes"] == {"STELSEL": 1, "GEDRAG": 3}
    assert saved["requires"] == {"modules": ["STL-1", "PLN-1"], "levels": {"GEDRAG": 1}}


def test_saving_a_module_unchanged_keeps_it(client, auth, people):
    auth.login("admin@example.org")
    before = snapshot()
    response = client.post("/catalogue/modules/PLN-2/edit", data=form_data("PLN-2"))
    assert response.status_code == 302
    assert snapshot() == before


def test_staff_create_a_module_for_their_institute(client, auth, people):
    auth.login("staff@example.org")
    before = row_counts()
    pabo = db.session.scalar(sa.select(Provider.id).where(Provider.code == "PABO-T"))
    data = form_data(
        "PLN-1",
        code="PLN-3",
        title_nl="Het groepsplan",
        title_en="",
        provider=str(pabo),
        requires_modules="PLN-2",
        outcome_PLAN="4",
        entry_PLAN="3",
    )
    response = client.post("/catalogue/modules/new", data=data)
    assert response.status_code == 302 and response.headers["Location"] == "/catalogue/modules/PLN-3"
    created = module("PLN-3")
    assert created.provider.code == "PABO-T"
    assert [r.required.code for r in created.required_modules] == ["PLN-2"]
    assert created.position == 4
    assert row_counts()["modules"] == before["modules"] + 1
    # Their own new module is theirs to edit.
    assert client.get("/catalogue/modules/PLN-3/edit").status_code == 200


# Graph rules on save


def test_an_edit_that_makes_a_cycle_is_refused_with_the_cycle(client, auth, people):
    auth.login("staff@example.org")
    before = snapshot()
    response = client.post(
        "/catalogue/modules/STL-1/edit", data=form_data("STL-1", title_nl="Nieuw", requires_modules="PLN-2")
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This would create a cycle: PLN-1 → STL-1 → PLN-2 → PLN-1." in html
    assert "The module was not saved: it would break a rule of the catalogue." in flashes(html)
    # The reason stands by the field that causes it, with the value kept for correction.
    field = html.split('name="requires_modules"', 1)[1].split("</div>", 1)[0]
    assert "This would create a cycle" in field and 'value="PLN-2"' in field
    assert snapshot() == before


@pytest.mark.parametrize(
    ("code", "changes", "message"),
    [
        (
            "PLN-2",
            {"entry_PLAN": "3"},
            "The entry level in PLAN (3) must be below the level the module brings (3).",
        ),
        ("PLN-1", {"requires_modules": "STL-1 NIETS-1"}, "Module NIETS-1 does not exist."),
        ("GED-1", {"requires_modules": "GED-1"}, "A module cannot require itself."),
        ("GED-1", {"code": "PLN-1"}, "The code PLN-1 is already in use."),
        ("GED-1", {"outcome_GEDRAG": "0"}, "Choose at least one area and the level the module brings."),
        ("GED-1", {"phases": []}, "Choose at least one phase."),
        ("GED-1", {"hours": "0"}, "Number must be between 1 and 2000."),
    ],
)
def test_an_edit_that_breaks_a_rule_is_refused_and_saves_nothing(
    client, auth, people, code, changes, message
):
    auth.login("admin@example.org")
    before = snapshot()
    response = client.post(f"/catalogue/modules/{code}/edit", data=form_data(code, title_nl="X", **changes))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert snapshot() == before


def test_a_new_module_with_a_used_code_is_refused(client, auth, people):
    auth.login("admin@example.org")
    before = snapshot()
    response = client.post("/catalogue/modules/new", data=form_data("GED-1", title_nl="Dubbel"))
    assert response.status_code == 400
    assert "The code GED-1 is already in use." in response.get_data(as_text=True)
    assert snapshot() == before


def test_a_retired_code_stays_taken(client, auth, people):
    module("GED-1").retired = True
    db.session.commit()
    auth.login("admin@example.org")
    response = client.post("/catalogue/modules/new", data=form_data("GED-1"))
    assert response.status_code == 400
    assert "The code GED-1 is already in use." in response.get_data(as_text=True)


# Retiring


def test_retiring_a_module_others_require_is_refused_naming_them(client, auth, make_catalogue, make_user):
    from planner.models import Role

    document = small_document()
    document["modules"][3]["requires"]["modules"] = ["STL-1"]  # GED-1 now requires STL-1 too
    make_catalogue(document)
    make_user(role=Role.ADMIN, email="admin@example.org")
    auth.login("admin@example.org")
    before = snapshot()
    response = client.post("/catalogue/modules/STL-1/retire", follow_redirects=True)
    assert response.status_code == 200
    assert "Module STL-1 cannot be retired: GED-1, PLN-1 require it." in flashes(
        response.get_data(as_text=True)
    )
    assert snapshot() == before


def test_retiring_and_reinstating(client, auth, people):
    auth.login("staff@example.org")
    response = client.post("/catalogue/modules/PLN-1/retire", follow_redirects=True)
    assert "Module PLN-1 cannot be retired: PLN-2 requires it." in flashes(response.get_data(as_text=True))
    assert not module("PLN-1").retired

    auth.logout()
    auth.login("admin@example.org")
    response = client.post("/catalogue/modules/PLN-2/retire", follow_redirects=True)
    assert "Module PLN-2 has been retired." in flashes(response.get_data(as_text=True))
    assert module("PLN-2").retired
    # With PLN-2 retired nothing active requires PLN-1 any more.
    response = client.post("/catalogue/modules/PLN-1/retire", follow_redirects=True)
    assert "Module PLN-1 has been retired." in flashes(response.get_data(as_text=True))
    assert module("PLN-1").retired

    response = client.post("/catalogue/modules/PLN-1/retire", follow_redirects=True)
    assert "Module PLN-1 is back in the catalogue." in flashes(response.get_data(as_text=True))
    assert not module("PLN-1").retired


@pytest.mark.parametrize(("who", "code"), [("teacher", "GED-1"), ("staff", "GED-1"), ("stranger", "PLN-2")])
def test_retiring_someone_elses_module_is_refused(client, auth, people, who, code):
    auth.login(people[who].email)
    assert client.post(f"/catalogue/modules/{code}/retire").status_code == 403
    assert not module(code).retired


def test_a_module_whose_requirement_is_retired_stays_retired(client, auth, people):
    """Putting PLN-2 back while PLN-1, which it requires, is retired would break the graph:
    the catalogue could no longer be exported and imported again, nor any module saved."""
    auth.login("admin@example.org")
    client.post("/catalogue/modules/PLN-2/retire")
    client.post("/catalogue/modules/PLN-1/retire")
    assert module("PLN-1").retired and module("PLN-2").retired
    before = snapshot()

    response = client.post("/catalogue/modules/PLN-2/retire", follow_redirects=True)
    assert "Module PLN-2 cannot be put back: it requires retired module PLN-1." in flashes(
        response.get_data(as_text=True)
    )
    assert snapshot() == before

    # In the right order both come back, and the catalogue still passes its own import check.
    client.post("/catalogue/modules/PLN-1/retire")
    client.post("/catalogue/modules/PLN-2/retire")
    assert not module("PLN-1").retired and not module("PLN-2").retired
    check_document(export_document(db.session.scalar(sa.select(Framework))))
    assert client.post("/catalogue/modules/GED-1/edit", data=form_data("GED-1")).status_code == 302


# Duration, cost, reach, team format and source in the form


def test_saving_duration_cost_reach_team_format_and_source(client, auth, people):
    auth.login("admin@example.org")
    data = form_data(
        "GED-1",
        duration_periods="3",
        cost_eur="100000",
        team_format="yes",
        reach_kind="board",
        reach_code="BRON-NW",
        source="002 §5.3.3, tabel 3.7",
    )
    response = client.post("/catalogue/modules/GED-1/edit", data=data)
    assert response.status_code == 302
    saved = module("GED-1")
    assert (saved.duration_periods, saved.cost_eur, saved.team_format, saved.reach, saved.source) == (
        3,
        100_000,
        True,
        ("board", "BRON-NW"),
        "002 §5.3.3, tabel 3.7",
    )
    html = client.get("/catalogue/modules/GED-1/edit").get_data(as_text=True)
    assert 'name="duration_periods"' in html and 'value="3"' in html
    assert re.search(r'<select[^>]*name="reach_kind"[^>]*>.*?<option selected value="board">', html, re.S)
    assert re.search(r'<select[^>]*name="team_format"[^>]*>.*?<option selected value="yes">', html, re.S)
    assert 'value="BRON-NW"' in html and 'value="002 §5.3.3, tabel 3.7"' in html


def test_empty_duration_and_team_format_follow_the_format(client, auth, people):
    auth.login("admin@example.org")
    response = client.post(
        "/catalogue/modules/GED-1/edit",
        data=form_data("GED-1", format="intervision", duration_periods="", team_format=""),
    )
    assert response.status_code == 302
    saved = module("GED-1")
    assert (saved.duration_periods, saved.team_format) == (2, True)
    response = client.post(
        "/catalogue/modules/GED-1/edit", data=form_data("GED-1", format="intervision", team_format="no")
    )
    assert response.status_code == 302 and module("GED-1").team_format is False


FIELD_ERRORS = [
    ({"cost_eur": "100001"}, "cost_eur", "Between 0 and 100,000 euro."),
    ({"cost_eur": "-1"}, "cost_eur", "Between 0 and 100,000 euro."),
    ({"duration_periods": "9"}, "duration_periods", "Between 1 and 8 periods."),
    ({"duration_periods": "0"}, "duration_periods", "Between 1 and 8 periods."),
    (
        {"reach_kind": "alumni", "reach_code": ""},
        "reach_code",
        "Give the code of the board, region or institute.",
    ),
    (
        {"reach_kind": "sector", "reach_code": "BRON-NW"},
        "reach_code",
        "A module for every teacher in its sectors names no code.",
    ),
    ({"reach_kind": "region", "reach_code": "PO 28"}, "reach_code", "Use letters, digits, dots and dashes."),
    ({"reach_kind": "everyone"}, "reach_kind", "Not a valid choice."),
    ({"source": "x" * 201}, "source", "Field cannot be longer than 200 characters."),
]


@pytest.mark.parametrize(("changes", "name", "message"), FIELD_ERRORS)
def test_a_wrong_value_is_shown_at_its_field_and_saves_nothing(client, auth, people, changes, name, message):
    auth.login("admin@example.org")
    before = snapshot()
    response = client.post("/catalogue/modules/GED-1/edit", data=form_data("GED-1", **changes))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'<p class="error" id="{name}-error">{message}</p>' in html
    # What was typed stays in the form.
    for field, value in changes.items():
        if value and field != "reach_kind":
            assert f'value="{value}"' in html
    assert snapshot() == before


def test_retiring_asks_first_and_says_what_happens(client, auth, people):
    auth.login("admin@example.org")
    page = client.get("/catalogue/modules/GED-1/retire")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "GED-1" in text and "planned again" in text
    assert 'action="/catalogue/modules/GED-1/retire"' in text
    assert 'href="/catalogue/modules/GED-1"' in text
    assert not module("GED-1").retired
    client.post("/catalogue/modules/GED-1/retire")
    assert module("GED-1").retired
