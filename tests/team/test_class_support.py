"""The support a teacher has in class, asked in the class context, and the team view's list
of heavy classes where support does not follow the need."""

import re

import pytest
import sqlalchemy as sa

from planner.extensions import db
from planner.models import Role
from planner.models.paths import Assessment
from planner.paths import assessing


@pytest.fixture
def anna(make_teacher, shipped):
    return make_teacher("Anna Aalbers", email="anna@example.org")


def _draft(teacher):
    db.session.expire_all()
    return assessing.draft_assessment(teacher)


def test_the_class_context_asks_for_the_support_and_keeps_it(client, auth, anna):
    auth.login("anna@example.org")
    page = client.get("/assessment/context").get_data(as_text=True)
    assert re.search(r'<input[^>]*name="support"[^>]*value="assistant"', page)
    client.post(
        "/assessment/context", data={"class_size": "26", "support": ["assistant", "facility"], "back": ""}
    )
    assert _draft(anna).class_support == ["assistant", "facility"]
    page = client.get("/assessment/context").get_data(as_text=True)
    checked = re.findall(r'<input[^>]*checked[^>]*name="support"[^>]*value="(\w+)"', page)
    assert checked == ["assistant", "facility"]


def test_none_beside_support_gets_a_message_at_the_field(client, auth, anna):
    auth.login("anna@example.org")
    response = client.post(
        "/assessment/context", data={"class_size": "26", "support": ["none", "assistant"], "back": ""}
    )
    assert response.status_code == 200
    assert 'id="support-error"' in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Assessment)) == 0


def test_a_new_self_assessment_starts_from_the_support_given(anna):
    first = assessing.start_draft(anna, None)
    assessing.set_class_context(first, 26, 9, 2, support=["none"])
    assessing.complete(first)
    db.session.commit()
    assert assessing.start_draft(anna, first).class_support == ["none"]


def _class(teacher, need, serious, support):
    assessment = assessing.start_draft(teacher, None)
    assessing.set_class_context(assessment, 26, need, serious, support=support)
    assessing.complete(assessment)
    db.session.commit()


def test_the_leader_sees_heavy_classes_with_little_support(
    client, auth, leader, team_leader, make_teacher, shipped
):
    _class(make_teacher("Anna Aalbers", team=0), 12, 2, ["outside_class", "specialist_advice"])
    _class(make_teacher("Bram Bos", team=1), 10, 1, ["none"])
    _class(make_teacher("Carla Claes", team=1), 11, 3, ["assistant"])
    _class(make_teacher("Daan Dekker", team=1), 9, 1, None)
    _class(make_teacher("Eva Ernst", team=1), 3, 0, ["none"])
    auth.login("leader@example.org")
    page = client.get("/school/classes").get_data(as_text=True)
    table = page[page.index("<tbody>") : page.index("</tbody>")]
    # The heaviest first; an assistant in class is support; a light class is no pressure.
    assert table.index("Anna Aalbers") < table.index("Bram Bos")
    assert "Carla Claes" not in table and "Eva Ernst" not in table and "Daan Dekker" not in table
    assert "4 heavy classes in view." in page
    assert "For 1 of them the teacher has not said" in page
    auth.logout()
    auth.login("tl@example.org")
    table = client.get("/school/classes").get_data(as_text=True)
    assert "Bram Bos" in table and "Anna Aalbers" not in table


def test_only_leaders_see_class_pressure(client, auth, make_teacher, make_school, make_user, shipped):
    make_teacher("Anna Aalbers", email="anna@example.org")
    auth.login("anna@example.org")
    assert client.get("/school/classes").status_code == 403
    auth.logout()
    other = make_school(name="De Linde", sector="po")
    make_user(role=Role.LEADER, email="other@example.org", school=other)
    auth.login("other@example.org")
    assert "Anna Aalbers" not in client.get("/school/classes").get_data(as_text=True)
