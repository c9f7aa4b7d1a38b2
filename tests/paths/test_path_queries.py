"""The number of SQL statements of the path pages and the API does not grow with the size
of the catalogue, nor with the teacher's history."""

from collections import Counter
from datetime import date
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from flask import g

from planner.catalogue.interchange import import_document
from planner.extensions import db
from planner.models import User
from planner.models.paths import PathStep
from planner.paths import assessing, service
from tests.conftest import small_document
from tests.paths.conftest import SMALL_AREAS, assess, current

EXTRA_AREAS = ("STELSEL", "PLAN", "GEDRAG")


def bigger_document(extra: int = 300) -> dict:
    """The small catalogue with ``extra`` longer modules in the same three areas.

    They are too long to be chosen over the small catalogue's modules, so the path stays
    the same, but they are alternatives to its steps and make the catalogue large.
    """
    document = small_document()
    for index in range(extra):
        area = EXTRA_AREAS[index % 3]
        level = 2 + index % 2
        requires = [f"X{index - 3:03d}"] if index >= 3 and index % 4 else []
        document["modules"].append(
            {
                "code": f"X{index:03d}",
                "title": {"nl": f"Extra module {index}", "en": f"Extra module {index}"},
                "provider": {
                    "code": f"XP{index % 5}",
                    "name": f"Extra aanbieder {index % 5}",
                    "kind": "external",
                },
                "hours": 60 + index % 20,
                "cost_eur": 100,
                "format": "training-multi-day",
                "phases": ["induction", "experienced"],
                "sectors": ["po", "vo", "mbo", "go"],
                "outcomes": {area: level, EXTRA_AREAS[(index + 1) % 3]: 1},
                "requires": {"modules": requires, "levels": {area: 1} if level == 3 else {}},
            }
        )
    return document


TEACHER_URLS = ["/", "/path", "/path/versions/1", "/path/print", "/assessment/results"]


def measure(client, counter, url: str, headers=None) -> int:
    """The statements of one request as in production: with an empty session.

    The test's app context outlives the requests, and with it the session and the user
    Flask-Login keeps in ``g``; left in place, the objects of the warm-up request would
    hide the queries of the measured one.
    """
    client.get(url, headers=headers)  # warm up: e.g. the first request after login
    fresh_request()
    counter.reset()
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    fresh_request()
    return counter.count


def fresh_request() -> None:
    db.session.remove()
    g.pop("_login_user", None)
    g.pop("api_user", None)


def repeated(statements: list[str]) -> dict[str, int]:
    return {s: n for s, n in Counter(statements).items() if n > 1}


@pytest.fixture
def situation(client, auth, api_for, teacher, leader):
    """A teacher with two assessments, a mentor assessment, progress and three path versions."""
    assess(
        teacher,
        dict.fromkeys(SMALL_AREAS, 1),
        wishes=["GEDRAG"],
        class_context={"class_size": 26, "support_need": 9, "extra_support_need": 5},
    )
    assessing.record_mentor_assessment(teacher, leader, {"STELSEL": 1, "PLAN": 2, "GEDRAG": 1})
    assessing.record_observation(teacher, leader, date(2026, 9, 1), {"GEDRAG": 1})
    db.session.commit()
    assess(teacher, dict.fromkeys(SMALL_AREAS, 1))
    api = api_for(teacher)
    ged = next(s for s in current(teacher).steps if s.module_code == "GED-1")
    assert api.patch(f"/api/v1/me/path/steps/{ged.id}", {"status": "in_progress"}).status_code == 200
    # Measuring closes the session: keep plain values, not the objects.
    return SimpleNamespace(id=teacher.id, email=teacher.email, leader_email=leader.email, api=api)


def replan_and_steps(teacher_id: int, afresh: bool = False) -> list[tuple]:
    """Plan again; ``afresh`` plans the last version again as new, so that it shows the
    alternatives of the catalogue as it is now (a re-plan that changes nothing else
    adds no version)."""
    teacher = db.session.get(User, teacher_id)
    if afresh:
        newest = service.path_versions(teacher)[0]
        db.session.execute(sa.delete(PathStep).where(PathStep.path_id == newest.id))
        db.session.delete(newest)
        db.session.flush()
    service.replan(teacher, "request")
    db.session.commit()
    return [(s.module_code, s.school_year, s.status) for s in current(teacher).steps]


def statements(client, auth, counter, who) -> dict[str, list[str]]:
    """The statements of each path page, the API and the leader's view of the teacher."""
    result = {}
    auth.login(who.email)
    for url in TEACHER_URLS:
        measure(client, counter, url)
        result[url] = list(counter.statements)
    auth.logout()
    measure(client, counter, "/api/v1/me/path", who.api.headers)
    result["api"] = list(counter.statements)
    auth.login(who.leader_email)
    measure(client, counter, f"/school/teachers/{who.id}")
    result["leader"] = list(counter.statements)
    auth.logout()
    return result


def test_teacher_pages_and_api_do_not_grow_with_the_catalogue(client, auth, situation, query_counter):
    before = replan_and_steps(situation.id)
    small = statements(client, auth, query_counter, situation)

    import_document(bigger_document(300))
    assert replan_and_steps(situation.id, afresh=True) == before  # the same path, larger catalogue
    large = statements(client, auth, query_counter, situation)

    auth.login(situation.email)
    assert "X00" in client.get("/path").get_data(as_text=True)  # extra modules as alternatives

    small_counts = {url: len(s) for url, s in small.items()}
    large_counts = {url: len(s) for url, s in large.items()}
    print("query counts:", small_counts)
    assert large_counts == small_counts, {url: repeated(s) for url, s in large.items()}
    assert all(count > 0 for count in small_counts.values())


@pytest.mark.parametrize("url", ["/path", "api"])
def test_the_path_reads_each_table_a_fixed_number_of_times(client, auth, situation, query_counter, url):
    """The statements themselves: nothing is loaded per module or per step."""
    import_document(bigger_document(300))
    replan_and_steps(situation.id, afresh=True)
    read = statements(client, auth, query_counter, situation)[url]
    tables = Counter(s.split(" FROM ", 1)[1].split()[0] for s in read if s.startswith("SELECT"))
    assert max(tables.values()) <= 2, tables
    assert tables["path_steps"] == 1, tables
    assert len(read) <= 15, read


def test_pages_do_not_grow_with_the_history(client, auth, situation, query_counter):
    """More self-assessments, mentor assessments, observations and path versions: still the
    same statements per page."""
    before = statements(client, auth, query_counter, situation)
    teacher = db.session.get(User, situation.id)
    leader = db.session.scalar(sa.select(User).where(User.email == situation.leader_email))
    for level in (2, 3, 2, 3):
        assess(teacher, dict.fromkeys(SMALL_AREAS, level))
        assessing.record_mentor_assessment(teacher, leader, dict.fromkeys(SMALL_AREAS, level - 1))
        assessing.record_observation(teacher, leader, date(2026, 10, level), {"PLAN": level, "GEDRAG": 0})
    db.session.commit()
    assert len(service.assessments(teacher)) == 6
    after = statements(client, auth, query_counter, situation)
    before_counts = {url: len(s) for url, s in before.items()}
    after_counts = {url: len(s) for url, s in after.items()}
    assert after_counts == before_counts, {url: repeated(s) for url, s in after.items()}


def test_a_step_change_does_not_grow_with_the_catalogue(client, situation, query_counter):
    """Planning again reads the catalogue in a fixed number of statements."""

    def change() -> int:
        teacher = db.session.get(User, situation.id)
        step = next(s for s in current(teacher).steps if s.module_code == "GED-1")
        fresh_request()
        query_counter.reset()
        status = "planned" if step.status == "in_progress" else "in_progress"
        response = client.patch(
            f"/api/v1/me/path/steps/{step.id}", json={"status": status}, headers=situation.api.headers
        )
        assert response.status_code == 200, response.get_json()
        fresh_request()
        return query_counter.count

    small = [change(), change()]
    import_document(bigger_document(300))
    replan_and_steps(situation.id)
    large = [change(), change()]
    print("step change:", small, large)
    assert large == small
