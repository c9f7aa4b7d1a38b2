from playwright.sync_api import expect

LEADER_EMAIL = "schoolleider@example.org"
# The upper team's only autism expert; the school wants two per team.
ON_LEAVE = "Laura Vos"
CHOSEN = "Gijs van den Berg"
CHOSEN_EMAIL = "gijs.van.den.berg@example.org"


def test_the_leader_plans_the_team_and_the_chosen_teacher_accepts_the_proposal(login, live_server, browser):
    # The chosen teacher's demo path is accepted: the team plan comes as a proposal beside it.
    teacher = login(CHOSEN_EMAIL)
    teacher.goto(live_server + "/path")
    expect(teacher.locator("main")).to_contain_text("geaccepteerd op")
    expect(teacher.locator("#proposal")).to_have_count(0)

    leader = browser.new_context().new_page()
    leader.goto(live_server + "/login")
    leader.fill("input[name=email]", LEADER_EMAIL)
    leader.fill("input[name=password]", "demo-planner-2026")
    leader.click("main form [type=submit]")
    leader.goto(live_server + "/school/")
    leader.get_by_role("link", name="Expertise van het team").first.click()
    expect(leader.locator("h1")).to_contain_text("Expertise van het team")
    expect(leader.locator("main table")).to_contain_text(ON_LEAVE)

    # The what-if: the autism expert on leave, the plan at once, nothing stored yet.
    leader.get_by_role("link", name="Teamplan").first.click()
    expect(leader.locator("h1")).to_have_text("Teamplan: wie schoolt zich in wat")
    plan = leader.locator("main table").first
    expect(plan).not_to_contain_text(CHOSEN)
    leader.select_option("select[name=exclude]", label=ON_LEAVE)
    leader.click("form.what-if [type=submit]")
    expect(leader).to_have_url(f"{live_server}/school/team-plan?" + leader.url.split("?", 1)[1])
    assert "exclude=" in leader.url
    expect(plan).to_contain_text(CHOSEN)
    leader.get_by_role("button", name="Dit teamplan bevestigen").click()
    expect(leader.locator("main")).to_contain_text("Het teamplan is bevestigd")
    leader.context.close()

    # The teacher keeps the agreement, sees the proposal beside it and accepts it.
    teacher.goto(live_server + "/path")
    proposal = teacher.locator("#proposal")
    expect(proposal).to_be_visible()
    proposal.get_by_role("link", name="Bekijk het hele voorstel").click()
    expect(teacher.locator("main")).to_contain_text("Dit is het voorstel")
    teacher.click("button[name=accept-proposal]")
    expect(teacher).to_have_url(live_server + "/path")
    expect(teacher.locator("main")).to_contain_text("het is nu je afspraak")
    expect(teacher.locator("#proposal")).to_have_count(0)
