"""The API's OpenAPI 3.1 description, assembled by apispec from the application itself:
paths and parameters from the URL map, bodies from the views' pydantic models
(``planner.api.schemas``), security from the token decorators, summaries from docstrings."""

from __future__ import annotations

import inspect
import re

from apispec import APISpec
from flask import Flask, current_app, jsonify, url_for
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from werkzeug.routing import AnyConverter, IntegerConverter, Rule

from planner.api import bp
from planner.api.described import Operation, described
from planner.api.schemas.catalogue import INTERCHANGE
from planner.api.schemas.common import Problem
from planner.security import MAX_ID

PREFIX = bp.url_prefix
TITLE = "Learning path planner API"
VERSION = "1"
COMPONENTS = "#/components/schemas/{model}"
PROBLEM = {"$ref": "#/components/schemas/Problem"}
SECURITY = "bearer"

# Answers any operation may give, kept once under components.responses.
SHARED_RESPONSES = {
    "NotModified": {
        "description": "Not Modified: the catalogue has not changed since the ETag in If-None-Match.",
    },
    "Unauthorized": {
        "description": "No valid personal token: missing, unknown, expired or revoked.",
        "headers": {"WWW-Authenticate": {"schema": {"type": "string", "const": "Bearer"}}},
        "content": {"application/json": {"schema": PROBLEM}},
    },
    "TooLarge": {
        "description": "The body is larger than 1 MB.",
        "content": {"application/json": {"schema": PROBLEM}},
    },
}
BAD_INPUT = (
    "Bad input, with a message per field: a NUL byte or a lone surrogate anywhere, "
    "a body that is not JSON or is nested too deeply"
)
NO_ROUTE = "A path parameter out of its range or set matches no route."


def api_rules(app: Flask) -> list[Rule]:
    return sorted(
        (rule for rule in app.url_map.iter_rules() if rule.rule.startswith(PREFIX + "/")),
        key=lambda rule: rule.rule,
    )


def openapi_path(rule: Rule) -> str:
    return re.sub(r"<(?:[^<>:]+:)?([^<>]+)>", r"{\1}", rule.rule)


def path_parameters(rule: Rule) -> list[dict]:
    parameters = []
    for name in sorted(rule.arguments):
        converter = rule._converters.get(name)
        if isinstance(converter, IntegerConverter):
            schema = {"type": "integer", "minimum": 0, "maximum": MAX_ID}
        elif isinstance(converter, AnyConverter):
            schema = {"type": "string", "enum": sorted(converter.items)}
        else:
            schema = {"type": "string", "pattern": "^[^/]+$"}
        parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
    return parameters


def query_parameters(model: type[BaseModel] | None, schemas: dict) -> list[dict]:
    if model is None:
        return []
    schema = schemas[model]
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "in": "query",
            "required": name in required,
            **({"description": prop.pop("description")} if "description" in prop else {}),
            "schema": {key: value for key, value in prop.items() if key not in ("title", "default")},
        }
        for name, prop in ((name, dict(prop)) for name, prop in schema["properties"].items())
    ]


def summary_and_description(view) -> tuple[str, str]:
    doc = inspect.getdoc(view) or ""
    first, _, rest = doc.partition("\n\n")
    return " ".join(first.split()), rest.strip()


def json_content(schema) -> dict:
    return {"application/json": {"schema": schema}}


def responses_of(rule: Rule, view, operation: Operation, has_input: bool) -> dict:
    ok = operation.ok
    if isinstance(ok, type) and issubclass(ok, BaseModel):
        ok = {"$ref": COMPONENTS.format(model=ok.__name__)}
    answer = {"description": (inspect.getdoc(operation.ok) or "OK") if ok is not None else "Done"}
    if ok is not None:
        answer["content"] = json_content(ok)
    responses = {str(operation.status): answer}
    if getattr(view, "revalidated", False):
        answer["headers"] = {"ETag": {"schema": {"type": "string"}}}
        responses["304"] = "NotModified"
    if has_input:
        responses["400"] = {"description": BAD_INPUT, "content": json_content(PROBLEM)}
    if operation.body is not None:
        responses["413"] = "TooLarge"
    roles = getattr(view, "token_roles", None)
    if roles is not None:
        responses["401"] = "Unauthorized"
        refusal = getattr(view, "token_refusal", "") or "This token's role may not do this."
        responses["403"] = {"description": refusal, "content": json_content(PROBLEM)}
    if rule.arguments:
        responses["404"] = {"description": NO_ROUTE, "content": json_content(PROBLEM)}
    for status, meaning in operation.refusals.items():
        if status == 400 and has_input:
            meaning = f"{meaning}. {BAD_INPUT}."
        if status == 404 and rule.arguments:
            meaning = f"{meaning} {NO_ROUTE}"
        responses[str(status)] = {"description": meaning, "content": json_content(PROBLEM)}
    return responses


def security_of(view) -> list[dict]:
    roles = getattr(view, "token_roles", None)
    if roles is None:
        return []
    return [{SECURITY: []}]


def component_schemas(operations: list[Operation]) -> tuple[dict, dict]:
    """The JSON Schema of every body, and each model's own schema (for query parameters)."""
    models = {Problem}
    for operation in operations:
        for model in (operation.ok, operation.body, operation.query):
            if isinstance(model, type) and issubclass(model, BaseModel):
                models.add(model)
    ordered = sorted(models, key=lambda model: model.__name__)
    keys, document = models_json_schema(
        [(model, "serialization") for model in ordered], ref_template=COMPONENTS
    )
    definitions = document.get("$defs", {})
    name = {model: keys[(model, "serialization")]["$ref"].rsplit("/", 1)[-1] for model in ordered}
    own = {model: definitions[name[model]] for model in ordered}
    # Query models become parameters, not bodies.
    queries = {name[o.query] for o in operations if o.query is not None}
    return {key: schema for key, schema in definitions.items() if key not in queries}, own


def build(app: Flask) -> dict:
    spec = APISpec(
        title=TITLE,
        version=VERSION,
        openapi_version="3.1.0",
        info={
            "description": (
                "The learning-path planner for teacher professionalisation in inclusive education. "
                "The catalogue is public; a teacher's, a school leader's and an institute's own data "
                "need a personal token (profile page), sent as `Authorization: Bearer <token>`."
            )
        },
        servers=[{"url": "/"}],
    )
    spec.components.security_scheme(
        SECURITY,
        {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, created on the profile page or with "
            "`flask --app wsgi planner token EMAIL`; it acts with its holder's role.",
        },
    )
    routes = []
    for rule in api_rules(app):
        view = app.view_functions[rule.endpoint]
        operation = getattr(view, "api_operation", None)
        if operation is not None:
            routes.append((rule, view, operation))
    definitions, own = component_schemas([operation for _, _, operation in routes])
    for name, schema in sorted({**definitions, **INTERCHANGE}.items()):
        spec.components.schema(name, component=schema)
    for name, response in SHARED_RESPONSES.items():
        spec.components.response(name, component=response)

    paths: dict[str, dict] = {}
    for rule, view, operation in routes:
        parameters = path_parameters(rule) + query_parameters(operation.query, own)
        if getattr(view, "revalidated", False):
            parameters.append(
                {"name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"}}
            )
        summary, description = summary_and_description(view)
        entry = {
            "operationId": rule.endpoint.removeprefix("api."),
            "summary": summary,
            "tags": [view.__module__.rsplit(".", 1)[-1]],
            "security": security_of(view),
            "responses": responses_of(rule, view, operation, bool(parameters) or operation.body is not None),
        }
        if description:
            entry["description"] = description
        if parameters:
            entry["parameters"] = parameters
        if operation.body is not None:
            entry["requestBody"] = {
                "required": operation.body_required,
                "content": json_content({"$ref": COMPONENTS.format(model=operation.body.__name__)}),
            }
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            paths.setdefault(openapi_path(rule), {})[method.lower()] = entry
    for path, operations in paths.items():
        spec.path(path=path, operations=operations)
    return spec.to_dict()


def description() -> dict:
    """Built once per application: the routes do not change while it runs."""
    cache = current_app.extensions.setdefault("openapi", {})
    if "document" not in cache:
        cache["document"] = build(current_app)
    return cache["document"]


@bp.get("/openapi.json")
@described({"type": "object", "description": "An OpenAPI 3.1 document"})
def openapi_document():
    """This description of the API, as OpenAPI 3.1

    The readable page beside it is /api/docs."""
    response = jsonify(description())
    response.headers["Link"] = f'<{url_for("api_docs.page")}>; rel="service-doc"'
    return response
