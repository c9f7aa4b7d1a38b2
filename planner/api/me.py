"""The teacher's data rights through the API: take the data, delete the account."""

from flask import g, jsonify, request

from planner.api import bp
from planner.api.catalogue import api_error
from planner.api.described import described
from planner.api.paths import token_required
from planner.api.schemas.me import Deletion, PersonalData
from planner.auth import erasure
from planner.auth.export import personal_data


@bp.get("/me/export")
@described(PersonalData)
@token_required
def export_me():
    """Everything the planner holds about the teacher"""
    response = jsonify(personal_data(g.api_user))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.delete("/me")
@described(
    None,
    status=204,
    body=Deletion,
    body_required=False,
    refusals={400: "The confirmation is not the account's own e-mail address"},
)
@token_required
def delete_me():
    """Delete the teacher's account and data, confirmed with the account's e-mail address"""
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
