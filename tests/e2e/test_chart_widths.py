"""The level chart as a teacher sees it, at a desktop and a phone width: names whole and
readable, the mentor's marker beside an equal target, the legend beside its symbols."""

import pytest

# The demo's starting teacher: her mentor's level equals the target in several areas.
STARTER = "starter@example.org"

GEOMETRY = """() => {
  const box = (el) => el.getBoundingClientRect();
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const rows = [...document.querySelectorAll('.chart-row')].map((row) => {
    const label = row.querySelector('.chart-label');
    const mentor = row.querySelector('.mark.mentor');
    const target = row.querySelector('.mark.target');
    return {
      label: label.textContent, labelSize: size(label), cut: label.scrollWidth > label.clientWidth,
      labelBox: box(label).toJSON(), track: box(row.querySelector('.chart-track')).toJSON(),
      mentor: mentor && box(mentor).toJSON(), target: target && box(target).toJSON(),
      mentorLevel: mentor && mentor.className, targetLevel: target && target.className,
    };
  });
  const legend = [...document.querySelectorAll('.chart-legend .legend-item')].map((item) => {
    const range = document.createRange();
    range.selectNodeContents(item);
    range.setStartAfter(item.querySelector('.key'));
    return {key: box(item.querySelector('.key')).toJSON(), text: range.getClientRects()[0].toJSON(),
            size: size(item)};
  });
  const ticks = [...document.querySelectorAll('.chart-axis .tick')].map(size);
  return {rows, legend, ticks, width: document.documentElement.scrollWidth};
}"""


def overlaps(a, b) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_chart_reads_whole_at_each_width(login, live_server, width):
    page = login(STARTER)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/assessment/results")
    found = page.evaluate(GEOMETRY)
    assert found["width"] <= width
    assert len(found["rows"]) == 17
    for row in found["rows"]:
        assert row["labelSize"] >= 12 and not row["cut"], row["label"]
        assert row["track"]["width"] >= 200, row["label"]
        if width == 390:  # the name on its own line, above its bar
            assert row["labelBox"]["y"] + row["labelBox"]["height"] <= row["track"]["y"] + 1, row["label"]
    assert min(found["ticks"]) >= 12
    equal = [
        r
        for r in found["rows"]
        if r["mentor"] and r["target"] and r["mentorLevel"][-4:] == r["targetLevel"][-4:]
    ]
    assert equal, "the demo has a mentor level equal to a target"
    for row in equal:
        mentor, target = row["mentor"], row["target"]
        assert overlaps(mentor, target)  # at the same level...
        # ...yet the target line reaches out below the mentor's circle.
        assert target["y"] + target["height"] > mentor["y"] + mentor["height"] + 10, row["label"]
    for item in found["legend"]:
        assert item["size"] >= 12
        key, text = item["key"], item["text"]
        assert 0 <= text["x"] - (key["x"] + key["width"]) <= 12
        assert abs((key["y"] + key["height"] / 2) - (text["y"] + text["height"] / 2)) <= text["height"] / 2
