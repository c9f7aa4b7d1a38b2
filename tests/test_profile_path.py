"""The learning path follows the teacher's profile: sector, phase and years."""

import sqlalchemy as sa

from planner.extensions import db
from planner.models import LearningPath
from planner.paths import assessing, service


def profile_form(user, **changes) -> dict:
    form = {
        "name": user.name,
        "locale": "nl",
        "sector": user.sector,
        "qualification": "qualified",
        "years_experience": str(user.years_experience),
        "study_years_left": "0",
        "phase_override": "",
    }
    form.update(changes)
    return form


def planned_teacher(make_school, make_user, make_catalogue):
    make_catalogue()
    teacher = make_user(school=make_school(), qualification="qualified", years_experience=0)
    assessment = assessing.start_draft(teacher, None)
    assessing.set_areas(assessment, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    assessing.complete(assessment)
    service.replan(teacher, "assessment")
    db.session.commit()
    return teacher


def versions(teacher) -> list[tuple[int, str, str]]:
    return db.session.execute(
        sa.select(LearningPath.version, LearningPath.cause, LearningPath.phase)
        .where(LearningPath.teacher_id == teacher.id)
        .order_by(LearningPath.version)
    ).all()


def test_a_new_phase_on_the_profile_plans_the_path_again(
    client, auth, make_school, make_user, make_catalogue
):
    teacher = planned_teacher(make_school, make_user, make_catalogue)
    auth.login(teacher.email)
    response = client.post(
        "/profile", data=profile_form(teacher, years_experience="5"), follow_redirects=True
    )
    assert "opnieuw gepland" in response.get_data(as_text=True)
    assert versions(teacher) == [(1, "assessment", "induction"), (2, "profile", "experienced")]


def test_a_new_name_leaves_the_path_as_it_is(client, auth, make_school, make_user, make_catalogue):
    teacher = planned_teacher(make_school, make_user, make_catalogue)
    auth.login(teacher.email)
    response = client.post("/profile", data=profile_form(teacher, name="Sanne de Wit"), follow_redirects=True)
    assert response.status_code == 200
    assert versions(teacher) == [(1, "assessment", "induction")]
