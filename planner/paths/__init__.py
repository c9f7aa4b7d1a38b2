from flask import Blueprint

bp = Blueprint("paths", __name__)


@bp.app_context_processor
def path_helpers() -> dict:
    from planner.domain.progress import TRANSITIONS
    from planner.paths.explain import path_context, reason_sentence, unreachable_sentence

    return {
        "reason_sentence": reason_sentence,
        "unreachable_sentence": unreachable_sentence,
        "path_context": path_context,
        "transitions": TRANSITIONS,
    }


from planner.paths import routes  # noqa: E402,F401
