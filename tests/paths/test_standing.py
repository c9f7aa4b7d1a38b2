"""One notion of where a teacher stands: the lowest of self, mentor and observation, raised
by done modules, the same for the planner's input, the start page, the chart and its table."""

import re
from datetime import date

import pytest

from planner.domain.assessment import Standing
from planner.extensions import db
from planner.models.paths import ModuleProgress
from planner.paths import assessing
from planner.paths.levels import teacher_levels
from tests.paths.conftest import assess
from tests.paths.test_mentor import standing_rows


def done(teacher, code, on=date(2026, 9, 20)):
    db.session.add(ModuleProgress(teacher_id=teacher.id, module_code=code, status="done", on_date=on))
    db.session.commit()


@pytest.fixture
def sources(teacher, leader):
    """Self 3/3/3; the mentor sees planning at 1; a lesson showed behaviour at 1; the
    behaviour course is done since."""
    assess(teacher, {"STELSEL": 3, "PLAN": 3, "GEDRAG": 3})
    assessing.record_mentor_assessment(teacher, leader, {"STELSEL": 3, "PLAN": 1, "GEDRAG": 2})
    assessing.record_observation(teacher, leader, date(2026, 9, 1), {"GEDRAG": 1})
    db.session.commit()
    done(teacher, "GED-1")  # brings behaviour to 2
    return teacher


def test_teacher_levels_name_the_source_of_each_level(sources, leader):
    levels, by_area, found = teacher_levels(sources)
    assert levels == {"STELSEL": 3, "PLAN": 1, "GEDRAG": 2}
    assert by_area == {
        "STELSEL": Standing(3, "self"),
        "PLAN": Standing(1, "mentor"),
        "GEDRAG": Standing(2, "module", "GED-1"),
    }
    assert found.latest.levels["PLAN"] == 3 and found.mentor.assessor_id == leader.id
    assert found.observed_levels == {"GEDRAG": 1}


def test_without_a_self_assessment_the_other_sources_still_count(teacher, leader):
    assessing.record_observation(teacher, leader, date(2026, 9, 1), {"GEDRAG": 0})
    db.session.commit()
    levels, by_area, found = teacher_levels(teacher)
    assert levels == {"GEDRAG": 0} and by_area["GEDRAG"].source == "observation"
    assert found.latest is None and found.own == []


def test_skipped_and_started_modules_raise_nothing(teacher, leader):
    assess(teacher, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    db.session.add(ModuleProgress(teacher_id=teacher.id, module_code="GED-1", status="in_progress"))
    db.session.add(ModuleProgress(teacher_id=teacher.id, module_code="STL-1", status="skipped"))
    db.session.commit()
    assert teacher_levels(teacher)[0] == {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1}


def test_the_table_shows_every_source_and_what_set_the_level(client, auth, sources):
    auth.login(sources.email)
    page = client.get("/assessment/results").get_data(as_text=True)
    assert standing_rows(page) == {
        "Stelsel": ("3", "zelfbeoordeling", "–"),
        "Planmatig werken": ("1", "begeleider: Lies Leider", "–"),
        "Gedrag": ("2", "afgerond: GED-1 Gedrag in de klas", "1"),
    }
    chart = page.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]
    titles = dict(re.findall(r'title="([^:"]+): ([^"]*)"', chart))
    assert titles["Gedrag"] == "staat op 2, zelf 3, begeleider 2, geobserveerd 1, doel 2"
    # The bar is where the teacher stands, and counts as reached at the target.
    assert len(re.findall(r'class="bar to-\d reached"', chart)) == 2
    for key in ("self", "mentor", "observed", "target", "bar", "bar reached"):
        assert f'<span class="key {key}">' in page
    assert '<span class="key previous">' not in page  # no earlier self-assessment


def test_the_start_page_counts_progress_from_where_the_teacher_stands(client, auth, sources):
    auth.login(sources.email)
    page = client.get("/").get_data(as_text=True)
    # Self 3 everywhere would reach all three targets; the mentor's 1 in planning does not.
    assert re.search(r"<strong>2</strong> / 3", page)
    gap = re.search(r"<li>Planmatig werken: 1 → 3(.*?)</li>", page, re.S)
    assert gap and "begeleider: Lies Leider" in gap.group(1) and "zelf 3, begeleider 1" in gap.group(1)


def test_the_leader_sees_the_same_standing(client, auth, sources, leader):
    auth.login(leader.email)
    page = client.get(f"/school/teachers/{sources.id}").get_data(as_text=True)
    assert standing_rows(page)["Planmatig werken"] == ("1", "begeleider: Lies Leider", "–")
