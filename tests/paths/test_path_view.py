"""The path page keeps what it renders of a path version; every change the teacher should
see shows on the next request: progress, an accepted proposal, a catalogue change, another
language, a name erased."""

import re

import pytest
from flask import g

import planner.paths.path_view as kept
from planner.auth.erasure import erase
from planner.catalogue.service import retire_module
from planner.extensions import db
from planner.models import Module
from planner.paths import assessing, service
from planner.paths.forms import PlainForm
from tests.paths.conftest import assess, current, steps_by_module
from tests.paths.test_path_pages import card, cards_by_module


@pytest.fixture
def logged_in(client, auth, planned):
    auth.login(planned.email)
    return planned


def page(client) -> str:
    response = client.get("/path")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def timeline_of(html: str) -> str:
    return html[html.index('<figure class="timeline">') : html.index("</figure>")]


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrf_token" value="[^"]*"', "", html)


def test_a_version_is_rendered_once(client, logged_in, monkeypatch):
    first = page(client)
    built = []
    build = kept.build
    monkeypatch.setattr(kept, "build", lambda *args: built.append(args) or build(*args))
    assert without_tokens(page(client)) == without_tokens(first)
    assert built == []
    assert "<summary>Deze stap bijwerken</summary>" in first


def test_a_step_update_shows_at_once(client, logged_in):
    before = page(client)
    assert cards_by_module(before)["GED-1"] == "planned"
    step = steps_by_module(current(logged_in))["GED-1"]
    client.post(f"/path/steps/{step.id}", data={"action": "start"})
    after = page(client)
    assert cards_by_module(after)["GED-1"] == "in_progress"
    started = steps_by_module(current(logged_in))["GED-1"]
    assert '<span class="tag in_progress">bezig</span>' in card(after, started.id)
    assert 'class="step in_progress' in timeline_of(after)
    assert 'class="step in_progress' not in timeline_of(before)


def test_an_accepted_proposal_shows_at_once(client, auth, teacher, leader):
    assess(teacher, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 2})
    service.accept_path(current(teacher))
    db.session.commit()
    auth.login(teacher.email)
    assert "GED-1" not in cards_by_module(page(client))
    # The mentor sees behaviour lower: a proposal with a behaviour step beside the agreement.
    assessing.record_mentor_assessment(teacher, leader, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    db.session.flush()
    service.replan_if_planned(teacher, "mentor")
    db.session.commit()
    offered = page(client)
    assert 'id="proposal"' in offered and "GED-1" not in cards_by_module(offered)
    client.post("/path/proposal/accept")
    accepted = page(client)
    assert 'id="proposal"' not in accepted
    assert "GED-1" in cards_by_module(accepted) and "GED-1" in timeline_of(accepted)


def test_a_renamed_module_shows_at_once(client, logged_in):
    step = steps_by_module(current(logged_in))["PLN-1"]
    assert "Hernoemde module" not in page(client)
    module = db.session.scalar(db.select(Module).where(Module.code == "PLN-1"))
    module.title_nl = "Hernoemde module"
    db.session.commit()
    after = page(client)
    assert "PLN-1 Hernoemde module" in card(after, step.id)
    assert "PLN-1 Hernoemde module" in timeline_of(after)


def test_a_withdrawn_module_is_marked_at_once(client, logged_in):
    step = steps_by_module(current(logged_in))["PLN-2"]
    assert 'class="tag warn mark"' not in page(client)
    retire_module(db.session.scalar(db.select(Module).where(Module.code == "PLN-2")))
    db.session.commit()
    assert "uit de catalogus gehaald" in card(page(client), step.id)


def forget_language() -> None:
    """The test's app context outlives its requests, and Flask-Babel keeps the language of
    the first request in its ``g``; a new request in production starts without it."""
    g.pop("_flask_babel", None)


def test_another_language_shows_at_once(client, logged_in):
    step = steps_by_module(current(logged_in))["PLN-2"]
    dutch = page(client)
    assert "Brengt Planmatig werken van niveau 2 naar 3" in card(dutch, step.id)
    client.post("/language", data={"locale": "en"})
    forget_language()
    english = page(client)
    assert "Brings" in card(english, step.id) and "Brengt" not in english
    assert "Timeline of the learning path" in english
    client.post("/language", data={"locale": "nl"})
    forget_language()
    assert without_tokens(page(client)) == without_tokens(dutch)


def test_an_erased_mentor_leaves_the_steps_at_once(client, auth, teacher, leader, make_user):
    assess(teacher, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 2}, plan=False)
    assessing.record_mentor_assessment(teacher, leader, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    db.session.flush()
    service.replan(teacher, "mentor")
    db.session.commit()
    auth.login(teacher.email)
    step = steps_by_module(current(teacher))["GED-1"]
    assert "je mentor Lies Leider" in card(page(client), step.id)
    erase(leader)
    assert "Lies Leider" not in card(page(client), step.id)


def test_the_forms_without_fields_carry_the_token_as_a_form_would(app, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    with app.test_request_context("/path"):
        drawn = str(kept.TokenOnly().csrf_token)
        assert drawn == str(PlainForm().csrf_token) and 'value="' in drawn
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)
    with app.test_request_context("/path"):
        assert str(kept.TokenOnly().csrf_token) == ""
