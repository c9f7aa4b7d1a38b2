"""The school leader's screens as a leader sees them at a desktop and a phone width: the matrix
names its areas and keeps a teacher on one line, a table too wide for the window says that it
scrolls, and the team plan, peer pairs and sessions read on a phone without columns cut off."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

LEADER = "schoolleider@example.org"
CATALOGUE = json.loads((Path(__file__).parents[2] / "planner/data/catalogue.json").read_text())
AREA_NAMES = {a["code"]: a["name"] for a in CATALOGUE["areas"]}


def heading_texts(page: Page) -> list[str]:
    return page.locator("table.matrix thead th.area-head").evaluate_all(
        "(heads) => heads.map((th) => th.textContent.trim())"
    )


def test_the_matrix_headings_are_area_names_in_the_interface_language(login, live_server):
    page = login(LEADER)
    page.goto(live_server + "/school/team")
    assert heading_texts(page) == [name["nl"] for name in AREA_NAMES.values()]
    head = page.locator("table.matrix thead th.area-head").first
    assert head.get_attribute("title") == AREA_NAMES["LEZEN"]["nl"]
    page.click("button[value=en]")
    page.wait_for_load_state()
    try:
        page.goto(live_server + "/school/team")
        assert heading_texts(page) == [name["en"] for name in AREA_NAMES.values()]
    finally:
        page.click("button[value=nl]")
        page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_teacher_with_a_normal_name_takes_one_line(login, live_server, width):
    page = login(LEADER)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/school/team")
    found = page.evaluate(
        """() => [...document.querySelectorAll('table.matrix tbody th[scope=row]')].map((th) => {
      const line = parseFloat(getComputedStyle(th).lineHeight);
      return {name: th.textContent.trim(), height: th.getBoundingClientRect().height, line};
    })"""
    )
    assert len(found) > 10
    for row in found:
        assert row["height"] < 2 * row["line"], row


def test_at_1280_the_matrix_fits_and_the_filters_share_a_line(login, live_server):
    page = login(LEADER)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server + "/school/team")
    found = page.evaluate(
        """() => {
      const box = document.querySelector('.scroll-frame .table-scroll');
      const top = (id) => Math.round(document.getElementById(id).getBoundingClientRect().top);
      return {scroll: box.scrollWidth, client: box.clientWidth, page: document.documentElement.scrollWidth,
              tops: [top('team'), top('phase'), top('sort')]};
    }"""
    )
    assert found["scroll"] <= found["client"] and found["page"] <= 1280
    assert len(set(found["tops"])) == 1, found["tops"]
    expect(page.locator(".scroll-hint")).to_be_hidden()


def test_at_390_the_matrix_scrolls_in_its_frame_with_a_cue_and_the_teacher_in_view(login, live_server):
    page = login(LEADER)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/school/team")
    frame = page.locator(".scroll-frame")
    expect(frame).to_have_class("scroll-frame scrolls")
    expect(page.locator(".scroll-hint")).to_be_visible()
    expect(page.locator(".scroll-hint")).to_contain_text("Scroll opzij")
    shade = page.evaluate(
        "getComputedStyle(document.querySelector('.scroll-frame'), '::after').backgroundImage"
    )
    assert "gradient" in shade
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    name = page.locator("table.matrix tbody th[scope=row]").first
    box = page.locator(".scroll-frame .table-scroll")
    left_before = name.bounding_box()["x"]
    box.evaluate("(el) => el.scrollTo(el.scrollWidth, 0)")
    # Polled by the test, not in the page: the page's CSP forbids the eval wait_for_function needs.
    expect(frame).to_have_class(re.compile(r"\bat-end\b"))
    assert abs(name.bounding_box()["x"] - left_before) < 1
    # At the last column the shade that hides more has gone.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.scroll-frame'), '::after').content")
        == "none"
    )


def cells_outside(page: Page, selector: str, width: int) -> list[str]:
    return page.evaluate(
        """([selector, width]) => [...document.querySelectorAll(selector)]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .map((el) => el.textContent.trim().slice(0, 40))""",
        [selector, width],
    )


def test_the_team_plan_reads_on_a_phone_with_its_total_in_view(login, live_server):
    page = login(LEADER)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/school/team-plan")
    caption = page.locator("main table caption")
    expect(caption).to_contain_text("Totaal")
    assert caption.bounding_box()["x"] + caption.bounding_box()["width"] <= 390
    assert page.locator("main table tbody td").count() > 0
    assert cells_outside(page, "main table caption, main table tbody td", 390) == []
    # Each value has its column's name beside it, now the heading row is out of sight.
    assert (
        page.locator("main table tbody td").first.evaluate("(td) => getComputedStyle(td, '::before').content")
        == '"Leraar"'
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server + "/school/team-plan")
    caption_x = page.locator("main table caption").bounding_box()["x"]
    assert abs(caption_x - page.locator("main table thead").bounding_box()["x"]) < 2


def test_the_peer_pairs_confirm_button_is_within_reach_on_a_phone(login, live_server):
    page = login(LEADER)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/school/peer-pairs")
    button = page.get_by_role("button", name="Duo bevestigen").first
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert cells_outside(page, "main table tbody td", 390) == []


def test_the_team_sessions_read_on_a_phone(login, live_server):
    page = login(LEADER)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/school/sessions")
    assert page.locator("main table tbody td").count() > 10
    assert cells_outside(page, "main table tbody td", 390) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
