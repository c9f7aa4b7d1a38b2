"""The expertise matrix: levels per teacher and area, filters, counts and exports."""

import csv
import io

from openpyxl import load_workbook


def test_matrix_shows_planning_level_against_target(client, auth, leader, make_teacher):
    make_teacher("Anna Aalbers", levels={"GEDRAG": 4, "KLAS": 2}, mentor={"GEDRAG": 2})
    make_teacher("Bram Bos", team=1, levels={"GEDRAG": 4})
    auth.login("leader@example.org")
    page = client.get("/school/team").get_data(as_text=True)
    assert "Anna Aalbers" in page and "Bram Bos" in page
    # Anna: self 4, mentor 2 -> plans from 2, a conversation topic.
    assert "GEDRAG" in page
    assert 'class="level far"' in page or 'class="level close"' in page
    assert "self 4" in page.replace("zelf", "self") or "zelf 4" in page


def test_team_leader_sees_only_their_team(client, auth, team_leader, make_teacher):
    make_teacher("Anna Aalbers", team=0, levels={"GEDRAG": 3})
    make_teacher("Bram Bos", team=1, levels={"GEDRAG": 3})
    auth.login("tl@example.org")
    page = client.get("/school/team").get_data(as_text=True)
    assert "Bram Bos" in page and "Anna Aalbers" not in page


def test_filters_by_team_and_phase(client, auth, leader, make_teacher, school):
    make_teacher("Anna Aalbers", team=0, levels={"GEDRAG": 3})
    make_teacher("Bram Bos", team=1, levels={"GEDRAG": 3}, years_experience=1)
    auth.login("leader@example.org")
    page = client.get(f"/school/team?team={school.teams[0].id}").get_data(as_text=True)
    assert "Anna Aalbers" in page and "Bram Bos" not in page
    page = client.get("/school/team?phase=induction").get_data(as_text=True)
    assert "Bram Bos" in page and "Anna Aalbers" not in page


def test_another_schools_team_is_not_found(client, auth, leader, make_school):
    other = make_school(name="Elders", teams=("X",))
    auth.login("leader@example.org")
    assert client.get(f"/school/team?team={other.teams[0].id}").status_code == 404


def test_sort_by_area_puts_the_highest_first(client, auth, leader, make_teacher):
    make_teacher("Anna Aalbers", levels={"GEDRAG": 1})
    make_teacher("Bram Bos", levels={"GEDRAG": 5})
    auth.login("leader@example.org")
    page = client.get("/school/team?sort=GEDRAG").get_data(as_text=True)
    assert page.index("Bram Bos") < page.index("Anna Aalbers")
    page = client.get("/school/team?sort=name").get_data(as_text=True)
    assert page.index("Anna Aalbers") < page.index("Bram Bos")


def test_levels_as_a_table(client, auth, leader, make_teacher):
    make_teacher("Anna Aalbers", levels={"GEDRAG": 4}, mentor={"GEDRAG": 3})
    auth.login("leader@example.org")
    page = client.get("/school/team?view=table").get_data(as_text=True)
    assert "<caption>" in page and "Anna Aalbers" in page


def test_csv_and_xlsx(client, auth, leader, make_teacher):
    make_teacher("Anna Aalbers", levels={"GEDRAG": 4}, mentor={"GEDRAG": 3})
    auth.login("leader@example.org")
    response = client.get("/school/team.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    header, anna = rows[0], rows[1]
    assert anna[0] == "Anna Aalbers"
    gedrag = header.index(next(h for h in header if h.startswith("GEDRAG")))
    assert anna[gedrag : gedrag + 4] == ["4", "3", "", "3"]
    book = load_workbook(io.BytesIO(client.get("/school/team.xlsx").data))
    sheet = book.active
    assert sheet.cell(row=2, column=1).value == "Anna Aalbers"
    assert sheet.cell(row=2, column=gedrag + 1).value == 4


def test_printable_page(client, auth, leader, make_teacher):
    make_teacher("Anna Aalbers", levels={"GEDRAG": 4})
    auth.login("leader@example.org")
    page = client.get("/school/team/print").get_data(as_text=True)
    assert "data-print" in page and "Anna Aalbers" in page


def test_teachers_and_strangers_may_not(client, auth, make_teacher, make_user, make_school):
    make_teacher("Anna Aalbers", levels={"GEDRAG": 4}, email="anna@example.org")
    auth.login("anna@example.org")
    for url in (
        "/school/team",
        "/school/team.csv",
        "/school/team-plan",
        "/school/peer-pairs",
        "/school/coverage",
    ):
        assert client.get(url).status_code == 403
