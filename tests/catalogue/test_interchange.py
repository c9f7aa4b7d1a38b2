"""Import of the interchange JSON: round trip, replacement by code, refusals that change nothing."""

import copy
import json

import pytest
import sqlalchemy as sa

from planner.catalogue import interchange
from planner.catalogue.export import export_document
from planner.catalogue.interchange import ImportRefused, check_document, import_document
from planner.extensions import db
from planner.models import Framework, Module, Provider
from tests.catalogue.conftest import as_exported, row_counts
from tests.conftest import SHIPPED, small_document


def test_shipped_catalogue_round_trips_through_an_empty_database(app, shipped_document):
    assert all(count == 0 for count in row_counts().values())
    framework = import_document(shipped_document)
    counts = row_counts()
    assert (
        counts["frameworks"] == 1
        and counts["modules"] == len(shipped_document["modules"])
        and counts["areas"] == 17
    )
    assert counts["level_descriptors"] == sum(len(area["levels"]) for area in shipped_document["areas"])
    assert export_document(framework) == as_exported(shipped_document)


def test_export_keeps_the_order_of_the_shipped_file(app, shipped_document):
    exported = export_document(import_document(shipped_document))
    text = json.dumps(exported, ensure_ascii=False, indent=2) + "\n"
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert text == json.dumps(as_exported(shipped), ensure_ascii=False, indent=2) + "\n"


def test_small_document_round_trips(app):
    document = small_document()
    assert export_document(import_document(document)) == as_exported(document)


def _every_key(document: dict) -> dict:
    """The small document with every optional key set to something other than its default."""
    document["framework"].update(version="2026.2", source="002 onderzoeksrapport; 001 Kamerbrief")
    for area in document["areas"]:
        area["source"] = f"002 §3.2 ({area['code']})"
        area["levels"] = {"0": {"nl": "Nog niet", "en": "Not yet"}, **area["levels"]}
    reaches = [
        {"kind": "sector"},
        {"kind": "board", "code": "BRON-NW"},
        {"kind": "region", "code": "PO-2801"},
        {"kind": "alumni", "code": "PABO-NW"},
    ]
    for index, module in enumerate(document["modules"]):
        module.update(
            cost_eur=100_000 - index,
            duration_periods=8 - index,
            team_format=index % 2 == 0,
            reach=reaches[index],
            source=f"002 §5.3.{index}, tabel 3.7",
        )
    for target in document["targets"]:
        target["source"] = "002 §7"
    return document


def test_every_new_key_round_trips_exactly(app):
    document = as_exported(_every_key(small_document()))
    assert export_document(import_document(document)) == document
    assert list(document["areas"][0]["levels"]) == ["0", "1", "2", "3", "4", "5"]


def test_a_file_without_the_new_keys_takes_the_documented_defaults(app):
    document = small_document(
        modules=[
            {
                "code": "KAN-1",
                "title": {"nl": "Kanjertraining"},
                "hours": 12,
                "format": "whole-school-approach",
                "phases": ["experienced"],
                "sectors": ["po"],
                "outcomes": {"GEDRAG": 3},
            },
            {
                "code": "SPEC-1",
                "title": {"nl": "Specialisatie gedrag"},
                "hours": 240,
                "format": "specialisation-track",
                "phases": ["experienced"],
                "sectors": ["po"],
                "outcomes": {"GEDRAG": 4},
            },
        ]
    )
    for entry in [document["framework"], *document["areas"], *document["targets"]]:
        assert "source" not in entry
    exported = export_document(import_document(document))
    assert exported["framework"]["version"] == exported["framework"]["source"] == ""
    assert {area["source"] for area in exported["areas"]} == {""}
    assert exported["targets"][0]["source"] == ""
    kan, spec = exported["modules"]
    assert (kan["duration_periods"], kan["team_format"], kan["reach"], kan["cost_eur"], kan["source"]) == (
        2,
        True,
        {"kind": "sector"},
        0,
        "",
    )
    assert (spec["duration_periods"], spec["team_format"]) == (4, False)


def test_an_explicit_key_beats_the_format_default(app):
    document = small_document()
    document["modules"][3].update(format="team-study-day", team_format=False, duration_periods=3)
    module = export_document(import_document(document))["modules"][3]
    assert (module["format"], module["team_format"], module["duration_periods"]) == (
        "team-study-day",
        False,
        3,
    )


def test_optional_fields_round_trip(app):
    document = small_document()
    document["framework"]["description"] = {"nl": "Beschrijving", "en": "Description"}
    document["areas"][0]["description"] = {"nl": "Over het stelsel"}
    document["modules"][3]["summary"] = {"nl": "Korte training", "en": "Short training"}
    document["modules"][3]["retired"] = True
    del document["modules"][0]["provider"]
    assert export_document(import_document(document)) == as_exported(document)


def test_import_replaces_a_framework_with_the_same_code(app, make_catalogue):
    make_catalogue()
    replacement = small_document()
    replacement["modules"] = [m for m in replacement["modules"] if m["code"] != "GED-1"]
    replacement["modules"][0]["title"] = {"nl": "Het stelsel passend onderwijs"}
    replacement["modules"].append(
        {
            "code": "GED-2",
            "title": {"nl": "Lastig gedrag"},
            "hours": 12,
            "cost_eur": 0,
            "format": "coaching",
            "phases": ["experienced"],
            "sectors": ["vo"],
            "outcomes": {"GEDRAG": 3},
            "requires": {"modules": ["STL-1"], "levels": {"GEDRAG": 1}},
        },
    )
    replacement["targets"] = []

    framework = import_document(replacement)

    assert db.session.scalars(sa.select(Framework.code)).all() == ["TEST-1"]
    assert export_document(framework) == as_exported(replacement)
    assert sorted(db.session.scalars(sa.select(Module.code))) == ["GED-2", "PLN-1", "PLN-2", "STL-1"]
    counts = row_counts()
    assert counts["targets"] == 0
    assert counts["outcomes"] == 4 and counts["module_requirements"] == 3


def test_replacing_keeps_providers_and_their_institute(app, make_catalogue, make_institute):
    make_catalogue()
    institute = make_institute("Pabo Test", provider_code="PABO-T")
    document = small_document()
    for module in document["modules"][:2]:
        module["provider"]["name"] = "Pabo Test (nieuwe naam)"
    import_document(document)
    provider = db.session.scalar(sa.select(Provider).where(Provider.code == "PABO-T"))
    assert provider.name == "Pabo Test (nieuwe naam)"
    assert provider.institute_id == institute.id
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Provider)) == 2


def test_a_failure_while_replacing_leaves_the_old_framework(app, make_catalogue, monkeypatch):
    """Delete and write are one transaction: a failure halfway keeps the old catalogue."""
    framework = make_catalogue()
    before, exported = row_counts(), export_document(framework)

    def broken(document):
        raise RuntimeError("disk full")

    monkeypatch.setattr(interchange, "_providers", broken)
    changed = small_document()
    changed["modules"][0]["title"] = {"nl": "Anders"}
    with pytest.raises(RuntimeError):
        import_document(changed)
    assert row_counts() == before
    assert export_document(db.session.scalar(sa.select(Framework))) == exported


def _change(document: dict, path: str, value) -> dict:
    """Set (or with value ... delete) the item at a dotted path, e.g. 'modules.1.hours'."""
    document = copy.deepcopy(document)
    *parents, last = path.split(".")
    target = document
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if isinstance(target, list):
        last = int(last)
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return document


REFUSALS = [
    pytest.param(
        "modules.1.hours", ..., ["modules[1] PLN-1: 'hours' is a required property"], id="missing-field"
    ),
    pytest.param(
        "modules.1.hours",
        "zestien",
        ["modules[1] PLN-1.hours: 'zestien' is not of type 'integer'"],
        id="wrong-type",
    ),
    pytest.param(
        "modules.3.format",
        "webinar",
        ["modules[3] GED-1.format: 'webinar' is not one of"],
        id="unknown-format",
    ),
    pytest.param(
        "modules.2.outcomes.PLAN",
        6,
        ["modules[2] PLN-2.outcomes.PLAN: 6 is not one of"],
        id="level-out-of-range",
    ),
    pytest.param(
        "areas.1.levels.5", ..., ["areas[1] PLAN.levels: '5' is a required property"], id="missing-descriptor"
    ),
    pytest.param(
        "modules.0.requires.modules",
        ["PLN-2"],
        ["Module PLN-1 is part of a requirement cycle: PLN-1 requires STL-1 requires PLN-2 requires PLN-1."],
        id="cycle",
    ),
    pytest.param(
        "modules.1.requires.modules",
        ["STL-1", "STL-9"],
        ["Module PLN-1 requires module STL-9, which is not in the catalogue."],
        id="dangling-module",
    ),
    pytest.param(
        "modules.3.outcomes",
        {"GEDRAG": 2, "ONBEKEND": 2},
        ["Module GED-1 refers to area ONBEKEND, which is not in the framework."],
        id="dangling-area",
    ),
    pytest.param(
        "modules.2.requires.levels",
        {"PLAN": 3},
        [
            "Module PLN-2 requires level 3 in PLAN to enter but brings participants only to level 3; "
            "the entry level must be lower."
        ],
        id="entry-level-not-below-outcome",
    ),
    pytest.param(
        "modules.3.requires.modules", ["GED-1"], ["Module GED-1 requires itself."], id="self-requirement"
    ),
    pytest.param(
        "modules.3.code",
        "PLN-1",
        ["Module code PLN-1 is used 2 times; codes must be unique."],
        id="duplicate-module",
    ),
    pytest.param("areas.2.code", "PLAN", ["area PLAN: duplicate-code"], id="duplicate-area"),
    pytest.param(
        "targets.0.levels.ONBEKEND",
        2,
        ["targets[0]: unknown-area: area ONBEKEND does not exist"],
        id="target-unknown-area",
    ),
    pytest.param(
        "modules.0.retired",
        True,
        ["module PLN-1: retired-requirement: requires retired module STL-1"],
        id="requires-retired",
    ),
    pytest.param("framework", ..., ["document: 'framework' is a required property"], id="no-framework"),
    pytest.param(
        "modules.3.provider.name",
        "Ander Bureau",
        ["module GED-1: provider-mismatch: provider EXT is described as 'Ander Bureau'"],
        id="provider-described-twice",
    ),
    pytest.param(
        "modules.3.reach",
        {"kind": "board"},
        ["modules[3] GED-1.reach: 'code' is a required property"],
        id="reach-without-code",
    ),
    pytest.param(
        "modules.3.reach",
        {"kind": "sector", "code": "BRON-NW"},
        ["module GED-1: reach-code: a module for every teacher of its sectors names no board"],
        id="sector-reach-with-code",
    ),
    pytest.param(
        "modules.3.reach",
        {"kind": "school", "code": "X"},
        ["modules[3] GED-1.reach.kind: 'school' is not one of"],
        id="unknown-reach-kind",
    ),
    pytest.param(
        "modules.3.reach",
        {"kind": "region", "code": "PO 2801!"},
        ["modules[3] GED-1.reach.code: 'PO 2801!' does not match"],
        id="reach-code-pattern",
    ),
    pytest.param(
        "modules.3.duration_periods",
        9,
        ["modules[3] GED-1.duration_periods: 9 is greater than the maximum of 8"],
        id="duration-too-long",
    ),
    pytest.param(
        "modules.3.duration_periods",
        0,
        ["modules[3] GED-1.duration_periods: 0 is less than the minimum of 1"],
        id="duration-zero",
    ),
    pytest.param(
        "modules.3.cost_eur",
        100_001,
        ["modules[3] GED-1.cost_eur: 100001 is greater than the maximum of 100000"],
        id="cost-too-high",
    ),
    pytest.param(
        "modules.3.team_format",
        "ja",
        ["modules[3] GED-1.team_format: 'ja' is not of type 'boolean'"],
        id="team-format-not-a-boolean",
    ),
    pytest.param(
        "modules.3.source", "x" * 201, ["modules[3] GED-1.source: 'xxx"], id="module-source-too-long"
    ),
    pytest.param(
        "areas.0.source", 7, ["areas[0] STELSEL.source: 7 is not of type 'string'"], id="area-source"
    ),
    pytest.param("targets.0.source", "y" * 201, ["targets[0].source: 'yyy"], id="target-source-too-long"),
    pytest.param(
        "areas.0.levels.6", {"nl": "Meer"}, ["areas[0] STELSEL.levels: Additional properties"], id="level-six"
    ),
    pytest.param("framework.version", "v" * 21, ["framework.version: 'vvv"], id="version-too-long"),
]


@pytest.mark.parametrize(("path", "value", "messages"), REFUSALS)
def test_refused_file_names_item_and_rule_and_changes_nothing(make_catalogue, path, value, messages):
    framework = make_catalogue()
    before, exported = row_counts(), export_document(framework)
    document = _change(small_document(), path, value)
    document["modules"][0]["title"] = {"nl": "Mag niet worden opgeslagen"}

    with pytest.raises(ImportRefused) as refusal:
        import_document(document)

    problems = refusal.value.problems
    for message in messages:
        assert any(problem.startswith(message) for problem in problems), problems
    assert row_counts() == before
    assert export_document(db.session.scalar(sa.select(Framework))) == exported


@pytest.mark.parametrize(("path", "value", "messages"), REFUSALS[5:10])
def test_refused_file_leaves_an_empty_database_empty(app, path, value, messages):
    with pytest.raises(ImportRefused):
        import_document(_change(small_document(), path, value))
    assert all(count == 0 for count in row_counts().values())


def test_every_problem_is_reported_at_once(app):
    document = small_document()
    document["modules"][0]["requires"]["modules"] = ["PLN-2"]
    document["modules"][3]["requires"]["modules"] = ["GED-1", "NIETS"]
    with pytest.raises(ImportRefused) as refusal:
        check_document(document)
    assert refusal.value.problems == [
        "Module GED-1 requires itself.",
        "Module GED-1 requires module NIETS, which is not in the catalogue.",
        "Module PLN-1 is part of a requirement cycle: PLN-1 requires STL-1 requires PLN-2 requires PLN-1.",
    ]


def test_a_longer_cycle_is_named_in_requirement_order(app):
    document = small_document()
    document["modules"][3]["requires"]["modules"] = ["PLN-2"]  # GED-1 requires PLN-2
    document["modules"][0]["requires"]["modules"] = ["GED-1"]  # STL-1 requires GED-1
    with pytest.raises(ImportRefused) as refusal:
        check_document(document)
    assert refusal.value.problems == [
        "Module GED-1 is part of a requirement cycle: "
        "GED-1 requires PLN-2 requires PLN-1 requires STL-1 requires GED-1."
    ]


@pytest.mark.parametrize("document", [[], "catalogue", None, {"framework": {}, "areas": [], "modules": []}])
def test_documents_of_the_wrong_shape_are_refused(app, document):
    with pytest.raises(ImportRefused) as refusal:
        check_document(copy.deepcopy(document))
    assert refusal.value.problems


@pytest.mark.parametrize(
    ("path", "item"),
    [
        ("modules.0.title", "modules[0] STL-1.title.nl"),
        ("areas.1.name", "areas[1] PLAN.name.nl"),
        ("framework.name", "framework.name.nl"),
    ],
)
def test_names_longer_than_the_database_holds_are_refused(make_catalogue, path, item):
    """Refused by the check, with the item named, rather than by PostgreSQL halfway."""
    make_catalogue()
    before = row_counts()
    with pytest.raises(ImportRefused) as refusal:
        import_document(_change(small_document(), path, {"nl": "x" * 201}))
    assert any(p.startswith(item) and "is too long" in p for p in refusal.value.problems), (
        refusal.value.problems
    )
    assert row_counts() == before


def test_long_provider_name_is_refused(app):
    document = small_document()
    document["modules"][3]["provider"]["name"] = "Extern Bureau " * 20
    with pytest.raises(ImportRefused) as refusal:
        import_document(document)
    assert refusal.value.problems[0].startswith("modules[3] GED-1.provider.name: ")


def test_the_planner_sees_the_catalogue_as_the_models_describe_it(app, shipped_document):
    from planner.catalogue.export import framework_modules
    from planner.catalogue.service import domain_modules, to_domain

    framework = import_document(shipped_document)
    from_models = {m.code: to_domain(m) for m in framework_modules(framework, include_retired=False)}
    assert domain_modules(framework) == from_models
