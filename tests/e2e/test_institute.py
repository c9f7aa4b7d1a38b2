from playwright.sync_api import expect


def test_staff_shape_a_programme_and_see_their_alumni_without_anyone_in_it(login, live_server):
    page = login("opleider@example.org")
    page.goto(live_server + "/institute/")
    page.get_by_role("link", name="Pabo voltijd").click()
    gaps_before = page.locator("table.coverage tr.gap").count()
    assert gaps_before > 0

    # What-if: support-based working becomes compulsory in year 3; the gaps it closes go.
    page.fill("input[name=electives_3]", "STG-1")
    page.fill("input[name=compulsory_3]", "ONB-5, HGW-1")
    page.click("input[name=preview]")
    expect(page.locator("#preview-note")).to_be_visible()
    assert page.locator("table.coverage tr.gap").count() < gaps_before
    page.click("input[name=submit]")
    expect(page.locator("main")).to_contain_text("De opleiding is opgeslagen")
    expect(page.locator("#preview-note")).to_have_count(0)
    assert page.locator("table.coverage tr.gap").count() < gaps_before

    page.goto(live_server + "/institute/alumni")
    page.check("input[name=programme]")
    page.check("input[name=graduation_year]")
    page.click("main form button[type=submit]")
    table = page.locator("table.alumni-needs")
    expect(table).to_be_visible()
    expect(table.locator("tr.suppressed").first).to_be_visible()
    expect(table.locator("tr:not(.suppressed) td").first).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("alumnus1@example.org")
