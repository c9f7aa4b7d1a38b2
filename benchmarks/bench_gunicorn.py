"""Requests per second of GET /path against a bare Flask endpoint, both under gunicorn.

Starts two gunicorn servers with 2 workers each on the loopback interface: the planner
(wsgi:app, production configuration, a temporary SQLite database with the shipped
catalogue and a teacher with a planned path) and a one-line Flask endpoint. Each is loaded
for a few seconds by the same client threads in turn; the script prints both rates and
the ratio (target: at least 10 %). Both servers are stopped at the end, also on failure.
Run as ``python benchmarks/bench_gunicorn.py`` from the project root.
"""

from __future__ import annotations

import http.client
import logging
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
THREADS = 8
PASSWORD = "benchmark-password-4711"
EMAIL = "leraar@bench.example"


def free_port(offset: int) -> int:
    """BENCH_PORT and the port after it when set (to stay clear of other servers), else any free one."""
    if os.environ.get("BENCH_PORT"):
        return int(os.environ["BENCH_PORT"]) + offset
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seed(folder: str) -> None:
    """A migrated database with the shipped catalogue and one teacher with a path."""
    import json

    from flask_migrate import upgrade

    from planner import create_app
    from planner.auth import accounts
    from planner.catalogue.interchange import import_document
    from planner.catalogue.service import area_codes, current_framework
    from planner.cli import SHIPPED_CATALOGUE
    from planner.extensions import db
    from planner.models import Role, School, Team, User
    from planner.paths import assessing, service

    app = create_app()
    with app.app_context():
        upgrade()
        import_document(json.loads(Path(SHIPPED_CATALOGUE).read_text(encoding="utf-8")))
        school = School(name="Benchmarkschool", sector="po", teams=[Team(name="Onderbouw")])
        teacher = User(
            email=EMAIL,
            name="Bench Leraar",
            role=Role.TEACHER,
            school=school,
            team=school.teams[0],
            sector="po",
            qualification="qualified",
            years_experience=0,
        )
        accounts.set_password(teacher, PASSWORD)
        db.session.add_all([school, teacher])
        db.session.commit()
        assessment = assessing.start_draft(teacher, None)
        assessing.set_areas(assessment, dict.fromkeys(area_codes(current_framework()), 1))
        assessing.set_class_context(assessment, 25, 4, 1)
        assessing.complete(assessment)
        db.session.flush()
        service.replan(teacher, "assessment")
        db.session.commit()
        steps = len(service.current_path(teacher).steps)
        db.engine.dispose()
    print(f"path of {steps} steps", file=sys.stderr)


def serve(module: str, port: int, folder: str, env: dict, ready: str) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
        "--chdir", folder, "--log-level", "warning", module,
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    # The master listens before its workers have loaded the application: wait for an answer.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            request(port, "GET", ready)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not start {module}")


def request(port: int, method: str, path: str, headers: dict | None = None, body: str | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def login(port: int) -> str:
    """The session cookie of the teacher, logged in through the form with its CSRF token."""
    status, headers, page = request(port, "GET", "/login")
    cookie = "; ".join(v.split(";")[0] for k, v in headers if k.lower() == "set-cookie")
    token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({"csrf_token": token, "email": EMAIL, "password": PASSWORD})
    status, headers, _ = request(
        port,
        "POST",
        "/login",
        {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
        form,
    )
    cookies = [v.split(";")[0] for k, v in headers if k.lower() == "set-cookie"]
    if status != 302 or not cookies:
        raise SystemExit(f"login failed: {status}")
    return "; ".join(cookies)


def rate(port: int, path: str, headers: dict) -> float:
    """Requests per second answered 200 by THREADS clients for SECONDS."""
    counts, errors = [0] * THREADS, []
    stop = time.monotonic() + SECONDS

    def client(index: int) -> None:
        while time.monotonic() < stop:
            status, _, _ = request(port, "GET", path, headers)
            if status != 200:
                errors.append(status)
                return
            counts[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(THREADS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path} answered {errors[0]}")
    return sum(counts) / (time.monotonic() - started)


def main() -> None:
    logging.disable(logging.WARNING)
    folder = tempfile.mkdtemp(prefix="planner-bench-")
    env = {
        **os.environ,
        "PLANNER_INSTANCE_PATH": folder,
        "PLANNER_DATABASE_URL": "sqlite:///" + str(Path(folder) / "bench.sqlite"),
        "SECRET_KEY": "benchmark",
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update({k: env[k] for k in ("PLANNER_INSTANCE_PATH", "PLANNER_DATABASE_URL", "SECRET_KEY")})
    seed(folder)
    planner_port, bare_port = free_port(0), free_port(1)
    servers = []
    try:
        servers.append(serve("wsgi:app", planner_port, str(ROOT), env, "/login"))
        servers.append(serve("bare_app:app", bare_port, str(ROOT / "benchmarks"), env, "/"))
        cookie = login(planner_port)
        rate(planner_port, "/path", {"Cookie": cookie})  # warm both workers
        path_rate = rate(planner_port, "/path", {"Cookie": cookie})
        bare_rate = rate(bare_port, "/", {})
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    print(f"GET /path        {path_rate:8.1f} requests/s (gunicorn, 2 workers)")
    print(f"bare endpoint    {bare_rate:8.1f} requests/s (gunicorn, 2 workers)")
    print(f"ratio            {100 * path_rate / bare_rate:8.1f} %  (target at least 10 %)")


if __name__ == "__main__":
    main()
