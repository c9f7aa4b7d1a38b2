"""Fixtures for the team view: a primary school with the shipped catalogue, two teams,
and teachers whose levels are written straight into complete assessments."""

from datetime import datetime

import pytest

from planner.auth.accounts import create_api_token
from planner.extensions import db
from planner.models import Role
from planner.models.paths import AssessedArea, Assessment


def give_levels(teacher, levels: dict, kind="self", assessor=None, when=None) -> Assessment:
    assessment = Assessment(
        teacher=teacher,
        assessor=assessor or teacher,
        kind=kind,
        complete=True,
        completed_at=when or datetime(2026, 9, 1),
        areas=[AssessedArea(area_code=code, level=level) for code, level in levels.items()],
    )
    db.session.add(assessment)
    db.session.commit()
    return assessment


@pytest.fixture
def shipped(make_catalogue, shipped_document):
    return make_catalogue(shipped_document)


@pytest.fixture
def school(make_school, shipped):
    return make_school(name="De Regenboog", sector="po", teams=("Onderbouw", "Bovenbouw"))


@pytest.fixture
def leader(make_user, school):
    return make_user(
        role=Role.LEADER, email="leader@example.org", name="Lotte Leider", school=school, locale="en"
    )


@pytest.fixture
def team_leader(make_user, school):
    return make_user(
        role=Role.LEADER,
        email="tl@example.org",
        name="Tim Teamleider",
        school=school,
        team=school.teams[1],
        locale="en",
    )


@pytest.fixture
def make_teacher(make_user, school):
    def make(name, team=0, levels=None, mentor=None, **fields):
        fields.setdefault("qualification", "qualified")
        fields.setdefault("years_experience", 8)
        teacher = make_user(
            name=name, school=school, team=school.teams[team] if team is not None else None, **fields
        )
        if levels is not None:
            give_levels(teacher, levels)
        if mentor is not None:
            give_levels(teacher, mentor, kind="mentor", assessor=teacher)
        return teacher

    return make


class Api:
    def __init__(self, client, token):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, url):
        return self.client.get(url, headers=self.headers)

    def post(self, url, json=None):
        return self.client.post(url, json=json, headers=self.headers)


@pytest.fixture
def school_api(client):
    def make(user):
        return Api(client, create_api_token(user))

    return make
