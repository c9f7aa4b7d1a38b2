from playwright.sync_api import expect

COACH_EMAIL = "ingrid.postma@example.org"
STARTER = "Milan Hoekstra"
NOTE = "Wil oefenen met het groepsplan"


def test_a_coach_records_the_mentor_assessment_of_a_starter(login, live_server, browser):
    coach = login(COACH_EMAIL)
    coach.goto(live_server + "/")
    coach.get_by_role("link", name="Je coacht 1 startende leraar.").click()
    coach.get_by_role("link", name=STARTER).click()
    expect(coach.locator("h1")).to_have_text(STARTER)
    coach.fill("textarea[name=notes]", NOTE)
    coach.get_by_role("button", name="Aantekeningen opslaan").click()
    expect(coach.locator("main")).to_contain_text("Je aantekeningen zijn opgeslagen.")

    coach.get_by_role("link", name="Jouw beoordeling vastleggen").click()
    for area in coach.locator("fieldset.area").all():
        area.locator("input[type=radio][value='2']").check()
    coach.click("main form [type=submit]")
    expect(coach.locator("main")).to_contain_text(f"Je beoordeling van {STARTER} is opgeslagen")
    expect(coach.locator("h1")).to_have_text(STARTER)

    # The leader sees who coaches and the coach's assessment, never the notes.
    leader = browser.new_context().new_page()
    leader.goto(live_server + "/login")
    leader.fill("input[name=email]", "schoolleider@example.org")
    leader.fill("input[name=password]", "demo-planner-2026")
    leader.click("main form [type=submit]")
    leader.goto(live_server + "/school/")
    leader.get_by_role("link", name=STARTER).click()
    expect(leader.locator("main")).to_contain_text("Coach: Ingrid Postma")
    expect(leader.locator(".teacher-status")).to_contain_text("door Ingrid Postma op")
    expect(leader.locator("main")).not_to_contain_text(NOTE)
    leader.context.close()
