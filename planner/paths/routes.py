from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner import access
from planner.catalogue.service import current_framework, framework_areas
from planner.extensions import db
from planner.models import Role
from planner.paths import assessing, bp, service
from planner.paths.agreements import proposal_changes
from planner.paths.changes import cause_sentence, change_sentence
from planner.paths.forms import (
    PAGES,
    ClassContextForm,
    DoneForm,
    PlainForm,
    SkipForm,
    StartForm,
    area_fields,
    area_page_form,
)
from planner.paths.path_view import TokenOnly, path_view
from planner.paths.progress import StepRefused, change_step, step_of_current_path

RETRY_KEY = "step_retry"
CANNOT_PLAN = {
    "no-catalogue": lambda: _("There is no catalogue yet; ask the administrator to import one."),
    "no-assessment": lambda: _("Fill in your self-assessment first."),
    "no-sector": lambda: _("Choose your sector on your profile page first."),
}


def page_areas(areas, page: str):
    return [area for area in areas if area.group == page]


def first_missing(draft, areas):
    """The first area without a level, in the order the pages ask them; None when complete."""
    asked = [area for page in PAGES[:-1] for area in page_areas(areas, page)]
    missing = set(assessing.missing_areas(draft, [area.code for area in asked]))
    return next((area for area in asked if area.code in missing), None)


@bp.route("/assessment")
@access.role_required(Role.TEACHER)
def assessment():
    draft = assessing.draft_assessment(current_user)
    if draft is None:
        return redirect(url_for("paths.assessment_page", page=PAGES[0]))
    missing = first_missing(draft, framework_areas(current_framework()))
    return redirect(url_for("paths.assessment_page", page=missing.group if missing else PAGES[-1]))


@bp.route("/assessment/<page>", methods=["GET", "POST"])
@access.role_required(Role.TEACHER)
def assessment_page(page: str):
    if page not in PAGES:
        abort(404)
    framework = current_framework()
    if framework is None:
        flash(CANNOT_PLAN["no-catalogue"](), "error")
        return redirect(url_for("main.index"))
    areas = framework_areas(framework, descriptors=True)
    draft = assessing.draft_assessment(current_user)
    if page == "context":
        return _context_page(framework, areas, draft)
    shown = page_areas(areas, page)
    going_on = "onward" in request.form
    source = draft or service.latest_assessment(current_user)
    data = _prefill(source) if source is not None and request.method == "GET" else None
    form = area_page_form(shown, required=going_on, data=data)
    if form.validate_on_submit():
        draft = draft or assessing.start_draft(current_user, service.latest_assessment(current_user))
        assessing.set_areas(
            draft,
            {
                a.code: int(form[f"level_{a.code}"].data) if form[f"level_{a.code}"].data else None
                for a in shown
            },
            wishes={a.code for a in shown if form[f"wish_{a.code}"].data},
        )
        db.session.commit()
        if "later" in request.form:
            flash(_("Your answers are saved. Continue whenever you like."), "success")
            return redirect(url_for("main.index"))
        index = PAGES.index(page) + (1 if going_on else -1)
        return redirect(url_for("paths.assessment_page", page=PAGES[max(0, index)]))
    return render_template(
        "paths/assessment.html",
        form=form,
        page=page,
        pages=PAGES,
        fields=area_fields(form, shown),
        teacher=current_user,
    )


def _prefill(assessment) -> dict:
    data = {}
    for row in assessment.areas:
        data[f"level_{row.area_code}"] = str(row.level) if row.level is not None else None
        data[f"wish_{row.area_code}"] = row.wish
    return data


def _context_page(framework, areas, draft):
    source = draft or service.latest_assessment(current_user)
    data = None
    if source is not None and request.method == "GET":
        data = {
            **source.class_context,
            "specialisms": source.specialisms,
            "support": source.class_support or [],
        }
    form = ClassContextForm(areas, data=data)
    if form.validate_on_submit():
        draft = draft or assessing.start_draft(current_user, service.latest_assessment(current_user))
        assessing.set_class_context(
            draft,
            form.class_size.data,
            form.support_need.data,
            form.extra_support_need.data,
            form.complexity_value,
            form.support.data or None,
        )
        assessing.set_areas(draft, {}, specialisms=set(form.specialisms.data or []))
        if "back" in request.form:
            db.session.commit()
            return redirect(url_for("paths.assessment_page", page=PAGES[-2]))
        if "later" in request.form:
            db.session.commit()
            flash(_("Your answers are saved. Continue whenever you like."), "success")
            return redirect(url_for("main.index"))
        first = first_missing(draft, areas)
        if first is not None:
            db.session.commit()
            flash(_("Choose a level for every area first, starting with %(area)s.", area=first.name), "error")
            return redirect(url_for("paths.assessment_page", page=first.group))
        assessing.complete(draft)
        try:
            service.replan(current_user, "assessment")
        except service.CannotPlan as refusal:
            db.session.commit()
            flash(CANNOT_PLAN[refusal.reason](), "error")
            return redirect(url_for("paths.results"))
        db.session.commit()
        flash(_("Your self-assessment is saved and your learning path is planned."), "success")
        return redirect(url_for("paths.path"))
    return render_template(
        "paths/assessment_context.html",
        form=form,
        page="context",
        pages=PAGES,
        teacher=current_user,
    )


@bp.get("/assessment/results")
@access.role_required(Role.TEACHER)
def results():
    from planner.paths.pages import results_page

    return results_page(current_user)


@bp.get("/assessment/results/<int:assessment_id>")
@access.role_required(Role.TEACHER)
def earlier_assessment(assessment_id: int):
    from planner.paths.pages import earlier_assessment_page

    return earlier_assessment_page(current_user, assessment_id)


@bp.get("/path")
@access.role_required(Role.TEACHER)
def path():
    service.plan_if_out_of_date(current_user)
    versions = service.path_versions(current_user)
    return _path_page(service.current_path_of(versions), versions)


@bp.get("/path/versions/<int:version>")
@access.role_required(Role.TEACHER)
def path_version(version: int):
    service.plan_if_out_of_date(current_user)
    versions = service.path_versions(current_user)
    path = next((v for v in versions if v.version == version), None)
    if path is None:
        abort(404)
    return _path_page(path, versions)


def _path_page(path, versions):
    """The path the teacher works on (or an earlier version), with the open proposal
    beside the agreement and what it would change."""
    current = service.current_path_of(versions)
    agreement, proposal = service.agreement_and_proposal(versions)
    latest = path is not None and path is current
    view, steps = path_view(path, proposal, latest, current_framework()) if path else (None, [])
    if proposal is not None:
        # What the proposal would change is read from both versions' steps.
        service.with_steps([agreement, proposal])
    # What a refused step update typed comes back from the session (post/redirect/get),
    # for that step only.
    retry = session.pop(RETRY_KEY, None) if latest else None
    return render_template(
        "paths/path.html",
        path=path,
        latest=latest,
        proposal=proposal,
        changes=proposal_changes(agreement, proposal),
        view=view,
        steps=steps,
        names=view.names if view else None,
        versions=versions,
        has_assessment=path is not None or service.latest_assessment(current_user) is not None,
        change_sentence=change_sentence,
        cause_sentence=cause_sentence,
        plain=TokenOnly(),
        retry=retry,
    )


@bp.get("/path/print")
@access.role_required(Role.TEACHER)
def print_path():
    from planner.paths.pages import print_page

    service.plan_if_out_of_date(current_user)
    return print_page(current_user)


@bp.post("/path/accept")
@access.role_required(Role.TEACHER)
def accept():
    path = service.current_path(current_user)
    if path is None or not PlainForm().validate_on_submit():
        abort(400)
    service.accept_path(path)
    db.session.commit()
    flash(_("You accepted this learning path."), "success")
    return redirect(url_for("paths.path"))


@bp.post("/path/proposal/<any(accept, dismiss):decision>")
@access.role_required(Role.TEACHER)
def decide_proposal(decision: str):
    if not PlainForm().validate_on_submit():
        abort(400)
    try:
        if decision == "accept":
            service.accept_proposal(current_user)
        else:
            service.dismiss_proposal(current_user)
    except service.NoProposal:
        flash(_("There is no proposal beside your agreement any more."), "error")
        return redirect(url_for("paths.path"))
    db.session.commit()
    if decision == "accept":
        flash(_("You accepted the proposal: it is your agreement now."), "success")
    else:
        flash(_("You kept your agreement; the proposal stays in the list of versions."), "success")
    return redirect(url_for("paths.path"))


@bp.route("/path/replan", methods=["GET", "POST"])
@access.role_required(Role.TEACHER)
def replan():
    """Planning again replaces the path shown: the page asks first, its button plans."""
    if request.method == "GET":
        return replan_confirmation()
    if not PlainForm().validate_on_submit():
        abort(400)
    before = service.path_versions(current_user)
    try:
        service.replan(current_user, "request")
    except service.CannotPlan as refusal:
        flash(CANNOT_PLAN[refusal.reason](), "error")
        return redirect(url_for("paths.path"))
    db.session.commit()
    after = service.path_versions(current_user)
    if [v.id for v in after] == [v.id for v in before]:
        flash(_("Planned again: nothing changes in your path."), "success")
    elif service.agreement_and_proposal(after)[1] is not None:
        flash(_("Planned again: the new plan is a proposal beside your agreement."), "success")
    else:
        flash(_("Your path has been planned again; the previous version stays available."), "success")
    return redirect(url_for("paths.path"))


def replan_confirmation():
    versions = service.path_versions(current_user)
    if not versions:
        return redirect(url_for("paths.path"))
    agreement = service.agreement_and_proposal(versions)[0]
    consequences = [
        _(
            "The planner makes a new version of your path from your latest self-assessment, "
            "your profile and the catalogue as they are now. What you have done or started stays."
        ),
        _("You have accepted a path: the new plan comes as a proposal beside it, and you decide.")
        if agreement is not None
        else _("The current version stays available in the list of versions."),
    ]
    return render_template(
        "main/confirm.html",
        question=_("Plan your path again?"),
        consequences=consequences,
        button=_("Plan again"),
        cancel_url=url_for("paths.path"),
    )


@bp.post("/path/steps/<int:step_id>")
@access.role_required(Role.TEACHER)
def step(step_id: int):
    found = step_of_current_path(current_user, step_id)
    if found is None:
        abort(404)
    path, step = found
    action = request.form.get("action")
    forms = {"start": StartForm(), "done": DoneForm(), "skip": SkipForm(), "plan": PlainForm()}
    form = forms.get(action)
    if form is None:
        abort(400)
    back = url_for("paths.path", _anchor=step.module_code)
    if not form.validate_on_submit():
        return _retry(step, form, back)
    status = {"start": "in_progress", "done": "done", "skip": "skipped", "plan": "planned"}[action]
    try:
        change_step(
            current_user,
            path,
            step,
            status,
            on_date=getattr(form, "on_date", None) and form.on_date.data,
            note=(form.note.data if action == "done" else form.reason.data if action == "skip" else "") or "",
        )
    except StepRefused as refusal:
        db.session.rollback()
        field = getattr(form, refusal.field, None)
        if field is None:
            flash(refusal.message, "error")
            return redirect(back)
        # A refusal about what was typed shows at its field, with everything typed kept.
        field.errors = [*field.errors, refusal.message]
        return _retry(step, form, back)
    db.session.commit()
    flash(_("Saved. Your path has been planned again; the previous version stays available."), "success")
    # Step ids change with every version; the module code finds the step again.
    return redirect(back)


def _retry(step, form, back: str):
    """A refused step update: what was typed and the first message per field wait in the
    session for the path page, so a reload never posts again (post/redirect/get)."""
    session[RETRY_KEY] = {
        "module": step.module_code,
        "values": {name: request.form.get(name, "") for name in ("on_date", "note", "reason")},
        "errors": {field.name: str(field.errors[0]) for field in form if field.errors},
    }
    return redirect(back, 303)
