import pytest


@pytest.mark.parametrize(
    ("viewer", "subject", "status"),
    [
        ("leader", "teacher", 200),
        ("leader", "colleague", 200),
        ("team_leader", "colleague", 200),
        ("team_leader", "teacher", 404),
        ("other_leader", "teacher", 404),
        ("teacher", "colleague", 403),
        ("institute", "teacher", 403),
        ("admin", "teacher", 403),
    ],
)
def test_teacher_page_only_for_their_own_leaders(client, auth, people, viewer, subject, status):
    auth.login(people[viewer].email)
    assert client.get(f"/school/teachers/{people[subject].id}").status_code == status


def test_unknown_teacher_id_is_404(client, auth, people):
    auth.login("leader@example.org")
    assert client.get("/school/teachers/999999").status_code == 404


@pytest.mark.parametrize("path", ["/profile", "/school/", "/admin/", "/account/password"])
def test_pages_need_login(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    ("role", "path", "status"),
    [
        ("teacher", "/school/", 403),
        ("teacher", "/admin/", 403),
        ("leader", "/admin/", 403),
        ("leader", "/school/", 200),
        ("admin", "/admin/", 200),
        ("institute", "/school/", 403),
    ],
)
def test_role_pages(client, auth, people, role, path, status):
    auth.login(people[role].email)
    assert client.get(path).status_code == status


def test_team_leader_sees_only_their_team(client, auth, people):
    auth.login("tl@example.org")
    page = client.get("/school/").get_data(as_text=True)
    assert people["colleague"].name in page
    assert people["teacher"].name not in page
