"""The path timeline in the browser: titles in the boxes, today's half-year marked, and at a
phone's width a frame that says it scrolls, with nothing wider than the page."""

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("email", ["ervaren@example.org", "starter@example.org"])
def test_the_timeline_reads_at_both_widths(login, live_server, email, width):
    page = login(email)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server + "/path")
    figure = page.locator("figure.timeline")
    expect(figure.locator("text.title").first).to_be_visible()
    expect(figure.locator("text.now-label")).to_have_text("nu")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    sizes = figure.evaluate(
        """f => [...f.querySelectorAll('svg text')].map(t => {
            const svg = t.ownerSVGElement, size = parseFloat(getComputedStyle(t).fontSize);
            return size * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        })"""
    )
    assert min(sizes) >= 12
    frame = figure.locator(".timeline-frame")
    scrolls = figure.locator(".timeline-scroll").evaluate("s => s.scrollWidth > s.clientWidth + 1")
    if scrolls:
        expect(frame).to_have_class("timeline-frame scrolls")
        expect(frame.locator(".scroll-hint")).to_be_visible()
        figure.locator(".timeline-scroll").evaluate("s => s.scrollTo(s.scrollWidth, 0)")
        expect(frame).to_have_class("timeline-frame scrolls at-end")
    else:
        expect(frame.locator(".scroll-hint")).to_be_hidden()
    if width == 390:
        assert scrolls
