import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from planner import create_app
from planner.extensions import db


def test_config_overrides(app):
    assert app.testing
    assert create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"}).testing


def test_secret_key_is_generated_once_into_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["SECRET_KEY"]
    second = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["SECRET_KEY"]
    assert first == second and len(first) >= 32
    assert (tmp_path / "secret_key").read_text().strip() == first


def test_secret_key_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("SECRET_KEY", "from-env")
    assert create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["SECRET_KEY"] == "from-env"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("nonsense", "unusable database URL"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot connect to database"),
    ],
)
def test_unusable_database_stops_start_up_with_one_line(url, reason, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(SystemExit) as stopped:
        create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    message = str(stopped.value.code)
    assert reason in message and "\n" not in message


def test_models_and_migrations_agree(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_domain_imports_neither_flask_nor_sqlalchemy():
    code = (
        "import sys, planner.domain.graph, planner.domain.planning, planner.domain.targets, "
        "planner.domain.phases; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_error_pages_use_the_site_layout(client):
    response = client.get("/does-not-exist")
    assert response.status_code == 404
    assert b'class="site"' in response.data


def test_500_rolls_back_and_shows_the_layout(test_config, migrated_app):
    fresh = create_app({**test_config, "TESTING": False})

    @fresh.get("/boom-test")
    def boom():
        raise RuntimeError("boom")

    response = fresh.test_client().get("/boom-test")
    assert response.status_code == 500
    assert b'class="site"' in response.data
    assert "Nothing was saved".encode() in response.data or "Er is niets opgeslagen".encode() in response.data


def test_the_favicon_is_served_and_linked(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.headers["Location"].endswith("/static/favicon.svg")
    with client.get("/static/favicon.svg") as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    assert 'rel="icon"' in client.get("/login").get_data(as_text=True)
