"""Browser flows: the admin corrects a school; a teacher downloads their data and leaves."""

import json

from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD


def test_the_admin_edits_a_school(login, live_server):
    page = login("admin@example.org")
    page.goto(live_server + "/admin/")
    page.click("text=Basisschool De Regenboog")
    page.fill("input[name=name]", "Basisschool De Regenboog-Noord")
    page.fill("input[name=budget_hours_per_year]", "36")
    page.click("main form [type=submit]")
    expect(page.locator(".flash.success")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Basisschool De Regenboog-Noord")
    expect(page.locator("input[name=budget_hours_per_year]")).to_have_value("36")
    page.goto(live_server + "/audit")
    expect(page.locator("main")).to_contain_text("wijzigde een school")


def test_a_teacher_downloads_their_data_and_deletes_the_account(login, live_server):
    page = login("ervaren@example.org")
    page.goto(live_server + "/profile")
    page.click("text=Mijn gegevens")
    with page.expect_download() as download:
        page.click("main a[download]")
    body = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert body["profile"]["email"] == "ervaren@example.org"
    page.fill("input[name=password]", "wrong-password")
    page.click("main form button.danger, main form [type=submit].danger")
    expect(page.locator(".error")).to_contain_text("onjuist")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main form [type=submit].danger")
    expect(page).to_have_url(live_server + "/login")
    expect(page.locator(".flash")).to_contain_text("verwijderd")
    page = login("ervaren@example.org")
    expect(page.locator("main")).to_contain_text("onjuist")
