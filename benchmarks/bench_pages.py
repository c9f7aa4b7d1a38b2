"""The catalogue's list page and module API on a generated catalogue.

For each catalogue size: the number of SQL queries per request (it should not grow with
the number of modules) and the median time of a request through the test client, on a
temporary SQLite database migrated as in production.
Run as ``python benchmarks/bench_pages.py`` from the project root.
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade
from generate import AREAS, SUPPORT_AREAS, catalogue

from planner import create_app
from planner.catalogue.interchange import import_document
from planner.domain.catalogue import Module
from planner.extensions import db
from planner.models import Role, School, Team, User

SIZES = (50, 500)
REQUIREMENTS_PER_MODULE = 2
RUNS = 20
PAGES = ("/catalogue/", "/api/v1/modules")
PROVIDERS = [
    {"code": "PABO-B", "name": "Pabo Benchmark", "kind": "institute"},
    {"code": "SWV-B", "name": "Samenwerkingsverband Benchmark", "kind": "samenwerkingsverband"},
    {"code": "EXT-B", "name": "Extern Bureau Benchmark", "kind": "external"},
]


def interchange_document(modules: list[Module]) -> dict:
    """The generated catalogue in the interchange format, with texts made up per code."""
    levels = {str(level): {"nl": f"Niveau {level}", "en": f"Level {level}"} for level in range(1, 6)}
    return {
        "framework": {"code": "BENCH", "name": {"nl": "Benchmarkkader", "en": "Benchmark framework"}},
        "areas": [
            {
                "code": code,
                "group": "support" if code in SUPPORT_AREAS else "basis",
                "name": {"nl": f"Gebied {code}", "en": f"Area {code}"},
                "requirements": ["pedagogical"],
                "class_context": False,
                "levels": levels,
            }
            for code in AREAS
        ],
        "modules": [
            {
                "code": m.code,
                "title": {"nl": f"Module {m.code}", "en": f"Module {m.code}"},
                "summary": {"nl": f"Een gegenereerde module in {', '.join(m.outcomes)}."},
                "provider": PROVIDERS[index % len(PROVIDERS)],
                "hours": m.hours,
                "cost_eur": 25 * (index % 20),
                "format": m.format,
                "phases": sorted(m.phases),
                "sectors": sorted(m.sectors),
                "outcomes": dict(m.outcomes),
                "requires": {"modules": list(m.requires_modules), "levels": dict(m.requires_levels)},
            }
            for index, m in enumerate(modules)
        ],
    }


def two_team_school(name: str) -> School:
    """A primary school with a lower and an upper team, as the team benchmarks use."""
    school = School(name=name, sector="po")
    school.teams = [Team(name="Onderbouw"), Team(name="Bovenbouw")]
    return school


def school_teacher(school: School, n: int, email: str, years: int) -> User:
    """The ``n``-th qualified teacher of a ``two_team_school``, in its teams by turn."""
    return User(
        email=email,
        name=f"Teacher {n:03}",
        role=Role.TEACHER,
        school=school,
        team=school.teams[n % 2],
        sector="po",
        qualification="qualified",
        years_experience=years,
    )


def bench_app(folder: str, **config):
    """An app on a fresh SQLite file in ``folder``, configured as the tests configure it."""
    os.environ["PLANNER_INSTANCE_PATH"] = folder
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "SERVER_NAME": "planner.test",
            "SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(Path(folder) / "bench.sqlite"),
            **config,
        }
    )


def measure(client, statements: list[str], url: str) -> tuple[int, float, int]:
    """Queries of one request, median milliseconds over RUNS requests, response size."""
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    statements.clear()
    client.get(url)
    queries = len(statements)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
    return queries, statistics.median(timings) * 1000, len(response.data)


def main() -> None:
    logging.disable(logging.WARNING)  # Alembic's migration log
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as folder:
        app = bench_app(folder)
        statements: list[str] = []
        with app.app_context():
            upgrade()
            sa.event.listen(
                db.engine,
                "before_cursor_execute",
                lambda conn, cursor, statement, *rest: statements.append(statement),
            )
            rows = []
            for size in SIZES:
                document = interchange_document(catalogue(size, REQUIREMENTS_PER_MODULE * size))
                import_document(document)
                db.session.remove()
                client = app.test_client()
                for url in PAGES:
                    rows.append((size, url, *measure(client, statements, url)))
            db.engine.dispose()

    print(
        f"catalogue pages on SQLite; {REQUIREMENTS_PER_MODULE} requirements per module, "
        f"median of {RUNS} requests"
    )
    print(f"{'modules':>7}  {'page':<17} {'queries':>7} {'median ms':>10} {'bytes':>9}")
    for size, url, queries, median, size_bytes in rows:
        print(f"{size:>7}  {url:<17} {queries:>7} {median:>10.1f} {size_bytes:>9,}")
    by_page = {url: {size: q for size, u, q, *_ in rows if u == url} for url in PAGES}
    growing = [url for url, counts in by_page.items() if len(set(counts.values())) > 1]
    if growing:
        print("the number of queries grows with the catalogue on: " + ", ".join(growing))
        sys.exit(1)


if __name__ == "__main__":
    main()
