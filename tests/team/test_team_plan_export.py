"""The team plan as CSV and XLSX, with the what-if in the query string."""

import csv
import io

from openpyxl import load_workbook

from planner.extensions import db
from planner.models.team import ExpertMinimum

EXPERIENCED = {"GEDRAG": 3, "KLAS": 4, "DIFF": 4, "LEZEN": 2, "OUDERS": 4}


def _plan_school(school, make_teacher):
    db.session.add(ExpertMinimum(school_id=school.id, area_code="LEZEN", minimum=1))
    db.session.add(ExpertMinimum(school_id=school.id, area_code="GEDRAG", minimum=1))
    school.budget_hours_per_year = 120
    db.session.commit()
    return make_teacher("Anna Aalbers", levels=EXPERIENCED)


def test_the_plan_as_csv_lists_assignments_total_and_shortfall(client, auth, leader, make_teacher, school):
    _plan_school(school, make_teacher)
    auth.login("leader@example.org")
    response = client.get("/school/team-plan.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["Teacher", "Team", "Area", "To level", "Modules", "Hours", "School year"]
    assigned = [r for r in rows[1:] if r and r[0] == "Anna Aalbers"]
    assert assigned and all(int(r[3]) >= 4 for r in assigned)
    total = next(r for r in rows if len(r) > 4 and r[4] == "Total")
    assert int(total[5]) == sum(int(r[5]) for r in assigned)
    # The other team has nobody: both its minimums are short.
    short_at = rows.index(["Team", "Area", "Experts short"])
    short = rows[short_at + 1 :]
    assert {r[0] for r in short} == {"Onderbouw"} and len(short) == 2


def test_the_what_if_reaches_the_export(client, auth, leader, make_teacher, school):
    _plan_school(school, make_teacher)
    auth.login("leader@example.org")
    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/school/team-plan.csv?minimum_LEZEN=0&minimum_GEDRAG=0").get_data(as_text=True)
            )
        )
    )
    assert [r for r in rows[1:] if r and r[0] == "Anna Aalbers"] == []
    assert ["Team", "Area", "Experts short"] not in rows


def test_the_plan_as_xlsx_has_a_sheet_for_the_shortfall(client, auth, leader, make_teacher, school):
    _plan_school(school, make_teacher)
    auth.login("leader@example.org")
    response = client.get("/school/team-plan.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    plan, shortfall = book.worksheets
    values = list(plan.values)
    assert values[0][0] == "Teacher"
    assert any(row[0] == "Anna Aalbers" for row in values[1:])
    assert [row[0] for row in list(shortfall.values)[1:]] == ["Onderbouw", "Onderbouw"]


def test_teachers_may_not_export_the_plan(client, auth, make_teacher):
    make_teacher("Anna Aalbers", email="anna@example.org")
    auth.login("anna@example.org")
    assert client.get("/school/team-plan.csv").status_code == 403
    assert client.get("/school/team-plan.xlsx").status_code == 403
