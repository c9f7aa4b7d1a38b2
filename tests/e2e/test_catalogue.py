from playwright.sync_api import expect


def test_institute_staff_edit_is_refused_when_it_makes_a_cycle(login, live_server):
    page = login("opleider@example.org")
    page.goto(live_server + "/catalogue/modules/ONB-1")
    page.click("text=Bewerken")
    page.fill("input[name=requires_modules]", "ONB-5")
    page.click("main form [type=submit]")
    expect(page.locator(".flash.error, .flash")).to_contain_text("niet opgeslagen")
    expect(page.locator("#requires_modules-error")).to_contain_text("ONB-1 → ONB-5 → ONB-1")
    expect(page.locator("input[name=requires_modules]")).to_have_value("ONB-5")

    page.goto(live_server + "/catalogue/modules/ONB-1")
    expect(page.locator("main")).to_contain_text("Geen toelatingseisen")


def test_browsing_filters_the_catalogue_by_area(page, live_server):
    page.goto(live_server + "/catalogue/")
    page.select_option("select[name=area]", "GEDRAG")
    page.click("form.filters button.primary")
    expect(page.locator("main")).to_contain_text("GED-1")
    expect(page.locator("main")).not_to_contain_text("REK-1")
