"""Fixtures: a migrated test database, an app per test whose changes are rolled back,
a client, an ``auth`` helper and factories with sensible defaults.

The suite runs on SQLite unless PLANNER_TEST_DATABASE_URL names another database
(``make test`` runs it a second time on PostgreSQL).
"""

import json
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from flask_migrate import upgrade
from flask_sqlalchemy.session import Session

from planner import create_app
from planner.auth import accounts
from planner.extensions import db
from planner.models import Institute, Provider, Role, School, Team, User

PASSWORD = "correct-horse-battery"
SHIPPED = Path(__file__).resolve().parent.parent / "planner" / "data" / "catalogue.json"


def reset_schema(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
        else:
            existing = sa.MetaData()
            existing.reflect(connection)
            existing.drop_all(connection)
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("PLANNER_TEST_DATABASE_URL")
    if url:
        reset_schema(url)
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")


@pytest.fixture(scope="session")
def test_config(database_url, tmp_path_factory) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "SERVER_NAME": "planner.test",
    }


@pytest.fixture(scope="session")
def migrated_app(test_config):
    # Fast hashing in tests; the product keeps argon2's defaults.
    accounts.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    app = create_app(test_config)
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()


class BoundSession(Session):
    """Flask-SQLAlchemy picks an engine per query; in tests every query uses our connection."""

    def get_bind(self, *args, **kwargs):
        return self.bind


@pytest.fixture
def app(migrated_app):
    with migrated_app.app_context():
        connection = db.engine.connect()
        outer = connection.begin()
        original = db.session
        db.session = db._make_scoped_session(
            {"class_": BoundSession, "bind": connection, "join_transaction_mode": "create_savepoint"}
        )
        try:
            yield migrated_app
        finally:
            db.session.remove()
            db.session = original
            outer.rollback()
            connection.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class QueryCounter:
    """The SQL statements sent through db.engine, whitespace folded."""

    def __init__(self):
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(" ".join(statement.split()))

    @property
    def count(self) -> int:
        return len(self.statements)

    def reset(self) -> None:
        self.statements.clear()


@pytest.fixture
def query_counter(app):
    counter = QueryCounter()
    sa.event.listen(db.engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", counter)


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, email: str, password: str = PASSWORD):
        return self._client.post("/login", data={"email": email, "password": password})

    def logout(self):
        return self._client.post("/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def make_school(app):
    def make(name="Basisschool De Linde", sector="po", teams=("Onderbouw", "Bovenbouw")):
        school = School(name=name, sector=sector)
        school.teams = [Team(name=team) for team in teams]
        db.session.add(school)
        db.session.commit()
        return school

    return make


@pytest.fixture
def make_user(app):
    counter = iter(range(1, 10_000))

    def make(role=Role.TEACHER, email=None, school=None, team=None, institute=None, **fields):
        n = next(counter)
        user = User(
            email=email or f"user{n}@example.org",
            name=fields.pop("name", f"User {n}"),
            role=role,
            school=school,
            team=team,
            institute=institute,
            sector=fields.pop("sector", school.sector if school else None),
            **fields,
        )
        accounts.set_password(user, PASSWORD)
        db.session.add(user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def people(make_school, make_user):
    """One of every kind of user around a school's teachers, and a second school."""
    school, other = make_school(), make_school(name="Andere School")
    return {
        "teacher": make_user(email="t1@example.org", school=school, team=school.teams[0]),
        "colleague": make_user(email="t2@example.org", school=school, team=school.teams[1]),
        "stranger": make_user(email="t3@example.org", school=other, team=other.teams[0]),
        "leader": make_user(role=Role.LEADER, email="leader@example.org", school=school),
        "team_leader": make_user(
            role=Role.LEADER, email="tl@example.org", school=school, team=school.teams[1]
        ),
        "other_leader": make_user(role=Role.LEADER, email="ol@example.org", school=other),
        "institute": make_user(role=Role.INSTITUTE, email="inst@example.org"),
        "admin": make_user(role=Role.ADMIN, email="admin@example.org"),
    }


@pytest.fixture
def make_institute(app):
    def make(name="Pabo Test", provider_code=None):
        institute = Institute(name=name)
        db.session.add(institute)
        if provider_code:
            provider = db.session.scalar(sa.select(Provider).where(Provider.code == provider_code))
            provider.institute = institute
        db.session.commit()
        return institute

    return make


def small_document(**changes) -> dict:
    """A four-module catalogue for tests: STL-1 -> PLN-1 -> PLN-2, GED-1 alone."""
    levels = {str(n): {"nl": f"Niveau {n}", "en": f"Level {n}"} for n in range(1, 6)}
    document = {
        "framework": {"code": "TEST-1", "name": {"nl": "Testkader", "en": "Test framework"}},
        "areas": [
            {
                "code": "STELSEL",
                "group": "basis",
                "name": {"nl": "Stelsel", "en": "System"},
                "requirements": ["pedagogical"],
                "class_context": False,
                "levels": levels,
            },
            {
                "code": "PLAN",
                "group": "basis",
                "name": {"nl": "Planmatig werken", "en": "Plan-based work"},
                "requirements": ["pedagogical"],
                "class_context": False,
                "levels": levels,
            },
            {
                "code": "GEDRAG",
                "group": "support",
                "name": {"nl": "Gedrag", "en": "Behaviour"},
                "requirements": ["pedagogical"],
                "class_context": True,
                "levels": levels,
            },
        ],
        "modules": [
            {
                "code": "STL-1",
                "title": {"nl": "Passend onderwijs", "en": "Inclusive education"},
                "provider": {"code": "PABO-T", "name": "Pabo Test", "kind": "institute"},
                "hours": 6,
                "cost_eur": 0,
                "format": "training-one-day",
                "phases": ["initial", "induction"],
                "sectors": ["po", "vo", "mbo", "go"],
                "outcomes": {"STELSEL": 2},
                "requires": {"modules": [], "levels": {}},
            },
            {
                "code": "PLN-1",
                "title": {"nl": "Signaleren", "en": "Signalling"},
                "provider": {"code": "PABO-T", "name": "Pabo Test", "kind": "institute"},
                "hours": 16,
                "cost_eur": 300,
                "format": "training-multi-day",
                "phases": ["induction"],
                "sectors": ["po", "vo", "mbo", "go"],
                "outcomes": {"PLAN": 2},
                "requires": {"modules": ["STL-1"], "levels": {}},
            },
            {
                "code": "PLN-2",
                "title": {"nl": "Het OPP", "en": "The OPP"},
                "provider": {"code": "EXT", "name": "Extern Bureau", "kind": "external"},
                "hours": 24,
                "cost_eur": 500,
                "format": "training-multi-day",
                "phases": ["induction", "experienced"],
                "sectors": ["po", "go"],
                "outcomes": {"PLAN": 3},
                "requires": {"modules": ["PLN-1"], "levels": {"PLAN": 2}},
            },
            {
                "code": "GED-1",
                "title": {"nl": "Gedrag in de klas", "en": "Behaviour in class"},
                "provider": {"code": "EXT", "name": "Extern Bureau", "kind": "external"},
                "hours": 8,
                "cost_eur": 200,
                "format": "training-one-day",
                "phases": ["induction"],
                "sectors": ["po", "vo"],
                "outcomes": {"GEDRAG": 2},
                "requires": {"modules": [], "levels": {}},
            },
        ],
        "targets": [
            {"phase": "induction", "sector": "*", "levels": {"STELSEL": 2, "PLAN": 3, "GEDRAG": 2}},
        ],
    }
    document.update(changes)
    return document


@pytest.fixture
def make_catalogue(app):
    from planner.catalogue.interchange import import_document

    def make(document=None):
        return import_document(document or small_document())

    return make


@pytest.fixture
def shipped_document() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))
