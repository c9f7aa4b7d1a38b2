"""Stable agreements: a re-plan that changes nothing adds no version; what others cause
waits beside the accepted path as a proposal; withdrawn modules are marked and planned again."""

from datetime import date, timedelta

import pytest

from planner.catalogue.service import retire_module
from planner.extensions import db
from planner.models import Module, Role
from planner.models.accounts import utcnow
from planner.models.paths import LearningPath, ModuleProgress, PathStep
from planner.paths import assessing, service
from planner.paths.agreements import proposal_changes
from planner.paths.progress import change_step
from tests.paths.conftest import assess, count, current, location, steps_by_module

# The teacher thinks behaviour is at the induction target; the mentor does not.
OWN = {"STELSEL": 1, "PLAN": 1, "GEDRAG": 2}


def versions(teacher):
    db.session.expire_all()
    return service.agreement_and_proposal(service.path_versions(teacher))


@pytest.fixture
def agreed(teacher):
    """A teacher who accepted a first path without a behaviour step."""
    assess(teacher, OWN)
    service.accept_path(current(teacher))
    db.session.commit()
    assert "GED-1" not in steps_by_module(current(teacher))
    return teacher


def mentor_assesses(teacher, leader, gedrag: int = 1):
    assessing.record_mentor_assessment(teacher, leader, {"STELSEL": 1, "PLAN": 1, "GEDRAG": gedrag})
    db.session.flush()
    service.replan_if_planned(teacher, "mentor")
    db.session.commit()


@pytest.mark.parametrize("cause", ["request", "school", "mentor", "assessment", "profile", "catalogue"])
def test_a_replan_that_changes_nothing_adds_no_version(planned, cause):
    service.replan(planned, cause)
    db.session.commit()
    assert count(LearningPath) == 1


def test_a_replan_that_changes_nothing_keeps_the_agreement_accepted(agreed):
    service.replan(agreed, "school")
    db.session.commit()
    agreement, proposal = versions(agreed)
    assert agreement.version == 1 and proposal is None


def test_a_mentor_assessment_after_acceptance_comes_as_a_proposal(agreed, leader):
    mentor_assesses(agreed, leader)
    agreement, proposal = versions(agreed)
    assert agreement.version == 1 and agreement.accepted_at is not None
    assert current(agreed).id == agreement.id  # the teacher works on the agreement
    assert proposal.version == 2 and proposal.accepted_at is None and proposal.dismissed_at is None
    assert proposal.cause == "mentor"
    assert proposal.cause_detail == {"by": "Lies Leider", "on": date.today().isoformat()}
    assert "GED-1" in steps_by_module(proposal)
    changes = proposal_changes(agreement, proposal)
    assert {"kind": "level", "area": "GEDRAG", "from": 2, "to": 1} in changes
    assert [c["module"] for c in changes if c["kind"] == "added"] == ["GED-1"]


def test_without_an_agreement_a_mentor_replan_is_the_newest_version(planned, leader):
    assessing.record_mentor_assessment(planned, leader, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    db.session.flush()
    service.replan_if_planned(planned, "mentor")
    db.session.commit()
    assert count(LearningPath) == 1  # the mentor saw the same levels: nothing changes


def test_accepting_the_proposal_makes_it_the_agreement(agreed, leader):
    mentor_assesses(agreed, leader)
    service.accept_proposal(agreed)
    db.session.commit()
    agreement, proposal = versions(agreed)
    assert agreement.version == 2 and proposal is None
    with pytest.raises(service.NoProposal):
        service.accept_proposal(agreed)


def test_keeping_the_agreement_records_the_dismissal_and_does_not_ask_again(agreed, leader):
    mentor_assesses(agreed, leader)
    service.dismiss_proposal(agreed)
    db.session.commit()
    agreement, proposal = versions(agreed)
    assert agreement.version == 1 and proposal is None
    dismissed = service.path_version(agreed, 2)
    assert dismissed.dismissed_at is not None and dismissed.accepted_at is None
    # The same changes again (the school saves its profile): the teacher already answered.
    service.replan(agreed, "school")
    db.session.commit()
    assert count(LearningPath) == 2
    # Something new: a new proposal.
    mentor_assesses(agreed, leader, gedrag=2)
    mentor_assesses(agreed, leader, gedrag=1)
    assert count(LearningPath) == 2  # back to what was dismissed
    with pytest.raises(service.NoProposal):
        service.dismiss_proposal(agreed)


def test_a_replan_back_to_the_agreement_withdraws_the_open_proposal(agreed, leader):
    mentor_assesses(agreed, leader)
    mentor_assesses(agreed, leader, gedrag=2)
    agreement, proposal = versions(agreed)
    assert agreement.version == 1 and proposal is None
    assert count(LearningPath) == 1


def test_a_step_change_acts_on_the_agreement_and_the_proposal_follows(agreed, leader):
    mentor_assesses(agreed, leader)
    agreement, proposal = versions(agreed)
    stl = steps_by_module(agreement)["STL-1"]
    change_step(agreed, agreement, stl, "done", on_date=date.today())
    db.session.commit()
    agreement, proposal = versions(agreed)
    assert agreement.version == 3 and agreement.cause == "progress"
    assert steps_by_module(agreement)["STL-1"].status == "done"
    assert "GED-1" not in steps_by_module(agreement)  # still what the teacher agreed to
    assert proposal.version == 4 and proposal.cause == "mentor"
    assert proposal.cause_detail["by"] == "Lies Leider"
    assert steps_by_module(proposal)["STL-1"].status == "done"
    assert "GED-1" in steps_by_module(proposal)


def test_a_step_change_after_dismissal_keeps_the_dismissal(agreed, leader):
    mentor_assesses(agreed, leader)
    service.dismiss_proposal(agreed)
    db.session.commit()
    agreement, _ = versions(agreed)
    change_step(agreed, agreement, steps_by_module(agreement)["STL-1"], "in_progress")
    db.session.commit()
    agreement, proposal = versions(agreed)
    assert proposal is None
    assert steps_by_module(agreement)["STL-1"].status == "in_progress"
    assert "GED-1" not in steps_by_module(agreement)
    newest = service.path_versions(agreed)[0]
    assert newest.dismissed_at is not None and "GED-1" in steps_by_module(newest)


def test_the_teachers_own_new_assessment_is_a_proposal_beside_the_agreement(agreed):
    assess(agreed, {"STELSEL": 1, "PLAN": 2, "GEDRAG": 2})
    agreement, proposal = versions(agreed)
    assert agreement.version == 1 and proposal.cause == "assessment"


def test_retiring_a_planned_module_marks_it_until_the_replan(client, auth, agreed, make_user):
    auth.login(agreed.email)
    step = steps_by_module(current(agreed))["PLN-2"]
    # Retired behind the planner's back (e.g. by an import): the step is marked.
    module = db.session.scalar(db.select(Module).where(Module.code == "PLN-2"))
    retire_module(module)
    page = client.get("/path").get_data(as_text=True)
    card = page.split(f'id="step-{step.id}"', 1)[1].split("</article>", 1)[0]
    assert 'class="tag warn mark"' in card and "uit de catalogus gehaald" in card
    # The catalogue's operation plans again: a proposal without it beside the agreement.
    assert service.replan_for_modules(["PLN-2"]) == 1
    db.session.commit()
    agreement, proposal = versions(agreed)
    assert "PLN-2" in steps_by_module(agreement) and "PLN-2" not in steps_by_module(proposal)
    assert proposal.cause == "catalogue" and proposal.cause_detail["modules"] == ["PLN-2"]
    assert {c["kind"] for c in proposal_changes(agreement, proposal)} >= {"dropped", "unreachable"}
    # Asked again, nothing more to do.
    assert service.replan_for_modules(["PLN-2"]) == 1
    db.session.commit()
    assert count(LearningPath) == 2


def test_retiring_through_the_catalogue_plans_again(client, auth, agreed, make_user):
    admin = make_user(role=Role.ADMIN, email="beheer@example.org")
    auth.login(admin.email)
    client.post("/catalogue/modules/PLN-2/retire")
    agreement, proposal = versions(agreed)
    assert proposal is not None and proposal.cause == "catalogue"
    assert "PLN-2" not in steps_by_module(proposal)


def test_a_change_of_hours_marks_the_step_changed_and_plans_again(client, auth, agreed, make_user):
    module = db.session.scalar(db.select(Module).where(Module.code == "GED-1"))
    assert service.replan_for_modules(["GED-1"]) == 0  # not in this teacher's path
    step = steps_by_module(current(agreed))["STL-1"]
    module = db.session.scalar(db.select(Module).where(Module.code == "STL-1"))
    module.hours = 12
    db.session.commit()
    auth.login(agreed.email)
    page = client.get("/path").get_data(as_text=True)
    card = page.split(f'id="step-{step.id}"', 1)[1].split("</article>", 1)[0]
    assert "gewijzigd in de catalogus" in card
    assert service.replan_for_modules(["STL-1"]) == 1
    db.session.commit()
    agreement, proposal = versions(agreed)
    assert {"kind": "hours", "module": "STL-1", "from": 6, "to": 12} in proposal_changes(agreement, proposal)


def test_done_steps_are_history_and_not_marked(agreed):
    path = current(agreed)
    change_step(agreed, path, steps_by_module(path)["STL-1"], "done", on_date=date.today())
    db.session.commit()
    module = db.session.scalar(db.select(Module).where(Module.code == "STL-1"))
    module.hours = 12
    db.session.commit()
    assert service.replan_for_modules(["STL-1"]) == 0


def age(teacher, version: int, days: int) -> None:
    path = service.path_version(teacher, version)
    path.created_at = utcnow() - timedelta(days=days)


def test_pruning_keeps_accepted_versions_and_the_newest_proposal(teacher):
    for plan_level in (1, 2, 1, 2):  # four unaccepted versions
        assess(teacher, {"STELSEL": 1, "PLAN": plan_level, "GEDRAG": 1})
    service.accept_path(service.path_version(teacher, 2))
    for version, days in ((1, 90), (2, 80), (3, 40), (4, 35)):
        age(teacher, version, days)
    db.session.commit()
    assert count(LearningPath) == 4
    assess(teacher, {"STELSEL": 2, "PLAN": 2, "GEDRAG": 1})  # the next re-plan prunes
    kept = sorted(v.version for v in service.path_versions(teacher))
    # 1 and 3 (unaccepted, older than 30 days) go; 2 was accepted; 4 was the newest
    # proposal when the re-plan began, 5 is the new one.
    assert kept == [2, 4, 5]
    orphans = db.select(db.func.count()).select_from(PathStep)
    assert db.session.scalar(orphans.where(PathStep.path_id.not_in(db.select(LearningPath.id)))) == 0


def test_recent_unaccepted_versions_are_kept(teacher):
    for plan_level in (1, 2, 1):
        assess(teacher, {"STELSEL": 1, "PLAN": plan_level, "GEDRAG": 1})
    age(teacher, 1, 10)
    db.session.commit()
    assess(teacher, {"STELSEL": 2, "PLAN": 2, "GEDRAG": 1})
    assert count(LearningPath) == 4


# The path page


def test_the_path_page_shows_the_agreement_and_the_proposal_with_its_changes(client, auth, agreed, leader):
    mentor_assesses(agreed, leader)
    auth.login(agreed.email)
    page = client.get("/path").get_data(as_text=True)
    assert "versie 1" in page.split("</h1>", 1)[0]
    proposal = page.split('id="proposal"', 1)[1].split("</section>", 1)[0]
    assert "Lies Leider" in proposal
    assert "GED-1" in proposal and 'class="change change-added"' in proposal
    assert 'class="change change-level"' in proposal
    agreement, offered = versions(agreed)
    for step in offered.steps:  # the proposal's steps are on its own page
        assert f'id="step-{step.id}"' not in page
    response = client.post("/path/proposal/accept")
    assert location(response) == "/path"
    agreement, offered = versions(agreed)
    assert agreement.version == 2 and offered is None
    page = client.get("/path").get_data(as_text=True)
    assert 'id="proposal"' not in page


def test_keep_the_agreement_on_the_page(client, auth, agreed, leader):
    mentor_assesses(agreed, leader)
    auth.login(agreed.email)
    client.post("/path/proposal/dismiss")
    agreement, offered = versions(agreed)
    assert agreement.version == 1 and offered is None
    page = client.get("/path").get_data(as_text=True)
    assert "afgewezen op" in page  # in the list of versions
    response = client.post("/path/proposal/dismiss", follow_redirects=True)
    assert response.status_code == 200 and count(LearningPath) == 2


def test_the_proposal_has_its_own_page(client, auth, agreed, leader):
    mentor_assesses(agreed, leader)
    auth.login(agreed.email)
    page = client.get("/path/versions/2").get_data(as_text=True)
    assert 'id="proposal"' in page and "GED-1" in page
    assert 'name="action"' not in page  # its steps cannot be changed


# The API


def test_api_answers_the_agreement_with_the_proposal_beside_it(api_for, agreed, leader):
    api = api_for(agreed)
    body = api.get("/api/v1/me/path").get_json()
    assert body["version"] == 1 and body["accepted"] is True and body["proposal"] is None
    mentor_assesses(agreed, leader)
    body = api.get("/api/v1/me/path").get_json()
    assert body["version"] == 1 and body["accepted"] is True
    proposal = body["proposal"]
    assert proposal["version"] == 2 and proposal["accepted"] is False
    assert proposal["cause"] == "mentor" and proposal["cause_detail"]["by"] == "Lies Leider"
    assert "Lies Leider" in proposal["why"]
    added = [c for c in proposal["changes"] if c["kind"] == "added"]
    assert added[0]["module"] == "GED-1" and "GED-1" in added[0]["text"]
    assert {s["module"] for s in proposal["steps"]} >= {"GED-1"}
    assert all(set(s) >= {"period", "needs_facilitation", "catalogue"} for s in body["steps"])


def test_api_accepts_the_proposal(api_for, agreed, leader):
    mentor_assesses(agreed, leader)
    api = api_for(agreed)
    response = api.post("/api/v1/me/path/proposal/accept", {})
    assert response.status_code == 200
    assert response.get_json()["version"] == 2 and response.get_json()["proposal"] is None
    again = api.post("/api/v1/me/path/proposal/accept", {})
    assert again.status_code == 409 and "proposal" in again.get_json()["error"]


def test_api_dismisses_the_proposal(api_for, agreed, leader):
    api = api_for(agreed)
    assert api.post("/api/v1/me/path/proposal/dismiss", {}).status_code == 409
    mentor_assesses(agreed, leader)
    response = api.post("/api/v1/me/path/proposal/dismiss", {})
    assert response.status_code == 200
    assert response.get_json()["version"] == 1 and response.get_json()["proposal"] is None
    assert service.path_version(agreed, 2).dismissed_at is not None


def test_api_a_step_of_the_proposal_is_409(api_for, agreed, leader):
    mentor_assesses(agreed, leader)
    _, proposal = versions(agreed)
    step = steps_by_module(proposal)["GED-1"]
    response = api_for(agreed).patch(f"/api/v1/me/path/steps/{step.id}", {"status": "in_progress"})
    assert response.status_code == 409
    assert count(ModuleProgress) == 0


def test_api_a_step_change_answers_the_agreement_and_the_proposal(api_for, agreed, leader):
    mentor_assesses(agreed, leader)
    agreement, _ = versions(agreed)
    step = steps_by_module(agreement)["STL-1"]
    response = api_for(agreed).patch(f"/api/v1/me/path/steps/{step.id}", {"status": "in_progress"})
    body = response.get_json()
    assert response.status_code == 200 and body["accepted"] is True
    assert body["proposal"]["cause"] == "mentor"


# Access


def test_another_teachers_proposal_is_404(client, auth, api_for, agreed, leader, make_user, school):
    mentor_assesses(agreed, leader)
    other = make_user(email="ander@example.org", school=school, qualification="qualified", years_experience=0)
    assess(other, OWN)
    auth.login(other.email)
    assert client.get("/path/versions/2").status_code == 404
    # Deciding is about one's own proposal: the other teacher has none.
    client.post("/path/proposal/accept")
    assert service.path_version(agreed, 2).accepted_at is None
    assert api_for(other).post("/api/v1/me/path/proposal/accept", {}).status_code == 409
    assert api_for(other).post("/api/v1/me/path/proposal/dismiss", {}).status_code == 409
    _, proposal = versions(agreed)
    step = steps_by_module(proposal)["GED-1"]
    assert client.post(f"/path/steps/{step.id}", data={"action": "start"}).status_code == 404
    assert api_for(other).patch(f"/api/v1/me/path/steps/{step.id}", {"status": "done"}).status_code == 404
    assert service.path_version(agreed, 2).dismissed_at is None


@pytest.mark.parametrize("role", ["leader", "admin"])
def test_only_teachers_decide_on_a_proposal(client, auth, agreed, leader, make_user, role):
    mentor_assesses(agreed, leader)
    user = leader if role == "leader" else make_user(role=Role.ADMIN, email="beheer@example.org")
    auth.login(user.email)
    assert client.post("/path/proposal/accept").status_code in (403, 404)
    assert service.path_version(agreed, 2).accepted_at is None


def test_saving_a_module_plans_again_only_when_planning_changes(client, auth, agreed, make_user):
    from tests.catalogue.test_edit import form_data

    make_user(role=Role.ADMIN, email="beheer@example.org")
    auth.login("beheer@example.org")
    assert client.post("/catalogue/modules/STL-1/edit", data=form_data("STL-1")).status_code == 302
    assert count(LearningPath) == 1
    response = client.post("/catalogue/modules/STL-1/edit", data=form_data("STL-1", hours="12"))
    assert response.status_code == 302
    agreement, proposal = versions(agreed)
    assert proposal.cause == "catalogue" and proposal.cause_detail["modules"] == ["STL-1"]
    assert steps_by_module(proposal)["STL-1"].hours == 12


def test_the_print_shows_the_agreement_and_that_a_proposal_waits(client, auth, agreed, leader):
    mentor_assesses(agreed, leader)
    auth.login(agreed.email)
    page = client.get("/path/print").get_data(as_text=True)
    assert "versie 1" in page and "wacht een voorstel op een besluit: versie 2" in page
    assert "GED-1" not in page.split("<h2>Stappen</h2>", 1)[1]


def test_the_path_with_a_proposal_does_not_grow_with_the_history(
    client, auth, api_for, agreed, leader, query_counter
):
    from tests.paths.test_path_queries import fresh_request, measure

    mentor_assesses(agreed, leader)
    api = api_for(agreed)
    email, teacher_id = agreed.email, agreed.id

    def counts() -> list[int]:
        teacher = db.session.get(type(agreed), teacher_id)
        proposal = versions(teacher)[1]
        urls = ("/path", f"/path/versions/{proposal.version}", "/path/print")
        auth.login(email)
        result = [measure(client, query_counter, url) for url in urls]
        auth.logout()
        result.append(measure(client, query_counter, "/api/v1/me/path", api.headers))
        return result

    before = counts()
    teacher = db.session.get(type(agreed), teacher_id)
    for gedrag in (2, 1, 2, 1):  # proposals accepted one after another
        service.accept_proposal(teacher)
        db.session.commit()
        mentor_assesses(teacher, leader, gedrag=gedrag)
    assert len(service.path_versions(teacher)) == 6
    assert versions(teacher)[1] is not None
    fresh_request()
    assert counts() == before


def test_a_school_profile_change_is_a_proposal_naming_the_school(agreed):
    agreed.school.budget_hours_per_year = 60
    service.replan_if_planned(agreed, "school")
    db.session.commit()
    agreement, proposal = versions(agreed)
    assert agreement.version == 1 and proposal.cause == "school"
    assert proposal.cause_detail["by"] == agreed.school.name
    changes = proposal_changes(agreement, proposal)
    assert {"kind": "budget_hours_per_year", "from": 40, "to": 60} in changes
