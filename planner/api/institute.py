"""The institute's programmes, their coverage and its alumni's needs, for institute staff's
own tools; never an individual teacher's data."""

from functools import wraps

from flask import g, jsonify, request

from planner.api import bp
from planner.api.catalogue import api_error
from planner.api.described import described
from planner.api.schemas.institute import AlumniGrouping, AlumniNeeds, ProgrammeCoverage, ProgrammeList
from planner.api.tokens import bearer_token_required
from planner.domain.anonymise import DIMENSIONS, K
from planner.institute import service
from planner.institute.export import programme_document
from planner.models import Role

STAFF_ONLY = "only the staff of an institute see its programmes and alumni"


def institute_token_required(view):
    """An institute staff member's token; the view is given their institute."""

    @bearer_token_required(Role.INSTITUTE, refusal=STAFF_ONLY)
    @wraps(view)
    def wrapped(*args, **kwargs):
        institute = g.api_user.institute
        if institute is None:
            return api_error(403, STAFF_ONLY)
        return view(institute, *args, **kwargs)

    return wrapped


@bp.get("/institute/programmes")
@described(ProgrammeList)
@institute_token_required
def institute_programmes(institute):
    """The institute's programmes per study year"""
    return jsonify(programmes=[programme_document(p) for p in service.programmes(institute)])


@bp.get("/institute/programmes/<code>/coverage")
@described(ProgrammeCoverage, refusals={404: "The institute has no programme with this code."})
@institute_token_required
def institute_coverage(institute, code: str):
    """A programme's coverage of the initial targets"""
    programme = service.programme_or_404(institute, code)
    rows = service.programme_coverage(service.programme_modules(programme), programme.sectors)
    return jsonify(
        programme=programme.code,
        sectors=programme.sectors,
        areas=[
            {
                "area": row.area,
                "sector": row.sector,
                "target": row.target,
                "reached": row.reached,
                "with_electives": row.with_electives,
            }
            for row in rows
        ],
    )


@bp.get("/institute/alumni-needs")
@described(AlumniNeeds, query=AlumniGrouping, refusals={400: "An unknown or repeated grouping"})
@institute_token_required
def institute_alumni_needs(institute):
    """The anonymised needs of the institute's alumni in induction

    Groups of fewer than k alumni are suppressed; only the grouped keys are in each cell."""
    raw = request.args.get("group_by", "")
    names = [name.strip() for name in raw.split(",") if name.strip()]
    unknown = [name for name in names if name not in DIMENSIONS]
    if unknown or len(set(names)) != len(names):
        return api_error(
            400,
            "invalid grouping",
            {"group_by": f"a comma-separated subset of {', '.join(DIMENSIONS)}, each once"},
        )
    cells = service.alumni_needs(institute, names)
    return jsonify(
        k=K,
        cells=[
            {
                **cell.group,
                "area": cell.area,
                "n": cell.n,
                "below_target": cell.below_target,
                "mean_gap": cell.mean_gap,
                "suppressed": cell.suppressed,
            }
            for cell in cells
        ],
    )
