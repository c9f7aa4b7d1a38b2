from playwright.sync_api import expect


def choose_levels(page, level: int) -> None:
    for area in page.locator("fieldset.area").all():
        area.locator(f"input[type=radio][value='{level}']").check()


def test_starting_teacher_assesses_accepts_and_completes_a_step(login, live_server):
    page = login("leraar@example.org")
    page.get_by_role("link", name="Vul je zelfbeoordeling in").click()

    # Going on without choosing keeps the teacher on the page with the reason at each area.
    page.click("main form [name=onward]")
    expect(page.locator("fieldset.area .error").first).to_be_visible()

    choose_levels(page, 2)
    page.locator("fieldset.area input[type=checkbox]").first.check()
    page.click("main form [name=onward]")
    choose_levels(page, 1)
    page.click("main form [name=onward]")

    page.fill("input[name=class_size]", "26")
    page.fill("input[name=support_need]", "9")
    page.fill("input[name=extra_support_need]", "5")
    page.click("main form [name=finish]")

    expect(page).to_have_url(live_server + "/path")
    expect(page.locator("h1")).to_contain_text("versie 1")
    expect(page.locator("figure.timeline svg")).to_be_visible()
    expect(page.locator(".step-card .reasons").first).to_contain_text("Brengt")
    page.click("button[name=accept]")
    expect(page.locator("main")).to_contain_text("geaccepteerd op")

    first = page.locator(".step-card.planned").first
    code = first.locator("header strong").inner_text().split()[0]
    first.locator("summary").click()
    first.locator("input[name=on_date]").fill("2026-11-02")
    first.locator("textarea[name=note]").fill("Certificaat in mijn portfolio")
    first.locator("[name=done]").click()

    expect(page.locator("h1")).to_contain_text("versie 2")
    done = page.locator(".step-card.done")
    expect(done).to_contain_text(code)
    expect(done).to_contain_text("Certificaat in mijn portfolio")
    expect(page.locator(".step-card.planned header strong", has_text=code)).to_have_count(0)

    page.click("text=versie 1")
    expect(page.locator("main")).to_contain_text("eerdere versie")
    expect(page.locator(".step-card.planned header strong", has_text=code)).to_have_count(1)
