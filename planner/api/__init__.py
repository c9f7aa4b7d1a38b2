from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# The readable page of the API's description, outside the versioned API itself.
docs_bp = Blueprint("api_docs", __name__, url_prefix="/api")

from planner.api import catalogue, docs, institute, me, openapi, paths, preview, school  # noqa: E402,F401
