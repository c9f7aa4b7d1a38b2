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
        with owner_only_file(path) as file:
            file.write(secrets.token_hex(32))
    return path.read_text().strip()


def owner_only_folder(path: str) -> None:
    """The instance folder holds the secret key, the SQLite database and backups."""
    Path(path).mkdir(mode=0o700, parents=True, exist_ok=True)


def owner_only_file(path: Path, mode: str = "w"):
    """Open a new file that only its owner can read, from its creation on (no chmod after)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    return os.fdopen(os.open(path, flags, 0o600), mode)


def create_sqlite_file(url: str) -> None:
    """Create an SQLite database file owner-only before SQLite creates it with the umask's
    mode; SQLite gives its -wal and -shm files the database file's mode."""
    try:
        parsed = sa.make_url(url)
    except ArgumentError:
        return  # check_database names the problem
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database)
    if not path.exists() and path.parent.is_dir():
        owner_only_file(path, "wb").close()


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
