"""What the path screens say about time and marks: half-year columns in the timeline, when a
step runs in the school's calendar, needs facilitation and late targets for teacher and leader."""

import re
from types import SimpleNamespace

import pytest

from planner.extensions import db
from planner.paths.views import late_targets, timeline, when
from tests.paths.conftest import current, steps_by_module


def a_path(*steps, unreachable=()):
    """A stored path's shape: steps with their periods, school years read from 2026."""
    return SimpleNamespace(
        steps=list(steps),
        unreachable=list(unreachable),
        school_year_label=lambda n: f"{2025 + n}-{2026 + n}",
    )


def a_step(step_id, code, year, period, last_year=None, last_period=None, **more):
    values = {
        "id": step_id,
        "module_code": code,
        "phase": "induction",
        "school_year": year,
        "period": period,
        "last_school_year": last_year or year,
        "last_period": last_period or period,
        "hours": 6,
        "status": "planned",
        "requires": [],
        "outcomes": {},
        "needs_facilitation": False,
        "facilitation_hours": 0,
    }
    return SimpleNamespace(**(values | more))


def test_when_names_the_half_year_in_the_school_calendar(app):
    with app.test_request_context():
        path = a_path()
        assert when(path, a_step(1, "A", 1, 1)) == "aug-jan 2026-2027"
        assert when(path, a_step(1, "A", 2, 2)) == "feb-jul 2027-2028"
        assert when(path, a_step(1, "A", 1, 1, 1, 2)) == "2026-2027, het hele schooljaar"
        assert (
            when(path, a_step(1, "A", 1, 2, 2, 1))
            == "feb-jul 2026-2027 t/m aug-jan 2027-2028 (2 halve jaren)"
        )


def test_the_timeline_places_steps_by_half_year():
    first = a_step(1, "A", 1, 1)
    second = a_step(2, "B", 1, 2, requires=["A"])
    spanning = a_step(3, "C", 1, 2, 2, 1)
    later = a_step(4, "D", 2, 2)
    drawn = timeline(a_path(first, second, spanning, later))
    boxes = {box.step.module_code: box for box in drawn.boxes}
    # Two half-years per school year, a column per school year.
    assert [column.label for column in drawn.columns] == ["2026-2027", "2027-2028"]
    assert [len(column.halves) for column in drawn.columns] == [2, 2]
    half = boxes["B"].x - boxes["A"].x
    assert half > 0 and boxes["A"].y == boxes["B"].y  # the next half-year, same row
    assert boxes["C"].x == boxes["B"].x and boxes["C"].y > boxes["B"].y  # B's half-year is taken
    assert boxes["C"].width == boxes["A"].width + half  # two half-years wide
    assert boxes["D"].x == boxes["A"].x + 3 * half
    # Side by side in one row: a straight line from A's end to B's start.
    middle = boxes["A"].y + (boxes["A"].bottom - boxes["A"].y) // 2
    assert drawn.links == [[(boxes["A"].right, middle), (boxes["B"].x, middle)]]
    assert drawn.marks == set()


def test_late_targets_go_to_the_step_that_reaches_them_in_that_year():
    early = a_step(1, "SEM-1", 1, 1, outcomes={"SOCEMO": 2})
    reaching = a_step(2, "SEM-2", 2, 1, outcomes={"SOCEMO": 3})
    beyond = a_step(3, "SEM-3", 3, 1, outcomes={"SOCEMO": 4})
    late = {"area": "SOCEMO", "target": 3, "phase": "induction", "reason": "late", "school_year": 2}
    blocked = {"area": "DIFF", "target": 3, "phase": "induction", "reason": "blocked", "school_year": None}
    path = a_path(early, reaching, beyond, unreachable=[late, blocked])
    assert late_targets(path) == {2: [late]}
    reaching.needs_facilitation = True
    drawn = timeline(path)
    assert [box.late for box in drawn.boxes] == [[], [late], []]
    assert drawn.marks == {"facilitation", "late"}


@pytest.fixture
def marked(teacher):
    """The planned teacher's path with PLN-2 needing facilitation and reaching PLAN 3 late."""
    from tests.paths.conftest import SMALL_AREAS, assess

    assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    path = current(teacher)
    step = steps_by_module(path)["PLN-2"]
    step.needs_facilitation, step.facilitation_hours = True, 7
    path.unreachable = [
        {
            "area": "PLAN",
            "target": step.outcomes["PLAN"],
            "phase": "induction",
            "reason": "late",
            "best_level": 2,
            "school_year": step.school_year,
        }
    ]
    db.session.commit()
    return SimpleNamespace(teacher=teacher, path=path, step=step)


def test_the_path_page_marks_facilitation_and_late_and_says_why(client, auth, marked):
    auth.login(marked.teacher.email)
    page = client.get("/path").get_data(as_text=True)
    timeline_svg = page[page.index('<figure class="timeline">') : page.index("</figure>")]
    assert 'class="half-label">aug-jan<' in timeline_svg and 'class="half-label">feb-jul<' in timeline_svg
    assert re.search(r'class="step planned facilitation late">', timeline_svg)
    assert "vraagt om facilitering: meer uren dan het budget van het schooljaar" in timeline_svg
    assert "bereikt een doel van een fase pas na die fase" in timeline_svg
    card = page[page.index(f'id="step-{marked.step.id}"') :]
    card = card[: card.index("</article>")]
    assert "vraagt om facilitering: 7 uur boven het budget" in card
    assert "studieverlof of de lerarenbeurs" in card  # the tag explains itself
    assert "te laat: brengt Planmatig werken pas na de inductiefase op niveau" in card
    assert "PLN-1 " in card and '<a href="#PLN-1">PLN-1 ' in card  # required module by name
    assert "Spread" not in page and "spread" not in page


def test_the_paths_without_marks_have_no_mark_legend(client, auth, planned):
    auth.login(planned.email)
    page = client.get("/path").get_data(as_text=True)
    assert "vraagt om facilitering" not in page and "pas na die fase" not in page
    assert re.search(r"· <span class=\"when\">(aug-jan|feb-jul) \d{4}-\d{4}", page)


def test_the_print_names_when_and_the_marks(client, auth, marked):
    auth.login(marked.teacher.email)
    page = client.get("/path/print").get_data(as_text=True)
    assert "<th>Wanneer</th>" in page
    assert "Vraagt om facilitering: 7 uur boven je urenbudget" in page
    assert "te laat: brengt Planmatig werken" in page
    assert "Doelen die dit pad te laat of niet bereikt" in page


def test_the_leader_sees_when_facilitation_and_late_targets(client, auth, leader, marked):
    auth.login(leader.email)
    page = client.get(f"/school/teachers/{marked.teacher.id}").get_data(as_text=True)
    assert "<th>Wanneer</th>" in page and "40 uur per schooljaar" in page
    assert "voorstel, nog niet geaccepteerd" in page
    assert "vraagt om facilitering: 7 uur boven het budget" in page
    assert "studieverlof of de lerarenbeurs maakt er ruimte voor" in page
    assert "te laat: brengt Planmatig werken" in page
    assert "Doelen die dit pad te laat of niet bereikt" in page
    assert re.search(r"<td>(aug-jan|feb-jul) \d{4}-\d{4}</td>", page)


def test_the_start_page_says_when_the_next_steps_run(client, auth, marked):
    auth.login(marked.teacher.email)
    page = client.get("/").get_data(as_text=True)
    assert re.search(r"· (aug-jan|feb-jul) \d{4}-\d{4} · \d+ uur", page)
    assert "vraagt om facilitering" in page
