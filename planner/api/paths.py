"""The teacher's own assessments and path, for other tools; personal API tokens."""

from datetime import date

from flask import g, jsonify, request

from planner.api import bp
from planner.api.catalogue import api_error
from planner.api.described import described
from planner.api.documents import step_document, unreachable_document
from planner.api.schemas.paths import AgreedPath, Assessment, AssessmentIn, AssessmentList, StepChange
from planner.api.tokens import bearer_token_required
from planner.catalogue.service import area_codes, current_framework
from planner.domain.assessment import COMPLEXITIES, class_context_problems
from planner.domain.catalogue import SCALE
from planner.domain.progress import TRANSITIONS
from planner.domain.targets import MAX_SPECIALISMS
from planner.extensions import db
from planner.models import Role
from planner.paths import assessing, service
from planner.paths.agreements import proposal_changes
from planner.paths.changes import cause_sentence, change_sentence
from planner.paths.explain import Context
from planner.paths.progress import StepRefused, change_step, step_of_current_path
from planner.paths.views import path_catalogue

COUNTS = ("class_size", "support_need", "extra_support_need")
# The bounds of the web's class context form.
COUNT_RANGE = {"class_size": (1, 60), "support_need": (0, 60), "extra_support_need": (0, 60)}
MAX_NOTE = 2000


# Only teachers have assessments and a learning path of their own.
token_required = bearer_token_required(
    Role.TEACHER, refusal="only teachers have assessments and a learning path"
)


def assessment_errors(body, known: set[str]) -> dict[str, str]:
    """A message per field; empty when the body can be stored as it is."""
    if not isinstance(body, dict):
        return {"body": "expected a JSON object"}
    errors = {}
    levels = body.get("levels")
    if not isinstance(levels, dict) or not levels:
        errors["levels"] = "expected an object of area codes with levels 0 to 5"
    else:
        for code, level in levels.items():
            if code not in known:
                errors[f"levels.{code}"] = "unknown area"
            elif type(level) is not int or level not in SCALE:
                errors[f"levels.{code}"] = "level must be a whole number from 0 (not yet) to 5"
        # Complete, as the web's assessment must be before it plans.
        for code in sorted(known - levels.keys()):
            errors[f"levels.{code}"] = "missing: every area needs a level from 0 to 5"
    for name in ("wishes", "specialisms"):
        codes = body.get(name, [])
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            errors[name] = "expected a list of area codes"
        else:
            for code in codes:
                if code not in known:
                    errors[f"{name}.{code}"] = "unknown area"
    if isinstance(body.get("specialisms"), list) and len(set(body["specialisms"])) > MAX_SPECIALISMS:
        errors["specialisms"] = f"at most {MAX_SPECIALISMS} specialisms"
    context = body.get("class_context")
    context = {} if context is None else context
    if not isinstance(context, dict):
        errors["class_context"] = "expected an object"
        context = {}
    for name in context.keys() - {*COUNTS, "complexity"}:
        errors[f"class_context.{name}"] = "unknown field"
    complexity = context.get("complexity")
    if complexity is not None and (type(complexity) is not int or complexity not in COMPLEXITIES):
        errors["class_context.complexity"] = "must be 1 (clear), 2 (complex) or 3 (very complex)"
    for name, (low, high) in COUNT_RANGE.items():
        value = context.get(name)
        if value is not None and (type(value) is not int or not low <= value <= high):
            errors[f"class_context.{name}"] = f"must be a whole number from {low} to {high}"
    if not any(key.startswith("class_context.") and key != "class_context.complexity" for key in errors):
        contradicting = {"support_need": "class_size", "extra_support_need": "support_need"}
        for name in class_context_problems(*(context.get(name) for name in COUNTS)):
            errors[f"class_context.{name}"] = f"cannot be more than {contradicting[name]}"
    return errors


def assessment_document(assessment) -> dict:
    return {
        "id": assessment.id,
        "date": assessment.completed_at.date().isoformat(),
        "levels": assessment.levels,
        "wishes": assessment.wishes,
        "specialisms": assessment.specialisms,
        "class_context": assessment.class_context,
    }


@bp.post("/me/assessments")
@described(
    Assessment,
    status=201,
    body=AssessmentIn,
    refusals={
        400: "The assessment was not stored, with a message per field",
        409: "There is no catalogue yet.",
    },
)
@token_required
def create_assessment():
    """Store a complete self-assessment and re-plan the teacher's path"""
    framework = current_framework()
    if framework is None:
        return api_error(409, "there is no catalogue yet")
    body = request.get_json(silent=True)
    errors = assessment_errors(body, set(area_codes(framework)))
    if errors:
        return api_error(400, "the assessment was not stored", errors)
    teacher = g.api_user
    assessing.discard_draft(teacher)
    assessment = assessing.start_draft(teacher, None)
    assessing.set_areas(
        assessment,
        body["levels"],
        wishes=set(body.get("wishes", [])),
        specialisms=set(body.get("specialisms", [])),
    )
    context = body.get("class_context") or {}
    assessing.set_class_context(
        assessment, *(context.get(name) for name in COUNTS), complexity=context.get("complexity")
    )
    assessing.complete(assessment)
    db.session.flush()
    try:
        service.replan(teacher, "assessment")
    except service.CannotPlan:
        pass  # stored all the same; the path follows once the profile names a sector
    db.session.commit()
    return jsonify(assessment_document(assessment)), 201


@bp.get("/me/assessments")
@described(AssessmentList)
@token_required
def list_assessments():
    """The teacher's complete self-assessments, newest first"""
    return jsonify(assessments=[assessment_document(a) for a in service.assessments(g.api_user)])


@bp.get("/me/path")
@described(AgreedPath, refusals={404: "No learning path yet: post a self-assessment first."})
@token_required
def my_path():
    """The agreed path (else the newest version), with the open proposal beside it"""
    service.plan_if_out_of_date(g.api_user)
    versions = service.path_versions(g.api_user)
    if not versions:
        return api_error(404, "no learning path yet: post a self-assessment first")
    return jsonify(agreement_document(versions))


def agreement_document(versions) -> dict:
    path = service.current_path_of(versions)
    agreement, proposal = service.agreement_and_proposal(versions)
    service.with_steps([path, proposal])
    names, marks = path_catalogue(path, proposal)
    document = path_document(path, names, marks)
    document["proposal"] = None
    if proposal is not None:
        document["proposal"] = {
            **path_document(proposal, names, marks),
            "cause": proposal.cause,
            "cause_detail": proposal.cause_detail,
            "why": cause_sentence(proposal),
            "changes": [
                {**change, "text": change_sentence(change, names)}
                for change in proposal_changes(agreement, proposal)
            ],
        }
    return document


def path_document(path, names, marks) -> dict:
    context = Context(school_year_label=path.school_year_label)
    return {
        "version": path.version,
        "phase": path.phase,
        "sector": path.sector,
        "budget_hours_per_year": path.budget_hours_per_year,
        "accepted": path.accepted_at is not None,
        "steps": [
            {
                **step_document(_step_fields(step), names, context),
                # "withdrawn" or "changed" when the catalogue no longer offers it as planned
                "catalogue": marks.get(step.id),
            }
            for step in path.steps
        ],
        "unreachable": [unreachable_document(u, names, context) for u in path.unreachable],
    }


def _step_fields(step) -> dict:
    return {
        "id": step.id,
        "module": step.module_code,
        "phase": step.phase,
        "school_year": step.school_year,
        "period": step.period,
        "last_school_year": step.last_school_year,
        "last_period": step.last_period,
        "hours": step.hours,
        "status": step.status,
        "outcomes": step.outcomes,
        "needs_facilitation": step.needs_facilitation,
        "facilitation_hours": step.facilitation_hours,
        "reasons": step.reasons,
        "requires": step.requires,
    }


@bp.post("/me/path/proposal/<any(accept, dismiss):decision>")
@described(AgreedPath, refusals={409: "There is no proposal beside the agreement."})
@token_required
def decide_proposal(decision: str):
    """Accept the proposal (it becomes the agreement) or dismiss it and keep the agreement"""
    teacher = g.api_user
    try:
        if decision == "accept":
            service.accept_proposal(teacher)
        else:
            service.dismiss_proposal(teacher)
    except service.NoProposal:
        return api_error(409, "there is no proposal beside your agreement")
    db.session.commit()
    return jsonify(agreement_document(service.path_versions(teacher)))


@bp.patch("/me/path/steps/<int:step_id>")
@described(
    AgreedPath,
    body=StepChange,
    refusals={
        400: "The step was not changed, with a message per field",
        404: "No such step in the teacher's path.",
        409: "The step belongs to an earlier version of the path, or a simultaneous change came first.",
    },
)
@token_required
def update_step(step_id: int):
    """Record progress on a step of the agreed path

    Answers the path with new step ids."""
    teacher = g.api_user
    found = step_of_current_path(teacher, step_id)
    if found is None:
        return api_error(404, "no such step in your path")
    path, step = found
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return api_error(400, "expected a JSON object", {"body": "expected a JSON object"})
    status = body.get("status")
    if not isinstance(status, str) or status not in TRANSITIONS:
        return api_error(
            400, "the step was not changed", {"status": "one of planned, in_progress, done, skipped"}
        )
    on_date = None
    if body.get("date") is not None:
        try:
            on_date = date.fromisoformat(body["date"])
        except (TypeError, ValueError):
            return api_error(400, "the step was not changed", {"date": "expected YYYY-MM-DD"})
    note = body.get("reason") if status == "skipped" else body.get("note", "")
    field = "reason" if status == "skipped" else "note"
    if note is not None and not isinstance(note, str):
        return api_error(400, "the step was not changed", {field: "expected text"})
    if note and len(note) > MAX_NOTE:
        return api_error(400, "the step was not changed", {field: f"at most {MAX_NOTE} characters"})
    try:
        change_step(teacher, path, step, status, on_date=on_date, note=note or "")
    except StepRefused as refusal:
        db.session.rollback()
        status_code = 409 if refusal.field == "id" else 400
        field = {"on_date": "date"}.get(refusal.field, refusal.field)
        return api_error(status_code, "the step was not changed", {field: refusal.message})
    db.session.commit()
    return jsonify(agreement_document(service.path_versions(teacher)))
