"""Browser tests: the app served on a loopback port with the demo data, driven by
Debian's headless Chromium through Playwright.

Each test module gets a freshly migrated database (SQLite in a temporary folder, or
PLANNER_TEST_E2E_DATABASE_URL) so flows that change data do not meet each other.
"""

import os
import threading

import pytest
from argon2 import PasswordHasher
from flask_migrate import upgrade
from werkzeug.serving import make_server

from planner import create_app
from planner.auth import accounts
from planner.demo import create_demo
from tests.conftest import reset_schema

CHROMIUM = "/usr/bin/chromium"
DEMO_PASSWORD = "demo-planner-2026"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    url = os.environ.get("PLANNER_TEST_E2E_DATABASE_URL")
    if url:
        reset_schema(url)
    else:
        url = "sqlite:///" + str(tmp_path_factory.mktemp("e2e") / "e2e.sqlite")
    accounts.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    app = create_app({"SECRET_KEY": "e2e", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        create_demo()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        with app.app_context():
            from planner.extensions import db

            db.engine.dispose()


@pytest.fixture
def login(page, live_server):
    def login(email: str, password: str = DEMO_PASSWORD):
        page.goto(live_server + "/login")
        page.fill("input[name=email]", email)
        page.fill("input[name=password]", password)
        page.click("main form [type=submit]")
        page.wait_for_load_state()
        return page

    return login
