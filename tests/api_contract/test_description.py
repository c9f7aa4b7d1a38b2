"""The description covers the API: every /api/v1 route is in it with its methods, its
bodies and who may call it; a route added without a description fails here."""

import pytest
from flask import Flask

from planner import create_app
from planner.api.described import described
from planner.api.openapi import api_rules, build, openapi_path

METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}


def api_routes(app: Flask) -> set[tuple[str, str]]:
    return {
        (openapi_path(rule), method.lower()) for rule in api_rules(app) for method in rule.methods & METHODS
    }


def described_routes(document: dict) -> set[tuple[str, str]]:
    return {(path, method) for path, methods in document["paths"].items() for method in methods}


@pytest.fixture
def document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_every_api_route_is_described(app, document):
    assert api_routes(app), "the API has routes"
    assert sorted(api_routes(app) - described_routes(document)) == []
    assert sorted(described_routes(document) - api_routes(app)) == []


def test_a_route_without_a_description_is_missing(test_config):
    app = create_app(test_config)

    @described({"type": "object"})
    def documented():
        """A route with its description"""

    app.add_url_rule("/api/v1/described-example", view_func=documented)
    app.add_url_rule("/api/v1/undescribed-example", view_func=lambda: {}, endpoint="undescribed")
    with app.app_context():
        missing = api_routes(app) - described_routes(build(app))
    assert missing == {("/api/v1/undescribed-example", "get")}


def test_the_description_is_openapi_3_1_with_bearer_tokens(document):
    assert document["openapi"] == "3.1.0"
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": document["components"]["securitySchemes"]["bearer"]["description"],
    }


def test_only_the_catalogue_and_the_description_are_public(document):
    public = {
        path for path, methods in document["paths"].items() for op in methods.values() if not op["security"]
    }
    assert public == {
        "/api/v1/areas",
        "/api/v1/modules",
        "/api/v1/modules/{code}",
        "/api/v1/targets",
        "/api/v1/openapi.json",
    }


def test_token_routes_document_401_and_403_with_the_problem_shape(document):
    operation = document["paths"]["/api/v1/school/matrix"]["get"]
    assert operation["security"] == [{"bearer": []}]
    assert operation["responses"]["401"] == {"$ref": "#/components/responses/Unauthorized"}
    assert "WWW-Authenticate" in document["components"]["responses"]["Unauthorized"]["headers"]
    refusal = operation["responses"]["403"]
    assert refusal["description"] == "only school leaders see the team view"
    assert refusal["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Problem"}


def test_bodies_and_their_refusals_are_described(document):
    operation = document["paths"]["/api/v1/me/assessments"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/AssessmentIn"}
    assert set(operation["responses"]) == {"201", "400", "401", "403", "409", "413"}
    problem = document["components"]["schemas"]["Problem"]
    assert problem["required"] == ["error"]
    assert problem["properties"]["fields"]["additionalProperties"] == {"type": "string"}


def test_the_catalogue_describes_revalidation_and_its_filters(document):
    operation = document["paths"]["/api/v1/modules"]["get"]
    assert operation["responses"]["304"] == {"$ref": "#/components/responses/NotModified"}
    assert "ETag" in operation["responses"]["200"]["headers"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == {"area", "phase", "sector", "format", "max_hours", "q", "If-None-Match"}
    # The interchange format's own JSON Schema describes each module.
    assert document["components"]["schemas"]["Module"]["required"][:2] == ["code", "title"]


def test_path_parameters_carry_their_converters(document):
    step = document["paths"]["/api/v1/me/path/steps/{step_id}"]["patch"]["parameters"][0]
    assert step["schema"]["type"] == "integer"
    decision = document["paths"]["/api/v1/me/path/proposal/{decision}"]["post"]["parameters"][0]
    assert decision["schema"]["enum"] == ["accept", "dismiss"]


def test_the_docs_page_shows_every_operation(client, document):
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for path, methods in document["paths"].items():
        for method in methods:
            assert f"{method.upper()} {path}" in page
    assert "Authorization: Bearer &lt;token&gt;" in page
    assert 'id="schema-AgreedPath"' in page
    assert "<script>" not in page
