"""The team plan names each module it proposes by its code and title, as the catalogue does."""

import re

import sqlalchemy as sa
from markupsafe import escape

from planner.extensions import db
from planner.models import Module
from planner.models.team import ExpertMinimum
from planner.paths import service

EXPERIENCED = {"GEDRAG": 3, "KLAS": 4, "DIFF": 4, "LEZEN": 2, "OUDERS": 4}


def test_each_proposed_module_shows_its_title(client, auth, leader, make_teacher, school):
    db.session.add(ExpertMinimum(school_id=school.id, area_code="LEZEN", minimum=1))
    school.budget_hours_per_year = 120
    db.session.commit()
    anna = make_teacher("Anna Aalbers", levels=EXPERIENCED)
    service.accept_path(service.replan(anna, "assessment"))
    db.session.commit()
    auth.login("leader@example.org")
    page = client.get("/school/team-plan").get_data(as_text=True)
    cell = re.search(r'<td data-label="Modules">(.*?)</td>', page, re.S)
    assert cell and cell.group(1).strip()
    for code in re.findall(r"\b[A-Z]{2,4}-\d+\b", cell.group(1)):
        module = db.session.scalar(sa.select(Module).where(Module.code == code))
        assert str(escape(f"{code} {module.title}")) in cell.group(1)
