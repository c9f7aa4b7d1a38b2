"""A student teacher's path follows their programme: compulsory modules as fixed steps in
their study years, electives only from the programme."""

from planner.extensions import db
from planner.paths import assessing, service
from tests.institute.conftest import add_programme


def test_a_student_path_takes_the_compulsory_modules_of_the_study_years_ahead(
    catalogue, institutes, make_school, make_user
):
    # Study year 3 of 4: STL-1 (year 1) is behind, PLN-1 (year 3) ahead, GED-1 an elective.
    programme = add_programme(institutes["own"], years={1: (["STL-1"], []), 3: (["PLN-1"], ["GED-1"])})
    db.session.commit()
    student = make_user(
        school=make_school(),
        qualification="student",
        study_years_left=2,
        institute=institutes["own"],
    )
    student.programme = programme
    assessment = assessing.start_draft(student, None)
    assessing.set_areas(assessment, {"STELSEL": 0, "PLAN": 0, "GEDRAG": 0})
    assessing.complete(assessment)

    path = service.replan(student, "assessment")
    db.session.commit()

    steps = {step.module_code: step for step in path.steps}
    assert "STL-1" not in steps  # behind the student: counted as done
    assert (steps["PLN-1"].school_year, steps["PLN-1"].phase) == (1, "initial")
    assert steps["PLN-1"].reasons[0]["kind"] == "programme"
    # The elective of the programme closes the behaviour gap of the initial target.
    assert steps["GED-1"].phase == "initial"
    assert "programme" not in {reason["kind"] for reason in steps["GED-1"].reasons}
