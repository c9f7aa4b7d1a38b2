"""The number of SQL queries per page does not grow with the size of the catalogue."""

from collections import Counter

import pytest

from planner.catalogue.export import export_document
from planner.catalogue.interchange import import_document
from planner.models import Role
from tests.catalogue.conftest import as_exported, generated_document, module_codes

PAGES = [
    "/catalogue/",
    "/catalogue/?sector=po&max_hours=40",
    "/catalogue/?q=module&page=2",
    "/api/v1/modules",
    "/api/v1/modules?area=DIFF&phase=induction",
    "/api/v1/modules/M0049",
    "/api/v1/areas",
    "/catalogue/modules/M0049",
    "/catalogue/areas/DIFF",
]


def test_generated_catalogue_round_trips(app):
    document = generated_document(120)
    assert export_document(import_document(document)) == as_exported(document)


def _queries(client, counter, url: str) -> int:
    client.get(url)  # warm up: the first request also loads the session's user
    counter.reset()
    response = client.get(url)
    assert response.status_code == 200, url
    return counter.count


@pytest.mark.parametrize("login", [None, Role.ADMIN, Role.INSTITUTE])
def test_queries_per_page_do_not_grow_with_the_catalogue(
    client, auth, make_user, make_institute, query_counter, login
):
    import_document(generated_document(50))
    if login:
        institute = make_institute("Aanbieder 1", provider_code="P1")
        make_user(role=login, email="editor@example.org", institute=institute)
        auth.login("editor@example.org")
    small = {url: _queries(client, query_counter, url) for url in PAGES}
    assert len(module_codes(client.get("/catalogue/").get_data(as_text=True))) == 40

    import_document(generated_document(500))
    large = {url: _queries(client, query_counter, url) for url in PAGES}
    assert "500 modules" in client.get("/catalogue/").get_data(as_text=True)

    assert large == small
    assert 0 < small["/catalogue/"] <= 12, query_counter.statements
    assert 0 < small["/api/v1/modules"] <= 12


def test_the_list_page_sends_a_fixed_set_of_queries(client, query_counter):
    """The statements themselves, not only their number: no per-module lazy loads."""
    import_document(generated_document(500))
    _queries(client, query_counter, "/catalogue/")
    tables = Counter(" ".join(s.split()).split(" FROM ", 1)[1].split()[0] for s in query_counter.statements)
    # Each table is read once for the whole page (the count of the pager reads a subquery).
    assert set(tables.values()) == {1}, tables
    assert {"modules", "outcomes", "module_requirements", "providers"} <= set(tables)
