"""The browse page with its filters, the module page and the area pages."""

import re

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Module
from tests.catalogue.conftest import module_codes


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("", ["STL-1", "PLN-1", "PLN-2", "GED-1"]),
        ("?area=PLAN", ["PLN-1", "PLN-2"]),
        ("?area=GEDRAG", ["GED-1"]),
        ("?phase=experienced", ["PLN-2"]),
        ("?phase=initial", ["STL-1"]),
        ("?sector=vo", ["STL-1", "PLN-1", "GED-1"]),
        ("?sector=go", ["STL-1", "PLN-1", "PLN-2"]),
        ("?format=training-one-day", ["STL-1", "GED-1"]),
        ("?max_hours=8", ["STL-1", "GED-1"]),
        ("?max_hours=16", ["STL-1", "PLN-1", "GED-1"]),
        ("?area=PLAN&sector=vo", ["PLN-1"]),
        ("?phase=induction&format=training-multi-day&max_hours=20", ["PLN-1"]),
        ("?q=opp", ["PLN-2"]),
        ("?q=Gedrag+klas", ["GED-1"]),
        ("?q=gedrag+stelsel", []),
        ("?q=signalling", ["PLN-1"]),
        ("?q=pln-", ["PLN-1", "PLN-2"]),
        ("?q=100%25", []),
    ],
)
def test_browse_filters(client, make_catalogue, query, codes):
    make_catalogue()
    html = _page(client, "/catalogue/" + query)
    assert module_codes(html) == codes
    assert f"{len(codes)} module" in html
    if not codes:
        assert "No modules match these filters." in html


@pytest.mark.parametrize("query", ["?max_hours=veel", "?phase=someday", "?area=NIETS"])
def test_invalid_filters_are_ignored_on_the_page(client, make_catalogue, query):
    make_catalogue()
    html = _page(client, "/catalogue/" + query)
    assert module_codes(html) == ["STL-1", "PLN-1", "PLN-2", "GED-1"]


def test_browse_rows_show_what_a_module_brings(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/?q=opp")
    row = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert "The OPP" in row and "Extern Bureau" in row
    assert re.search(
        r'<span class="tag area-pill"><span class="pill-name">[^<A-Z]*[A-Z][a-z][^<]*</span> '
        r'<span class="level">3</span></span>',
        row,
    )
    assert "Multi-day training" in row and "<td>24</td>" in row


def test_browse_in_dutch_by_default(app, make_catalogue):
    make_catalogue()
    html = app.test_client().get("/catalogue/").get_data(as_text=True)
    assert "Passend onderwijs" in html and "Inclusive education" not in html


def test_retired_modules_only_for_editors(client, auth, make_catalogue, make_user):
    from planner.models import Role

    make_catalogue()
    db.session.scalar(sa.select(Module).where(Module.code == "GED-1")).retired = True
    db.session.commit()
    assert module_codes(_page(client, "/catalogue/")) == ["STL-1", "PLN-1", "PLN-2"]
    make_user(role=Role.ADMIN, email="admin@example.org")
    auth.login("admin@example.org")
    html = _page(client, "/catalogue/")
    assert module_codes(html) == ["STL-1", "PLN-1", "PLN-2", "GED-1"]
    assert '<span class="tag">retired</span>' in html


def test_browse_pages_through_a_large_catalogue(client, make_catalogue, shipped_document):
    make_catalogue(shipped_document)
    codes = [m["code"] for m in shipped_document["modules"] if not m.get("retired")]
    last = -(-len(codes) // 40)
    first = _page(client, "/catalogue/")
    assert f"{len(codes)} modules" in first and f"page 1 of {last}" in first
    assert module_codes(first) == codes[:40]
    assert module_codes(_page(client, f"/catalogue/?page={last}")) == codes[40 * (last - 1) :]
    assert 'href="/catalogue/?page=2"' in first


def test_filters_survive_paging(client, make_catalogue, shipped_document):
    make_catalogue(shipped_document)
    expected = [m["code"] for m in shipped_document["modules"] if "po" in m["sectors"]]
    assert len(expected) > 40
    first = _page(client, "/catalogue/?sector=po")
    assert "sector=po" in re.search(r'<nav class="pages".*?</nav>', first, re.S).group(0)
    second = _page(client, "/catalogue/?sector=po&page=2")
    assert module_codes(first) + module_codes(second) == expected[:80]


def test_mine_shows_the_staff_members_own_modules(client, auth, people):
    auth.login("staff@example.org")
    assert module_codes(_page(client, "/catalogue/?mine=1")) == ["STL-1", "PLN-1"]
    assert 'href="/catalogue/modules/new"' in _page(client, "/catalogue/")


def test_no_catalogue_is_404(client):
    assert client.get("/catalogue/").status_code == 404


# The module page


def test_module_page(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/modules/PLN-1")
    assert "<h1>Signalling <small" in html
    # Outcomes, requirements, what it unlocks, provider, format and hours.
    assert re.search(
        r'<span class="level">2</span> <a href="/catalogue/areas/PLAN">Plan-based work</a>', html
    )
    assert re.search(r'Module <a href="/catalogue/modules/STL-1">STL-1</a> Inclusive education', html)
    unlocks = html.split("What it unlocks next", 1)[1].split("</ul>", 1)[0]
    assert '<a href="/catalogue/modules/PLN-2">PLN-2</a> The OPP' in unlocks
    assert (
        '<dt>Provider</dt><dd>Pabo Test <span class="hint">(Teacher-training institute)</span></dd>' in html
    )
    assert "<dt>Format</dt><dd>Multi-day training</dd>" in html
    assert "<dt>Study hours</dt><dd>16</dd>" in html
    assert "<dt>Cost</dt><dd>€ 300</dd>" in html


def test_module_page_shows_level_requirements(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/modules/PLN-2")
    assert "At least level 2 in Plan-based work" in html
    assert "No module builds on this one." in html


def test_module_without_requirements(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/modules/GED-1")
    assert "No entry requirements." in html and "No module builds on this one." in html


def _svg_nodes(html: str) -> dict[str, str]:
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    return dict(
        (code, css)
        for css, code in re.findall(r'<g class="node ([a-z]*)">.*?<text[^>]*>([^<]+)</text>', svg, re.S)
    )


def test_module_page_draws_its_neighbourhood(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/modules/PLN-1")
    assert _svg_nodes(html) == {"STL-1": "required", "PLN-1": "current", "PLN-2": "unlocks"}
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert svg.count('class="edge"') == 2
    # A group, not an image: its boxes are links a keyboard and a screen reader can reach.
    assert 'role="group"' in svg and "aria-label" in svg


def test_module_page_draws_all_prerequisites(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/modules/PLN-2")
    assert _svg_nodes(html) == {"STL-1": "required", "PLN-1": "required", "PLN-2": "current"}


def test_retired_module_page_has_no_picture(client, make_catalogue):
    make_catalogue()
    db.session.scalar(sa.select(Module).where(Module.code == "PLN-2")).retired = True
    db.session.commit()
    html = _page(client, "/catalogue/modules/PLN-2")
    assert '<span class="tag">retired</span>' in html and "<svg" not in html
    assert "No module builds on this one." in _page(client, "/catalogue/modules/PLN-1")


def test_unknown_module_is_404(client, make_catalogue):
    make_catalogue()
    assert client.get("/catalogue/modules/NIETS-1").status_code == 404


# The area pages


def test_areas_index(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/areas/")
    for code in ("STELSEL", "PLAN", "GEDRAG"):
        assert f'href="/catalogue/areas/{code}"' in html


def test_area_page_has_five_descriptors_and_modules_per_level(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/areas/PLAN")
    assert "<h1>Plan-based work <small" in html
    rows = re.findall(
        r"<tr><td><span class=\"level\">(\d)</span>.*?</tr>",
        html.split("<tbody>", 1)[1].split("</tbody>", 1)[0],
        re.S,
    )
    assert rows == ["1", "2", "3", "4", "5"]
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    by_level = {
        level: re.findall(r'<a href="/catalogue/modules/([^"]+)">', row)
        for level, row in re.findall(r'<tr><td><span class="level">(\d)</span>(.*?)</tr>', table, re.S)
    }
    assert by_level == {"1": [], "2": ["PLN-1"], "3": ["PLN-2"], "4": [], "5": []}
    for level in range(1, 6):
        assert f"Level {level}" in table


def test_area_page_draws_the_graph_by_phase(client, make_catalogue):
    make_catalogue()
    html = _page(client, "/catalogue/areas/PLAN")
    assert _svg_nodes(html) == {"PLN-1": "current", "PLN-2": "current", "STL-1": "required"}
    bands = re.findall(r'<text[^>]*class="band-label">([^<]+)</text>', html)
    assert bands == ["Initial training", "Induction"]


def test_area_without_modules_has_no_picture(client, make_catalogue):
    from tests.conftest import small_document

    document = small_document()
    document["areas"].append({**document["areas"][0], "code": "LEEG", "name": {"nl": "Leeg"}})
    make_catalogue(document)
    html = _page(client, "/catalogue/areas/LEEG")
    assert "<svg" not in html and html.count('<span class="hint">—</span>') == 5


def test_unknown_area_is_404(client, make_catalogue):
    make_catalogue()
    assert client.get("/catalogue/areas/NIETS").status_code == 404


def test_picture_titles_fall_back_to_dutch(client, make_catalogue):
    from tests.conftest import small_document

    document = small_document()
    document["modules"][0]["title"] = {"nl": "Passend onderwijs"}  # STL-1 without English title
    make_catalogue(document)
    for url in ("/catalogue/modules/PLN-1", "/catalogue/areas/PLAN"):
        svg = re.search(r"<svg.*?</svg>", _page(client, url), re.S).group(0)
        titles = dict(
            (code, title)
            for title, code in re.findall(r"<title>([^<]*)</title>.*?<text[^>]*>([^<]+)</text>", svg, re.S)
        )
        assert titles == {"STL-1": "Passend onderwijs", "PLN-1": "Signalling", "PLN-2": "The OPP"}, url


# Duration, cost, reach, team format and source


def _local_offer(make_catalogue, make_school, make_institute) -> None:
    """GED-1 only for a board's schools, PLN-2 for one institute's alumni, STL-1 a team format."""
    from tests.conftest import small_document

    document = small_document()
    document["framework"].update(version="2026.2", source="002 onderzoeksrapport")
    document["areas"][2].update(source="002 §3.2, tabel 3.8")
    document["areas"][2]["levels"]["0"] = {"nl": "Nog niet", "en": "Not yet"}
    stl, pln1, pln2, ged = document["modules"]
    stl.update(format="team-study-day", duration_periods=1)
    pln1.update(source="002 §5.3.3", duration_periods=3, reach={"kind": "region", "code": "PO-2801"})
    pln2.update(format="coaching", reach={"kind": "alumni", "code": "PABO-NW"})
    ged.update(reach={"kind": "board", "code": "BRON-NW"}, cost_eur=0)
    make_catalogue(document)
    school = make_school()
    school.board_code, school.board_name = "BRON-NW", "Stichting Bron"
    make_institute("Pabo Noordwest").code = "PABO-NW"
    db.session.commit()


def test_module_page_shows_duration_cost_reach_and_source(
    client, make_catalogue, make_school, make_institute
):
    _local_offer(make_catalogue, make_school, make_institute)
    html = _page(client, "/catalogue/modules/PLN-1")
    assert "<dt>Duration</dt><dd>3 periods (one and a half school years)</dd>" in html
    assert "<dt>Cost</dt><dd>€ 300</dd>" in html
    assert "<dt>For whom</dt><dd>Only for schools in samenwerkingsverband region PO-2801</dd>" in html
    assert '<dt>Source</dt><dd class="source">002 §5.3.3<br><small>002: research report' in html
    assert "team format" not in html

    html = _page(client, "/catalogue/modules/GED-1")
    assert "<dt>For whom</dt><dd>Only for schools of school board Stichting Bron</dd>" in html
    assert "<dt>Cost</dt><dd>no cost</dd>" in html
    assert "<dt>Source</dt>" not in html
    html = _page(client, "/catalogue/modules/PLN-2")
    assert "<dt>For whom</dt><dd>Only for alumni of Pabo Noordwest</dd>" in html
    assert "<dt>Duration</dt><dd>2 periods (one school year)</dd>" in html


def test_module_page_marks_a_team_format(client, make_catalogue, make_school, make_institute):
    _local_offer(make_catalogue, make_school, make_institute)
    html = _page(client, "/catalogue/modules/STL-1")
    assert '<span class="tag team">team format</span>' in html
    assert "<dt>Team format</dt>" in html
    assert "<dt>Duration</dt><dd>1 period (half a school year)</dd>" in html
    assert "<dt>For whom</dt><dd>For every teacher in its sectors</dd>" in html


def test_an_unknown_board_or_institute_is_named_by_its_code(client, make_catalogue):
    from tests.conftest import small_document

    document = small_document()
    document["modules"][3]["reach"] = {"kind": "alumni", "code": "HAN-X"}
    make_catalogue(document)
    html = _page(client, "/catalogue/modules/GED-1")
    assert "<dt>For whom</dt><dd>Only for alumni of HAN-X</dd>" in html


def test_module_list_marks_team_formats_and_local_offers(client, make_catalogue, make_school, make_institute):
    _local_offer(make_catalogue, make_school, make_institute)
    body = _page(client, "/catalogue/").split("<tbody>", 1)[1]
    rows = dict(zip(module_codes(_page(client, "/catalogue/")), body.split("</tr>"), strict=False))
    assert "team format" in rows["STL-1"] and "team format" not in rows["PLN-1"]
    assert "The schools of one school board: BRON-NW" in rows["GED-1"]
    assert "The alumni of one institute: PABO-NW" in rows["PLN-2"]


def test_module_page_in_dutch(app, make_catalogue, make_school, make_institute):
    _local_offer(make_catalogue, make_school, make_institute)
    client = app.test_client()
    html = client.get("/catalogue/modules/STL-1").get_data(as_text=True)
    assert "1 periode (half schooljaar)" in html
    html = client.get("/catalogue/modules/PLN-1").get_data(as_text=True)
    assert '<dt>Bron</dt><dd class="source">002 §5.3.3<br><small>002: onderzoeksrapport' in html
    assert "Alleen voor scholen in samenwerkingsverband-regio PO-2801" in html
    html = client.get("/catalogue/modules/PLN-2").get_data(as_text=True)
    assert "Alleen voor alumni van Pabo Noordwest" in html


def test_area_pages_show_sources_and_level_zero(client, make_catalogue, make_school, make_institute):
    _local_offer(make_catalogue, make_school, make_institute)
    html = _page(client, "/catalogue/areas/GEDRAG")
    assert '<p class="source">Source: 002 §3.2, tabel 3.8<br><small>002: research report' in html
    assert re.search(r'<span class="level">0</span> not yet</td><td>Not yet</td>', html)
    index = _page(client, "/catalogue/areas/")
    assert "Version 2026.2 · Source: 002 onderzoeksrapport" in index
    # The column of level 3 shows level 3, also where a level 0 comes first.
    gedrag = index.split('href="/catalogue/areas/GEDRAG"', 1)[1].split("</tr>", 1)[0]
    assert "<td>Level 3</td>" in gedrag
    assert '<p class="source">' not in _page(client, "/catalogue/areas/PLAN")
