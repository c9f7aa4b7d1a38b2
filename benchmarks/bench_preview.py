"""POST /api/v1/plans/preview with the shipped catalogue (target: under 100 ms).

Beside it, in the same run and alternating, GET /api/v1/me/path of a stored path: the
preview plans every time, the read does not, so the difference is what planning costs on
this machine at this moment. Run as ``python benchmarks/bench_preview.py``.
"""

from __future__ import annotations

import json
import logging
import statistics
import tempfile
import time

from bench_pages import bench_app
from flask_migrate import upgrade

from planner.auth.accounts import create_api_token, set_password
from planner.catalogue.interchange import import_document
from planner.cli import SHIPPED_CATALOGUE
from planner.extensions import db
from planner.models import Role, School, User

RUNS = 25
STARTER = {
    "sector": "po",
    "phase": "induction",
    "years_experience": 0,
    "study_years_left": 0,
    "class_context": {"class_size": 26, "support_need": 9, "extra_support_need": 4},
    "wishes": ["AUTISME"],
}
STUDENT = {
    "sector": "mbo",
    "phase": "initial",
    "years_experience": 0,
    "study_years_left": 2,
    "side_entrant": True,
}


def main() -> None:
    logging.disable(logging.WARNING)
    document = json.loads(SHIPPED_CATALOGUE.read_text(encoding="utf-8"))
    areas = [area["code"] for area in document["areas"]]
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        app = bench_app(folder, WTF_CSRF_ENABLED=False)
        with app.app_context():
            upgrade()
            import_document(document)
            school = School(name="Benchmarkschool", sector="po")
            teacher = User(
                email="bench@example.org", name="Bench", role=Role.TEACHER, school=school, sector="po"
            )
            set_password(teacher, "bench-password-1")
            db.session.add_all([school, teacher])
            db.session.commit()
            token = create_api_token(teacher)
        client = app.test_client()
        auth = {"Authorization": f"Bearer {token}"}
        assessment = {"levels": dict.fromkeys(areas, 1)}
        assert client.post("/api/v1/me/assessments", json=assessment, headers=auth).status_code == 201
        bodies = {
            "preview, po starter in a heavy class": {**STARTER, "levels": dict.fromkeys(areas, 1)},
            "preview, mbo PDG docent (side entrant)": {**STUDENT, "levels": dict.fromkeys(areas, 0)},
        }
        timings: dict[str, list[float]] = {name: [] for name in [*bodies, "GET /api/v1/me/path"]}
        for _ in range(RUNS):
            for name, body in bodies.items():
                start = time.perf_counter()
                response = client.post("/api/v1/plans/preview", json=body, headers=auth)
                timings[name].append(time.perf_counter() - start)
                assert response.status_code == 200, response.get_json()
            start = time.perf_counter()
            assert client.get("/api/v1/me/path", headers=auth).status_code == 200
            timings["GET /api/v1/me/path"].append(time.perf_counter() - start)
    print(f"shipped catalogue ({len(document['modules'])} modules), SQLite, median of {RUNS}, alternating")
    for name, values in timings.items():
        print(
            f"{name:<42} median {statistics.median(values) * 1000:6.1f} ms  min {min(values) * 1000:6.1f} ms"
        )


if __name__ == "__main__":
    main()
