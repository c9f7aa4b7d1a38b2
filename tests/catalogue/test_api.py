"""The read-only catalogue API: no login, the interchange shape, the browse filters."""

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Module
from tests.catalogue.conftest import as_exported
from tests.conftest import small_document

FRAMEWORK = {"code": "TEST-1", "version": ""}


def _json(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def test_areas(client, make_catalogue):
    make_catalogue()
    body = _json(client, "/api/v1/areas")
    assert body == {"framework": FRAMEWORK, "areas": as_exported(small_document())["areas"]}


def test_areas_of_the_shipped_catalogue(client, make_catalogue, shipped_document):
    make_catalogue(shipped_document)
    assert _json(client, "/api/v1/areas")["areas"] == as_exported(shipped_document)["areas"]


def test_modules(client, make_catalogue):
    make_catalogue()
    body = _json(client, "/api/v1/modules")
    assert body == {"framework": FRAMEWORK, "modules": as_exported(small_document())["modules"]}


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("?area=PLAN", ["PLN-1", "PLN-2"]),
        ("?phase=experienced", ["PLN-2"]),
        ("?sector=vo", ["STL-1", "PLN-1", "GED-1"]),
        ("?format=training-one-day", ["STL-1", "GED-1"]),
        ("?max_hours=8", ["STL-1", "GED-1"]),
        ("?area=PLAN&sector=po&max_hours=16", ["PLN-1"]),
        ("?q=OPP", ["PLN-2"]),
        ("?q=gedrag klas", ["GED-1"]),
        ("?q=niets", []),
    ],
)
def test_module_filters(client, make_catalogue, query, codes):
    make_catalogue()
    assert [m["code"] for m in _json(client, "/api/v1/modules" + query)["modules"]] == codes


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?phase=someday", "phase"),
        ("?max_hours=veel", "max_hours"),
        ("?max_hours=0", "max_hours"),
        ("?area=NIETS", "area"),
        ("?format=webinar", "format"),
        ("?sector=hbo", "sector"),
    ],
)
def test_invalid_filters_are_a_400_naming_the_field(client, make_catalogue, query, field):
    make_catalogue()
    body = _json(client, "/api/v1/modules" + query, status=400)
    assert body["error"] == "invalid filter"
    assert list(body["fields"]) == [field]


def test_one_module(client, make_catalogue):
    make_catalogue()
    expected = next(m for m in as_exported(small_document())["modules"] if m["code"] == "PLN-2")
    assert _json(client, "/api/v1/modules/PLN-2") == expected


def _sourced_document() -> dict:
    document = small_document()
    document["framework"].update(version="2026.2", source="002 (onderzoeksrapport)")
    document["areas"][2]["source"] = "002 §3.2, tabel 3.8"
    document["areas"][2]["levels"]["0"] = {"nl": "Nog niet", "en": "Not yet"}
    ged = document["modules"][3]
    ged.update(
        source="002 §5.3.3",
        duration_periods=2,
        cost_eur=99_000,
        team_format=True,
        reach={"kind": "board", "code": "BRON-NW"},
    )
    document["targets"][0]["source"] = "002 §7"
    document["targets"].append(
        {"phase": "initial", "sector": "po", "levels": {"GEDRAG": 2}, "source": "002 §6.2.1"}
    )
    return document


def test_areas_and_modules_show_their_source_duration_cost_reach_and_team_format(client, make_catalogue):
    make_catalogue(_sourced_document())
    areas = _json(client, "/api/v1/areas")
    assert areas["framework"] == {"code": "TEST-1", "version": "2026.2"}
    gedrag = areas["areas"][2]
    assert gedrag["source"] == "002 §3.2, tabel 3.8"
    assert list(gedrag["levels"]) == ["0", "1", "2", "3", "4", "5"]
    module = _json(client, "/api/v1/modules/GED-1")
    assert {
        key: module[key] for key in ("source", "duration_periods", "cost_eur", "reach", "team_format")
    } == {
        "source": "002 §5.3.3",
        "duration_periods": 2,
        "cost_eur": 99_000,
        "reach": {"kind": "board", "code": "BRON-NW"},
        "team_format": True,
    }
    listed = {m["code"]: m for m in _json(client, "/api/v1/modules")["modules"]}
    assert listed["GED-1"] == module
    # Without the keys in the file: everyone in the sectors, the format's defaults.
    assert {key: listed["PLN-2"][key] for key in ("source", "duration_periods", "reach", "team_format")} == {
        "source": "",
        "duration_periods": 1,
        "reach": {"kind": "sector"},
        "team_format": False,
    }


def test_targets(client, make_catalogue):
    make_catalogue(_sourced_document())
    body = _json(client, "/api/v1/targets")
    assert body == {
        "framework": {"code": "TEST-1", "version": "2026.2"},
        "targets": [
            {
                "phase": "induction",
                "sector": "*",
                "levels": {"STELSEL": 2, "PLAN": 3, "GEDRAG": 2},
                "source": "002 §7",
            },
            {"phase": "initial", "sector": "po", "levels": {"GEDRAG": 2}, "source": "002 §6.2.1"},
        ],
    }


def test_targets_of_the_shipped_catalogue(client, make_catalogue, shipped_document):
    make_catalogue(shipped_document)
    targets = _json(client, "/api/v1/targets")["targets"]
    assert targets == as_exported(shipped_document)["targets"]
    assert {"*"} <= {t["sector"] for t in targets}


def test_unknown_module_is_a_json_404(client, make_catalogue):
    make_catalogue()
    body = _json(client, "/api/v1/modules/NIETS-1", status=404)
    assert set(body) == {"error"} and body["error"]


def test_retired_modules_are_left_out_of_the_list_but_can_be_looked_up(client, make_catalogue):
    make_catalogue()
    db.session.scalar(sa.select(Module).where(Module.code == "GED-1")).retired = True
    db.session.commit()
    assert [m["code"] for m in _json(client, "/api/v1/modules")["modules"]] == ["STL-1", "PLN-1", "PLN-2"]
    assert _json(client, "/api/v1/modules/GED-1")["retired"] is True


def test_without_a_catalogue_everything_is_a_json_404(client):
    for url in ("/api/v1/areas", "/api/v1/modules", "/api/v1/modules/STL-1", "/api/v1/targets"):
        assert "error" in _json(client, url, status=404)


def test_the_api_is_read_only(client, make_catalogue):
    make_catalogue()
    response = client.post("/api/v1/modules", json=small_document()["modules"][0])
    assert response.status_code == 405 and response.mimetype == "application/json"
    assert client.delete("/api/v1/modules/STL-1").status_code == 405


def test_the_api_needs_no_login_and_sets_no_session(app, make_catalogue):
    make_catalogue()
    for url in ("/api/v1/modules", "/api/v1/targets"):
        response = app.test_client().get(url)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers
