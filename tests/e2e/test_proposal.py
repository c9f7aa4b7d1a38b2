from playwright.sync_api import expect

STARTER = "Daan Bakker"
STARTER_EMAIL = "daan.bakker@example.org"


def test_a_mentor_assessment_after_acceptance_comes_as_a_proposal_the_teacher_accepts(
    login, live_server, browser
):
    # The teacher's demo path is accepted: it is the agreement.
    teacher = login(STARTER_EMAIL)
    teacher.goto(live_server + "/path")
    expect(teacher.locator("main")).to_contain_text("geaccepteerd op")
    expect(teacher.locator("#proposal")).to_have_count(0)
    agreed = teacher.locator("h1").inner_text()

    # The school leader, as mentor, sees the starter at the lowest level everywhere.
    mentor = browser.new_context().new_page()
    mentor.goto(live_server + "/login")
    mentor.fill("input[name=email]", "schoolleider@example.org")
    mentor.fill("input[name=password]", "demo-planner-2026")
    mentor.click("main form [type=submit]")
    mentor.goto(live_server + "/school/")
    mentor.get_by_role("link", name=STARTER).click()
    mentor.get_by_role("link", name="Jouw beoordeling vastleggen").click()
    for area in mentor.locator("fieldset.area").all():
        area.locator("input[type=radio][value='1']").check()
    mentor.click("main form [type=submit]")
    expect(mentor.locator("main")).to_contain_text("daarmee opnieuw gepland")
    mentor.context.close()

    # The teacher still sees the agreement, with the proposal beside it: why and what changes.
    teacher.goto(live_server + "/path")
    expect(teacher.locator("h1")).to_have_text(agreed)
    expect(teacher.locator("main")).to_contain_text("geaccepteerd op")
    proposal = teacher.locator("#proposal")
    expect(proposal).to_be_visible()
    expect(proposal).to_contain_text("Marieke Dekker heeft op")
    expect(proposal.locator("li.change").first).to_be_visible()
    expect(proposal.locator("li.change-level").first).to_contain_text("Gepland vanaf niveau 1")

    # The whole proposal on its own page, then accepted: it is the agreement now.
    proposal.get_by_role("link", name="Bekijk het hele voorstel").click()
    expect(teacher.locator("main")).to_contain_text("Dit is het voorstel")
    teacher.click("button[name=accept-proposal]")
    expect(teacher).to_have_url(live_server + "/path")
    expect(teacher.locator("main")).to_contain_text("het is nu je afspraak")
    expect(teacher.locator("#proposal")).to_have_count(0)
    expect(teacher.locator("h1")).not_to_have_text(agreed)
    expect(teacher.locator("main")).to_contain_text("geaccepteerd op")
