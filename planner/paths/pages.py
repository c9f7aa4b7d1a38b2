"""Pages that gather a teacher's assessments and path: start page, results, print view.

The leader's view of a teacher uses the same pieces, so both see the same picture.
"""

from flask import abort, render_template

from planner.catalogue.service import current_framework, framework_areas
from planner.paths import assessing, service
from planner.paths.changes import MARKS
from planner.paths.levels import teacher_assessments, teacher_levels
from planner.paths.views import catalogue_names, chart_geometry, chart_rows, path_catalogue, path_names


def assessment_overview(teacher) -> dict:
    """Where the teacher stands against the phase target, beside the latest and previous
    self-assessment, the mentor's assessment and the observed levels."""
    framework = current_framework()
    areas = framework_areas(framework)
    _levels, sources, found = teacher_levels(teacher, framework)
    latest, mentor = found.latest, found.mentor
    phase = teacher.phase
    sector = teacher.teaching_sector
    targets = {}
    if framework is not None and sector is not None:
        codes = frozenset(area.code for area in areas)
        entries = service.target_entries(framework)
        targets = service.teacher_targets(entries, codes, teacher, latest).get(phase, {})
    topics = assessing.conversation_topics(latest, mentor)
    modules = {s.module for s in sources.values() if s.module}
    names = catalogue_names(framework, modules) if modules else None
    rows = chart_rows(areas, found, sources, targets, topics, names)
    reached = sum(row.reached for row in rows)
    return {
        "areas": areas,
        "area_names": {area.code: area.name for area in areas},
        "rows": rows,
        "latest": latest,
        "previous": found.previous,
        "mentor": mentor,
        "observations": found.observations,
        # The latest is the one shown above: the list holds the earlier ones.
        "history": found.own[1:],
        "phase": phase,
        "sector": sector,
        "topics": topics,
        "reached": reached,
        "with_target": sum(1 for row in rows if row.target),
        "chart": chart_geometry(),
        "draft": assessing.draft_assessment(teacher),
    }


def results_page(teacher):
    return render_template("paths/results.html", teacher=teacher, **assessment_overview(teacher))


def earlier_assessment_page(teacher, assessment_id: int):
    """One of the teacher's own complete self-assessments with its levels; another's, a
    draft, or a mentor's answers 404."""
    found = teacher_assessments(teacher)
    assessment = next((a for a in found.own if a.id == assessment_id), None)
    if assessment is None:
        abort(404)
    areas = framework_areas(current_framework(), descriptors=True)
    descriptors = {area.code: {d.level: d.text for d in area.descriptors} for area in areas}
    return render_template(
        "paths/earlier_assessment.html",
        assessment=assessment,
        is_latest=assessment is found.latest,
        areas=areas,
        descriptors=descriptors,
    )


def teacher_start(teacher):
    from planner.school.coaching import coached_by
    from planner.school.peers import pairs_of

    path = service.current_path(teacher)
    upcoming = []
    if path is not None:
        upcoming = [s for s in path.steps if s.status in ("in_progress", "planned")][:4]
    return render_template(
        "paths/start.html",
        teacher=teacher,
        path=path,
        upcoming=upcoming,
        names=path_names(path),
        peer_pairs=pairs_of(teacher),
        coached=coached_by(teacher),
        **assessment_overview(teacher),
    )


def print_page(teacher, back_url: str | None = None):
    """The agreement (else the newest version) for the development conversation, with a
    word about a proposal that still waits beside it."""
    versions = service.path_versions(teacher)
    path = service.current_path_of(versions)
    _, proposal = service.agreement_and_proposal(versions)
    names, marks = path_catalogue(path)
    return render_template(
        "paths/print.html",
        teacher=teacher,
        path=path,
        proposal=proposal,
        names=names,
        marks=marks,
        mark_labels=MARKS,
        back_url=back_url,
        **assessment_overview(teacher),
    )
