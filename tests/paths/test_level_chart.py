"""The level chart: whole area names, every marker in sight when levels are equal, a place
in the style sheet for every level of the scale."""

import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner.domain.catalogue import SCALE
from planner.extensions import db
from planner.models.catalogue import Area
from tests.paths.conftest import assess

STYLE = (Path(__file__).resolve().parents[2] / "planner" / "static" / "style.css").read_text()


def chart_of(page: str) -> str:
    return page.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]


def chart_rows(page: str) -> dict[str, str]:
    """Area name -> the row's markup, from the chart."""
    items = re.findall(r'<li class="chart-row[^"]*">(.*?)</li>', chart_of(page), re.S)
    return {re.search(r'<span class="chart-label">([^<]*)</span>', item).group(1): item for item in items}


def rule(selector: str) -> str:
    """The declarations of the one rule for exactly this selector."""
    found = re.findall(r"(?:^|[}\n ])" + re.escape(selector) + r"\s*\{([^}]*)\}", STYLE)
    assert len(found) == 1, selector
    return found[0]


def test_a_long_area_name_is_shown_whole(client, auth, teacher):
    long_name = "Samenwerken in het multidisciplinaire team en met externe ketenpartners in de wijk"
    db.session.scalar(sa.select(Area).where(Area.code == "PLAN")).name_nl = long_name
    db.session.commit()
    assess(teacher, {"STELSEL": 2, "PLAN": 1, "GEDRAG": 1})
    auth.login(teacher.email)
    rows = chart_rows(client.get("/assessment/results").get_data(as_text=True))
    assert long_name in rows
    assert "…" not in "".join(rows)


def test_a_mentor_level_equal_to_the_target_keeps_both_markers_and_says_both(client, auth, teacher, leader):
    assess(teacher, {"STELSEL": 4, "PLAN": 2, "GEDRAG": 1})
    auth.login(leader.email)
    client.post(
        f"/school/teachers/{teacher.id}/assessment",
        data={"level_STELSEL": "2", "level_PLAN": "3", "level_GEDRAG": "3"},
    )
    row = chart_rows(client.get(f"/school/teachers/{teacher.id}").get_data(as_text=True))["Planmatig werken"]
    assert "mark mentor at-3" in row and "mark target at-3" in row
    words = re.search(r'<span class="visually-hidden">: ([^<]*)</span>', row).group(1)
    assert "begeleider 3" in words and "doel 3" in words
    # The markers are hidden from screen readers, which read the words instead.
    assert '<span class="chart-track" aria-hidden="true"' in row


def test_the_mentor_the_self_assessment_and_the_observation_each_have_a_lane():
    tops = {
        kind: re.search(r"top:\s*([^;]+);", rule(f".chart-scale .{kind}")).group(1)
        for kind in ("mentor", "self", "observed")
    }
    assert len(set(tops.values())) == 3, tops
    target = rule(".chart-scale .target")
    assert "top: 0" in target and "bottom: 0" in target  # a line through all lanes
    # The target is drawn over the bar, the markers over the target.
    z = {
        kind: int(re.search(r"z-index:\s*(\d+)", rule(f".chart-scale .{kind}")).group(1))
        for kind in ("bar", "target", "self", "mentor", "observed")
    }
    assert z["bar"] < z["target"] < min(z["self"], z["mentor"], z["observed"])


def test_the_legend_names_only_the_symbols_drawn(client, auth, teacher):
    assess(teacher, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    auth.login(teacher.email)
    page = client.get("/assessment/results").get_data(as_text=True)
    keys = re.findall(r'<span class="key ([^"]+)">', chart_of(page))
    assert keys == ["bar", "target", "self"]  # nothing reached, no mentor, observation or earlier one
    assess(teacher, {"STELSEL": 3, "PLAN": 1, "GEDRAG": 1})
    page = client.get("/assessment/results").get_data(as_text=True)
    keys = re.findall(r'<span class="key ([^"]+)">', chart_of(page))
    assert keys == ["bar", "bar reached", "target", "self", "previous"]


@pytest.mark.parametrize("level", SCALE)
def test_every_level_of_the_scale_has_a_place(level):
    assert f"left: {level * 100 // (len(SCALE) - 1)}%" in rule(f".chart-scale .at-{level}")
    assert "width:" in rule(f".chart-scale .to-{level}")
