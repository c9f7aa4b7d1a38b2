"""What the path page shows of a path version, rendered once and kept.

A stored version does not change: progress and re-plans add versions. What the page shows of
it also depends on the catalogue (names, marks), the language, the address the application
is served under and whether it is the version the teacher works on; and erasing a person
rewrites their name in the reasons of stored steps. The key holds all of that, read from
rows the page loads anyway, so a change never finds an old entry: it makes another key, and
old entries age out. Step forms carry a token per session and what a refused update typed:
the template draws them on every request.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import current_app, request
from markupsafe import Markup

from planner.models import Framework
from planner.models.catalogue import current_locale
from planner.paths.changes import MARKS
from planner.paths.explain import Names, path_context, unreachable_sentence
from planner.paths.views import late_targets, path_catalogue, timeline

# Views kept per application; a view of a 40-step path takes some 40 kB.
VIEWS_KEPT = 256

_lock = threading.Lock()


@dataclass(frozen=True)
class PathView:
    names: Names
    # Step id -> the catalogue's mark ("withdrawn", "changed") of a step ahead.
    marks: dict[int, str]
    timeline: Markup
    unreachable: list[str]
    # Step id -> its card's text: what, when, why, what it needs and its alternatives.
    cards: dict[int, Markup]


def path_view(path, proposal, latest: bool, framework: Framework | None) -> PathView:
    """The view of ``path`` (with the names a ``proposal`` beside it needs), built once per
    version, catalogue revision, language and whether it is the version worked on."""
    key = (
        current_locale(),
        request.script_root,
        framework_stamp(framework),
        latest,
        version_stamp(path),
        version_stamp(proposal) if proposal is not None and proposal is not path else None,
    )
    views = current_app.extensions.setdefault("path_views", OrderedDict())
    with _lock:
        view = views.get(key)
        if view is not None:
            views.move_to_end(key)
            return view
    view = build(path, proposal, latest, framework)
    with _lock:
        views[key] = view
        while len(views) > VIEWS_KEPT:
            views.popitem(last=False)
    return view


def framework_stamp(framework: Framework | None) -> tuple | None:
    """Every catalogue change raises the revision; a new import is another framework."""
    if framework is None:
        return None
    return framework.id, framework.imported_at, framework.revision


def version_stamp(path) -> tuple:
    """Everything of a version the page shows, in values that compare by content."""
    return (
        path.id,
        path.created_at,
        path.first_school_year,
        repr(path.unreachable),
        tuple(
            (
                s.id,
                s.module_code,
                s.status,
                s.phase,
                s.school_year,
                s.last_school_year,
                s.period,
                s.last_period,
                s.hours,
                s.needs_facilitation,
                s.facilitation_hours,
                repr(s.reasons),
                repr(s.requires),
                repr(s.outcomes),
                repr(s.alternatives),
            )
            for s in path.steps
        ),
    )


def build(path, proposal, latest: bool, framework: Framework | None) -> PathView:
    names, marks = path_catalogue(path, proposal, framework=framework)
    context: dict = {}
    current_app.update_template_context(context)
    env = current_app.jinja_env
    drawing = env.get_template("paths/_timeline.html").make_module(context)
    card = env.get_template("paths/_step.html").make_module(context).step_card
    late = late_targets(path)
    return PathView(
        names=names,
        marks=marks,
        timeline=drawing.draw_timeline(timeline(path), names, path),
        unreachable=[
            unreachable_sentence(item, names, path_context(path)) for item in path.unreachable or ()
        ],
        cards={
            step.id: card(step, path, names, MARKS.get(marks.get(step.id)), late.get(step.id, ()), latest)
            for step in path.steps
        },
    )
