"""Fixtures for the catalogue tests: English pages, people with roles, row counts,
generated catalogues of any size and a query counter."""

import re

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import (
    Area,
    Framework,
    LevelDescriptor,
    LevelRequirement,
    Module,
    ModulePhase,
    ModuleRequirement,
    ModuleSector,
    Outcome,
    Provider,
    Role,
    Target,
)

CATALOGUE_TABLES = (
    Framework,
    Area,
    LevelDescriptor,
    Provider,
    Module,
    ModulePhase,
    ModuleSector,
    Outcome,
    ModuleRequirement,
    LevelRequirement,
    Target,
)


@pytest.fixture
def client(app):
    """The interface in English (as if chosen with the language switch), so tests can
    read the messages as written in the code."""
    client = app.test_client()
    with client.session_transaction() as session:
        session["locale"] = "en"
    return client


def row_counts() -> dict[str, int]:
    return {
        model.__tablename__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in CATALOGUE_TABLES
    }


def module_codes(html: str) -> list[str]:
    """The module codes of the rows of the browse table, in order."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<tr[^>]*>\s*<td><a href="/catalogue/modules/([^"]+)">', body)


def flashes(html: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", m).strip()
        for m in re.findall(r'<div class="flash [a-z]+" role="status">(.*?)</div>', html, re.S)
    ]


@pytest.fixture
def people(make_catalogue, make_institute, make_user):
    """The small catalogue, with the staff of the institute behind provider PABO-T."""
    make_catalogue()
    pabo = make_institute("Pabo Test", provider_code="PABO-T")
    elsewhere = make_institute("Hogeschool Elders")
    return {
        "teacher": make_user(role=Role.TEACHER, email="teacher@example.org"),
        "leader": make_user(role=Role.LEADER, email="leader@example.org"),
        "staff": make_user(role=Role.INSTITUTE, email="staff@example.org", institute=pabo),
        "stranger": make_user(role=Role.INSTITUTE, email="stranger@example.org", institute=elsewhere),
        "admin": make_user(role=Role.ADMIN, email="admin@example.org"),
    }


LEVEL_TEXTS = {str(n): {"nl": f"Niveau {n}"} for n in range(1, 6)}
GEN_AREAS = ("LEES", "REKEN", "GEDRAG", "ASS", "DIFF", "KLAS", "OPP", "STELSEL")
GEN_FORMATS = ("training-one-day", "training-multi-day", "coaching", "elective", "master-module")
GEN_PHASES = (["initial", "induction"], ["induction"], ["induction", "experienced"], ["experienced"])
GEN_SECTORS = (["po"], ["po", "go"], ["vo", "mbo"], ["po", "vo", "mbo", "go"])


def generated_document(size: int, code: str = "GEN-1") -> dict:
    """A layered catalogue of ``size`` modules: each requires up to two earlier ones."""
    modules = []
    for index in range(size):
        requires = sorted({index - 1 - (index % 7), index - 3 - (index % 5)} if index >= 8 else set())
        area = GEN_AREAS[index % len(GEN_AREAS)]
        level = 1 + min(4, index * 5 // size)
        modules.append(
            {
                "code": f"M{index:04d}",
                "title": {"nl": f"Module {index}", "en": f"Module {index}"},
                "summary": {"nl": f"Samenvatting van module {index}"},
                "provider": {
                    "code": f"P{index % 6}",
                    "name": f"Aanbieder {index % 6}",
                    "kind": "institute" if index % 2 else "external",
                },
                "hours": 8 + index % 40,
                "cost_eur": 50 * (index % 9),
                "format": GEN_FORMATS[index % len(GEN_FORMATS)],
                "phases": GEN_PHASES[index % len(GEN_PHASES)],
                "sectors": GEN_SECTORS[index % len(GEN_SECTORS)],
                "outcomes": {area: level, GEN_AREAS[(index + 3) % len(GEN_AREAS)]: max(1, level - 1)},
                "requires": {
                    "modules": [f"M{r:04d}" for r in requires],
                    "levels": {area: level - 1} if level > 1 else {},
                },
            }
        )
    return {
        "framework": {"code": code, "name": {"nl": "Gegenereerd kader"}},
        "areas": [
            {
                "code": a,
                "group": "support" if i < 4 else "basis",
                "name": {"nl": f"Gebied {a}"},
                "requirements": ["pedagogical"],
                "class_context": False,
                "levels": LEVEL_TEXTS,
            }
            for i, a in enumerate(GEN_AREAS)
        ],
        "modules": modules,
        "targets": [{"phase": "induction", "sector": "*", "levels": dict.fromkeys(GEN_AREAS, 2)}],
    }


def _ordered(entry: dict, order: tuple[str, ...], defaults: dict) -> dict:
    """The entry with its absent keys filled in, keys in the export's order."""
    filled = {**defaults, **entry}
    return {key: filled[key] for key in order if key in filled}


def as_exported(document: dict) -> dict:
    """A document as the export writes it: every defaulted key written out, in the
    export's key order. A file that has every key already comes back unchanged."""
    from planner.domain.catalogue import DEFAULT_DURATION, TEAM_FORMATS

    framework = document["framework"]
    return {
        "framework": _ordered(
            framework, ("code", "version", "name", "description", "source"), {"version": "", "source": ""}
        ),
        "areas": [
            _ordered(
                area,
                ("code", "group", "name", "description", "requirements", "class_context", "source", "levels"),
                {"requirements": [], "class_context": False, "source": ""},
            )
            for area in document["areas"]
        ],
        "modules": [
            _ordered(
                module,
                (
                    "code",
                    "title",
                    "summary",
                    "provider",
                    "hours",
                    "cost_eur",
                    "duration_periods",
                    "format",
                    "team_format",
                    "phases",
                    "sectors",
                    "reach",
                    "outcomes",
                    "requires",
                    "source",
                    "retired",
                ),
                {
                    "cost_eur": 0,
                    "duration_periods": DEFAULT_DURATION[module["format"]],
                    "team_format": module["format"] in TEAM_FORMATS,
                    "reach": {"kind": "sector"},
                    "requires": {"modules": [], "levels": {}},
                    "source": "",
                },
            )
            for module in document["modules"]
        ],
        "targets": [
            _ordered(target, ("phase", "sector", "levels", "source"), {"source": ""})
            for target in document.get("targets", [])
        ],
    }
