"""A team session in the browser: the leader schedules the format that closes the most
gaps, a participant finds it in a proposal of their path, attendance is confirmed."""

from datetime import date, timedelta

from playwright.sync_api import expect

LEADER_EMAIL = "schoolleider@example.org"
# Among those who gain from the demo school's best-ranked format (PBS, WSA-1).
PARTICIPANT_EMAIL = "anouk.meijer@example.org"


def test_the_leader_schedules_a_session_and_a_participant_finds_it_in_their_path(login, live_server, browser):
    leader = login(LEADER_EMAIL)
    leader.goto(live_server + "/school/team")
    leader.get_by_role("link", name="Teamsessies").click()
    expect(leader.locator("h1")).to_have_text("Teamsessies")
    leader.locator("main table").nth(1).get_by_role("link", name="Plannen").first.click()
    expect(leader.locator("h1")).to_contain_text("WSA-1")
    on = date.today() + timedelta(days=30)
    leader.fill("input[name=held_on]", on.isoformat())
    leader.get_by_role("button", name="Sessie plannen").click()
    expect(leader.locator("main")).to_contain_text("De sessie is gepland")
    expect(leader.locator("main")).to_contain_text("Anouk Meijer")

    # The session whose day has passed: one colleague was not there.
    leader.goto(live_server + "/school/sessions")
    leader.get_by_role("link", name="SEM-3", exact=False).first.click()
    leader.locator("input[name=attended]").first.uncheck()
    leader.get_by_role("button", name="Aanwezigheid bevestigen").click()
    expect(leader.locator("main")).to_contain_text("Aanwezigheid bevestigd")
    expect(leader.locator("main")).to_contain_text("afwezig")

    teacher = browser.new_context().new_page()
    teacher.goto(live_server + "/login")
    teacher.fill("input[name=email]", PARTICIPANT_EMAIL)
    teacher.fill("input[name=password]", "demo-planner-2026")
    teacher.click("main form [type=submit]")
    teacher.goto(live_server + "/path")
    proposal = teacher.locator("#proposal")
    expect(proposal).to_contain_text("de teamsessie WSA-1 voor je gepland")
    proposal.get_by_role("link", name="Bekijk het hele voorstel").click()
    expect(teacher.locator("main")).to_contain_text(
        "Een teamsessie die Marieke Dekker voor jou en je collega's heeft gepland"
    )
