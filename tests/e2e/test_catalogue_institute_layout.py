"""The catalogue's area pills and filters and the institute's programme list line up."""

TEACHER = "ervaren@example.org"
INSTITUTE = "opleider@example.org"


PILLS = """() => [...document.querySelectorAll('.area-pill')].map((pill) => {
      const level = pill.querySelector('.level').getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(pill.querySelector('.pill-name'));
      const lines = [...range.getClientRects()];
      const last = lines[lines.length - 1];
      return {name: pill.textContent.trim(), lines: lines.length,
              levelTop: level.top, levelBottom: level.bottom, lastTop: last.top, lastBottom: last.bottom};
    })"""


def test_a_pills_level_stands_beside_a_long_area_name(login, live_server):
    page = login(TEACHER)
    pills = []
    # Whether a name wraps depends on the width the table gives it: on a phone the long ones do.
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server + "/catalogue/")
        pills += page.evaluate(PILLS)
    assert any(p["lines"] > 1 for p in pills), "no long area name wraps in a pill"
    for pill in pills:
        # The level number shares the last line of the name rather than a line of its own.
        assert pill["levelTop"] < pill["lastBottom"] and pill["levelBottom"] > pill["lastTop"], pill


def test_the_catalogue_filter_labels_stand_on_one_line(login, live_server):
    page = login(TEACHER)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server + "/catalogue/")
    tops = page.evaluate(
        """() => ['q', 'area'].map((id) =>
      Math.round(document.querySelector(`label[for=${id}]`).getBoundingClientRect().top))"""
    )
    assert tops[0] == tops[1]


def test_a_programme_link_lines_up_with_the_other_cells_of_its_row(login, live_server):
    page = login(INSTITUTE)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server + "/institute/")
    found = page.evaluate(
        """() => [...document.querySelectorAll('main table tbody tr')].map((row) => {
      const text = (cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return range.getClientRects()[0].bottom;
      };
      const link = row.querySelector('th a');
      const size = (el) => getComputedStyle(el).fontSize;
      return {name: text(link), code: text(row.cells[1]), sizes: [size(link), size(row.cells[1])]};
    })"""
    )
    assert found
    for row in found:
        assert abs(row["name"] - row["code"]) < 1.5, row
        assert row["sizes"][0] == row["sizes"][1], row
