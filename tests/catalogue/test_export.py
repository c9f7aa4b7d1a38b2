"""Exports (interchange JSON, CASE 1.1, CSV) and the ``flask catalogue`` commands."""

import csv
import io
import json
import uuid

import pytest
import sqlalchemy as sa

from planner.catalogue.export import CSV_COLUMNS, export_case, export_csv, export_document
from planner.extensions import db
from planner.models import AuditEntry, Framework, Module
from tests.catalogue.conftest import as_exported, row_counts
from tests.conftest import small_document

BASE = "https://planner.example/case"


def _by_id(case: dict) -> dict:
    return {item["identifier"]: item for item in case["CFItems"]}


def _pairs(case: dict, kind: str) -> set[tuple[str, str]]:
    """(origin, destination) of the associations of a kind, by humanCodingScheme or 'DOCUMENT'."""
    names = {item["identifier"]: item["humanCodingScheme"] for item in case["CFItems"]}
    names[case["CFDocument"]["identifier"]] = "DOCUMENT"
    return {
        (names[a["originNodeURI"]["identifier"]], names[a["destinationNodeURI"]["identifier"]])
        for a in case["CFAssociations"]
        if a["associationType"] == kind
    }


def test_case_document_and_items(make_catalogue):
    case = export_case(make_catalogue(), BASE)
    assert set(case) == {"CFDocument", "CFItems", "CFAssociations"}
    document = case["CFDocument"]
    for field in ("identifier", "uri", "creator", "title", "lastChangeDateTime"):
        assert document[field]
    assert document["title"] == "Testkader"
    assert document["uri"] == f"{BASE}/{document['identifier']}"
    uuid.UUID(document["identifier"])

    items = case["CFItems"]
    assert [i["humanCodingScheme"] for i in items] == ["basis", "support", "STELSEL", "PLAN", "GEDRAG"]
    assert [i["CFItemType"] for i in items] == ["Domain", "Domain", "Competency", "Competency", "Competency"]
    plan = items[3]
    assert plan["fullStatement"] == "Planmatig werken"
    assert plan["notes"].startswith("1: Niveau 1 | 2: Niveau 2")
    for item in items:
        uuid.UUID(item["identifier"])
        assert item["uri"] == f"{BASE}/{item['identifier']}"
        assert item["CFDocumentURI"]["identifier"] == document["identifier"]
        assert item["lastChangeDateTime"] == document["lastChangeDateTime"]


def test_case_associations(make_catalogue):
    case = export_case(make_catalogue(), BASE)
    assert _pairs(case, "isChildOf") == {
        ("basis", "DOCUMENT"),
        ("support", "DOCUMENT"),
        ("STELSEL", "basis"),
        ("PLAN", "basis"),
        ("GEDRAG", "support"),
    }
    # PLN-1 (to PLAN) requires STL-1 (to STELSEL); PLN-2 stays within PLAN.
    assert _pairs(case, "precedes") == {("STELSEL", "PLAN")}
    known = set(_by_id(case)) | {case["CFDocument"]["identifier"]}
    identifiers = [a["identifier"] for a in case["CFAssociations"]]
    assert len(identifiers) == len(set(identifiers)) == 6
    for association in case["CFAssociations"]:
        assert association["originNodeURI"]["identifier"] in known
        assert association["destinationNodeURI"]["identifier"] in known
        assert association["CFDocumentURI"]["identifier"] == case["CFDocument"]["identifier"]


def test_case_precedes_follows_module_requirements_and_entry_levels(make_catalogue):
    document = small_document()
    # GED-1 now requires level 1 in STELSEL: STELSEL precedes GEDRAG as well.
    document["modules"][3]["requires"]["levels"] = {"STELSEL": 1}
    case = export_case(make_catalogue(document), BASE)
    assert _pairs(case, "precedes") == {("STELSEL", "PLAN"), ("STELSEL", "GEDRAG")}


def test_case_identifiers_are_stable(make_catalogue):
    framework = make_catalogue()
    assert export_case(framework, BASE) == export_case(framework, BASE)


def test_case_of_the_shipped_catalogue(make_catalogue, shipped_document):
    case = export_case(make_catalogue(shipped_document), BASE)
    competencies = [i for i in case["CFItems"] if i["CFItemType"] == "Competency"]
    assert [i["humanCodingScheme"] for i in competencies] == [a["code"] for a in shipped_document["areas"]]
    assert len(_pairs(case, "isChildOf")) == 2 + 17
    precedes = _pairs(case, "precedes")
    assert precedes and all(a != b for a, b in precedes)


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_header_and_rows(make_catalogue):
    framework = make_catalogue()
    module = db.session.scalar(sa.select(Module).where(Module.code == "GED-1"))
    module.retired = True
    db.session.commit()
    header, *rows = _csv_rows(export_csv(framework))
    assert header == CSV_COLUMNS
    assert [row[0] for row in rows] == ["STL-1", "PLN-1", "PLN-2", "GED-1"]
    assert dict(zip(header, rows[2], strict=True)) == {
        "code": "PLN-2",
        "title_nl": "Het OPP",
        "title_en": "The OPP",
        "provider": "Extern Bureau",
        "format": "training-multi-day",
        "hours": "24",
        "duration_periods": "1",
        "cost_eur": "500",
        "team_format": "",
        "phases": "induction experienced",
        "sectors": "po go",
        "reach": "sector",
        "outcomes": "PLAN:3",
        "requires_modules": "PLN-1",
        "requires_levels": "PLAN:2",
        "source": "",
        "retired": "",
    }
    assert rows[3][-1] == "yes"
    assert rows[0][CSV_COLUMNS.index("requires_modules")] == ""


def _sourced(document: dict) -> dict:
    document["framework"].update(version="2026.2", source="002 onderzoeksrapport")
    document["areas"][1]["source"] = "002 §5.1.3"
    document["modules"][3].update(
        source="002 §5.3.3, tabel 3.7",
        reach={"kind": "alumni", "code": "PABO-NW"},
        team_format=True,
        duration_periods=2,
    )
    return document


def test_case_items_carry_their_source_in_the_notes(make_catalogue):
    case = export_case(make_catalogue(_sourced(small_document())), BASE)
    assert case["CFDocument"]["version"] == "2026.2"
    assert case["CFDocument"]["notes"] == "Bron: 002 onderzoeksrapport"
    items = {item["humanCodingScheme"]: item for item in case["CFItems"]}
    assert items["PLAN"]["notes"].endswith(" | 5: Niveau 5 | Bron: 002 §5.1.3")
    assert items["basis"]["notes"] == items["support"]["notes"] == "Bron: 002 onderzoeksrapport"
    # An area without a source has only its level descriptors in the notes.
    assert "Bron" not in items["STELSEL"]["notes"]


def test_csv_shows_duration_reach_team_format_and_source(make_catalogue):
    header, *rows = _csv_rows(export_csv(make_catalogue(_sourced(small_document()))))
    ged = dict(zip(header, rows[3], strict=True))
    assert (ged["duration_periods"], ged["team_format"], ged["reach"], ged["source"]) == (
        "2",
        "yes",
        "alumni:PABO-NW",
        "002 §5.3.3, tabel 3.7",
    )


def test_csv_of_the_shipped_catalogue_has_a_row_per_module(make_catalogue, shipped_document):
    header, *rows = _csv_rows(export_csv(make_catalogue(shipped_document)))
    assert [row[0] for row in rows] == [m["code"] for m in shipped_document["modules"]]
    assert all(len(row) == len(header) for row in rows)


# The command line


def _write(tmp_path, document, name="catalogue.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_import_then_export_json_gives_the_file_back(runner, tmp_path, shipped_document):
    source = _write(tmp_path, shipped_document)
    result = runner.invoke(args=["catalogue", "import", str(source)])
    assert result.exit_code == 0, result.output
    modules = len(shipped_document["modules"])
    assert f"Imported framework PASSEND-2026: 17 areas, {modules} modules." in result.output

    target = tmp_path / "out.json"
    result = runner.invoke(args=["catalogue", "export", str(target), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8")) == as_exported(shipped_document)


def test_cli_export_case_and_csv(runner, make_catalogue, tmp_path):
    make_catalogue()
    case_file, csv_file = tmp_path / "case.json", tmp_path / "modules.csv"
    result = runner.invoke(
        args=["catalogue", "export", str(case_file), "--format", "case", "--base-uri", BASE]
    )
    assert result.exit_code == 0, result.output
    case = json.loads(case_file.read_text(encoding="utf-8"))
    assert case["CFDocument"]["uri"].startswith(BASE + "/")
    assert len(case["CFItems"]) == 5

    result = runner.invoke(args=["catalogue", "export", str(csv_file), "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, *rows = _csv_rows(csv_file.read_text(encoding="utf-8"))
    assert header == CSV_COLUMNS and len(rows) == 4


def test_cli_import_replaces_by_code(runner, make_catalogue, tmp_path):
    make_catalogue()
    document = small_document()
    document["modules"] = document["modules"][:1]
    result = runner.invoke(args=["catalogue", "import", str(_write(tmp_path, document))])
    assert result.exit_code == 0, result.output
    assert db.session.scalars(sa.select(Module.code)).all() == ["STL-1"]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Framework)) == 1
    # The import is shared data: the audit log says so.
    assert (
        db.session.scalar(sa.select(AuditEntry.target).where(AuditEntry.action == "framework.import"))
        == "TEST-1"
    )


def test_cli_refuses_a_cyclic_file_and_names_the_cycle(runner, make_catalogue, tmp_path):
    make_catalogue()
    before = row_counts()
    document = small_document()
    document["modules"][0]["requires"]["modules"] = ["PLN-2"]
    source = _write(tmp_path, document)
    result = runner.invoke(args=["catalogue", "import", str(source)])
    assert result.exit_code == 1
    assert f"{source} was not imported; nothing changed" in result.output
    assert "PLN-1 requires STL-1 requires PLN-2 requires PLN-1" in result.output
    assert row_counts() == before


def test_cli_refuses_a_file_that_is_not_json(runner, tmp_path):
    source = tmp_path / "broken.json"
    source.write_text('{"framework": ', encoding="utf-8")
    result = runner.invoke(args=["catalogue", "import", str(source)])
    assert result.exit_code == 1
    assert "not valid JSON" in result.output
    assert all(count == 0 for count in row_counts().values())


def test_cli_export_without_a_catalogue(runner, tmp_path):
    result = runner.invoke(args=["catalogue", "export", str(tmp_path / "x.json")])
    assert result.exit_code == 1
    assert "there is no catalogue to export" in result.output
    assert not (tmp_path / "x.json").exists()


# Downloads from the browse page


@pytest.mark.parametrize(
    ("kind", "mimetype"),
    [
        ("catalogue.json", "application/json"),
        ("case.json", "application/json"),
        ("modules.csv", "text/csv"),
    ],
)
def test_downloads(client, make_catalogue, kind, mimetype):
    make_catalogue()
    response = client.get(f"/catalogue/export/{kind}")
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.headers["Content-Disposition"] == f'attachment; filename="TEST-1-{kind}"'
    if kind == "catalogue.json":
        assert response.get_json() == as_exported(small_document())
    elif kind == "case.json":
        assert response.get_json()["CFDocument"]["uri"].startswith("http://planner.test/catalogue/case/")
    else:
        assert response.get_data(as_text=True).splitlines()[0] == ",".join(CSV_COLUMNS)


def test_unknown_download_is_404(client, make_catalogue):
    make_catalogue()
    assert client.get("/catalogue/export/catalogue.xml").status_code == 404


def test_export_of_an_unchanged_catalogue_is_repeatable(make_catalogue):
    framework = make_catalogue()
    assert export_document(framework) == export_document(framework) == as_exported(small_document())
