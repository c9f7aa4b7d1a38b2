"""A teacher's path page and path API on generated catalogues of growing size.

Per catalogue size: the SQL queries of one request (they should not grow with the
catalogue) and median milliseconds, for the path page, the path API and for posting an
assessment through the API, which plans the path again. Then the path page for a path of
exactly 30 steps (target: a median of at most 8 ms), beside the first request of its
version, which renders what the page keeps of it.
Run as ``python benchmarks/bench_paths.py`` from the project root.
"""

from __future__ import annotations

import logging
import statistics
import sys
import tempfile
import time

import sqlalchemy as sa
from bench_pages import bench_app, interchange_document
from flask_migrate import upgrade
from generate import AREAS, catalogue

from planner.auth.accounts import create_api_token, set_password
from planner.catalogue.interchange import import_document
from planner.extensions import db
from planner.models import Role, School, User
from planner.models.paths import LearningPath, PathStep

SIZES = (100, 2000)
PAGE_STEPS = 30
PAGE_RUNS = 40
REQUIREMENTS_PER_MODULE = 3
RUNS = 15
TARGETS = [
    {"phase": "initial", "sector": "*", "levels": dict.fromkeys(AREAS, 2)},
    {"phase": "induction", "sector": "*", "levels": dict.fromkeys(AREAS, 3)},
    {"phase": "experienced", "sector": "*", "levels": dict.fromkeys(AREAS, 4)},
]


def timed(request, statements: list[str]) -> tuple[int, float]:
    statements.clear()
    response = request()
    assert response.status_code in (200, 201), response.status_code
    queries = len(statements)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        request()
        timings.append(time.perf_counter() - start)
    return queries, statistics.median(timings) * 1000


def keep_first_steps(count: int) -> None:
    """The newest version keeps its first ``count`` steps: a path of a known length."""
    newest = db.session.scalar(sa.select(LearningPath).order_by(LearningPath.id.desc()).limit(1))
    db.session.execute(sa.delete(PathStep).where(PathStep.path_id == newest.id, PathStep.position >= count))
    db.session.commit()
    assert len(newest.steps) == count, len(newest.steps)


def page_times(client) -> tuple[float, float, float]:
    """The first request for a version, then the median wall-clock and CPU milliseconds."""
    start = time.perf_counter()
    assert client.get("/path").status_code == 200
    first = time.perf_counter() - start
    walls, cpus = [], []
    for _ in range(PAGE_RUNS):
        start, cpu = time.perf_counter(), time.process_time()
        client.get("/path")
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return first * 1000, statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main() -> None:
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="bench-paths-") as folder:
        app = bench_app(folder, WTF_CSRF_ENABLED=False)
        statements: list[str] = []
        rows = []
        with app.app_context():
            upgrade()
            school = School(name="Benchmarkschool", sector="po")
            teacher = User(
                email="bench@example.org",
                name="Bench",
                role=Role.TEACHER,
                school=school,
                sector="po",
                qualification="qualified",
                years_experience=0,
            )
            set_password(teacher, "bench-password-1")
            db.session.add_all([school, teacher])
            db.session.commit()
            token = create_api_token(teacher)
            engine = db.engine
        sa.event.listen(
            engine,
            "before_cursor_execute",
            lambda conn, cursor, statement, *rest: statements.append(statement),
        )
        auth = {"Authorization": f"Bearer {token}"}
        assessment = {
            "levels": dict.fromkeys(AREAS, 1),
            "wishes": ["GEDRAG"],
            "class_context": {"class_size": 26, "support_need": 9, "extra_support_need": 5},
        }
        for size in SIZES:
            with app.app_context():
                document = interchange_document(catalogue(size, REQUIREMENTS_PER_MODULE * size))
                # Same framework code each time: the import replaces the smaller catalogue.
                import_document({**document, "targets": TARGETS})
                db.session.commit()
            # Requests outside an app context, as in production: each gets its own.
            client = app.test_client()
            client.post("/login", data={"email": "bench@example.org", "password": "bench-password-1"})
            post = lambda: client.post("/api/v1/me/assessments", json=assessment, headers=auth)  # noqa: E731
            rows.append((size, "POST /api/v1/me/assessments", *timed(post, statements)))
            rows.append((size, "GET /path", *timed(lambda: client.get("/path"), statements)))
            rows.append(
                (
                    size,
                    "GET /api/v1/me/path",
                    *timed(lambda: client.get("/api/v1/me/path", headers=auth), statements),
                )
            )
        with app.app_context():
            keep_first_steps(PAGE_STEPS)
        page = page_times(client)
        engine.dispose()

    print(
        f"path pages on SQLite; {REQUIREMENTS_PER_MODULE} requirements per module, median of {RUNS} requests"
    )
    print(f"{'modules':>7}  {'request':<29} {'queries':>7} {'median ms':>10}")
    for size, name, queries, median in rows:
        print(f"{size:>7}  {name:<29} {queries:>7} {median:>10.1f}")
    first, wall, cpu = page
    print(
        f"GET /path, a path of {PAGE_STEPS} steps ({SIZES[-1]} modules): median {wall:.1f} ms "
        f"(CPU {cpu:.1f} ms) of {PAGE_RUNS} requests; the version's first request {first:.1f} ms"
    )
    reads = [
        name
        for name in ("GET /path", "GET /api/v1/me/path")
        if len({q for s, n, q, _ in rows if n == name}) > 1
    ]
    if reads:
        print("the number of queries grows with the catalogue on: " + ", ".join(reads))
        sys.exit(1)


if __name__ == "__main__":
    main()
