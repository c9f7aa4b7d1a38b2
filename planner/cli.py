"""Command-line groups: ``flask planner ...`` and ``flask catalogue ...``."""

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import AppGroup

from planner.config import owner_only_file
from planner.extensions import db

planner_cli = AppGroup("planner", help="Demo data, accounts, backup and restore.")
catalogue_cli = AppGroup("catalogue", help="Import and export the catalogue.")

SHIPPED_CATALOGUE = Path(__file__).parent / "data" / "catalogue.json"


@planner_cli.command("demo")
@click.option("--if-empty", is_flag=True, help="Only when the database has no users yet.")
def demo_command(if_empty: bool) -> None:
    """Create the demo schools, institute and accounts (password: demo-planner-2026)."""
    from planner.demo import create_demo
    from planner.models import User

    if if_empty and db.session.scalar(sa.select(sa.func.count()).select_from(User)):
        click.echo("The database already has users; no demo data loaded.")
        return
    for line in create_demo():
        click.echo(line)


@planner_cli.command("token")
@click.argument("email")
def token_command(email: str) -> None:
    """Print a new personal API token for EMAIL."""
    from planner.auth.accounts import create_api_token, user_by_email

    user = user_by_email(email)
    if user is None:
        raise click.ClickException(f"no account with email {email}")
    click.echo(create_api_token(user, label="command line"))


@planner_cli.command("purge")
def purge_command() -> None:
    """Remove what is kept only for a while (run daily, e.g. from cron)."""
    from planner.auth.retention import purge

    for kind, count in purge().items():
        click.echo(f"{kind}: {count} removed")


@catalogue_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(file: Path) -> None:
    """Import FILE (interchange JSON); an existing framework code is replaced."""
    from planner.catalogue.interchange import ImportRefused, import_document

    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"{file}: not valid JSON: {exc}") from None
    except RecursionError:
        raise click.ClickException(f"{file}: not valid JSON: nested too deeply") from None
    try:
        framework = import_document(document)
    except ImportRefused as exc:
        raise click.ClickException(
            f"{file} was not imported; nothing changed:\n" + "\n".join(f"- {p}" for p in exc.problems)
        ) from None
    from planner import audit

    audit.record("framework.import", f"{framework.code} {framework.version}".strip())
    db.session.commit()
    click.echo(
        f"Imported framework {framework.code}: {len(document['areas'])} areas, "
        f"{len(document['modules'])} modules."
    )


@catalogue_cli.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "kind",
    type=click.Choice(["json", "case", "csv"]),
    default="json",
    help="json: the interchange format; case: 1EdTech CASE 1.1; csv: modules for spreadsheets.",
)
@click.option("--base-uri", default="urn:planner", help="Base of the CASE identifiers' URIs.")
def export_command(file: Path, kind: str, base_uri: str) -> None:
    """Export the current framework to FILE."""
    from planner.catalogue import export
    from planner.catalogue.service import current_framework

    framework = current_framework()
    if framework is None:
        raise click.ClickException("there is no catalogue to export")
    if kind == "csv":
        file.write_text(export.export_csv(framework), encoding="utf-8")
    else:
        document = (
            export.export_case(framework, base_uri) if kind == "case" else export.export_document(framework)
        )
        file.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    click.echo(f"Exported {framework.code} to {file}.")


def sqlite_path() -> Path:
    url = db.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise click.ClickException(
            "backup and restore work on an SQLite file; for PostgreSQL use pg_dump and pg_restore (README)"
        )
    return Path(url.database)


def copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy, page by page, while others read and write."""
    with (
        closing(sqlite3.connect(source, timeout=20)) as origin,
        closing(sqlite3.connect(target, timeout=20)) as copy,
    ):
        origin.backup(copy)


def planner_revision(file: Path) -> str:
    """The file's migration revision; refuses a file that is no planner database."""
    try:
        with closing(sqlite3.connect(f"file:{file}?mode=ro", uri=True)) as connection:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise click.ClickException(f"{file} is damaged; nothing was restored")
            return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(f"{file} is no planner database ({exc}); nothing was restored") from None


@planner_cli.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(file: Path) -> None:
    """Copy the SQLite database to FILE, safely while the planner serves."""
    database = sqlite_path()
    if file.exists():
        raise click.ClickException(f"{file} exists; choose a new file name")
    owner_only_file(file, "wb").close()  # the copy holds personal data
    copy_database(database, file)
    click.echo(f"Backed up {database} to {file} (revision {planner_revision(file)}).")


@planner_cli.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_command(file: Path, yes: bool) -> None:
    """Replace the SQLite database's contents with the backup FILE."""
    database = sqlite_path()
    revision = planner_revision(file)
    if not yes:
        click.confirm(f"Replace everything in {database} with {file}?", abort=True)
    db.session.remove()
    db.engine.dispose()
    copy_database(file, database)
    click.echo(
        f"Restored {file} into {database} (revision {revision}); run `flask db upgrade` if it is older."
    )


def register_cli(app: Flask) -> None:
    app.cli.add_command(planner_cli)
    app.cli.add_command(catalogue_cli)
