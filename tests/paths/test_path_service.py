"""The service around the planner: which levels it plans from, what it keeps per version."""

from datetime import date, timedelta

import pytest

from planner.catalogue.service import area_codes, current_framework
from planner.extensions import db
from planner.models.paths import Assessment, LearningPath
from planner.paths import assessing, service
from planner.paths.progress import StepRefused, change_step
from tests.paths.conftest import SMALL_AREAS, assess, count, current, steps_by_module


@pytest.fixture
def in_request(app):
    """Refusals are worded in the interface language, which needs a request."""
    with app.test_request_context():
        yield


def requirements_met_before(path) -> list[str]:
    """Problems with the order of the path: a required module planned in the same or a later period."""
    steps = steps_by_module(path)
    problems = []
    for step in path.steps:
        if step.status in ("done", "skipped"):
            continue
        for code in step.requires:
            before = steps.get(code)
            if before is None or before.status == "skipped":
                problems.append(f"{step.module_code} requires {code}, which is not in the path")
            elif before.status != "done" and (before.last_school_year, before.last_period) >= (
                step.school_year,
                step.period,
            ):
                problems.append(
                    f"{step.module_code} in year {step.school_year}/{step.period} requires {code} "
                    f"ending in year {before.last_school_year}/{before.last_period}"
                )
    return problems


def test_a_first_assessment_plans_version_one_in_requirement_order(planned):
    path = current(planned)
    assert path.version == 1 and path.cause == "assessment" and path.accepted_at is None
    steps = steps_by_module(path)
    assert set(steps) == {"STL-1", "PLN-1", "PLN-2", "GED-1"}
    assert {s.status for s in path.steps} == {"planned"}

    def start(code):
        return (steps[code].school_year, steps[code].period)

    assert start("STL-1") < start("PLN-1") < start("PLN-2")
    assert steps["PLN-2"].requires == ["PLN-1"]
    assert requirements_met_before(path) == []
    assert [s.position for s in path.steps] == list(range(len(path.steps)))
    assert path.budget_hours_per_year == service.DEFAULT_BUDGET_HOURS == 40
    assert path.phase == "induction" and path.sector == "po"


def test_reached_levels_are_not_planned_again(teacher):
    assess(teacher, {"STELSEL": 2, "PLAN": 1, "GEDRAG": 4})
    steps = steps_by_module(current(teacher))
    assert "GED-1" not in steps
    # PLN-1 requires STL-1 by name, but the teacher stands at the level STL-1 brings.
    assert "STL-1" not in steps
    assert steps["PLN-1"].requires == []


def test_a_required_module_whose_level_is_missing_is_planned_for_the_later_step(teacher):
    assess(teacher, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 4})
    steps = steps_by_module(current(teacher))
    assert [r["kind"] for r in steps["STL-1"].reasons] == ["gap", "prerequisite"]


def test_the_shipped_catalogue_gives_a_path_in_requirement_order(
    make_catalogue, shipped_document, make_user, school
):
    make_catalogue(shipped_document)
    teacher = make_user(school=school, years_experience=1, qualification="qualified")
    assess(teacher, dict.fromkeys(area_codes(current_framework()), 1))
    path = current(teacher)
    assert len(path.steps) > 5
    assert requirements_met_before(path) == []
    codes = [s.module_code for s in path.steps]
    assert len(codes) == len(set(codes))
    for year in {s.school_year for s in path.steps}:
        single = [
            s
            for s in path.steps
            if s.school_year == s.last_school_year == year
            and not s.needs_facilitation
            and s.phase != "initial"
        ]
        assert sum(s.hours for s in single) <= path.budget_hours_per_year


def test_the_school_budget_overrides_the_default(teacher, school):
    school.budget_hours_per_year = 12
    db.session.commit()
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    path = current(teacher)
    assert path.budget_hours_per_year == 12
    # PLN-2 (24 hours) does not fit a school year of 12 hours: it is not stretched over
    # two years but marked as needing facilitation for the hours above the budget.
    pln2 = steps_by_module(path)["PLN-2"]
    assert pln2.last_school_year == pln2.school_year
    assert pln2.needs_facilitation and pln2.facilitation_hours == 12


def test_a_lower_mentor_level_puts_the_module_in_the_path(teacher, leader):
    assess(teacher, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 3})
    assert "GED-1" not in steps_by_module(current(teacher))
    assessing.record_mentor_assessment(teacher, leader, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 1})
    db.session.commit()
    path = service.replan(teacher, "request")
    db.session.commit()
    assert path.levels == {"STELSEL": 2, "PLAN": 3, "GEDRAG": 1}
    assert "GED-1" in steps_by_module(current(teacher))


def test_a_higher_mentor_level_does_not_lift_the_teacher(teacher, leader):
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1), plan=False)
    assessing.record_mentor_assessment(teacher, leader, dict.fromkeys(SMALL_AREAS, 3))
    db.session.commit()
    path = service.replan(teacher, "request")
    assert path.levels == dict.fromkeys(SMALL_AREAS, 1)
    assert "GED-1" in steps_by_module(path)


def test_only_complete_assessments_count(teacher):
    first = assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    draft = assessing.start_draft(teacher, first)
    assessing.set_areas(draft, {"GEDRAG": 5})
    db.session.commit()
    assert service.latest_assessment(teacher).id == first.id
    assert service.replan(teacher, "request").levels["GEDRAG"] == 1


def test_conversation_topics_are_differences_of_two_or_more():
    own, mentor = Assessment(kind="self"), Assessment(kind="mentor")
    assessing.set_areas(own, {"STELSEL": 4, "PLAN": 2, "GEDRAG": 1})
    assessing.set_areas(mentor, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 4})
    assert assessing.conversation_topics(own, mentor) == {"STELSEL", "GEDRAG"}
    assert assessing.conversation_topics(own, None) == set()


def test_progress_adds_a_version_and_keeps_the_old_one_as_it_was(planned):
    first = current(planned)
    ged = steps_by_module(first)["GED-1"]
    second = change_step(planned, first, ged, "in_progress")
    db.session.commit()
    assert second.version == 2 and second.cause == "progress"
    assert steps_by_module(second)["GED-1"].status == "in_progress"
    old = service.path_version(planned, 1)
    assert steps_by_module(old)["GED-1"].status == "planned"
    assert count(LearningPath, teacher_id=planned.id) == 2


def test_a_step_of_an_earlier_version_is_refused(planned, in_request):
    first = current(planned)
    stale = steps_by_module(first)["GED-1"]
    change_step(planned, first, steps_by_module(first)["STL-1"], "in_progress")
    db.session.commit()
    with pytest.raises(StepRefused) as refused:
        change_step(planned, current(planned), stale, "done")
    assert refused.value.field == "id"


@pytest.mark.parametrize(
    ("start", "to", "field"),
    [
        ("done", "planned", "status"),
        ("done", "skipped", "status"),
        ("skipped", "done", "status"),
        ("planned", "skipped", "reason"),
    ],
)
def test_refused_transitions(planned, in_request, start, to, field):
    path = current(planned)
    step = steps_by_module(path)["GED-1"]
    if start != "planned":
        path = change_step(planned, path, step, start, note="geen tijd")
        db.session.commit()
        step = steps_by_module(path)["GED-1"]
    with pytest.raises(StepRefused) as refused:
        change_step(planned, path, step, to)
    assert refused.value.field == field


def test_a_done_date_in_the_future_is_refused(planned, in_request):
    path = current(planned)
    with pytest.raises(StepRefused) as refused:
        change_step(
            planned, path, steps_by_module(path)["GED-1"], "done", on_date=date.today() + timedelta(days=1)
        )
    assert refused.value.field == "on_date"


def test_replanning_keeps_done_and_in_progress(planned):
    path = current(planned)
    path = change_step(
        planned,
        path,
        steps_by_module(path)["STL-1"],
        "done",
        on_date=date.today() - timedelta(days=3),
        note="certificaat",
    )
    path = change_step(planned, path, steps_by_module(path)["GED-1"], "in_progress")
    db.session.commit()
    # A new self-assessment: the recorded progress stays in the new version.
    assess(planned, {"STELSEL": 1, "PLAN": 2, "GEDRAG": 1})
    path = current(planned)
    assert path.version == 4 and path.cause == "assessment"
    steps = steps_by_module(path)
    assert steps["STL-1"].status == "done"
    assert steps["STL-1"].reasons[0]["note"] == "certificaat"
    assert steps["GED-1"].status == "in_progress"
    assert requirements_met_before(path) == []


def test_accepting_carries_over_to_progress_but_not_to_a_new_assessment(planned):
    path = current(planned)
    service.accept_path(path)
    db.session.commit()
    path = change_step(planned, path, steps_by_module(path)["GED-1"], "in_progress")
    db.session.commit()
    assert path.accepted_at is not None
    assess(planned, {"STELSEL": 1, "PLAN": 2, "GEDRAG": 1})
    agreement, proposal = service.agreement_and_proposal(service.path_versions(planned))
    assert agreement.id == path.id and current(planned).id == path.id
    assert proposal.accepted_at is None and proposal.cause == "assessment"


def test_cannot_plan_without_sector_or_assessment(make_catalogue, make_user):
    make_catalogue()
    teacher = make_user(email="nosector@example.org")
    with pytest.raises(service.CannotPlan) as refused:
        service.replan(teacher, "request")
    assert refused.value.reason == "no-assessment"
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1), plan=False)
    with pytest.raises(service.CannotPlan) as refused:
        service.replan(teacher, "request")
    assert refused.value.reason == "no-sector"


def test_a_specialism_no_module_reaches_is_reported(make_catalogue, make_user, school):
    make_catalogue()
    teacher = make_user(school=school, years_experience=6, qualification="qualified")
    assert teacher.phase == "experienced"
    assess(teacher, dict.fromkeys(SMALL_AREAS, 3), specialisms=["GEDRAG"])
    path = current(teacher)
    assert path.targets["experienced"]["GEDRAG"] == 5
    unreachable = {(u["area"], u["target"]): u for u in path.unreachable}
    assert unreachable[("GEDRAG", 5)]["reason"] == "no-module"


def test_a_step_needed_twice_by_the_same_later_step_says_so_once(planned):
    reasons = steps_by_module(current(planned))["PLN-1"].reasons
    assert [r for r in reasons if r["kind"] == "prerequisite"] == [
        {
            "kind": "prerequisite",
            "area": None,
            "level": None,
            "target": None,
            "current": None,
            "module": "PLN-2",
            "phase": None,
            "source": None,
        }
    ]
