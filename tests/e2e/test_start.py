from playwright.sync_api import expect


def test_starting_teacher_logs_in_and_sees_own_start_page(login, live_server):
    page = login("leraar@example.org")
    expect(page).to_have_url(live_server + "/")
    expect(page.locator("h1")).to_contain_text("Welkom")
    expect(page.locator("main")).to_contain_text("Inductie")


def test_wrong_password_keeps_the_email_and_says_why(login, live_server):
    page = login("leraar@example.org", "not-the-password")
    expect(page.locator("input[name=email]")).to_have_value("leraar@example.org")
    expect(page.locator("main")).to_contain_text("onjuist")
