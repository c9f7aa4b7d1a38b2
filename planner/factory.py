import os
from pathlib import Path

import sqlalchemy as sa
from flask import Flask, g, session
from flask_babel import format_date, get_locale, lazy_gettext
from flask_login import current_user

from planner import config
from planner.extensions import babel, csrf, db, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def select_locale() -> str:
    user = g.get("api_user") or current_user
    if user.is_authenticated and user.locale in config.LANGUAGES:
        return user.locale
    if session.get("locale") in config.LANGUAGES:
        return session["locale"]
    # Dutch unless someone chose otherwise: the product serves Dutch schools, and most
    # browsers here announce English whatever their user reads.
    return "nl"


def sqlite_transactions(engine: sa.Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 driver, begin transactions, so savepoints work,
    and enforce foreign keys as PostgreSQL does."""

    @sa.event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @sa.event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN")


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        "planner",
        instance_path=os.environ.get("PLANNER_INSTANCE_PATH") or str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(Path(__file__).parent / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=config.database_url(app.instance_path),
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_TRANSLATION_DIRECTORIES=str(Path(__file__).parent / "translations"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SAMESITE="Lax",
    )
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.secret_key(app.instance_path)
    config.check_database(app.config["SQLALCHEMY_DATABASE_URI"])

    db.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            sqlite_transactions(db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)

    from planner import models  # noqa: F401  (registers the tables with the metadata)
    from planner.auth.accounts import load_user

    login_manager.user_loader(load_user)
    login_manager.login_message = lazy_gettext("Please log in to see this page.")
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"

    from planner.admin import bp as admin_bp
    from planner.api import bp as api_bp
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
    csrf.exempt(api_bp)

    from planner.cli import register_cli

    register_cli(app)

    from planner.labels import template_globals

    app.jinja_env.globals.update(template_globals())
    app.jinja_env.filters["dateformat"] = lambda value: format_date(value, "long") if value else ""

    @app.context_processor
    def inject_locale() -> dict:
        return {"locale": str(get_locale()), "languages": config.LANGUAGES}

    return app
