"""Screenshots of the main screens at a desktop and a phone width, for docs/screenshots.md.

Starts the app on a throw-away instance (a temporary folder with an SQLite database, migrated
and filled with the demo data), serves it on a free loopback port, visits each screen in
Debian's headless Chromium through Playwright and writes the PNGs into docs/screenshots/.
The app is stopped by its process id at the end, also when a screen fails.

    make screenshots        (or: .venv/bin/python docs/make_screenshots.py)
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "demo-planner-2026"
WIDTHS = {"1280": (1280, 800), "390": (390, 844)}
# A page at most this many viewports high is taken whole; a longer one shows its first screen.
FULL_PAGE_UP_TO = 1.6
# Keeps the documentation light: a whole page above it is taken again as its first screen, a
# first screen above it a little shorter; a picture still above it is named at the end.
MAX_BYTES = 150_000

TEACHER = "ervaren@example.org"
STARTER = "starter@example.org"
LEADER = "schoolleider@example.org"
INSTITUTE = "opleider@example.org"

# name: (who, path, what to show: the page, or the element of this selector);
# "{module}" is the first module the catalogue lists.
PAGE = None
SCREENS = {
    "start-teacher": (TEACHER, "/", PAGE),
    "start-starter": (STARTER, "/", PAGE),
    "path": (TEACHER, "/path", PAGE),
    "results-teacher": (TEACHER, "/assessment/results", "figure.chart"),
    "results-starter": (STARTER, "/assessment/results", "figure.chart"),
    "catalogue": (TEACHER, "/catalogue/", PAGE),
    "module": (TEACHER, "{module}", PAGE),
    "team": (LEADER, "/school/team", PAGE),
    "coverage": (LEADER, "/school/coverage", PAGE),
    "team-plan": (LEADER, "/school/team-plan", PAGE),
    "peer-pairs": (LEADER, "/school/peer-pairs", PAGE),
    "institute": (INSTITUTE, "/institute/", PAGE),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flask(*args: str) -> list[str]:
    return [sys.executable, "-m", "flask", "--app", "wsgi", *args]


def start_app(instance: str) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PLANNER_DATABASE_URL", "SECRET_KEY"}}
    env["PLANNER_INSTANCE_PATH"] = instance
    for step in (("db", "upgrade"), ("planner", "demo")):
        done = subprocess.run(flask(*step), cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"flask {' '.join(step)} failed:\n{done.stderr}")
    port = free_port()
    server = subprocess.Popen(
        flask("run", "--host", "127.0.0.1", "--port", str(port)),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/login", timeout=1)
            return server, url
        except OSError:
            if server.poll() is not None:
                raise SystemExit("the app stopped before it answered")
            time.sleep(0.2)
    stop(server)
    raise SystemExit("the app did not answer within 20 seconds")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def log_in(page: Page, url: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(url + "/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form [type=submit]")
    page.wait_for_load_state()


def first_module(page: Page, url: str) -> str:
    page.goto(url + "/catalogue/")
    return page.locator("main a[href^='/catalogue/modules/']").first.get_attribute("href")


def shoot(page: Page, url: str, screens: dict[str, tuple[str, str, str | None]]) -> list[Path]:
    written = []
    who = None
    module = None
    for name, (email, path, selector) in screens.items():
        if email != who:
            log_in(page, url, email)
            who = email
        if path == "{module}":
            module = module or first_module(page, url)
            path = module
        for width, (w, h) in WIDTHS.items():
            page.set_viewport_size({"width": w, "height": h})
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            target = OUT / f"{name}-{width}.png"
            if selector:
                page.locator(selector).screenshot(path=str(target))
            else:
                tall = page.evaluate("document.documentElement.scrollHeight")
                page.screenshot(path=str(target), full_page=tall <= h * FULL_PAGE_UP_TO)
                # Too heavy: the first screen, then less of it, until it fits.
                height = h
                while target.stat().st_size > MAX_BYTES and height > h // 2:
                    page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": w, "height": height})
                    height -= 80
            written.append(target)
    return written


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planner-screenshots-") as instance:
        server, url = start_app(instance)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM,
                    args=[
                        "--headless",
                        "--no-sandbox",
                        "--disable-lcd-text",
                        "--disable-font-subpixel-positioning",
                    ],
                )
                page = browser.new_page(locale="nl-NL")
                written = shoot(page, url, SCREENS)
                browser.close()
        finally:
            stop(server)
    for png in written:
        size = png.stat().st_size
        print(f"{png.relative_to(ROOT)}  {size // 1000} kB{'  (large)' if size > MAX_BYTES else ''}")


if __name__ == "__main__":
    main()
