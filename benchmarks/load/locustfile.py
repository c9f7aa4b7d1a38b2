"""Teachers and leaders at work, for ``run_load.py``: teachers read their path and start
page (in the session the driver opened) and their path through the API, and move a step on
with their API token; leaders read the team matrix and a teacher's page.

Each simulated person waits 2 to 8 seconds between requests, as someone reading a page
does. ``PLANNER_LOAD_PEOPLE`` names the JSON file of accounts the driver seeded.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

PEOPLE = json.loads(open(os.environ["PLANNER_LOAD_PEOPLE"], encoding="utf-8").read())
TEACHER_IDS = re.compile(r'href="/school/teachers/(\d+)"')
# The way on for a step the test moves, and back, so that a run never runs out of steps.
NEXT_STATUS = {"planned": "in_progress", "in_progress": "planned"}
_teachers = itertools.count()
_leaders = itertools.count()


def with_session(user: HttpUser, account: dict) -> None:
    """The session the driver opened by logging in (through the login form, with its CSRF
    token) before the run: the run measures the work, not a crowd logging in at once."""
    user.client.cookies.set("session", account["session"])


class Teacher(HttpUser):
    weight = 19
    wait_time = between(2, 8)

    def on_start(self) -> None:
        account = PEOPLE["teachers"][next(_teachers) % len(PEOPLE["teachers"])]
        self.bearer = {"Authorization": f"Bearer {account['token']}"}
        with_session(self, account)

    @task(4)
    def path_page(self) -> None:
        self.client.get("/path", name="/path")

    @task(2)
    def start_page(self) -> None:
        self.client.get("/", name="/ (start)")

    @task(2)
    def path_api(self) -> None:
        self.client.get("/api/v1/me/path", headers=self.bearer, name="/api/v1/me/path")

    @task(1)
    def move_a_step(self) -> None:
        """Read the path, then start a planned step or put a started one back."""
        path = self.client.get("/api/v1/me/path", headers=self.bearer, name="/api/v1/me/path").json()
        step = next((s for s in path["steps"] if s["status"] in NEXT_STATUS), None)
        if step is None:
            return
        self.client.patch(
            f"/api/v1/me/path/steps/{step['id']}",
            json={"status": NEXT_STATUS[step["status"]]},
            headers=self.bearer,
            name="/api/v1/me/path/steps/<id>",
        )


class Leader(HttpUser):
    weight = 1
    wait_time = between(2, 8)

    def on_start(self) -> None:
        with_session(self, PEOPLE["leaders"][next(_leaders) % len(PEOPLE["leaders"])])
        self.teachers: list[str] = []

    @task(3)
    def matrix(self) -> None:
        page = self.client.get("/school/team", name="/school/team").text
        self.teachers = TEACHER_IDS.findall(page) or self.teachers

    @task(1)
    def teacher_page(self) -> None:
        if self.teachers:
            teacher = random.choice(self.teachers)
            self.client.get(f"/school/teachers/{teacher}", name="/school/teachers/<id>")
