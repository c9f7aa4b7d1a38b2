"""The load test, start to finish: a throw-away PostgreSQL cluster, schools of teachers with
paths and their leaders, the planner under gunicorn (4 workers), then locust headless with
200 users for a bounded time, and the table of what it measured. Everything it started is
stopped and removed at the end, whatever the outcome.

Targets: no failed request, and the 95th percentile of all requests under 500 ms.
Run as ``python benchmarks/load/run_load.py`` (or ``make load``) from the project root;
``--users``, ``--spawn-rate`` and ``--run-time`` change the run, ``--port`` the first of the
two ports it uses (PostgreSQL on it, gunicorn on the next).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PASSWORD = "load-test-password-2026"
SCHOOLS = 2
TEACHERS = 200
P95_TARGET_MS = 500


def as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def postgres_cluster(stack: ExitStack, port: int) -> str:
    """A cluster in a temporary folder on 127.0.0.1:port; its database's URL."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not found:
        sys.exit("PostgreSQL is not installed (make system-packages)")
    pgbin = found[-1]
    work = Path(tempfile.mkdtemp(prefix="planner-load-pg-"))
    stack.callback(shutil.rmtree, work, ignore_errors=True)
    if os.geteuid() == 0:
        shutil.chown(work, "postgres")
    data = str(work / "data")

    def run(tool: str, *args: str) -> None:
        subprocess.run(as_postgres([str(pgbin / tool), *args]), check=True, stdout=subprocess.DEVNULL)

    run("initdb", "-D", data, "-U", "postgres", "--auth=trust")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {work} -c fsync=off -c full_page_writes=off"
    run("pg_ctl", "-D", data, "-w", "-l", str(work / "server.log"), "start", "-o", options)
    stack.callback(
        subprocess.run,
        as_postgres([str(pgbin / "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "planner_load")
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/planner_load"


def seed(url: str, folder: Path) -> dict:
    """Schools of teachers, each with a self-assessment, a path and an API token, and
    their leaders (a school leader and a leader of each team); returns who is who."""
    from flask_migrate import upgrade

    from planner import create_app
    from planner.auth import accounts
    from planner.catalogue.interchange import import_document
    from planner.cli import SHIPPED_CATALOGUE
    from planner.extensions import db
    from planner.models import Role, School, Team, User
    from planner.paths import assessing, service

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "load-seed"})
    rng = random.Random(2026)
    people: dict = {"password": PASSWORD, "teachers": [], "leaders": []}
    with app.app_context(), app.test_request_context():
        upgrade()
        framework = import_document(json.loads(SHIPPED_CATALOGUE.read_text(encoding="utf-8")))
        codes = [area.code for area in framework.areas]
        catalogue = service.planning_catalogue()
        # One hash for every account: hashing 200 passwords would take longer than the run.
        probe = User(email="probe@example.org", name="-")
        accounts.set_password(probe, PASSWORD)
        for s in range(SCHOOLS):
            school = School(name=f"Load school {s + 1}", sector="po", budget_hours_per_year=40)
            school.teams = [Team(name="Onderbouw"), Team(name="Bovenbouw")]
            db.session.add(school)
            leaders = [(f"leader{s}@example.org", None)] + [
                (f"leader{s}-{t}@example.org", team) for t, team in enumerate(school.teams)
            ]
            for email, team in leaders:
                leader = User(email=email, name=email, role=Role.LEADER, school=school, team=team)
                leader.password_hash = probe.password_hash
                db.session.add(leader)
                people["leaders"].append({"email": email})
            for n in range(TEACHERS // SCHOOLS):
                teacher = User(
                    email=f"t{s}-{n}@example.org",
                    name=f"Teacher {s}-{n:03}",
                    role=Role.TEACHER,
                    school=school,
                    team=school.teams[n % 2],
                    sector="po",
                    qualification="qualified",
                    years_experience=rng.choice([0, 1, 2, 5, 10, 20]),
                )
                teacher.password_hash = probe.password_hash
                db.session.add(teacher)
                assessment = assessing.start_draft(teacher, None)
                assessing.set_areas(assessment, {code: rng.randint(0, 4) for code in codes})
                assessing.complete(assessment)
                db.session.flush()
                service.replan(teacher, "assessment", catalogue=catalogue)
                people["teachers"].append(
                    {"email": teacher.email, "token": accounts.create_api_token(teacher)}
                )
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return people


CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def log_in(base: str, account: dict) -> float:
    """Log in through the login form as a browser does; keeps the session cookie in
    ``account`` and returns how long the login took in ms."""
    import requests

    with requests.Session() as browser:
        token = CSRF.search(browser.get(base + "/login", timeout=60).text).group(1)
        start = time.perf_counter()
        response = browser.post(
            base + "/login",
            data={"email": account["email"], "password": PASSWORD, "csrf_token": token},
            allow_redirects=False,
            timeout=60,
        )
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 302:
            sys.exit(f"login of {account['email']} answered {response.status_code}")
        account["session"] = browser.cookies["session"]
    return elapsed


def log_everyone_in(base: str, people: dict, folder: Path) -> list[float]:
    accounts = [*people["teachers"], *people["leaders"]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        timings = list(pool.map(lambda account: log_in(base, account), accounts))
    (folder / "people.json").write_text(json.dumps(people))
    return timings


def gunicorn(stack: ExitStack, url: str, port: int, folder: Path) -> str:
    env = {
        **os.environ,
        "PLANNER_DATABASE_URL": url,
        "PLANNER_INSTANCE_PATH": str(folder / "instance"),
        "SECRET_KEY": "load-test",
    }
    log = stack.enter_context((folder / "gunicorn.log").open("w"))
    command = [sys.executable, "-m", "gunicorn", "--workers", "4", "--bind", f"127.0.0.1:{port}", "wsgi:app"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    stack.callback(stop)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/v1/areas", timeout=5).close()
            return base
        except OSError:  # refused, or no worker ready yet
            if time.monotonic() > deadline or process.poll() is not None:
                sys.exit(f"gunicorn did not start: see {folder / 'gunicorn.log'}")
            time.sleep(0.2)


def table(prefix: Path) -> tuple[list[dict], dict]:
    with open(f"{prefix}_stats.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    return [r for r in rows if r["Name"] != "Aggregated"], total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=int, default=20)
    parser.add_argument("--run-time", default="60s")
    parser.add_argument("--port", type=int, default=5701)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    with ExitStack() as stack:
        folder = Path(tempfile.mkdtemp(prefix="planner-load-"))
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        url = postgres_cluster(stack, args.port)
        started = time.perf_counter()
        people = seed(url, folder)
        print(
            f"seeded {len(people['teachers'])} teachers with paths and {len(people['leaders'])} leaders "
            f"in {time.perf_counter() - started:.0f} s"
        )
        base = gunicorn(stack, url, args.port + 1, folder)
        logins = log_everyone_in(base, people, folder)
        print(
            f"logged {len(logins)} accounts in through the login form, 4 at a time: "
            f"median {statistics.median(logins):.0f} ms"
        )
        prefix = folder / "locust"
        locust = [
            *(sys.executable, "-m", "locust", "--locustfile", str(HERE / "locustfile.py")),
            *("--headless", "--only-summary", "--host", base, "--csv", str(prefix)),
            *("--users", str(args.users), "--spawn-rate", str(args.spawn_rate), "--run-time", args.run_time),
            "--stop-timeout",
            "10",
        ]
        subprocess.run(
            locust,
            cwd=ROOT,
            env={**os.environ, "PLANNER_LOAD_PEOPLE": str(folder / "people.json")},
            stdout=subprocess.DEVNULL,
            stderr=stack.enter_context((folder / "locust.log").open("w")),
        )
        rows, total = table(prefix)
        failed = Path(f"{prefix}_failures.csv").read_text() if total["Failure Count"] != "0" else ""
    print(f"{args.users} users, {args.run_time}, gunicorn 4 workers, PostgreSQL, shipped catalogue")
    print(f"{'request':<32} {'requests':>8} {'failures':>8} {'median ms':>9} {'p95 ms':>7} {'req/s':>6}")
    for row in [*rows, total]:
        print(
            f"{row['Type'] + ' ' + row['Name'] if row['Name'] != 'Aggregated' else 'all':<32} "
            f"{row['Request Count']:>8} {row['Failure Count']:>8} {row['50%']:>9} {row['95%']:>7} "
            f"{float(row['Requests/s']):>6.1f}"
        )
    if failed:
        print(failed)
    failures, p95 = int(total["Failure Count"]), float(total["95%"])
    if failures or p95 >= P95_TARGET_MS:
        print(f"target missed: {failures} failures, 95th percentile {p95:.0f} ms (target < {P95_TARGET_MS})")
        sys.exit(1)


if __name__ == "__main__":
    main()
