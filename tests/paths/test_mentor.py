"""The leader's view of a teacher and the mentor assessment beside the self-assessment."""

import re

import pytest

from planner.extensions import db
from planner.models.paths import Assessment
from planner.paths import assessing, service
from tests.paths.conftest import assess, count, current, steps_by_module


@pytest.fixture
def as_leader(client, auth, leader):
    auth.login(leader.email)
    return leader


def table_cells(html: str) -> dict[str, tuple[list[str], bool]]:
    """Area name -> (the cells after the name, marked) from the comparison table: stands
    at, set by, self, mentor, observed, target, note."""
    body = html.split('<table class="compact comparison">', 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for cls, cells in re.findall(r'<tr class="([^"]*)">(.*?)</tr>', body, re.S):
        values = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", cells, re.S)]
        rows[values[0]] = (values[1:], cls == "topic")
    return rows


def comparison_rows(html: str) -> dict[str, tuple]:
    """Area name -> (self, mentor, target, marked)."""
    return {name: (v[2], v[3], v[5], marked) for name, (v, marked) in table_cells(html).items()}


def standing_rows(html: str) -> dict[str, tuple]:
    """Area name -> (stands at, set by, observed)."""
    return {name: (v[0], v[1], v[4]) for name, (v, _marked) in table_cells(html).items()}


def test_the_mentor_form_needs_every_level(client, as_leader, teacher):
    url = f"/school/teachers/{teacher.id}/assessment"
    page = client.get(url).get_data(as_text=True)
    for code in ("STELSEL", "PLAN", "GEDRAG"):
        assert f'name="level_{code}"' in page
    response = client.post(url, data={"level_STELSEL": "2", "level_PLAN": "9"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<fieldset class="area has-error" id="area-GEDRAG">' in page
    assert '<fieldset class="area has-error" id="area-PLAN">' in page
    assert '<fieldset class="area" id="area-STELSEL">' in page
    assert count(Assessment, kind="mentor") == 0


def test_mentor_assessment_side_by_side_with_differences_of_two_marked(client, as_leader, teacher):
    assess(teacher, {"STELSEL": 4, "PLAN": 2, "GEDRAG": 1})
    response = client.post(
        f"/school/teachers/{teacher.id}/assessment",
        data={"level_STELSEL": "2", "level_PLAN": "3", "level_GEDRAG": "3"},
    )
    assert response.headers["Location"].endswith(f"/school/teachers/{teacher.id}")
    mentor = service.latest_assessment(teacher, "mentor")
    assert mentor.assessor_id == as_leader.id and mentor.complete
    assert mentor.levels == {"STELSEL": 2, "PLAN": 3, "GEDRAG": 3}
    # The teacher's own assessment is untouched.
    assert service.latest_assessment(teacher).levels == {"STELSEL": 4, "PLAN": 2, "GEDRAG": 1}

    page = client.get(f"/school/teachers/{teacher.id}").get_data(as_text=True)
    assert comparison_rows(page) == {
        "Stelsel": ("4", "2", "2", True),
        "Planmatig werken": ("2", "3", "3", False),
        "Gedrag": ("1", "3", "2", True),
    }
    assert as_leader.name in page
    chart = page.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]
    assert chart.count("mark mentor at-") == 3
    assert chart.count('<li class="chart-row topic">') == 2
    # The path of the teacher is shown too; PLN-1 is not in it, as the teacher stands at
    # the level it brings.
    for code in ("GED-1", "PLN-2"):
        assert code in page


def test_the_teacher_sees_the_comparison_too(client, auth, leader, teacher):
    assess(teacher, {"STELSEL": 4, "PLAN": 2, "GEDRAG": 1})
    assessing.record_mentor_assessment(teacher, leader, {"STELSEL": 4, "PLAN": 2, "GEDRAG": 3})
    db.session.commit()
    auth.login(teacher.email)
    page = client.get("/assessment/results").get_data(as_text=True)
    rows = comparison_rows(page)
    assert rows["Gedrag"] == ("1", "3", "2", True)
    assert rows["Stelsel"][3] is False


def test_the_mentor_form_starts_from_the_previous_mentor_assessment(client, as_leader, teacher):
    client.post(
        f"/school/teachers/{teacher.id}/assessment",
        data={"level_STELSEL": "2", "level_PLAN": "3", "level_GEDRAG": "4"},
    )
    page = client.get(f"/school/teachers/{teacher.id}/assessment").get_data(as_text=True)
    assert re.search(
        r'<input checked id="level_GEDRAG-\d" name="level_GEDRAG" required type="radio" value="4"', page
    )
    client.post(
        f"/school/teachers/{teacher.id}/assessment",
        data={"level_STELSEL": "2", "level_PLAN": "3", "level_GEDRAG": "2"},
    )
    assert count(Assessment, kind="mentor") == 2
    assert service.latest_assessment(teacher, "mentor").levels["GEDRAG"] == 2


def test_the_teacher_page_before_any_assessment(client, as_leader, teacher):
    response = client.get(f"/school/teachers/{teacher.id}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'href="/school/teachers/{teacher.id}/assessment"' in page
    assert '<figure class="chart"' not in page


def test_a_mentor_assessment_plans_the_path_again_from_the_lower_level(client, as_leader, teacher):
    assess(teacher, {"STELSEL": 2, "PLAN": 3, "GEDRAG": 3})
    assert "GED-1" not in steps_by_module(current(teacher))
    response = client.post(
        f"/school/teachers/{teacher.id}/assessment",
        data={"level_STELSEL": "2", "level_PLAN": "3", "level_GEDRAG": "1"},
        follow_redirects=True,
    )
    assert "opnieuw gepland" in response.get_data(as_text=True)
    path = current(teacher)
    assert (path.version, path.cause, path.levels["GEDRAG"]) == (2, "mentor", 1)
    assert "GED-1" in steps_by_module(path)


def test_a_mentor_assessment_before_the_first_path_plans_nothing(client, as_leader, teacher):
    client.post(
        f"/school/teachers/{teacher.id}/assessment",
        data={"level_STELSEL": "2", "level_PLAN": "3", "level_GEDRAG": "1"},
    )
    assert current(teacher) is None
