"""GET /api/v1/modules with the shipped catalogue (target: at most 20 ms).

Three ways, alternating in one run: a first request after a change (the answer is built),
a repeat (the answer built for this catalogue revision is sent again) and a repeat with the
client's ETag (304, nothing sent). Run as ``python benchmarks/bench_catalogue_api.py``.
"""

from __future__ import annotations

import json
import logging
import statistics
import tempfile
import time

import sqlalchemy as sa
from bench_pages import bench_app
from flask_migrate import upgrade

from planner.catalogue.interchange import import_document
from planner.cli import SHIPPED_CATALOGUE
from planner.extensions import db
from planner.models import Framework

RUNS = 25


def main() -> None:
    logging.disable(logging.WARNING)
    document = json.loads(SHIPPED_CATALOGUE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-catalogue-api-") as folder:
        app = bench_app(folder)
        with app.app_context():
            upgrade()
            import_document(document)
            db.session.commit()
        client = app.test_client()
        timings: dict[str, list[float]] = {"built": [], "repeat": [], "304": []}
        etag = ""
        for _ in range(RUNS):
            with app.app_context():
                # A change of the catalogue: the next answer is built anew.
                db.session.execute(sa.update(Framework).values(revision=Framework.revision + 1))
                db.session.commit()
            for name in timings:
                headers = {"If-None-Match": etag} if name == "304" else {}
                start = time.perf_counter()
                response = client.get("/api/v1/modules", headers=headers)
                timings[name].append(time.perf_counter() - start)
                etag = response.headers["ETag"].strip('"')
                assert response.status_code == (304 if name == "304" else 200)
    print(f"GET /api/v1/modules, shipped catalogue ({len(document['modules'])} modules), median of {RUNS}")
    for name, values in timings.items():
        print(
            f"{name:<8} median {statistics.median(values) * 1000:6.1f} ms  min {min(values) * 1000:6.1f} ms"
        )


if __name__ == "__main__":
    main()
