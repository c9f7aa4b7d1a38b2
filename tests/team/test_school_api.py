"""The school API: shapes as in the contract, scoped to the leader's school or team."""

from planner.models import Role


def test_matrix_shape(school_api, leader, make_teacher):
    anna = make_teacher("Anna Aalbers", levels={"GEDRAG": 4}, mentor={"GEDRAG": 3})
    body = school_api(leader).get("/api/v1/school/matrix").get_json()
    assert "GEDRAG" in body["areas"]
    (row,) = body["teachers"]
    assert (row["id"], row["name"], row["team"], row["phase"]) == (
        anna.id,
        "Anna Aalbers",
        "Bovenbouw",
        "experienced",
    )
    assert row["levels"]["GEDRAG"] == {"self": 4, "mentor": 3, "observed": None, "planning": 3, "target": 4}
    assert row["levels"]["LEZEN"]["planning"] is None


def test_coverage_shape(school_api, leader, make_teacher):
    make_teacher("Anna Aalbers", levels={"GEDRAG": 4})
    rows = school_api(leader).get("/api/v1/school/coverage").get_json()["rows"]
    gedrag = next(r for r in rows if r["area"] == "GEDRAG" and r["team"] == "Bovenbouw")
    assert gedrag == {"team": "Bovenbouw", "area": "GEDRAG", "experts": 1, "minimum": 0, "short": 0}


def test_team_plan_what_if_and_errors(school_api, leader, make_teacher):
    anna = make_teacher("Anna Aalbers", levels={"LEZEN": 2})
    api = school_api(leader)
    body = api.post("/api/v1/school/team-plan", json={"minimums": {"LEZEN": 1}}).get_json()
    assert set(body) == {"assignments", "shortfall", "total_hours"}
    (assignment,) = body["assignments"]
    assert assignment["teacher"] == anna.id and assignment["area"] == "LEZEN" and assignment["to_level"] == 4
    assert assignment["hours"] == body["total_hours"] and assignment["modules"]
    assert {"team": "Onderbouw", "area": "LEZEN", "short": 1} in body["shortfall"]
    left_out = api.post(
        "/api/v1/school/team-plan", json={"minimums": {"LEZEN": 1}, "exclude": [anna.id]}
    ).get_json()
    assert left_out["assignments"] == [] and left_out["total_hours"] == 0
    assert api.post("/api/v1/school/team-plan").status_code == 200
    bad = api.post(
        "/api/v1/school/team-plan", json={"minimums": {"NOPE": 1, "LEZEN": -1}, "exclude": [99999]}
    )
    assert bad.status_code == 400
    fields = bad.get_json()["fields"]
    assert set(fields) == {"minimums.NOPE", "minimums.LEZEN", "exclude.99999"}
    assert api.post("/api/v1/school/team-plan", json=[1]).status_code == 400


def test_peer_pairs_shape(school_api, leader, make_teacher):
    coach = make_teacher("Carla Coach", levels={"GEDRAG": 5})
    colleague = make_teacher("Daan Dekker", levels={"GEDRAG": 1})
    body = school_api(leader).get("/api/v1/school/peer-pairs").get_json()
    assert body == {
        "pairs": [
            {
                "coach": coach.id,
                "colleague": colleague.id,
                "area": "GEDRAG",
                "coach_level": 5,
                "colleague_level": 1,
            }
        ]
    }


def test_scope_and_refusals(school_api, client, leader, team_leader, make_teacher, make_user, make_school):
    make_teacher("Anna Aalbers", team=0, levels={"GEDRAG": 4}, email="anna@example.org")
    make_teacher("Bram Bos", team=1, levels={"GEDRAG": 4})
    names = [t["name"] for t in school_api(team_leader).get("/api/v1/school/matrix").get_json()["teachers"]]
    assert names == ["Bram Bos"]
    other = make_school(name="Elders", teams=("X",))
    other_leader = make_user(role=Role.LEADER, school=other)
    assert school_api(other_leader).get("/api/v1/school/matrix").get_json()["teachers"] == []
    teacher = make_user(school=other)
    for url in ("/api/v1/school/matrix", "/api/v1/school/coverage", "/api/v1/school/peer-pairs"):
        assert school_api(teacher).get(url).status_code == 403
        assert client.get(url).status_code == 401
    # Another school's teacher cannot be left out: no such teacher here.
    assert school_api(other_leader).post("/api/v1/school/team-plan", json={"exclude": [1]}).status_code == 400


def test_leader_creates_a_token_on_the_profile_page(client, auth, leader):
    auth.login("leader@example.org")
    page = client.post("/profile/tokens", data={"label": "dashboard"}, follow_redirects=True).get_data(
        as_text=True
    )
    assert "shown only once" in page
