"""What the path page shows of a path version, rendered once and kept.

A stored version does not change: progress and re-plans add versions. What the page shows of
it also depends on the catalogue (names, marks), the language, the address the application
is served under and whether it is the version the teacher works on; and erasing a person
rewrites their name in the reasons of stored steps. The key holds all of that, the steps read
as plain rows with their texts as stored (not decoded, no objects built), so a change never
finds an old entry: it makes another key, and old entries age out. Only a view not yet kept
loads the steps in full. The step forms are kept with a slot for the session's CSRF token,
filled in on each request; the forms of a step whose update was refused, with what the
teacher typed, are drawn on the request that shows them.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask import current_app, request
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from planner.domain.progress import period_in_school_year, school_year_number
from planner.extensions import db
from planner.models import Framework
from planner.models.catalogue import current_locale
from planner.models.paths import PathStep
from planner.paths import service
from planner.paths.changes import MARKS
from planner.paths.explain import Names, path_context, unreachable_sentence
from planner.paths.forms import DoneForm, SkipForm, StartForm
from planner.paths.views import late_targets, path_catalogue, timeline

# What the page reads of a step on every request, beside the kept view.
STEP_FACTS = ("id", "path_id", "module_code", "status", "phase", "school_year", "last_school_year")
STEP_FACTS += ("period", "last_period", "hours", "needs_facilitation", "facilitation_hours")

# Views kept per application; a view holds the HTML of a path's steps, some tens of kB.
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


def path_view(
    path, proposal, latest: bool, framework: Framework | None, today: date | None = None
) -> tuple[PathView, list]:
    """The view of ``path`` (with the names a ``proposal`` beside it needs), built once per
    version, catalogue revision, language, half-year of ``today`` (the timeline marks it) and
    whether it is the version worked on; and the path's steps as the page reads them on every
    request (``STEP_FACTS``)."""
    beside = proposal if proposal is not None and proposal is not path else None
    rows = step_rows([path, beside])
    now = now_on_path(path, today or date.today())
    key = (
        now,
        current_locale(),
        request.script_root,
        framework_stamp(framework),
        latest,
        version_stamp(path, rows),
        version_stamp(beside, rows) if beside is not None else None,
    )
    views = current_app.extensions.setdefault("path_views", OrderedDict())
    with _lock:
        view = views.get(key)
        if view is not None:
            views.move_to_end(key)
    if view is None:
        service.with_steps([path, beside])
        view = build(path, proposal, latest, framework, now)
        with _lock:
            views[key] = view
            while len(views) > VIEWS_KEPT:
                views.popitem(last=False)
    return view, rows.get(path.id, [])


def step_rows(paths) -> dict[int, list]:
    """Path id -> its steps as plain rows, in one statement: what the page reads of a step
    on every request, and all else a step holds, its texts as stored (not decoded)."""
    ids = [path.id for path in paths if path is not None]
    texts = (PathStep.reasons, PathStep.requires, PathStep.outcomes, PathStep.alternatives)
    stored = [sa.cast(column, sa.Text) for column in texts]
    query = (
        sa.select(*(getattr(PathStep, name) for name in STEP_FACTS), *stored)
        .where(PathStep.path_id.in_(ids))
        .order_by(PathStep.position)
    )
    found: dict[int, list] = {}
    for row in db.session.execute(query):
        found.setdefault(row.path_id, []).append(row)
    return found


def framework_stamp(framework: Framework | None) -> tuple | None:
    """Every catalogue change raises the revision; a new import is another framework."""
    if framework is None:
        return None
    return framework.id, framework.imported_at, framework.revision


def version_stamp(path, rows: dict[int, list]) -> tuple:
    """Everything of a version the page shows, in values that compare by content."""
    return (
        path.id,
        path.created_at,
        path.first_school_year,
        repr(path.unreachable),
        tuple(rows.get(path.id, ())),
    )


def now_on_path(path, today: date) -> tuple[int, int]:
    """Today as (school year of the path, counted from 1; half-year of that year)."""
    return school_year_number(today, path.first_school_year), period_in_school_year(today)


def build(
    path, proposal, latest: bool, framework: Framework | None, now: tuple[int, int] | None = None
) -> PathView:
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
        timeline=drawing.draw_timeline(timeline(path, names, now), names, path),
        unreachable=[unreachable_sentence(u, names, path_context(path)) for u in path.unreachable or ()],
        cards=cards,
        forms=forms,
        form_texts=texts,
    )


class TokenOnly:
    """A form without fields as the page draws it: only its CSRF field, as WTForms draws
    it, without building a form (and binding its fields) on every request."""

    @property
    def csrf_token(self) -> Markup:
        if not current_app.config.get("WTF_CSRF_ENABLED", True):
            return Markup("")  # as a form without the field
        return Markup('<input id="csrf_token" name="csrf_token" type="hidden" value="{}">').format(
            generate_csrf()
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
