"""Names everywhere are limited to their column's length: each form's Length validator
matches the column, and a 500-character name is refused at its field with a message."""

import re

import pytest
from wtforms.validators import Length

from planner.admin.forms import AccountForm, InstituteForm, NameForm, SchoolForm, TeamForm
from planner.auth.forms import JoinForm
from planner.catalogue.forms import ModuleFormBase
from planner.extensions import db
from planner.institute.forms import ProgrammeForm
from planner.main.forms import ProfileForm, TokenForm
from planner.models import ApiToken, Institute, Module, Provider, School, Team, User
from planner.models.institutes import Programme
from planner.school.forms import InviteForm

LONG = "Naam" * 125  # 500 characters, as typed by someone testing the limits


def length_limit(form_class, name: str) -> int:
    validators = getattr(form_class, name).kwargs["validators"]
    return next(v.max for v in validators if isinstance(v, Length))


@pytest.mark.parametrize(
    ("form_class", "field", "column"),
    [
        (ProfileForm, "name", User.name),
        (JoinForm, "name", User.name),
        (InviteForm, "name", User.name),
        (AccountForm, "name", User.name),
        (SchoolForm, "name", School.name),
        (TeamForm, "name", Team.name),
        (InstituteForm, "name", Institute.name),
        (NameForm, "name", Provider.name),
        (ProgrammeForm, "name", Programme.name),
        (ModuleFormBase, "title_nl", Module.title_nl),
        (ModuleFormBase, "title_en", Module.title_en),
        (TokenForm, "label", ApiToken.label),
    ],
)
def test_each_name_field_is_limited_to_its_column(form_class, field, column):
    assert length_limit(form_class, field) == column.type.length


def error_at(page: str, field: str) -> str | None:
    found = re.search(rf'<p class="error" id="{field}-error">([^<]+)</p>', page)
    return found.group(1) if found else None


def test_a_long_name_on_the_profile_is_refused_at_its_field(client, auth, people):
    auth.login("t1@example.org")
    page = client.post("/profile", data={"name": LONG, "locale": "nl"}).get_data(as_text=True)
    assert "200" in error_at(page, "name")
    db.session.expire_all()
    assert people["teacher"].name != LONG


def test_a_long_token_label_is_refused_at_its_field(client, auth, people):
    auth.login("t1@example.org")
    response = client.post("/profile/tokens", data={"label": LONG, "days": "30"})
    assert response.status_code == 400 and "100" in error_at(response.get_data(as_text=True), "label")


def test_a_long_team_name_is_refused_at_its_field(client, auth, people):
    team = people["teacher"].team
    auth.login("admin@example.org")
    page = client.post(f"/admin/teams/{team.id}", data={"name": LONG}).get_data(as_text=True)
    assert "200" in error_at(page, "name")
    db.session.expire_all()
    assert team.name != LONG


def test_a_long_module_title_is_refused_at_its_field(client, auth, people, make_catalogue):
    make_catalogue()
    auth.login("admin@example.org")
    page = client.post("/catalogue/modules/new", data={"code": "LANG-1", "title_nl": LONG}).get_data(
        as_text=True
    )
    assert "200" in error_at(page, "title_nl")
