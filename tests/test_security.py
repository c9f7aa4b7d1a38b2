"""Security headers, HTTPS and proxy settings, owner-only instance files, safe CSV cells."""

import csv
import io
import re
import stat
from pathlib import Path

import pytest
from flask import request

from planner import create_app
from planner.catalogue.export import export_csv
from planner.security import spreadsheet_safe
from tests.conftest import small_document

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def csp(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in policy.split(";"))}


@pytest.mark.parametrize(
    "url", ["/login", "/catalogue/", "/does-not-exist", "/api/v1/areas", "/path/versions/1"]
)
def test_every_response_has_the_security_headers(client, url):
    response = client.get(url)
    assert "frame-ancestors 'none'" in csp(response)["frame-ancestors"]
    assert csp(response)["script-src"] == "script-src 'self'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers


def test_templates_have_no_inline_script_or_style():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert not re.search(r"<style\b|\sstyle=", text), template
        assert not re.search(r"\son[a-z]+=", text), template


def test_personal_pages_are_not_stored(client, auth, people):
    assert client.get("/login").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/catalogue/").headers.get("Cache-Control", "")
    auth.login(people["teacher"].email)
    for url in ("/", "/profile", "/catalogue/"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url
    with client.get("/static/style.css") as response:
        assert "no-store" not in response.headers.get("Cache-Control", "")
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_api_with_a_token_is_not_stored(client, people):
    from planner.auth.accounts import create_api_token

    token = create_api_token(people["teacher"])
    response = client.get("/api/v1/me/assessments", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"


@pytest.fixture
def https_app(test_config, migrated_app, monkeypatch):
    monkeypatch.setenv("PLANNER_HTTPS", "1")
    return create_app(test_config)


def test_https_adds_hsts_and_secure_cookies(https_app, people):
    assert https_app.config["SESSION_COOKIE_SECURE"] and https_app.config["REMEMBER_COOKIE_SECURE"]
    client = https_app.test_client()
    response = client.get("/login", base_url="https://planner.test")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    response = client.post(
        "/login",
        data={"email": people["teacher"].email, "password": "correct-horse-battery"},
        base_url="https://planner.test",
    )
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("Secure" in cookie for cookie in cookies)


def proxy_probe(app):
    @app.get("/proxy-probe")
    def probe():
        return f"{request.scheme} {request.remote_addr} {request.host}"

    return app.test_client().get(
        "/proxy-probe",
        headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "a.nl"},
        environ_base={"REMOTE_ADDR": "10.0.0.2"},
    )


def test_trusted_proxies_apply_proxy_fix(test_config, migrated_app, monkeypatch):
    assert proxy_probe(create_app(test_config)).get_data(as_text=True) == "http 10.0.0.2 planner.test"
    monkeypatch.setenv("PLANNER_TRUSTED_PROXIES", "1")
    fresh = create_app({**test_config, "SERVER_NAME": None})
    assert proxy_probe(fresh).get_data(as_text=True) == "https 203.0.113.9 a.nl"


def test_instance_files_are_owner_only(tmp_path, monkeypatch):
    instance = tmp_path / "instance"
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(instance))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("PLANNER_DATABASE_URL", raising=False)
    monkeypatch.setattr("os.umask", lambda mask: 0)  # harmless; the files' modes come from the code
    create_app()
    assert stat.S_IMODE(instance.stat().st_mode) == 0o700
    for name in ("secret_key", "planner.sqlite"):
        assert stat.S_IMODE((instance / name).stat().st_mode) == 0o600, name


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_spreadsheet_formulas_are_neutralised(text):
    assert spreadsheet_safe(text) == "'" + text
    assert spreadsheet_safe("Passend " + text) == "Passend " + text
    assert spreadsheet_safe(-3) == -3


def test_csv_export_neutralises_formula_cells(make_catalogue):
    document = small_document()
    document["modules"][0]["title"]["nl"] = '=HYPERLINK("http://evil.example","klik")'
    document["modules"][0]["source"] = "@SUM(1)"
    header, *rows = list(csv.reader(io.StringIO(export_csv(make_catalogue(document)))))
    row = dict(zip(header, rows[0], strict=True))
    assert row["title_nl"].startswith("'=") and row["source"] == "'@SUM(1)"
