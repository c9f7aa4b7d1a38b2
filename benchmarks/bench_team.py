"""The team view for a school of 200 teachers on the shipped catalogue.

Targets: the matrix page at most 150 ms median, with as many SQL queries as for 10
teachers; the team plan at most 1 s; peer pairs at most 100 ms.
Run as ``python benchmarks/bench_team.py`` from the project root.
"""

from __future__ import annotations

import json
import logging
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime

import sqlalchemy as sa
from bench_pages import bench_app, school_teacher, two_team_school
from flask_migrate import upgrade

from planner.auth import accounts
from planner.catalogue.interchange import import_document
from planner.cli import SHIPPED_CATALOGUE
from planner.domain.peer import Colleague, peer_pairs
from planner.extensions import db
from planner.models import Role, School, User
from planner.models.paths import AssessedArea, Assessment
from planner.models.team import ExpertMinimum
from planner.school import peers, team_planning
from planner.school import team as team_data

SIZES = (10, 200)
RUNS = 15
PASSWORD = "bench-password-2026"


def school_of(size: int, codes: list[str]) -> School:
    rng = random.Random(size)
    school = two_team_school(f"Benchmark {size}")
    db.session.add(school)
    db.session.flush()
    for code in ("GEDRAG", "LEZEN", "AUTISME", "DIFF", "MEDISCH"):
        db.session.add(ExpertMinimum(school_id=school.id, area_code=code, minimum=max(1, size // 40)))
    for n in range(size):
        teacher = school_teacher(school, n, f"t{n}-{size}@example.org", rng.choice([1, 4, 10, 20]))
        db.session.add(teacher)
        for kind in ("self", "mentor"):
            db.session.add(
                Assessment(
                    teacher=teacher,
                    assessor=teacher,
                    kind=kind,
                    complete=True,
                    completed_at=datetime(2026, 9, 1),
                    areas=[AssessedArea(area_code=c, level=rng.randint(1, 5)) for c in codes],
                )
            )
    leader = User(email=f"leader-{size}@example.org", name="Leader", role=Role.LEADER, school=school)
    accounts.set_password(leader, PASSWORD)
    db.session.add(leader)
    db.session.commit()
    return school


def timed(run) -> float:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def main() -> None:
    logging.disable(logging.WARNING)
    rows, queries = [], {}
    with tempfile.TemporaryDirectory(prefix="bench-team-") as folder:
        app = bench_app(folder, WTF_CSRF_ENABLED=False)
        statements: list[str] = []
        with app.app_context():
            upgrade()
            framework = import_document(json.loads(SHIPPED_CATALOGUE.read_text(encoding="utf-8")))
            codes = [area.code for area in framework.areas]
            sa.event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
            for size in SIZES:
                school = school_of(size, codes)
                client = app.test_client()
                client.post("/login", data={"email": f"leader-{size}@example.org", "password": PASSWORD})
                assert client.get("/school/team").status_code == 200
                statements.clear()
                client.get("/school/team")
                queries[size] = len(statements)
                page = timed(lambda: client.get("/school/team"))
                with app.test_request_context():
                    plan = timed(lambda school=school: team_planning.build(school, None))
                    pairs_total = timed(lambda school=school: peers.proposed_pairs(school))
                    found = team_data.matrix(school)
                    teachers = [
                        Colleague(
                            r.id,
                            {a: c.planning for a, c in r.cells.items() if c.planning is not None},
                            {a: c.target for a, c in r.cells.items() if c.target is not None},
                        )
                        for r in found.teachers
                    ]
                    pairs = timed(lambda teachers=teachers: peer_pairs(teachers, codes))
                rows.append((size, queries[size], page, plan, pairs, pairs_total))
                db.session.remove()
            db.engine.dispose()
    print(f"team view on SQLite, shipped catalogue ({len(codes)} areas), median of {RUNS} runs")
    print(
        f"{'teachers':>8} {'queries':>7} {'matrix ms':>10} {'plan ms':>8} {'pairs ms':>9} {'with load':>10}"
    )
    for size, count, page, plan, pairs, total in rows:
        print(f"{size:>8} {count:>7} {page:>10.1f} {plan:>8.1f} {pairs:>9.1f} {total:>10.1f}")
    if len(set(queries.values())) > 1:
        print("the number of queries of the matrix page grows with the number of teachers")
        sys.exit(1)


if __name__ == "__main__":
    main()
