"""What the path page shows of a path version, rendered once and kept.

A stored version does not change: progress and re-plans add versions. What the page shows of
it also depends on the catalogue (names, marks), the language, the address the application
is served under and whether it is the version the teacher works on; and erasing a person
rewrites their name in the reasons of stored steps. The key holds all of that, read from
rows the page loads anyway, so a change never finds an old entry: it makes another key, and
old entries age out. The step forms are kept with a slot for the session's CSRF token,
filled in on each request; the forms of a step whose update was refused, with what the
teacher typed, are drawn on the request that shows them.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import current_app, request
from flask_babel import gettext as _
from markupsafe import Markup

from planner.models import Framework
from planner.models.catalogue import current_locale
from planner.paths.changes import MARKS
from planner.paths.explain import Names, path_context, unreachable_sentence
from planner.paths.forms import DoneForm, SkipForm, StartForm
from planner.paths.views import late_targets, path_catalogue, timeline

# Views kept per application; a view of a 40-step path takes some 40 kB.
VIEWS_KEPT = 256

_lock = threading.Lock()

# Where the CSRF token's field goes in the kept forms: escaped text never holds a "<".
CSRF_SLOT = Markup("<csrf-slot>")


@dataclass(frozen=True)
class PathView:
    names: Names
    # Step id -> the catalogue's mark ("withdrawn", "changed") of a step ahead.
    marks: dict[int, str]
    timeline: Markup
    unreachable: list[str]
    # Step id -> its card's text: what, when, why, what it needs and its alternatives.
    cards: dict[int, Markup]
    # Step id -> the forms that change the step, in pieces to be joined by the CSRF token's
    # field (of the version worked on, steps that may change).
    forms: dict[int, tuple[Markup, ...]]
    # The forms' texts, for drawing a step's forms afresh.
    form_texts: dict[str, str]


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
    parts = env.get_template("paths/_step.html").make_module(context)
    late = late_targets(path)
    texts = form_texts()
    cards, forms = {}, {}
    for step in path.steps:
        mark = MARKS.get(marks.get(step.id))
        cards[step.id] = parts.step_card(step, path, names, mark, late.get(step.id, ()), latest)
        if latest and context["transitions"][step.status]:
            drawn = parts.step_forms(step, texts, CSRF_SLOT)
            forms[step.id] = tuple(Markup(piece) for piece in drawn.split(CSRF_SLOT))
    return PathView(
        names=names,
        marks=marks,
        timeline=drawing.draw_timeline(timeline(path), names, path),
        unreachable=[unreachable_sentence(u, names, path_context(path)) for u in path.unreachable or ()],
        cards=cards,
        forms=forms,
        form_texts=texts,
    )


def form_texts() -> dict[str, str]:
    """The labels of the step forms, in the interface language."""
    done, skip, start = DoneForm(formdata=None), SkipForm(formdata=None), StartForm(formdata=None)
    return {
        "summary": _("Update this step"),
        "started": str(start.start.label.text),
        "done": str(done.done.label.text),
        "skip": str(skip.skip.label.text),
        "plan": _("Plan this step again"),
        "on_date": str(done.on_date.label.text),
        "note": str(done.note.label.text),
        "reason": str(skip.reason.label.text),
    }
