"""The API keeps its description: schemathesis generates requests from /api/v1/openapi.json,
valid and invalid, for every operation, and each answer must be no server error and must
match the description (status code, content type, body), with a teacher's, a school
leader's and an institute staff member's token, in-process against the application.

PLANNER_CONTRACT_EXAMPLES raises the number of examples per operation for a longer hunt."""

import os

import hypothesis.strategies as st
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from planner.auth import accounts
from planner.extensions import db
from planner.models import Role
from planner.paths import service
from tests.institute.conftest import add_programme
from tests.paths.conftest import SMALL_AREAS, assess

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = int(os.environ.get("PLANNER_CONTRACT_EXAMPLES", "8"))


@pytest.fixture
def tokens(make_catalogue, make_school, make_user, make_institute) -> dict[str, str]:
    """A teacher with a path, a colleague, their school's leader and an institute with a
    programme: every route has something real to answer."""
    make_catalogue()
    school = make_school()
    teacher = make_user(school=school, team=school.teams[0], qualification="qualified", years_experience=0)
    colleague = make_user(school=school, team=school.teams[1], qualification="qualified", years_experience=4)
    for person, level in ((teacher, 1), (colleague, 4)):
        assess(person, dict.fromkeys(SMALL_AREAS, level), wishes=("GEDRAG",))
    leader = make_user(role=Role.LEADER, school=school)
    institute = make_institute(name="Pabo Noord", provider_code="PABO-T")
    staff = make_user(role=Role.INSTITUTE, institute=institute)
    add_programme(institute, code="noord")
    db.session.commit()
    return {
        "teacher": accounts.create_api_token(teacher),
        "leader": accounts.create_api_token(leader),
        "institute": accounts.create_api_token(staff),
        "step": service.current_path(teacher).steps[0].id,
    }


def known_values(tokens: dict) -> dict[str, object]:
    """Path parameters that name real objects, beside the generated ones."""
    return {"code": "noord", "step_id": tokens["step"], "decision": "accept"}


def cases(operation, tokens: dict):
    generated = [operation.as_strategy(mode) for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    names = {p.name for p in operation.path_parameters}
    known = {name: value for name, value in known_values(tokens).items() if name in names}
    if operation.path.startswith("/api/v1/modules/"):
        known = {"code": "GED-1"}
    if known:
        generated.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=known))
    return st.one_of(generated)


@pytest.mark.parametrize("role", ["teacher", "leader", "institute"])
def test_every_operation_keeps_to_the_description(app, tokens, role):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    headers = {"Authorization": f"Bearer {tokens[role]}"}
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=cases(operation, tokens))
        def keeps_to_it(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            keeps_to_it()
        except Exception as failure:  # every operation is tried; all failures are reported
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    assert failures == [], "\n\n".join(failures)
