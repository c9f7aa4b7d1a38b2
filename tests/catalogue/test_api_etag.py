"""The public catalogue API answers a repeat request for an unchanged catalogue with 304."""

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Module


@pytest.mark.parametrize(
    "url", ["/api/v1/modules", "/api/v1/areas", "/api/v1/targets", "/api/v1/modules/STL-1"]
)
def test_repeat_request_is_304_until_the_catalogue_changes(client, make_catalogue, url):
    make_catalogue()
    first = client.get(url)
    assert first.status_code == 200 and first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    module = db.session.scalar(sa.select(Module).where(Module.code == "STL-1"))
    module.hours = 7
    db.session.commit()
    changed = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    if url in ("/api/v1/modules", "/api/v1/modules/STL-1"):
        assert changed.status_code == 200 and changed.headers["ETag"] != first.headers["ETag"]


def test_a_filtered_list_has_its_own_etag(client, make_catalogue):
    make_catalogue()
    everything = client.get("/api/v1/modules").headers["ETag"]
    assert client.get("/api/v1/modules?q=gedrag").headers["ETag"] != everything


def test_a_cached_answer_is_the_built_one_until_a_change(client, make_catalogue):
    make_catalogue()
    first = client.get("/api/v1/modules")
    cached = client.get("/api/v1/modules")
    assert cached.get_json() == first.get_json() and cached.headers["ETag"] == first.headers["ETag"]
    assert cached.mimetype == "application/json"

    module = db.session.scalar(sa.select(Module).where(Module.code == "GED-1"))
    module.outcomes[0].level = 3
    db.session.commit()

    changed = client.get("/api/v1/modules").get_json()
    assert next(m for m in changed["modules"] if m["code"] == "GED-1")["outcomes"] == {"GEDRAG": 3}


def test_a_save_that_changes_nothing_keeps_the_etag(client, make_catalogue):
    make_catalogue()
    first = client.get("/api/v1/modules").headers["ETag"]
    module = db.session.scalar(sa.select(Module).where(Module.code == "GED-1"))
    module.hours = module.hours
    db.session.commit()
    assert client.get("/api/v1/modules").headers["ETag"] == first
