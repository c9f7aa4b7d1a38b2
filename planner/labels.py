"""Translatable names for the domain's codes, shared by forms and templates."""

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

PHASE_LABELS = {
    "initial": _l("Initial training"),
    "induction": _l("Induction"),
    "experienced": _l("Experienced"),
}
SECTOR_LABELS = {
    "po": _l("Primary (po)"),
    "vo": _l("Secondary (vo)"),
    "mbo": _l("Vocational (mbo)"),
    "go": _l("Specialised (sbo, so, vso)"),
}
QUALIFICATION_LABELS = {
    "student": _l("Student teacher"),
    "side-entrant": _l("Side entrant or PDG: teaching while qualifying"),
    "qualified": _l("Qualified teacher"),
}
GROUP_LABELS = {
    "support": _l("Support areas"),
    "basis": _l("Professional basis"),
}
REQUIREMENT_LABELS = {
    "pedagogical": _l("pedagogical"),
    "subject-didactic": _l("subject-didactic"),
    "subject-content": _l("subject-content"),
}
LEVEL_LABELS = {
    0: _l("not yet"),
    1: _l("orienting"),
    2: _l("starting"),
    3: _l("basic"),
    4: _l("proficient"),
    5: _l("specialist"),
}
FORMAT_LABELS = {
    "training-one-day": _l("One-day training"),
    "lesson-observation": _l("Lesson observation"),
    "team-study-day": _l("Team study day"),
    "intervision": _l("Intervision and peer consultation"),
    "coaching": _l("Coaching"),
    "training-multi-day": _l("Multi-day training"),
    "buddy-programme": _l("Buddy or mentor programme"),
    "elective": _l("Elective"),
    "placement-go": _l("Placement in specialised education"),
    "specialisation-track": _l("Specialisation track"),
    "master-module": _l("Master module"),
    "minor": _l("Minor"),
    "whole-school-approach": _l("Whole-school approach"),
    "master": _l("Master"),
}
STATUS_LABELS = {
    "planned": _l("planned"),
    "in_progress": _l("in progress"),
    "done": _l("done"),
    "skipped": _l("skipped"),
}
CAUSE_LABELS = {
    "assessment": _l("after a self-assessment"),
    "progress": _l("after progress on a step"),
    "request": _l("planned again on request"),
    "profile": _l("after a change of profile"),
    "mentor": _l("after a mentor assessment"),
    "observation": _l("after a lesson observation"),
    "school": _l("after a change of the school profile"),
    "catalogue": _l("after a change in the catalogue"),
}
PROVIDER_KIND_LABELS = {
    "institute": _l("Teacher-training institute"),
    "school-board": _l("School board"),
    "samenwerkingsverband": _l("Samenwerkingsverband"),
    "external": _l("External provider"),
}

REACH_LABELS = {
    "sector": _l("Every teacher in its sectors"),
    "board": _l("The schools of one school board"),
    "region": _l("The schools of one samenwerkingsverband region"),
    "alumni": _l("The alumni of one institute"),
}


def reach_text(kind: str, name: str) -> str:
    """Who may take a module, with the board, region or institute named."""
    if kind == "board":
        return _("Only for schools of school board %(name)s", name=name)
    if kind == "region":
        return _("Only for schools in samenwerkingsverband region %(name)s", name=name)
    if kind == "alumni":
        return _("Only for alumni of %(name)s", name=name)
    return _("For every teacher in its sectors")


def duration_text(periods: int) -> str:
    """A duration in periods, with the school years it spans (two periods a year)."""
    if periods == 1:
        return _("1 period (half a school year)")
    years, half = divmod(periods, 2)
    if half:
        return ngettext(
            "%(periods)d periods (one and a half school years)",
            "%(periods)d periods (%(num)d and a half school years)",
            years,
            periods=periods,
        )
    return ngettext(
        "%(periods)d periods (one school year)",
        "%(periods)d periods (%(num)d school years)",
        years,
        periods=periods,
    )


# The documents a catalogue item's source cites by number: the research behind the product.
SOURCE_DOCUMENTS = {
    "000": _l("news item on the letter to parliament about teachers' support needs (April 2025)"),
    "001": _l("letter to parliament on support and professionalisation for inclusive education (2025)"),
    "002": _l(
        "research report on the needs of teachers for support and professionalisation in "
        "passend and more inclusive education (2025)"
    ),
    "003": _l("goals monitor passend onderwijs 2021-2027"),
    "004": _l("needs inventory on professionalisation in passend onderwijs (2015)"),
}


def source_documents(source: str | None) -> list[str]:
    """What the document numbers in a source stand for, in the order they are cited."""
    cited = re.findall(r"\b(00[0-4])\b", source or "")
    return [f"{number}: {SOURCE_DOCUMENTS[number]}" for number in dict.fromkeys(cited)]


def template_globals() -> dict:
    return {
        "phase_labels": PHASE_LABELS,
        "sector_labels": SECTOR_LABELS,
        "qualification_labels": QUALIFICATION_LABELS,
        "group_labels": GROUP_LABELS,
        "requirement_labels": REQUIREMENT_LABELS,
        "level_labels": LEVEL_LABELS,
        "format_labels": FORMAT_LABELS,
        "provider_kind_labels": PROVIDER_KIND_LABELS,
        "status_labels": STATUS_LABELS,
        "cause_labels": CAUSE_LABELS,
        "reach_labels": REACH_LABELS,
        "reach_text": reach_text,
        "duration_text": duration_text,
        "source_documents": source_documents,
    }
