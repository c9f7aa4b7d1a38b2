"""The accessibility and width walk: every page of every role at a desktop and a phone
width, nothing wider than the window and no serious or critical axe-core violation."""

import os
import threading

import pytest
from argon2 import PasswordHasher
from axe_playwright_python.sync_playwright import Axe
from flask_migrate import upgrade
from werkzeug.serving import make_server

from planner import create_app
from planner.auth import accounts
from planner.demo import create_demo
from tests.conftest import reset_schema
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.site_pages import ANONYMOUS, NOT_PAGES, PAGES, is_api, samples

WIDTHS = {"desktop": 1280, "phone": 390}
SERIOUS = {"serious", "critical"}
AXE_RUN = "axe.run(document, {resultTypes: ['violations']})"


@pytest.fixture(scope="module")
def walk_server(tmp_path_factory):
    url = os.environ.get("PLANNER_TEST_E2E_DATABASE_URL")
    if url:
        reset_schema(url)
    else:
        url = "sqlite:///" + str(tmp_path_factory.mktemp("walk") / "walk.sqlite")
    accounts.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    app = create_app({"SECRET_KEY": "walk", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        create_demo()
        ids = samples()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}", ids
    finally:
        server.shutdown()
        thread.join()
        with app.app_context():
            from planner.extensions import db

            db.engine.dispose()


def test_every_get_route_is_walked_or_named_as_no_page(walk_server):
    app = walk_server[0]
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    missing = sorted(e for e in endpoints if e not in PAGES and e not in NOT_PAGES and not is_api(e))
    assert missing == [], "add these pages to tests/e2e/site_pages.py"
    assert not set(PAGES) - endpoints, "pages listed that the app no longer has"


def _visitors():
    order = []
    for who, _path in PAGES.values():
        if who not in order:
            order.append(who)
    return order


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("who", _visitors(), ids=lambda who: who or "anonymous")
def test_every_page_fits_and_has_no_serious_accessibility_violation(browser, walk_server, who, width):
    _app, base, ids = walk_server
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    if who is not ANONYMOUS:
        page.goto(base + "/login")
        page.fill("input[name=email]", who)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("main form [type=submit]")
        page.wait_for_load_state()
    page.add_init_script(Axe().axe_script)
    problems = []
    for endpoint, (visitor, path) in PAGES.items():
        if visitor != who:
            continue
        response = page.goto(base + path.format(**ids))
        if response.status >= 400:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            problems.append(f"{path}: {wide} px wide at {width} px")
        for violation in page.evaluate(AXE_RUN)["violations"]:
            if violation["impact"] in SERIOUS:
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{path}: {violation['id']} ({violation['impact']}) at {targets}")
    context.close()
    assert not problems, "\n".join(problems)
