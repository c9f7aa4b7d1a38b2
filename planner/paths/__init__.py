from flask import Blueprint

bp = Blueprint("paths", __name__)


@bp.app_context_processor
def path_helpers() -> dict:
    from planner.domain.progress import TRANSITIONS
    from planner.paths.explain import (
        facilitation_sentence,
        path_context,
        reason_sentence,
        unreachable_sentence,
    )
    from planner.paths.views import late_sentence, late_targets, when

    return {
        "reason_sentence": reason_sentence,
        "unreachable_sentence": unreachable_sentence,
        "path_context": path_context,
        "facilitation_sentence": facilitation_sentence,
        "late_sentence": late_sentence,
        "late_targets": late_targets,
        "when": when,
        "transitions": TRANSITIONS,
    }


from planner.paths import routes  # noqa: E402,F401
