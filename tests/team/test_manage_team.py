"""Managing the team: teachers moved between teams, open invitations renewed or withdrawn,
a new join code; only the school leader changes teams and the code."""

import re

import sqlalchemy as sa

from planner.auth import accounts
from planner.extensions import db
from planner.models import Invitation, Role, User


def test_the_school_leader_moves_a_teacher_to_another_team(client, auth, leader, make_teacher, school):
    anna = make_teacher("Anna Aalbers", team=0)
    other = school.teams[1]
    auth.login("leader@example.org")
    assert "Anna Aalbers" in client.get("/school/manage").get_data(as_text=True)
    response = client.post(f"/school/manage/teachers/{anna.id}/team", data={"team": str(other.id)})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, anna.id).team_id == other.id
    client.post(f"/school/manage/teachers/{anna.id}/team", data={"team": ""})
    db.session.expire_all()
    assert db.session.get(User, anna.id).team_id is None


def test_a_team_of_another_school_is_refused_with_a_message(client, auth, leader, make_teacher, make_school):
    anna = make_teacher("Anna Aalbers", team=0)
    before = anna.team_id
    elsewhere = make_school(name="De Linde", sector="po", teams=("Groep 1",))
    auth.login("leader@example.org")
    response = client.post(
        f"/school/manage/teachers/{anna.id}/team",
        data={"team": str(elsewhere.teams[0].id)},
        follow_redirects=True,
    )
    assert "Choose one of the school" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, anna.id).team_id == before


def test_team_leaders_and_teachers_may_not_move_teachers_or_change_the_code(
    client, auth, leader, team_leader, make_teacher, school
):
    anna = make_teacher("Anna Aalbers", team=1, email="anna@example.org")
    code = school.join_code
    auth.login("tl@example.org")
    assert client.get("/school/manage").status_code == 200
    assert client.post(f"/school/manage/teachers/{anna.id}/team", data={"team": ""}).status_code == 403
    assert client.post("/school/manage/join-code").status_code == 403
    auth.logout()
    auth.login("anna@example.org")
    assert client.get("/school/manage").status_code == 403
    assert client.post("/school/manage/join-code").status_code == 403
    db.session.expire_all()
    assert school.join_code == code


def test_a_new_join_code_stops_the_old_one(client, auth, leader, school):
    old = school.join_code
    auth.login("leader@example.org")
    client.post("/school/manage/join-code")
    db.session.expire_all()
    assert school.join_code != old
    assert accounts.school_by_join_code(old) is None
    assert accounts.school_by_join_code(school.join_code).id == school.id


def _invite(leader, school, email="nieuw@example.org"):
    accounts.invite(
        email=email, name="Nina Nieuw", role=Role.TEACHER, inviter=leader, school=school, team=None
    )
    return accounts.user_by_email(email)


def test_an_open_invitation_gets_a_new_link_and_the_old_one_stops(client, auth, leader, school):
    nina = _invite(leader, school)
    auth.login("leader@example.org")
    page = client.get("/school/manage").get_data(as_text=True)
    assert "open since" in page
    response = client.post(f"/school/manage/teachers/{nina.id}/invitation", data={"resend": ""})
    assert response.status_code == 200
    link = re.search(r"http://planner.test/invitation/([\w-]+)", response.get_data(as_text=True))
    assert link and accounts.invitation_for(link.group(1)).user_id == nina.id
    open_links = db.session.scalars(
        sa.select(Invitation).where(Invitation.user_id == nina.id, Invitation.used_at.is_(None))
    ).all()
    assert len(open_links) == 1


def test_a_withdrawn_invitation_takes_the_unused_account_along(client, auth, leader, school, make_teacher):
    nina = _invite(leader, school)
    anna = make_teacher("Anna Aalbers")
    auth.login("leader@example.org")
    client.post(f"/school/manage/teachers/{nina.id}/invitation", data={"revoke": ""})
    assert accounts.user_by_email("nieuw@example.org") is None
    # A teacher who has set a password has no open invitation to withdraw.
    response = client.post(
        f"/school/manage/teachers/{anna.id}/invitation", data={"revoke": ""}, follow_redirects=True
    )
    assert "has no open invitation" in response.get_data(as_text=True)
    assert db.session.get(User, anna.id) is not None


def test_another_schools_leader_cannot_touch_the_invitation(
    client, auth, leader, school, make_school, make_user
):
    nina = _invite(leader, school)
    other = make_school(name="De Linde", sector="po")
    make_user(role=Role.LEADER, email="other@example.org", school=other)
    auth.login("other@example.org")
    assert (
        client.post(f"/school/manage/teachers/{nina.id}/invitation", data={"revoke": ""}).status_code == 404
    )
    assert client.post(f"/school/manage/teachers/{nina.id}/team", data={"team": ""}).status_code == 404
    assert accounts.user_by_email("nieuw@example.org") is not None


def test_withdrawing_an_invitation_asks_first(client, auth, leader, school):
    nina = _invite(leader, school)
    auth.login("leader@example.org")
    manage = client.get("/school/manage").get_data(as_text=True)
    assert 'name="revoke"' not in manage
    assert f'href="/school/manage/teachers/{nina.id}/invitation"' in manage
    page = client.get(f"/school/manage/teachers/{nina.id}/invitation").get_data(as_text=True)
    assert "Nina Nieuw" in page and 'name="revoke"' in page and 'href="/school/manage#teacher-' in page
    assert accounts.user_by_email("nieuw@example.org") is not None
