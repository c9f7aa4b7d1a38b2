"""Simultaneous writes against gunicorn with several workers, on SQLite and PostgreSQL: no
server error, and no change that was answered 200 is missing from the newest path."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from planner import create_app
from planner.auth.accounts import create_api_token
from planner.catalogue.interchange import import_document
from planner.extensions import db
from planner.models import Role, School, Team, User
from planner.models.paths import LearningPath, ModuleProgress
from planner.paths import assessing, service
from tests.conftest import reset_schema, small_document

ROOT = Path(__file__).resolve().parent.parent
TEACHERS = 3
WORKERS = 4
LEVELS = {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(url: str) -> dict[str, str]:
    """Teachers with a first path; their API tokens by e-mail."""
    app = create_app({"SECRET_KEY": "concurrency", "SQLALCHEMY_DATABASE_URI": url})
    tokens = {}
    with app.app_context():
        upgrade()
        import_document(small_document())
        school = School(name="De Linde", sector="po", teams=[Team(name="Onderbouw")])
        db.session.add(school)
        for n in range(TEACHERS):
            teacher = User(
                email=f"t{n}@example.org",
                name=f"Teacher {n}",
                role=Role.TEACHER,
                school=school,
                team=school.teams[0],
                sector="po",
                years_experience=0,
                qualification="qualified",
                password_hash="-",
            )
            db.session.add(teacher)
            assessment = assessing.start_draft(teacher, None)
            assessing.set_areas(assessment, LEVELS)
            assessing.complete(assessment)
            db.session.flush()
            service.replan(teacher, "assessment")
            db.session.commit()
            tokens[teacher.email] = create_api_token(teacher)
        db.session.remove()
        db.engine.dispose()
    return tokens


@pytest.fixture
def server(tmp_path):
    url = os.environ.get("PLANNER_TEST_E2E_DATABASE_URL")
    if url:
        reset_schema(url)
    else:
        url = "sqlite:///" + str(tmp_path / "served.sqlite")
    tokens = seed(url)
    port = free_port()
    env = {
        **os.environ,
        "PLANNER_DATABASE_URL": url,
        "PLANNER_INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "concurrency",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/v1/areas", timeout=5).close()
                break
            except OSError:  # refused, or no worker ready yet
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield base, url, tokens
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def call(base: str, token: str, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        base + path,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read() or b"{}")


def start_module(base: str, token: str, module: str, answers: list) -> str | None:
    """Mark the module's step as started, as a client does: read the path, send the change,
    and on 409 (the path changed meanwhile) read it again."""
    for _ in range(40):
        status, path = call(base, token, "GET", "/api/v1/me/path")
        answers.append(("GET", status))
        step = next((s for s in path["steps"] if s["module"] == module), None)
        if step is None:
            return None  # planned away: a started later module no longer needs it
        status, answer = call(
            base, token, "PATCH", f"/api/v1/me/path/steps/{step['id']}", {"status": "in_progress"}
        )
        answers.append(("PATCH", status))
        if status == 200:
            return module
        assert status == 409, answer
    return None


def post_assessment(base: str, token: str, answers: list) -> None:
    status, _ = call(base, token, "POST", "/api/v1/me/assessments", {"levels": LEVELS})
    answers.append(("POST", status))


def test_parallel_changes_are_all_kept(server):
    base, url, tokens = server
    modules = [m["code"] for m in small_document()["modules"]]
    answers: list = []
    stale: list = []
    with ThreadPoolExecutor(max_workers=16) as pool:
        # The same step of version 1, sent four times at once: one change, the others 409.
        first_token = tokens["t0@example.org"]
        _, path = call(base, first_token, "GET", "/api/v1/me/path")
        step = path["steps"][0]["id"]
        same = [
            pool.submit(call, base, first_token, "PATCH", f"/api/v1/me/path/steps/{step}", {"status": "done"})
            for _ in range(4)
        ]
        stale = sorted(future.result()[0] for future in same)
        done = path["steps"][0]["module"]
        starts = {
            (email, module): pool.submit(start_module, base, token, module, answers)
            for email, token in tokens.items()
            for module in modules
            if not (token == first_token and module == done)
        }
        posts = [pool.submit(post_assessment, base, token, answers) for token in tokens.values()]
        for job in posts:
            job.result()
        started: dict[str, set[str]] = {email: set() for email in tokens}
        for (email, _), job in starts.items():
            if job.result() is not None:
                started[email].add(job.result())
    started["t0@example.org"].add(done)
    assert stale == [200, 409, 409, 409]
    assert all(status < 500 for _, status in answers), answers
    assert all(status == 201 for method, status in answers if method == "POST")

    engine = sa.create_engine(url)
    with engine.connect() as connection:
        for email in tokens:
            teacher = connection.scalar(sa.select(User.id).where(User.email == email))
            newest = connection.scalar(
                sa.select(sa.func.max(LearningPath.version)).where(LearningPath.teacher_id == teacher)
            )
            count = connection.scalar(
                sa.select(sa.func.count()).select_from(LearningPath).where(LearningPath.teacher_id == teacher)
            )
            assert count == newest  # versions 1..n, none twice
            progress = dict(
                connection.execute(
                    sa.select(ModuleProgress.module_code, ModuleProgress.status).where(
                        ModuleProgress.teacher_id == teacher
                    )
                ).all()
            )
            assert set(progress) == started[email] and len(progress) >= 2, email
        # Every answered change is in each teacher's newest version.
        for email, token in tokens.items():
            _, path = call(base, token, "GET", "/api/v1/me/path")
            statuses = {s["module"]: s["status"] for s in path["steps"]}
            assert all(statuses[m] in ("in_progress", "done") for m in started[email]), (email, statuses)
    engine.dispose()
