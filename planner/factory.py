import os
from pathlib import Path

import sqlalchemy as sa
from babel.support import Translations
from flask import Flask, g, has_request_context, request, session
from flask_babel import format_date, format_time, get_locale, lazy_gettext
from flask_login import current_user
from wtforms.i18n import messages_path

from planner import config, security
from planner.extensions import babel, csrf, db, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def select_locale() -> str:
    if not has_request_context():
        # A command (the demo, an import) writes in the product's default language.
        return "nl"
    user = g.get("api_user") or current_user
    if user.is_authenticated and user.locale in config.LANGUAGES:
        return user.locale
    if session.get("locale") in config.LANGUAGES:
        return session["locale"]
    # Dutch unless someone chose otherwise: the product serves Dutch schools, and most
    # browsers here announce English whatever their user reads.
    return "nl"


class WTFormsMessages:
    """WTForms' own messages in the request's language, read from disk once per language.

    Flask-WTF reads them again on every request that builds a form (each form's CSRF field
    asks for its default label), which costs a page with a form about a millisecond.
    """

    catalogues: dict[str, Translations] = {}

    def _catalogue(self) -> Translations:
        locale = str(get_locale())
        if locale not in self.catalogues:
            self.catalogues[locale] = Translations.load(messages_path(), [locale], domain="wtforms")
        return self.catalogues[locale]

    def ugettext(self, string: str) -> str:
        return self._catalogue().ugettext(string)

    def ungettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalogue().ungettext(singular, plural, n)


def keep_wtforms_messages() -> None:
    # Where Flask-WTF looks first for the messages of this request.
    request.wtforms_translations = WTFormsMessages()


# How long a write waits for another worker's write to finish before giving up.
SQLITE_BUSY_TIMEOUT_MS = 20_000


def takes_write_lock() -> bool:
    """Whether a request's transaction may write: everything but a plain page read. An API
    request with a token writes its last use even when it reads. Commands run alone."""
    if not has_request_context():
        return False
    return request.method not in ("GET", "HEAD", "OPTIONS") or "Authorization" in request.headers


def sqlite_transactions(engine: sa.Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 driver, begin transactions, so savepoints work,
    and enforce foreign keys as PostgreSQL does. Several workers share the file: WAL lets
    reads go on beside a write, and a transaction that may write takes the write lock at
    its start (BEGIN IMMEDIATE), so it waits its turn instead of failing half-way when it
    first writes."""

    @sa.event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        dbapi_connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        dbapi_connection.execute("PRAGMA journal_mode=WAL")

    @sa.event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if takes_write_lock() else "BEGIN")


def datetimeformat(value) -> str:
    """A moment as the interface's date (babel "long") followed by the locale's short time,
    so a date reads the same with or without its time."""
    if not value:
        return ""
    return f"{format_date(value, 'long')}, {format_time(value, 'short')}"


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        "planner",
        instance_path=os.environ.get("PLANNER_INSTANCE_PATH") or str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(Path(__file__).parent / "static"),
    )
    config.owner_only_folder(app.instance_path)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=config.database_url(app.instance_path),
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_TRANSLATION_DIRECTORIES=str(Path(__file__).parent / "translations"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SAMESITE="Lax",
        # PLANNER_HTTPS=1 behind TLS: HSTS and cookies only sent over HTTPS.
        HTTPS=False,
        # PLANNER_TRUSTED_PROXIES=n: the n reverse proxies in front whose X-Forwarded-* to trust.
        TRUSTED_PROXIES=0,
    )
    # Every PLANNER_* environment variable, e.g. PLANNER_HTTPS=1 sets HTTPS.
    app.config.from_prefixed_env("PLANNER")
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.secret_key(app.instance_path)
    config.create_sqlite_file(app.config["SQLALCHEMY_DATABASE_URI"])
    config.check_database(app.config["SQLALCHEMY_DATABASE_URI"])

    security.init_app(app)
    db.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            sqlite_transactions(db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(keep_wtforms_messages)

    from planner import models  # noqa: F401  (registers the tables with the metadata)
    from planner.auth.accounts import load_user

    login_manager.user_loader(load_user)
    login_manager.login_message = lazy_gettext("Please log in to see this page.")
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"

    from planner.admin import bp as admin_bp
    from planner.api import bp as api_bp
    from planner.api import docs_bp as api_docs_bp
    from planner.auth import bp as auth_bp
    from planner.catalogue import bp as catalogue_bp
    from planner.errors import bp as errors_bp
    from planner.institute import bp as institute_bp
    from planner.main import bp as main_bp
    from planner.paths import bp as paths_bp
    from planner.school import bp as school_bp

    app.register_blueprint(errors_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(main_bp)
    app.register_blueprint(paths_bp)
    app.register_blueprint(school_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(catalogue_bp)
    app.register_blueprint(institute_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(api_docs_bp)
    csrf.exempt(api_bp)

    from planner.cli import register_cli

    register_cli(app)

    from planner.labels import template_globals

    app.jinja_env.globals.update(template_globals())
    app.jinja_env.filters["dateformat"] = lambda value: format_date(value, "long") if value else ""
    app.jinja_env.filters["datetimeformat"] = datetimeformat

    @app.context_processor
    def inject_locale() -> dict:
        return {"locale": str(get_locale()), "languages": config.LANGUAGES}

    return app
