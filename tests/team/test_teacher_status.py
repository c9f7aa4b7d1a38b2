"""The status of a teacher on the leader's teacher page, and the POP the leader prints."""

from datetime import date, datetime

from planner.extensions import db
from planner.models import Role
from planner.models.paths import AssessedArea, Assessment, ModuleProgress
from planner.paths import service

EXPERIENCED = {"GEDRAG": 3, "KLAS": 4, "DIFF": 4, "LEZEN": 2, "OUDERS": 4}


def give_levels(teacher, levels, kind, assessor):
    db.session.add(
        Assessment(
            teacher=teacher,
            assessor=assessor,
            kind=kind,
            complete=True,
            completed_at=datetime(2026, 9, 2),
            areas=[AssessedArea(area_code=code, level=level) for code, level in levels.items()],
        )
    )
    db.session.commit()


def _status(page: str) -> str:
    return page[
        page.index('id="status-heading"') : page.index("</section>", page.index('id="status-heading"'))
    ]


def test_a_teacher_without_anything_yet(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers")
    auth.login("leader@example.org")
    status = _status(client.get(f"/school/teachers/{anna.id}").get_data(as_text=True))
    assert status.count("not yet done") == 2
    assert "no path yet" in status


def test_status_shows_assessments_the_path_and_the_teachers_words(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers", levels=EXPERIENCED)
    give_levels(anna, {"GEDRAG": 1, "KLAS": 4}, kind="mentor", assessor=leader)
    path = service.replan(anna, "assessment")
    service.accept_path(path)
    db.session.add_all(
        [
            ModuleProgress(
                teacher_id=anna.id,
                module_code=path.steps[0].module_code,
                status="done",
                on_date=date(2026, 10, 1),
                note="Portfolio with two lesson plans",
            ),
            ModuleProgress(
                teacher_id=anna.id, module_code="XYZ-1", status="skipped", note="Done at my former school"
            ),
        ]
    )
    db.session.commit()
    auth.login("leader@example.org")
    status = _status(client.get(f"/school/teachers/{anna.id}").get_data(as_text=True))
    assert "done on" in status
    assert "by Lotte Leider on" in status
    assert "accepted on" in status and "waits" not in status
    # Self 3 against mentor 1: a topic for the conversation.
    topics = status[status.index("Open conversation topics") : status.index("</dl>")]
    assert "<dd>Externalising behaviour (ADHD, ODD)</dd>" in topics
    assert "Portfolio with two lesson plans" in status
    assert "Done at my former school" in status


def test_a_proposal_beside_the_agreement_is_waiting(client, auth, leader, make_teacher):
    anna = make_teacher("Anna Aalbers", levels=EXPERIENCED)
    service.accept_path(service.replan(anna, "assessment"))
    db.session.commit()
    give_levels(anna, {"GEDRAG": 1}, kind="mentor", assessor=leader)
    service.replan(anna, "mentor")
    db.session.commit()
    auth.login("leader@example.org")
    status = _status(client.get(f"/school/teachers/{anna.id}").get_data(as_text=True))
    assert "waits for the teacher" in status and "accepted on" in status


def test_the_leader_prints_the_pop_of_their_teacher_only(
    client, auth, leader, team_leader, make_teacher, make_school, make_user
):
    anna = make_teacher("Anna Aalbers", team=0, levels=EXPERIENCED)
    service.replan(anna, "assessment")
    db.session.commit()
    auth.login("leader@example.org")
    page = client.get(f"/school/teachers/{anna.id}/print")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Anna Aalbers" in text and f'href="/school/teachers/{anna.id}"' in text
    auth.logout()
    # The team leader leads the other team.
    auth.login("tl@example.org")
    assert client.get(f"/school/teachers/{anna.id}/print").status_code == 404
    auth.logout()
    other = make_school(name="De Linde", sector="po")
    make_user(role=Role.LEADER, email="other@example.org", school=other)
    auth.login("other@example.org")
    assert client.get(f"/school/teachers/{anna.id}/print").status_code == 404
    auth.logout()
    make_teacher("Bram Bos", email="bram@example.org")
    auth.login("bram@example.org")
    assert client.get(f"/school/teachers/{anna.id}/print").status_code == 403
