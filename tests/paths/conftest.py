"""Fixtures for the path tests: a teacher with a catalogue, assessments made through the
service, API clients with a bearer token, and a counter of SQL statements."""

import pytest
import sqlalchemy as sa

from planner.auth.accounts import create_api_token
from planner.extensions import db
from planner.models import Role
from planner.models.paths import Assessment, LearningPath, PathStep
from planner.paths import assessing, service

SMALL_AREAS = ("STELSEL", "PLAN", "GEDRAG")


@pytest.fixture
def school(make_school):
    return make_school()


@pytest.fixture
def other_school(make_school):
    return make_school(name="Andere School", teams=("Team A",))


@pytest.fixture
def teacher(make_catalogue, make_user, school):
    """A starting teacher (first year, po) with the small catalogue imported."""
    make_catalogue()
    return make_user(
        email="teacher@example.org",
        name="Tess Leraar",
        school=school,
        team=school.teams[0],
        qualification="qualified",
        years_experience=0,
    )


@pytest.fixture
def leader(make_user, school):
    return make_user(role=Role.LEADER, email="leader@example.org", name="Lies Leider", school=school)


def assess(
    teacher, levels: dict, wishes=(), specialisms=(), class_context=None, plan=True, completed_at=None
) -> Assessment:
    """A complete self-assessment made through the service, and (by default) a new path."""
    assessment = assessing.start_draft(teacher, None)
    assessing.set_areas(assessment, dict(levels), wishes=set(wishes), specialisms=set(specialisms))
    context = class_context or {}
    assessing.set_class_context(
        assessment, context.get("class_size"), context.get("support_need"), context.get("extra_support_need")
    )
    assessing.complete(assessment)
    if completed_at is not None:
        assessment.completed_at = completed_at
    db.session.flush()
    if plan:
        service.replan(teacher, "assessment")
    db.session.commit()
    return assessment


@pytest.fixture
def planned(teacher):
    """The teacher with a first path: every area at level 1."""
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    return teacher


def location(response) -> str:
    """Where a redirect goes, without the test server's name."""
    return response.headers["Location"].replace("http://planner.test", "")


def steps_by_module(path) -> dict[str, PathStep]:
    return {step.module_code: step for step in path.steps}


def count(model, **where) -> int:
    query = sa.select(sa.func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return db.session.scalar(query)


def current(teacher) -> LearningPath:
    db.session.expire_all()
    return service.current_path(teacher)


class Api:
    """A test client that sends a teacher's bearer token with every request."""

    def __init__(self, client, token: str | None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, url):
        return self.client.get(url, headers=self.headers)

    def post(self, url, json):
        return self.client.post(url, json=json, headers=self.headers)

    def patch(self, url, json):
        return self.client.patch(url, json=json, headers=self.headers)


@pytest.fixture
def api_for(client):
    def make(user) -> Api:
        return Api(client, create_api_token(user) if user is not None else None)

    return make
