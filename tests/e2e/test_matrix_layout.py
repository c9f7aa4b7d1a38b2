"""The team matrix lays each teacher's levels side by side, one column per area."""

import pytest

LEADER = "schoolleider@example.org"


@pytest.mark.parametrize("width", [1280, 390])
def test_a_teachers_levels_stand_in_one_row(login, live_server, width):
    page = login(LEADER)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/school/team")
    found = page.evaluate(
        """() => {
      const row = document.querySelector('table.matrix tbody tr');
      const heads = document.querySelectorAll('table.matrix thead th.area-head').length;
      const cells = [...row.querySelectorAll('td.level')].map((td) => td.getBoundingClientRect());
      return {heads, tops: cells.map((b) => Math.round(b.top)), lefts: cells.map((b) => Math.round(b.left))};
    }"""
    )
    assert len(found["tops"]) == found["heads"] > 1
    assert len(set(found["tops"])) == 1
    assert found["lefts"] == sorted(found["lefts"]) and len(set(found["lefts"])) == len(found["lefts"])
