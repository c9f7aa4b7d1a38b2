"""The teacher's data rights through the API: take the data, delete the account."""

from flask import g, jsonify, request

from planner.api import bp
from planner.api.catalogue import api_error
from planner.api.paths import token_required
from planner.auth import erasure
from planner.auth.export import personal_data


@bp.get("/me/export")
@token_required
def export_me():
    response = jsonify(personal_data(g.api_user))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.delete("/me")
@token_required
def delete_me():
    body = request.get_json(silent=True)
    confirm = body.get("confirm") if isinstance(body, dict) else None
    if not isinstance(confirm, str) or confirm.strip().lower() != g.api_user.email:
        return api_error(
            400,
            "the account was not deleted",
            {"confirm": "give the account's own e-mail address to confirm the deletion"},
        )
    erasure.erase(g.api_user)
    return "", 204
