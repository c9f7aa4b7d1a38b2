"""Export of the catalogue: interchange JSON, 1EdTech CASE 1.1 JSON and CSV."""

import csv
import io
import uuid

import sqlalchemy as sa
import sqlalchemy.orm as so

from planner.extensions import db
from planner.models import (
    Area,
    Framework,
    LevelRequirement,
    Module,
    ModuleRequirement,
    Outcome,
    Target,
)
from planner.security import spreadsheet_safe

CASE_NAMESPACE = uuid.UUID("6f1c7c1e-2f1e-4f35-9a53-8f6a4b0d2c11")


def _text(obj, field: str) -> dict:
    text = {"nl": getattr(obj, f"{field}_nl")}
    if getattr(obj, f"{field}_en"):
        text["en"] = getattr(obj, f"{field}_en")
    return text


def area_document(area: Area) -> dict:
    entry = {"code": area.code, "group": area.group, "name": _text(area, "name")}
    if area.description_nl:
        entry["description"] = _text(area, "description")
    entry["requirements"] = area.requirement_list
    entry["class_context"] = area.class_context
    entry["source"] = area.source
    entry["levels"] = {
        str(d.level): {"nl": d.text_nl, **({"en": d.text_en} if d.text_en else {})} for d in area.descriptors
    }
    return entry


def reach_document(kind: str, code: str) -> dict:
    return {"kind": kind} if kind == "sector" else {"kind": kind, "code": code}


def module_document(module: Module) -> dict:
    """A module in the interchange format, every key written out (defaults included)."""
    entry = {"code": module.code, "title": _text(module, "title")}
    if module.summary_nl:
        entry["summary"] = _text(module, "summary")
    if module.provider:
        entry["provider"] = {
            "code": module.provider.code,
            "name": module.provider.name,
            "kind": module.provider.kind,
        }
    entry.update(
        hours=module.hours,
        cost_eur=module.cost_eur,
        duration_periods=module.duration_periods,
        format=module.format,
        team_format=module.team_format,
        phases=module.phases,
        sectors=module.sectors,
        reach=reach_document(module.reach_kind, module.reach_code),
        outcomes={o.area.code: o.level for o in module.outcomes},
        requires={
            "modules": [r.required.code for r in module.required_modules],
            "levels": {r.area.code: r.level for r in module.required_levels},
        },
        source=module.source,
    )
    if module.retired:
        entry["retired"] = True
    return entry


def module_loader_options():
    """Eager loads that keep the number of queries independent of the number of modules."""
    return (
        so.selectinload(Module.provider),
        so.selectinload(Module.phase_rows),
        so.selectinload(Module.sector_rows),
        so.selectinload(Module.outcomes).joinedload(Outcome.area),
        so.selectinload(Module.required_modules).joinedload(ModuleRequirement.required),
        so.selectinload(Module.required_levels).joinedload(LevelRequirement.area),
    )


def framework_modules(framework: Framework, include_retired: bool = True) -> list[Module]:
    query = sa.select(Module).where(Module.framework_id == framework.id)
    if not include_retired:
        query = query.where(Module.retired.is_(False))
    return db.session.scalars(query.options(*module_loader_options()).order_by(Module.position)).all()


def targets_document(framework: Framework) -> list[dict]:
    targets = db.session.scalars(
        sa.select(Target)
        .where(Target.framework_id == framework.id)
        .options(so.joinedload(Target.area))
        .order_by(Target.position)
    ).all()
    entries: dict[tuple[str, str], dict] = {}
    for target in targets:
        entry = entries.setdefault(
            (target.phase, target.sector),
            {"phase": target.phase, "sector": target.sector, "levels": {}, "source": target.source},
        )
        entry["levels"][target.area.code] = target.level
    return list(entries.values())


def export_document(framework: Framework) -> dict:
    areas = db.session.scalars(
        sa.select(Area)
        .where(Area.framework_id == framework.id)
        .options(so.selectinload(Area.descriptors))
        .order_by(Area.position)
    ).all()
    spec = {"code": framework.code, "version": framework.version, "name": _text(framework, "name")}
    if framework.description_nl:
        spec["description"] = _text(framework, "description")
    spec["source"] = framework.source
    return {
        "framework": spec,
        "areas": [area_document(area) for area in areas],
        "modules": [module_document(module) for module in framework_modules(framework)],
        "targets": targets_document(framework),
    }


def _case_id(*parts: str) -> str:
    return str(uuid.uuid5(CASE_NAMESPACE, "/".join(parts)))


def export_case(framework: Framework, base_uri: str) -> dict:
    """The framework as a CASE 1.1 CFPackage: areas are CFItems, groups their parents."""
    document = export_document(framework)
    doc_id = _case_id(framework.code)
    modified = framework.imported_at.strftime("%Y-%m-%dT%H:%M:%S+00:00")

    def uri(identifier: str) -> str:
        return f"{base_uri}/{identifier}"

    def link(identifier: str, title: str) -> dict:
        return {"title": title, "identifier": identifier, "uri": uri(identifier)}

    cf_document = {
        "identifier": doc_id,
        "uri": uri(doc_id),
        "creator": framework.name_nl,
        "title": framework.name_nl,
        "lastChangeDateTime": modified,
        "language": "nl",
        "adoptionStatus": "Draft",
        "caseVersion": "1.1",
        "description": framework.description_nl or framework.name_nl,
        "frameworkType": "competency-framework",
    }
    if framework.version:
        cf_document["version"] = framework.version
    if framework.source:
        cf_document["notes"] = source_note(framework.source)
    items, associations = [], []
    groups = {"basis": "Professionele basis", "support": "Ondersteuningsgebieden"}
    group_ids = {}
    for group, title in groups.items():
        identifier = _case_id(framework.code, "group", group)
        group_ids[group] = identifier
        items.append(
            {
                "identifier": identifier,
                "uri": uri(identifier),
                "fullStatement": title,
                "humanCodingScheme": group,
                "CFItemType": "Domain",
                "lastChangeDateTime": modified,
                # The groups are the framework's own: its source is theirs.
                **({"notes": source_note(framework.source)} if framework.source else {}),
                "CFDocumentURI": link(doc_id, framework.name_nl),
            }
        )
        associations.append(
            _association(
                framework.code, "isChildOf", identifier, title, doc_id, framework.name_nl, uri, modified
            )
        )
    area_ids = {}
    for area in document["areas"]:
        identifier = _case_id(framework.code, "area", area["code"])
        area_ids[area["code"]] = (identifier, area["name"]["nl"])
        items.append(
            {
                "identifier": identifier,
                "uri": uri(identifier),
                "fullStatement": area["name"]["nl"],
                "humanCodingScheme": area["code"],
                "abbreviatedStatement": area["code"],
                "CFItemType": "Competency",
                "language": "nl",
                "lastChangeDateTime": modified,
                "notes": " | ".join(
                    [f"{lvl}: {text['nl']}" for lvl, text in area["levels"].items()]
                    + ([source_note(area["source"])] if area["source"] else [])
                ),
                "conceptKeywords": area.get("requirements", []),
                "CFDocumentURI": link(doc_id, framework.name_nl),
            }
        )
        associations.append(
            _association(
                framework.code,
                "isChildOf",
                identifier,
                area["name"]["nl"],
                group_ids[area["group"]],
                groups[area["group"]],
                uri,
                modified,
            )
        )
    for origin, destination in sorted(area_precedence(document)):
        (origin_id, origin_title), (dest_id, dest_title) = area_ids[origin], area_ids[destination]
        associations.append(
            _association(
                framework.code, "precedes", origin_id, origin_title, dest_id, dest_title, uri, modified
            )
        )
    for association in associations:
        association["CFDocumentURI"] = link(doc_id, framework.name_nl)
    return {"CFDocument": cf_document, "CFItems": items, "CFAssociations": associations}


def source_note(source: str) -> str:
    """The research behind an item, in the Dutch of the CASE document."""
    return f"Bron: {source}"


def _association(framework_code, kind, origin_id, origin_title, dest_id, dest_title, uri, modified):
    identifier = _case_id(framework_code, kind, origin_id, dest_id)
    return {
        "identifier": identifier,
        "uri": uri(identifier),
        "associationType": kind,
        "lastChangeDateTime": modified,
        "originNodeURI": {"title": origin_title, "identifier": origin_id, "uri": uri(origin_id)},
        "destinationNodeURI": {"title": dest_title, "identifier": dest_id, "uri": uri(dest_id)},
    }


def area_precedence(document: dict) -> set[tuple[str, str]]:
    """Area A precedes area B when a module reaching B requires a module or level in A, A != B."""
    outcomes = {m["code"]: set(m["outcomes"]) for m in document["modules"]}
    pairs = set()
    for module in document["modules"]:
        before = set(module["requires"].get("levels", {}))
        for required in module["requires"].get("modules", []):
            before |= outcomes.get(required, set())
        pairs |= {(a, b) for a in before for b in module["outcomes"] if a != b}
    return pairs


CSV_COLUMNS = [
    "code",
    "title_nl",
    "title_en",
    "provider",
    "format",
    "hours",
    "duration_periods",
    "cost_eur",
    "team_format",
    "phases",
    "sectors",
    "reach",
    "outcomes",
    "requires_modules",
    "requires_levels",
    "source",
    "retired",
]


def export_csv(framework: Framework) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for module in framework_modules(framework):
        entry = module_document(module)
        row = [
            module.code,
            module.title_nl,
            module.title_en,
            module.provider.name if module.provider else "",
            module.format,
            module.hours,
            module.duration_periods,
            module.cost_eur,
            "yes" if module.team_format else "",
            " ".join(module.phases),
            " ".join(module.sectors),
            ":".join(part for part in module.reach if part),
            " ".join(f"{a}:{lvl}" for a, lvl in entry["outcomes"].items()),
            " ".join(entry["requires"]["modules"]),
            " ".join(f"{a}:{lvl}" for a, lvl in entry["requires"]["levels"].items()),
            module.source,
            "yes" if module.retired else "",
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue()
