"""The timeline as a teacher reads it: titles in the boxes, requirement lines that run
around the boxes rather than through them, and the half-year the school is in marked."""

import random
import re
from datetime import date
from types import SimpleNamespace

import pytest

import planner.paths.path_view as kept
from planner.paths.explain import Names
from planner.paths.views import PERIOD_W, cut_title, timeline
from tests.paths.conftest import current
from tests.paths.test_path_view import page, timeline_of


@pytest.fixture
def logged_in(client, auth, planned):
    auth.login(planned.email)
    return planned


def step(code, year, period, last_year=None, last_period=None, requires=(), step_id=None):
    return SimpleNamespace(
        id=step_id or code,
        module_code=code,
        school_year=year,
        period=period,
        last_school_year=last_year or year,
        last_period=last_period or period,
        requires=list(requires),
        phase="experienced",
        outcomes={},
        needs_facilitation=False,
        status="planned",
    )


def path_of(*steps):
    return SimpleNamespace(
        steps=list(steps), unreachable=[], school_year_label=lambda n: f"{2025 + n}-{2026 + n}"
    )


def crosses(points, box) -> bool:
    """Whether a segment of the line runs into the inside of ``box``."""
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        assert x1 == x2 or y1 == y2, "lines run straight across or down"
        left, right, top, bottom = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
        if left < box.right and right > box.x and top < box.bottom and bottom > box.y:
            return True
    return False


def assert_routed_around(drawn):
    by_code = {box.step.module_code: box for box in drawn.boxes}
    ends = [(by_code[code], box) for box in drawn.boxes for code in box.step.requires]
    assert len(drawn.links) == len(ends)
    for points, (before, after) in zip(drawn.links, ends):
        assert points[0] == (before.right, before.y + (before.bottom - before.y) // 2)
        assert points[-1] == (after.x, after.y + (after.bottom - after.y) // 2)
        for box in drawn.boxes:
            if box is not before and box is not after:
                assert not crosses(points, box), (
                    before.step.module_code,
                    after.step.module_code,
                    box.step.module_code,
                )
        # The line touches its own two boxes only at its ends.
        assert not crosses(points[1:-1] if len(points) > 3 else [], before)
        assert not crosses(points[1:], before)
        assert not crosses(points[:-1], after)


def test_the_line_to_a_later_step_runs_around_the_boxes_between():
    # As on the experienced teacher's path: DIF-6 needs DIF-8, with two long steps between.
    drawn = timeline(
        path_of(
            step("DIF-8", 1, 1),
            step("GED-4", 1, 1, 1, 2),
            step("OUD-4", 1, 1, 1, 2),
            step("DIF-6", 1, 2, 2, 1, requires=["DIF-8"]),
            step("EXF-4", 2, 1),
        )
    )
    assert_routed_around(drawn)
    # The box-free column gap at the start of the second half-year is blocked by the two
    # long steps, so the line takes another way than straight down.
    assert len(drawn.links[0]) > 2


@pytest.mark.parametrize("seed", range(40))
def test_no_line_crosses_a_box_on_any_path(seed):
    rng = random.Random(seed)
    steps = []
    for number in range(rng.randint(3, 14)):
        first = rng.randint(0, 5)
        last = min(first + rng.choice([0, 0, 0, 1, 1, 2]), 5)
        before = [s.module_code for s in steps if s.last_school_year * 2 + s.last_period <= first + 2]
        requires = rng.sample(before, min(len(before), rng.randint(0, 2)))
        steps.append(
            step(f"M-{number}", first // 2 + 1, first % 2 + 1, last // 2 + 1, last % 2 + 1, requires)
        )
    assert_routed_around(timeline(path_of(*steps)))


def test_boxes_show_a_title_cut_to_fit_with_the_whole_title_kept():
    title = "Differentiëren in de praktijk: instructie op drie niveaus"
    drawn = timeline(
        path_of(step("DIF-8", 1, 1), step("GED-4", 1, 1, 1, 2)),
        Names({}, {"DIF-8": title, "GED-4": "Gedrag"}),
    )
    short, long_ = drawn.boxes
    assert short.title == title
    assert short.short_title.endswith("…") and title.startswith(short.short_title[:-1].rstrip())
    assert len(short.short_title) * 6.3 <= short.width - 16
    assert long_.short_title == "Gedrag"


def test_a_title_is_cut_at_a_word():
    assert cut_title("Coaching on the job: differentiëren in je eigen klas", 160) == "Coaching on the job…"
    assert cut_title("Kort", 160) == "Kort"


def test_the_half_year_of_today_is_marked_where_the_drawing_covers_it():
    path = path_of(step("DIF-8", 1, 1), step("EXF-4", 2, 2))
    first, later = timeline(path, now=(1, 1)).now, timeline(path, now=(2, 1)).now
    assert first.label == "now" and later.x == first.x + 2 * first.width
    assert timeline(path, now=(3, 1)).now is None
    assert timeline(path).now is None


def now_band_x(html: str) -> int:
    figure = timeline_of(html)
    return int(re.search(r'<rect x="(\d+)" y="38" [^>]*class="now-band"', figure).group(1))


def test_the_page_moves_the_now_mark_when_the_half_year_changes(client, logged_in, monkeypatch):
    first_year = current(logged_in).first_school_year
    today = {"day": date(first_year, 9, 1)}

    class Day(date):
        @classmethod
        def today(cls):
            return today["day"]

    monkeypatch.setattr(kept, "date", Day)
    autumn = page(client)
    assert ">nu</text>" in timeline_of(autumn)
    today["day"] = date(first_year + 1, 3, 1)
    spring = page(client)
    assert now_band_x(spring) == now_band_x(autumn) + PERIOD_W


def test_the_page_draws_titles_in_the_boxes_and_a_scroll_frame(client, logged_in):
    figure = timeline_of(page(client))
    assert '<div class="timeline-frame">' in figure and "scroll-frames.js" in figure
    titles = re.findall(r'<text [^>]*class="title">([^<]+)</text>', figure)
    assert titles and all(len(title) > 3 for title in titles)
