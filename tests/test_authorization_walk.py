"""Who may do what, for every route of the application.

``RULES`` names, for each endpoint and method in ``app.url_map``, the roles that may use
it and the kind of object its URL names. A route without an entry fails the build. For
each entry every role asks with an object of its own and with someone else's: a role that
may not gets 403 (or 401 in the API, a redirect to the login page on the web when not
logged in), a role that may gets its answer for its own object and 404 for another's.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from flask import g, url_for

from planner.auth import accounts
from planner.extensions import db
from planner.models import ApiToken, Provider, Role, SessionParticipant, StarterCoach, TeamSession
from planner.models.paths import Assessment
from planner.paths import service
from tests.conftest import PASSWORD
from tests.institute.conftest import add_programme
from tests.paths.conftest import SMALL_AREAS, assess

ANONYMOUS, TEACHER, LEADER, TEAM_LEADER, INSTITUTE, ADMIN = ROLES = (
    "anonymous",
    "teacher",
    "leader",
    "team_leader",
    "institute",
    "admin",
)
EVERYONE = frozenset(ROLES)
LOGGED_IN = EVERYONE - {ANONYMOUS}
LEADERS = frozenset({LEADER, TEAM_LEADER})
MISSING = 2_000_000_000


@dataclass(frozen=True)
class Rule:
    """``allowed`` roles get ``ok`` for their own object and ``other`` for someone else's;
    logged-in roles not allowed get ``denied``."""

    allowed: frozenset
    ok: int = 200
    object: str | None = None
    args: dict = field(default_factory=dict)
    other: int | dict = 404
    argument: str | None = None
    denied: int = 403


def web(*roles, **kwargs) -> Rule:
    return Rule(frozenset(roles), **kwargs)


PUBLIC = web(*EVERYONE)
# Logged in, the login page sends you on to the start page.
SIGNED_OUT = web(ANONYMOUS, denied=302)
# An administrator edits every module: "another's" is one that does not exist.
EDITORS_OTHER = {INSTITUTE: 403, ADMIN: 404}

RULES: dict[tuple[str, str], Rule] = {
    # Public pages and files.
    ("static", "GET"): web(*EVERYONE, args={"filename": "style.css"}),
    ("main.favicon", "GET"): web(*EVERYONE, ok=301),
    ("main.index", "GET"): web(*LOGGED_IN),
    ("main.set_language", "POST"): web(*EVERYONE, ok=400),
    ("auth.login", "GET"): SIGNED_OUT,
    ("auth.login", "POST"): SIGNED_OUT,
    ("auth.join", "GET"): PUBLIC,
    ("auth.join", "POST"): PUBLIC,
    ("auth.accept_invitation", "GET"): web(*EVERYONE, object="invitation"),
    ("auth.accept_invitation", "POST"): web(*EVERYONE, object="invitation"),
    ("catalogue.modules", "GET"): PUBLIC,
    ("catalogue.module", "GET"): web(*EVERYONE, args={"code": "GED-1"}),
    ("catalogue.areas", "GET"): PUBLIC,
    ("catalogue.area", "GET"): web(*EVERYONE, args={"code": "PLAN"}),
    ("catalogue.download", "GET"): web(*EVERYONE, args={"kind": "modules.csv"}),
    # Any account.
    ("auth.logout", "POST"): web(*LOGGED_IN, ok=302),
    ("auth.change_password", "GET"): web(*LOGGED_IN),
    ("auth.change_password", "POST"): web(*LOGGED_IN),
    ("auth.my_data", "GET"): web(*LOGGED_IN),
    ("auth.download_data", "GET"): web(*LOGGED_IN),
    ("auth.delete_account", "POST"): web(*LOGGED_IN, ok=400),
    ("auth.audit_log", "GET"): web(*LOGGED_IN),
    ("main.profile", "GET"): web(*LOGGED_IN),
    ("main.profile", "POST"): web(*LOGGED_IN),
    ("main.create_token", "POST"): web(TEACHER, LEADER, TEAM_LEADER, INSTITUTE, ok=302),
    ("main.delete_token", "GET"): web(*LOGGED_IN, object="token"),
    ("main.delete_token", "POST"): web(*LOGGED_IN, ok=302, object="token"),
    # The teacher's own assessment and path.
    ("paths.assessment", "GET"): web(TEACHER, ok=302),
    ("paths.assessment_page", "GET"): web(TEACHER, args={"page": "basis"}),
    ("paths.assessment_page", "POST"): web(TEACHER, ok=302, args={"page": "basis"}),
    ("paths.results", "GET"): web(TEACHER),
    ("paths.earlier_assessment", "GET"): web(TEACHER, object="assessment"),
    ("paths.path", "GET"): web(TEACHER),
    ("paths.path_version", "GET"): web(TEACHER, object="version"),
    ("paths.print_path", "GET"): web(TEACHER),
    ("paths.accept", "POST"): web(TEACHER, ok=302),
    ("paths.decide_proposal", "POST"): web(TEACHER, ok=302, args={"decision": "dismiss"}),
    ("paths.replan", "GET"): web(TEACHER),
    ("paths.replan", "POST"): web(TEACHER, ok=302),
    ("paths.step", "POST"): web(TEACHER, ok=400, object="step"),
    ("institute.consent", "POST"): web(TEACHER, ok=302),
    # A school's leaders; a team leader sees their own team.
    ("school.overview", "GET"): web(*LEADERS),
    ("school.overview", "POST"): web(*LEADERS),
    ("school.profile", "GET"): web(*LEADERS),
    ("school.profile", "POST"): web(LEADER),
    ("school.coverage", "GET"): web(*LEADERS),
    ("school.coverage", "POST"): web(LEADER),
    ("school.team_plan", "GET"): web(*LEADERS),
    ("school.team_plan", "POST"): web(*LEADERS, ok=302),
    ("school.peer_pairs", "GET"): web(*LEADERS),
    ("school.peer_pairs", "POST"): web(*LEADERS, ok=302),
    ("school.team", "GET"): web(*LEADERS),
    ("school.team_sessions", "GET"): web(*LEADERS),
    # The walk's small catalogue has no team format: nothing to schedule, for any leader
    # (tests/team/test_team_sessions.py schedules from the shipped catalogue).
    ("school.schedule_session", "GET"): web(*LEADERS, ok=404, args={"code": "GED-1"}),
    ("school.schedule_session", "POST"): web(*LEADERS, ok=404, args={"code": "GED-1"}),
    # Before its date the attendance is refused with a message on the page.
    ("school.team_session", "GET"): web(*LEADERS, object="session"),
    ("school.team_session", "POST"): web(*LEADERS, object="session"),
    ("school.cancel_session", "GET"): web(*LEADERS, object="session"),
    ("school.cancel_session", "POST"): web(*LEADERS, ok=302, object="session"),
    ("school.team_print", "GET"): web(*LEADERS),
    ("school.team_csv", "GET"): web(*LEADERS),
    ("school.team_xlsx", "GET"): web(*LEADERS),
    ("school.teacher", "GET"): web(*LEADERS, object="teacher"),
    ("school.mentor_assessment", "GET"): web(*LEADERS, object="teacher"),
    ("school.mentor_assessment", "POST"): web(*LEADERS, object="teacher"),
    ("school.observations", "GET"): web(*LEADERS, object="teacher"),
    ("school.new_observation", "GET"): web(*LEADERS, object="teacher"),
    ("school.new_observation", "POST"): web(*LEADERS, object="teacher"),
    ("admin.school_teacher", "GET"): web(*LEADERS, object="teacher"),
    ("admin.school_teacher_access", "POST"): web(
        *LEADERS, ok=302, object="teacher", args={"change": "sessions"}
    ),
    ("admin.school_teacher_reset", "POST"): web(*LEADERS, object="teacher"),
    ("admin.school_teacher_remove", "GET"): web(*LEADERS, object="teacher"),
    ("admin.school_join_code", "GET"): web(*LEADERS),
    ("admin.school_join_code", "POST"): web(*LEADERS, ok=302),
    ("admin.school_teacher_remove", "POST"): web(*LEADERS, ok=302, object="teacher"),
    # Institute staff, and the catalogue's editors.
    ("institute.index", "GET"): web(INSTITUTE),
    ("institute.new_programme", "GET"): web(INSTITUTE),
    ("institute.new_programme", "POST"): web(INSTITUTE),
    ("institute.programme", "GET"): web(INSTITUTE, object="programme"),
    ("institute.programme", "POST"): web(INSTITUTE, ok=302, object="programme"),
    ("institute.programme_json", "GET"): web(INSTITUTE, object="programme"),
    ("institute.programme_case_json", "GET"): web(INSTITUTE, object="programme"),
    ("institute.alumni", "GET"): web(INSTITUTE),
    ("institute.alumni_csv", "GET"): web(INSTITUTE),
    ("catalogue.new_module", "GET"): web(INSTITUTE, ADMIN),
    ("catalogue.new_module", "POST"): web(INSTITUTE, ADMIN, ok=400),
    # Modules are public: another provider's module is refused, not hidden.
    ("catalogue.edit_module", "GET"): web(INSTITUTE, ADMIN, object="module", other=EDITORS_OTHER),
    ("catalogue.edit_module", "POST"): web(INSTITUTE, ADMIN, ok=400, object="module", other=EDITORS_OTHER),
    ("catalogue.retire_module", "GET"): web(INSTITUTE, ADMIN, object="module", other=EDITORS_OTHER),
    ("catalogue.retire_module", "POST"): web(INSTITUTE, ADMIN, ok=302, object="module", other=EDITORS_OTHER),
    # The administrator.
    ("admin.overview", "GET"): web(ADMIN),
    ("admin.create", "POST"): web(ADMIN, ok=400, args={"kind": "school"}),
    ("admin.school", "GET"): web(ADMIN, object="school"),
    ("admin.school", "POST"): web(ADMIN, ok=302, object="school"),
    ("admin.add_team", "POST"): web(ADMIN, ok=400, object="school"),
    ("admin.team", "GET"): web(ADMIN, object="team"),
    ("admin.team", "POST"): web(ADMIN, ok=302, object="team"),
    ("admin.institute", "GET"): web(ADMIN, object="institute"),
    ("admin.institute", "POST"): web(ADMIN, ok=302, object="institute"),
    ("admin.provider", "GET"): web(ADMIN, object="provider"),
    ("admin.provider", "POST"): web(ADMIN, ok=302, object="provider"),
    ("admin.delete", "GET"): web(ADMIN, object="team", argument="object_id", args={"kind": "team"}),
    ("admin.delete", "POST"): web(ADMIN, ok=409, object="team", argument="object_id", args={"kind": "team"}),
    ("admin.framework", "GET"): web(ADMIN),
    ("admin.framework", "POST"): web(ADMIN),
    ("admin.framework_area", "GET"): web(ADMIN, args={"code": "PLAN"}),
    ("admin.framework_area", "POST"): web(ADMIN, args={"code": "PLAN"}),
    ("admin.framework_targets", "GET"): web(ADMIN, args={"phase": "induction", "sector": "po"}),
    ("admin.framework_targets", "POST"): web(ADMIN, ok=302, args={"phase": "induction", "sector": "po"}),
    ("admin.users", "GET"): web(ADMIN),
    ("admin.user", "GET"): web(ADMIN, object="user"),
    ("admin.user", "POST"): web(ADMIN, ok=302, object="user"),
    ("admin.deactivate", "POST"): web(ADMIN, ok=302, object="user"),
    ("admin.reactivate", "POST"): web(ADMIN, ok=302, object="user"),
    ("admin.end_sessions", "POST"): web(ADMIN, ok=302, object="user"),
    ("admin.reset_link", "POST"): web(ADMIN, object="user"),
    ("admin.delete_user", "GET"): web(ADMIN, object="user"),
    ("admin.delete_user", "POST"): web(ADMIN, ok=302, object="user"),
    # The API: anyone reads the catalogue; a personal token for the rest.
    ("api.areas", "GET"): PUBLIC,
    ("api.modules", "GET"): PUBLIC,
    ("api.module", "GET"): web(*EVERYONE, args={"code": "GED-1"}),
    ("api.targets", "GET"): PUBLIC,
    ("api.openapi_document", "GET"): PUBLIC,
    ("api_docs.page", "GET"): PUBLIC,
    ("api.preview_plan", "POST"): web(*LOGGED_IN, ok=400),
    ("api.create_assessment", "POST"): web(TEACHER, ok=400),
    ("api.list_assessments", "GET"): web(TEACHER),
    ("api.my_path", "GET"): web(TEACHER),
    ("api.decide_proposal", "POST"): web(TEACHER, ok=409, args={"decision": "dismiss"}),
    ("api.update_step", "PATCH"): web(TEACHER, ok=400, object="step"),
    ("api.export_me", "GET"): web(TEACHER),
    ("api.delete_me", "DELETE"): web(TEACHER, ok=400),
    ("api.school_matrix", "GET"): web(*LEADERS),
    ("api.school_coverage", "GET"): web(*LEADERS),
    ("api.school_team_plan", "POST"): web(*LEADERS),
    ("api.school_peer_pairs", "GET"): web(*LEADERS),
    ("api.institute_programmes", "GET"): web(INSTITUTE),
    ("api.institute_coverage", "GET"): web(INSTITUTE, object="programme"),
    ("api.institute_alumni_needs", "GET"): web(INSTITUTE),
    ("school.coaching", "GET"): web(TEACHER),
    ("school.coached_starter", "GET"): web(TEACHER, object="starter"),
    ("school.coached_starter", "POST"): web(TEACHER, ok=302, object="starter"),
    ("school.coach_assessment", "GET"): web(TEACHER, object="starter"),
    ("school.coach_assessment", "POST"): web(TEACHER, object="starter"),
    ("school.appoint_coach", "GET"): web(*LEADERS, object="teacher"),
    ("school.appoint_coach", "POST"): web(*LEADERS, object="teacher"),
    ("school.teacher_print", "GET"): web(*LEADERS, object="teacher"),
    ("school.classes", "GET"): web(*LEADERS),
    ("school.manage", "GET"): web(*LEADERS),
    ("school.assign_team", "POST"): web(LEADER, ok=302, object="teacher"),
    # The teacher has no open invitation: both answer with a message on the manage page.
    ("school.invitation", "GET"): web(*LEADERS, ok=302, object="teacher"),
    ("school.invitation", "POST"): web(*LEADERS, ok=302, object="teacher"),
    ("school.rotate_join_code", "POST"): web(LEADER, ok=302),
    ("school.team_plan_csv", "GET"): web(*LEADERS),
    ("school.team_plan_xlsx", "GET"): web(*LEADERS),
}


def routes(app) -> set[tuple[str, str]]:
    return {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def test_every_route_has_an_entry(app):
    assert sorted(routes(app) - RULES.keys()) == []


def test_every_entry_is_a_route(app):
    assert sorted(RULES.keys() - routes(app)) == []


@pytest.fixture
def world(people, make_catalogue, make_institute):
    """Plain values (ids, e-mail addresses, tokens) for every role's own objects and a
    stranger's, so that each role's requests can be rolled back on their own."""
    make_catalogue()
    own_institute = make_institute(name="Pabo Noord", provider_code="PABO-T")
    other_institute = make_institute(name="Pabo Zuid")
    people["institute"].institute = own_institute
    for name in ("teacher", "colleague", "stranger"):
        person = people[name]
        person.qualification, person.years_experience = "qualified", 0
        assess(person, dict.fromkeys(SMALL_AREAS, 1))
    add_programme(own_institute, code="noord")
    add_programme(other_institute, code="zuid")
    school = people["leader"].school
    invitation = accounts.invite(
        email="new@example.org", name="Nieuw", role=Role.TEACHER, school=school, inviter=people["leader"]
    )
    # The teacher coaches the colleague, a starter of the same school.
    db.session.add(
        StarterCoach(school_id=school.id, starter_id=people["colleague"].id, coach_id=people["teacher"].id)
    )
    tokens = {name: accounts.create_api_token(person) for name, person in people.items()}
    # A session the school leader scheduled, one of the team leader's team, one elsewhere.
    sessions = {
        role: TeamSession(
            school_id=leader.school_id,
            team_id=leader.team_id,
            module_code="GED-1",
            held_on=date.today() + timedelta(days=30),
            scheduled_by_id=leader.id,
            participants=[SessionParticipant(teacher_id=people[member].id)],
        )
        for role, leader, member in (
            (LEADER, people["leader"], "teacher"),
            (TEAM_LEADER, people["team_leader"], "colleague"),
            ("other", people["other_leader"], "stranger"),
        )
    }
    db.session.add_all(sessions.values())
    db.session.commit()

    def step_of(name):
        return service.current_path(people[name]).steps[0].id

    def assessment_id(name):
        return db.session.scalar(sa.select(Assessment.id).where(Assessment.teacher_id == people[name].id))

    def token_id(name):
        return db.session.scalar(sa.select(ApiToken.id).where(ApiToken.user_id == people[name].id))

    return {
        "email": {role: people[role].email for role in ROLES if role != ANONYMOUS},
        "bearer": {role: tokens[role] for role in ROLES if role != ANONYMOUS},
        "teacher": {
            LEADER: people["teacher"].id,
            TEAM_LEADER: people["colleague"].id,
            "other": people["stranger"].id,
        },
        "step": {TEACHER: step_of("teacher"), "other": step_of("stranger")},
        "starter": {TEACHER: people["colleague"].id, "other": people["stranger"].id},
        "session": {role: session.id for role, session in sessions.items()},
        "token": {role: token_id(role) for role in ROLES if role != ANONYMOUS}
        | {"other": token_id("stranger")},
        "version": {TEACHER: 1, "other": 99},
        "assessment": {TEACHER: assessment_id("teacher"), "other": assessment_id("stranger")},
        "programme": {INSTITUTE: "noord", "other": "zuid"},
        "module": {INSTITUTE: "STL-1", ADMIN: "GED-1", "other": "GED-1", f"other {ADMIN}": "NO-SUCH-1"},
        "invitation": {"own": invitation, "other": "no-such-invitation"},
        "user": {ADMIN: people["teacher"].id, "other": MISSING},
        "school": {ADMIN: school.id, "other": MISSING},
        "team": {ADMIN: school.teams[0].id, "other": MISSING},
        "institute": {ADMIN: own_institute.id, "other": MISSING},
        "provider": {
            ADMIN: db.session.scalar(sa.select(Provider.id).where(Provider.code == "PABO-T")),
            "other": MISSING,
        },
    }


URL_ARGUMENT = {
    "teacher": "teacher_id",
    "step": "step_id",
    "token": "token_id",
    "version": "version",
    "assessment": "assessment_id",
    "programme": "code",
    "module": "code",
    "invitation": "token",
    "user": "user_id",
    "school": "school_id",
    "team": "team_id",
    "institute": "institute_id",
    "provider": "provider_id",
    "starter": "starter_id",
    "session": "session_id",
}


def object_for(world, kind: str, role: str, own: bool):
    values = world[kind]
    if kind == "invitation":
        return values["own" if own else "other"]
    if not own:
        return values.get(f"other {role}", values["other"])
    # A role without objects of this kind asks for someone's: it is refused all the same.
    return values.get(role, values["other"])


def expected(rule: Rule, role: str, own: bool, api: bool) -> int:
    if role in rule.allowed:
        if own:
            return rule.ok
        return rule.other.get(role, 404) if isinstance(rule.other, dict) else rule.other
    if role == ANONYMOUS:
        return 401 if api else 302
    return rule.denied


def forget_user() -> None:
    """The test's app context outlives each request: Flask-Login's user of the last one
    must not answer for the next."""
    g.pop("_login_user", None)


def ask(client, method: str, url: str, bearer: str | None, api: bool):
    forget_user()
    headers = {"Authorization": f"Bearer {bearer}"} if api and bearer else {}
    body = {"json": {}} if api and method != "GET" else {"data": {}}
    return client.open(url, method=method, headers=headers, **body)


@pytest.mark.parametrize(("endpoint", "method"), sorted(RULES))
def test_who_may_do_what(app, world, endpoint, method):
    rule = RULES[(endpoint, method)]
    api = endpoint.startswith("api.")
    answers, wanted = {}, {}
    for role in ROLES:
        for own in (True, False) if rule.object else (True,):
            connection = db.session.get_bind()
            db.session.close()
            savepoint = connection.begin_nested()
            try:
                client = app.test_client()
                forget_user()
                if role != ANONYMOUS and not api:
                    client.post("/login", data={"email": world["email"][role], "password": PASSWORD})
                values = dict(rule.args)
                if rule.object:
                    values[rule.argument or URL_ARGUMENT[rule.object]] = object_for(
                        world, rule.object, role, own
                    )
                with app.test_request_context():
                    url = url_for(endpoint, **values)
                response = ask(client, method, url, world["bearer"].get(role), api)
                key = f"{role} {'own' if own else 'other'}"
                answers[key] = response.status_code
                wanted[key] = expected(rule, role, own, api)
                if role == ANONYMOUS and not api and wanted[key] == 302:
                    assert "/login" in response.headers["Location"], key
                response.close()
            finally:
                db.session.close()
                savepoint.rollback()
    assert answers == wanted
