"""A programme leaves the product as a JSON file and as a CASE 1.1 package; the admin links
an institute to the catalogue provider whose modules its staff keep."""

import json

from planner.extensions import db
from planner.models import Provider, Role


def test_staff_export_their_programme_as_json(client, auth, programme):
    auth.login("staff@example.org")
    response = client.get("/institute/programmes/pabo.json")

    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    document = json.loads(response.get_data(as_text=True))
    assert document["institute"]["code"] == "PABO-N"
    assert document["programme"]["years"][0] == {"year": 1, "compulsory": ["STL-1"], "electives": []}
    assert document["programme"]["years"][1]["electives"] == ["GED-1"]


def test_the_case_package_links_modules_to_the_frameworks_areas(client, auth, programme):
    auth.login("staff@example.org")
    package = json.loads(client.get("/institute/programmes/pabo.case.json").get_data(as_text=True))
    framework = json.loads(client.get("/catalogue/export/case.json").get_data(as_text=True))

    assert package["CFDocument"]["caseVersion"] == "1.1"
    modules = {
        item["humanCodingScheme"]: item for item in package["CFItems"] if item["CFItemType"] == "Module"
    }
    assert set(modules) == {"STL-1", "PLN-1", "GED-1"}
    assert modules["GED-1"]["notes"].startswith("keuzeonderdeel")
    areas = {item["identifier"] for item in framework["CFItems"] if item["CFItemType"] == "Competency"}
    related = [
        a["destinationNodeURI"]["identifier"]
        for a in package["CFAssociations"]
        if a["associationType"] == "isRelatedTo"
    ]
    assert related and set(related) <= areas


def test_another_institutes_programme_is_not_exported(client, auth, programme):
    auth.login("zuid@example.org")
    assert client.get("/institute/programmes/pabo.json").status_code == 404
    assert client.get("/institute/programmes/pabo.case.json").status_code == 404


def test_the_admin_links_a_provider_to_an_institute(client, auth, make_user, institutes, catalogue):
    admin = make_user(role=Role.ADMIN, email="root@example.org")
    provider = db.session.query(Provider).filter_by(code="EXT").one()
    auth.login(admin.email)

    response = client.post(
        f"/admin/providers/{provider.id}",
        data={"name": provider.name, "institute_id": str(institutes["own"].id)},
    )

    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Provider, provider.id).institute_id == institutes["own"].id
