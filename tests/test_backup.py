"""``flask planner backup`` and ``restore`` on SQLite."""

import sqlite3
import stat

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from planner import create_app
from planner.extensions import db
from planner.models import School


@pytest.fixture
def served(tmp_path, monkeypatch):
    """An app on its own SQLite file, as a server has it."""
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'live.sqlite'}"})
    with app.app_context():
        upgrade()
        db.session.add(School(name="De Linde", sector="po"))
        db.session.commit()
    yield app
    with app.app_context():
        db.engine.dispose()


def school_names(app) -> list[str]:
    with app.app_context():
        names = db.session.scalars(sa.select(School.name).order_by(School.name)).all()
        db.session.remove()
        return names


def test_backup_and_restore(served, tmp_path):
    runner = served.test_cli_runner()
    backup = tmp_path / "backup.sqlite"
    result = runner.invoke(args=["planner", "backup", str(backup)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with served.app_context():
        db.session.execute(sa.delete(School))
        db.session.add(School(name="Na de back-up", sector="vo"))
        db.session.commit()
    assert school_names(served) == ["Na de back-up"]

    result = runner.invoke(args=["planner", "restore", str(backup)], input="y\n")
    assert result.exit_code == 0, result.output
    assert school_names(served) == ["De Linde"]


def test_backup_does_not_overwrite(served, tmp_path):
    existing = tmp_path / "there.sqlite"
    existing.write_text("keep")
    result = served.test_cli_runner().invoke(args=["planner", "backup", str(existing)])
    assert result.exit_code == 1 and existing.read_text() == "keep"


def test_restore_refuses_a_file_that_is_no_planner_database(served, tmp_path):
    runner = served.test_cli_runner()
    text = tmp_path / "notes.txt"
    text.write_text("no database " * 100)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    for file in (text, other):
        result = runner.invoke(args=["planner", "restore", "--yes", str(file)])
        assert result.exit_code == 1 and "nothing was restored" in result.output
    assert school_names(served) == ["De Linde"]


def test_restore_asks_first(served, tmp_path):
    runner = served.test_cli_runner()
    backup = tmp_path / "backup.sqlite"
    runner.invoke(args=["planner", "backup", str(backup)])
    result = runner.invoke(args=["planner", "restore", str(backup)], input="n\n")
    assert result.exit_code == 1


def test_backup_on_postgresql_points_to_pg_dump(runner, app):
    if db.engine.dialect.name == "sqlite":
        pytest.skip("the test database is SQLite")
    result = runner.invoke(args=["planner", "backup", "x.sqlite"])
    assert result.exit_code == 1 and "pg_dump" in result.output
