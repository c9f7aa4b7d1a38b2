"""Read-only catalogue API, in the shape of the interchange format."""

import hashlib
from collections import OrderedDict
from functools import wraps

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import abort, current_app, jsonify, make_response, request

from planner.api import bp
from planner.api.described import described
from planner.api.schemas.catalogue import AreaList, ModuleFilter, ModuleList, TargetList
from planner.catalogue import export, service
from planner.catalogue.forms import FilterForm
from planner.catalogue.query import filtered_modules
from planner.extensions import db
from planner.models import Area, Module
from planner.models.catalogue import current_locale


def api_error(status: int, message: str, fields: dict | None = None):
    body = {"error": message}
    if fields:
        body["fields"] = fields
    response = jsonify(body)
    response.status_code = status
    return response


# Answers already built (per application), by framework revision, address and language: the
# catalogue is read far more often than it changes. Bounded, as addresses carry free text.
ANSWERS_KEPT = 64


def _answers() -> OrderedDict:
    return current_app.extensions.setdefault("catalogue_answers", OrderedDict())


def revalidated(view):
    """An ETag from the catalogue's revision, so that a repeat request gets 304 Not Modified
    without building the answer, and the answer itself is built once per revision. The
    client asks again each time (no-cache), as edits may come."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        framework = service.current_framework()
        if framework is None:
            return view(*args, **kwargs)
        stamp = f"{framework.id}:{framework.imported_at}:{framework.revision}"
        key = f"{stamp}:{current_locale()}:{request.full_path}"
        answers = _answers()
        etag = hashlib.sha256(key.encode()).hexdigest()[:32]
        if etag in request.if_none_match:
            response = make_response("", 304)
        elif key in answers:
            answers.move_to_end(key)
            response = make_response(answers[key])
            response.mimetype = "application/json"
        else:
            response = make_response(view(*args, **kwargs))
            if response.status_code != 200:
                return response
            answers[key] = response.get_data()
            if len(answers) > ANSWERS_KEPT:
                answers.popitem(last=False)
        response.headers["Cache-Control"] = "no-cache"
        response.set_etag(etag)
        return response

    wrapped.revalidated = True
    return wrapped


def framework_document(framework) -> dict:
    return {"code": framework.code, "version": framework.version}


@bp.get("/areas")
@described(AreaList, refusals={404: "There is no catalogue yet."})
@revalidated
def areas():
    """The competence areas, with a descriptor per level"""
    framework = service.framework_or_404()
    rows = db.session.scalars(
        sa.select(Area)
        .where(Area.framework_id == framework.id)
        .options(so.selectinload(Area.descriptors))
        .order_by(Area.position)
    ).all()
    return jsonify(framework=framework_document(framework), areas=[export.area_document(a) for a in rows])


@bp.get("/modules")
@described(
    ModuleList,
    query=ModuleFilter,
    refusals={
        400: "A filter value is not known, with a message per filter",
        404: "There is no catalogue yet.",
    },
)
@revalidated
def modules():
    """The modules, filtered"""
    framework = service.framework_or_404()
    areas = db.session.scalars(sa.select(Area).where(Area.framework_id == framework.id)).all()
    form = FilterForm(request.args, areas=areas)
    if not form.validate():
        return api_error(400, "invalid filter", {name: errors[0] for name, errors in form.errors.items()})
    query = filtered_modules(framework, form.data).options(*export.module_loader_options())
    return jsonify(
        framework=framework_document(framework),
        modules=[export.module_document(m) for m in db.session.scalars(query)],
    )


@bp.get("/targets")
@described(TargetList, refusals={404: "There is no catalogue yet."})
@revalidated
def targets():
    """The target profiles per phase and sector

    Sector "*" is the default for every sector."""
    framework = service.framework_or_404()
    return jsonify(framework=framework_document(framework), targets=export.targets_document(framework))


@bp.get("/modules/<code>")
@described(
    {"$ref": "#/components/schemas/Module"},
    refusals={404: "No module with this code, or no catalogue yet."},
)
@revalidated
def module(code: str):
    """One module, by its code"""
    framework = service.framework_or_404()
    found = db.session.scalar(
        sa.select(Module)
        .where(Module.framework_id == framework.id, Module.code == code)
        .options(*export.module_loader_options())
    )
    if found is None:
        abort(404)
    return jsonify(export.module_document(found))
