"""Configuration read from the environment and the instance folder."""

import os
import secrets
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

LANGUAGES = ("nl", "en")


def secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else generated once into the instance folder."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def database_url(instance_path: str) -> str:
    if url := os.environ.get("PLANNER_DATABASE_URL"):
        return url
    return "sqlite:///" + str(Path(instance_path) / "planner.sqlite")


def check_database(url: str) -> None:
    """Stop start-up with a one-line reason when the database cannot be used."""
    try:
        engine = sa.create_engine(url)
    except (ArgumentError, ImportError, ValueError) as exc:
        raise SystemExit(f"planner: unusable database URL {_safe(url)!r}: {exc}") from None
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()[0]
        raise SystemExit(f"planner: cannot connect to database {_safe(url)!r}: {reason}") from None
    finally:
        engine.dispose()


def _safe(url: str) -> str:
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
