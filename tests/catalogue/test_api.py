"""The read-only catalogue API: no login, the interchange shape, the browse filters."""

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Module
from tests.conftest import small_document


def _json(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def test_areas(client, make_catalogue):
    make_catalogue()
    body = _json(client, "/api/v1/areas")
    assert body == {"framework": {"code": "TEST-1"}, "areas": small_document()["areas"]}


def test_areas_of_the_shipped_catalogue(client, make_catalogue, shipped_document):
    make_catalogue(shipped_document)
    assert _json(client, "/api/v1/areas")["areas"] == shipped_document["areas"]


def test_modules(client, make_catalogue):
    make_catalogue()
    body = _json(client, "/api/v1/modules")
    assert body == {"framework": {"code": "TEST-1"}, "modules": small_document()["modules"]}


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
    expected = next(m for m in small_document()["modules"] if m["code"] == "PLN-2")
    assert _json(client, "/api/v1/modules/PLN-2") == expected


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
    for url in ("/api/v1/areas", "/api/v1/modules", "/api/v1/modules/STL-1"):
        assert "error" in _json(client, url, status=404)


def test_the_api_is_read_only(client, make_catalogue):
    make_catalogue()
    response = client.post("/api/v1/modules", json=small_document()["modules"][0])
    assert response.status_code == 405 and response.mimetype == "application/json"
    assert client.delete("/api/v1/modules/STL-1").status_code == 405


def test_the_api_needs_no_login_and_sets_no_session(app, make_catalogue):
    make_catalogue()
    response = app.test_client().get("/api/v1/modules")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
