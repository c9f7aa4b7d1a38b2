"""GET /api/docs: the API's description as a page, rendered on the server (the
Content-Security-Policy allows no inline or remote script)."""

from flask import render_template

from planner.api import docs_bp
from planner.api.openapi import description

METHODS_ORDER = ("get", "post", "put", "patch", "delete")


def schema_type(schema: dict) -> str:
    """A schema in a few words: ``integer 0-5``, ``list of Step``, ``Problem or null``."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(schema_type(option) for option in schema["anyOf"])
    if "enum" in schema:
        return " | ".join("null" if value is None else repr(value) for value in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {schema_type(schema.get('items', {}))}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"object of {schema_type(schema['additionalProperties'])}"
    if isinstance(kind, list):
        kind = " or ".join(kind)
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None or high is not None:
        kind += f" {'' if low is None else low}–{'' if high is None else high}"
    if "maxLength" in schema:
        kind += f", at most {schema['maxLength']} characters"
    return kind


def properties(schema: dict) -> list[dict]:
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "type": schema_type(prop),
            "required": name in required,
            "description": prop.get("description", ""),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def responses(operation: dict, shared: dict) -> list[dict]:
    rows = []
    for status, answer in sorted(operation["responses"].items()):
        if "$ref" in answer:
            answer = shared[answer["$ref"].rsplit("/", 1)[-1]]
        schema = answer.get("content", {}).get("application/json", {}).get("schema")
        rows.append(
            {
                "status": status,
                "description": answer.get("description", ""),
                "type": schema_type(schema) if schema else "",
            }
        )
    return rows


@docs_bp.get("/docs")
def page():
    document = description()
    shared = document["components"]["responses"]
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "id": operation["operationId"],
            "summary": operation["summary"],
            "description": operation.get("description", ""),
            "token": bool(operation["security"]),
            "parameters": [{**p, "type": schema_type(p["schema"])} for p in operation.get("parameters", [])],
            "body": schema_type(operation["requestBody"]["content"]["application/json"]["schema"])
            if "requestBody" in operation
            else None,
            "responses": responses(operation, shared),
        }
        for path, methods in document["paths"].items()
        for method, operation in sorted(methods.items(), key=lambda item: METHODS_ORDER.index(item[0]))
    ]
    schemas = [
        {"name": name, "description": schema.get("description", ""), "properties": properties(schema)}
        for name, schema in document["components"]["schemas"].items()
    ]
    return render_template(
        "api/docs.html",
        document=document,
        operations=operations,
        schemas=schemas,
        schema_names={schema["name"] for schema in schemas},
    )
