"""The admin's edits of the competence framework: area names, level descriptors and target
profiles. Each edit is checked as an import of the changed framework would be, makes a new
framework version, and offers every teacher with a path a re-plan on it."""

import re

import sqlalchemy as sa

from planner import audit
from planner.catalogue.export import export_document
from planner.catalogue.interchange import check_document
from planner.extensions import db
from planner.models import Area, Framework, LearningPath, Target, User
from planner.paths.service import planning_catalogue, replan_if_planned


def next_version(version: str) -> str:
    """2026.2 becomes 2026.3; a version without a trailing number gains ".1"."""
    match = re.search(r"(\d+)$", version)
    if match is None:
        return f"{version}.1" if version else "1"
    return version[: match.start()] + str(int(match.group(1)) + 1)


def target_entry(document: dict, phase: str, sector: str) -> dict | None:
    return next((t for t in document["targets"] if (t["phase"], t["sector"]) == (phase, sector)), None)


def edit_area(framework: Framework, area: Area, names: dict, descriptors: dict[int, dict]) -> int:
    """New names ({"nl", "en"}) and descriptors ({level: {"nl", "en"}}); raises ImportRefused."""
    document = export_document(framework)
    entry = next(a for a in document["areas"] if a["code"] == area.code)
    entry["name"] = _text(names)
    entry["levels"].update({str(level): _text(text) for level, text in descriptors.items()})
    check_document(document)
    area.name_nl, area.name_en = names["nl"].strip(), names.get("en", "").strip()
    for descriptor in area.descriptors:
        if descriptor.level in descriptors:
            text = descriptors[descriptor.level]
            descriptor.text_nl, descriptor.text_en = text["nl"].strip(), text.get("en", "").strip()
    return _new_version(framework, "framework.area", area.code)


def edit_targets(framework: Framework, phase: str, sector: str, levels: dict[str, int]) -> int:
    """The target profile of one phase and sector, as levels per area code (an area left
    out has no target there); raises ImportRefused."""
    document = export_document(framework)
    entry = target_entry(document, phase, sector)
    if entry is None:
        entry = {"phase": phase, "sector": sector, "levels": {}, "source": ""}
        document["targets"].append(entry)
    entry["levels"] = dict(levels)
    check_document(document)
    rows = db.session.scalars(
        sa.select(Target).where(
            Target.framework_id == framework.id, Target.phase == phase, Target.sector == sector
        )
    ).all()
    position = min((row.position for row in rows), default=_last_position(framework) + 1)
    for row in rows:
        db.session.delete(row)
    db.session.flush()
    areas = {a.code: a for a in framework.areas}
    for code, level in levels.items():
        db.session.add(
            Target(
                framework=framework,
                phase=phase,
                sector=sector,
                area=areas[code],
                level=level,
                source=entry.get("source", ""),
                # The entry keeps its place among the others; its rows share it.
                position=position,
            )
        )
    return _new_version(framework, "framework.targets", f"{phase} {sector}")


def _last_position(framework: Framework) -> int:
    return db.session.scalar(
        sa.select(sa.func.coalesce(sa.func.max(Target.position), 0)).where(
            Target.framework_id == framework.id
        )
    )


def _text(text: dict) -> dict:
    result = {"nl": text["nl"].strip()}
    if text.get("en", "").strip():
        result["en"] = text["en"].strip()
    return result


def _new_version(framework: Framework, action: str, target: str) -> int:
    """Raise the version, record the change, and re-plan every teacher with a path on this
    framework (beside an agreement this is a proposal); returns how many were re-planned."""
    old = framework.version
    framework.version = next_version(old)
    audit.record(action, target, detail={"from": old, "to": framework.version})
    db.session.flush()
    catalogue = planning_catalogue()
    teachers = db.session.scalars(
        sa.select(User)
        .where(
            User.id.in_(
                sa.select(LearningPath.teacher_id).where(LearningPath.framework_code == framework.code)
            ),
            User.active.is_(True),
        )
        .order_by(User.id)
    ).all()
    planned_again = sum(replan_if_planned(teacher, "catalogue", catalogue) for teacher in teachers)
    db.session.commit()
    return planned_again
