from flask import Blueprint

bp = Blueprint("paths", __name__)


@bp.app_context_processor
def sentences() -> dict:
    from planner.paths.explain import reason_sentence, unreachable_sentence

    return {"reason_sentence": reason_sentence, "unreachable_sentence": unreachable_sentence}


from planner.paths import routes  # noqa: E402,F401
