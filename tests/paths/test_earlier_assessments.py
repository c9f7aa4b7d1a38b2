"""Earlier self-assessments: each listed once beside the latest, each opens on a page of its
own with its levels; another's, a draft or a mentor's assessment answers 404."""

import re
from datetime import datetime

from planner.models import Role
from planner.paths import assessing
from tests.paths.conftest import SMALL_AREAS, assess


def test_the_results_page_lists_each_earlier_assessment_once_and_opens_it(client, auth, teacher):
    first = assess(teacher, dict.fromkeys(SMALL_AREAS, 1), completed_at=datetime(2024, 9, 2, 10, 0))
    second = assess(teacher, dict.fromkeys(SMALL_AREAS, 2), completed_at=datetime(2024, 9, 2, 15, 0))
    latest = assess(teacher, {"STELSEL": 3, "PLAN": 3, "GEDRAG": 4})
    auth.login("teacher@example.org")
    page = client.get("/assessment/results").get_data(as_text=True)
    links = re.findall(r'href="/assessment/results/(\d+)"', page)
    assert links == [str(second.id), str(first.id)]
    assert str(latest.id) not in links
    opened = client.get(f"/assessment/results/{first.id}")
    text = opened.get_data(as_text=True)
    assert opened.status_code == 200 and "2 september 2024" in text
    assert text.count("1 · ") == len(SMALL_AREAS)


def test_another_teachers_or_a_mentors_assessment_is_not_found(client, auth, teacher, make_user, school):
    other = make_user(email="other@example.org", school=school, qualification="qualified", years_experience=0)
    theirs = assess(other, dict.fromkeys(SMALL_AREAS, 2))
    mentor = make_user(role=Role.LEADER, email="boss@example.org", school=school)
    by_mentor = assessing.record_mentor_assessment(teacher, mentor, dict.fromkeys(SMALL_AREAS, 2))
    draft = assessing.start_draft(teacher, None)
    auth.login("teacher@example.org")
    for assessment in (theirs, by_mentor, draft):
        assert client.get(f"/assessment/results/{assessment.id}").status_code == 404
