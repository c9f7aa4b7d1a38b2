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
