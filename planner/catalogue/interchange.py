"""Import and export of the catalogue interchange format (JSON)."""

import sqlalchemy as sa
from jsonschema import Draft202012Validator

from planner.catalogue.schema import DOCUMENT
from planner.domain.catalogue import PHASES, SECTORS
from planner.domain.catalogue import Module as DomainModule
from planner.domain.graph import find_problems
from planner.extensions import db
from planner.models import (
    Area,
    Framework,
    LevelDescriptor,
    LevelRequirement,
    Module,
    ModulePhase,
    ModuleRequirement,
    ModuleSector,
    Outcome,
    Provider,
    Target,
)
from planner.security import json_problem

_validator = Draft202012Validator(DOCUMENT)


class ImportRefused(ValueError):
    """The file breaks a rule; each problem names the item and the rule."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _item_name(document: dict, path: list) -> str:
    if len(path) >= 2 and path[0] in ("areas", "modules", "targets") and isinstance(path[1], int):
        entry = document[path[0]][path[1]]
        label = entry.get("code") if isinstance(entry, dict) else None
        name = f"{path[0]}[{path[1]}]" + (f" {label}" if label else "")
        rest = ".".join(str(p) for p in path[2:])
        return f"{name}{'.' + rest if rest else ''}"
    return ".".join(str(p) for p in path) or "document"


def entry_module(entry: dict) -> DomainModule:
    """A module entry as the domain reads it; absent keys take the documented defaults."""
    reach = entry.get("reach", {"kind": "sector"})
    return DomainModule(
        code=entry["code"],
        hours=entry["hours"],
        format=entry["format"],
        phases=frozenset(entry["phases"]),
        sectors=frozenset(entry["sectors"]),
        outcomes=dict(entry["outcomes"]),
        requires_modules=tuple(entry.get("requires", {}).get("modules", [])),
        requires_levels=dict(entry.get("requires", {}).get("levels", {})),
        duration_periods=entry.get("duration_periods"),
        cost_eur=entry.get("cost_eur", 0),
        reach=(reach["kind"], reach.get("code", "")),
        team_format=entry.get("team_format"),
    )


def document_modules(document: dict) -> list[DomainModule]:
    return [entry_module(entry) for entry in document["modules"] if not entry.get("retired")]


def check_document(document: object) -> None:
    """Raise ImportRefused naming every problem; structure first, then the graph rules."""
    unstorable = json_problem(document)
    if unstorable is not None:
        raise ImportRefused([f"{unstorable[0]}: {unstorable[1]}"])
    errors = sorted(_validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise ImportRefused([f"{_item_name(document, list(e.absolute_path))}: {e.message}" for e in errors])
    problems: list[str] = []
    area_codes = [area["code"] for area in document["areas"]]
    for code in sorted({c for c in area_codes if area_codes.count(c) > 1}):
        problems.append(f"area {code}: duplicate-code: the code is used more than once")
    for index, target in enumerate(document.get("targets", [])):
        for code in target["levels"]:
            if code not in area_codes:
                problems.append(f"targets[{index}]: unknown-area: area {code} does not exist")
    providers: dict[str, tuple] = {}
    for entry in document["modules"]:
        reach = entry.get("reach", {})
        if reach.get("kind") == "sector" and "code" in reach:
            problems.append(
                f"module {entry['code']}: reach-code: a module for every teacher of its sectors "
                f"names no board, region or institute (found {reach['code']!r})"
            )
        provider = entry.get("provider")
        if not provider:
            continue
        described = (provider.get("name"), provider.get("kind"))
        first = providers.setdefault(provider["code"], described)
        if first != described:
            problems.append(
                f"module {entry['code']}: provider-mismatch: provider {provider['code']} is "
                f"described as {described[0]!r} ({described[1]}) here and as {first[0]!r} "
                f"({first[1]}) before"
            )
    retired = {m["code"] for m in document["modules"] if m.get("retired")}
    active = document_modules(document)
    for module in active:
        for required in module.requires_modules:
            if required in retired:
                problems.append(
                    f"module {module.code}: retired-requirement: requires retired module {required}"
                )
    problems += [str(problem) for problem in find_problems(active, area_codes)]
    if problems:
        raise ImportRefused(problems)


def import_document(document: dict) -> Framework:
    """Load a checked document; an existing framework with the same code is replaced."""
    check_document(document)
    try:
        framework = _write(document)
        db.session.commit()
    except sa.exc.DBAPIError as exc:
        # A rule the checks above missed: the database's reason, not a traceback.
        db.session.rollback()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise ImportRefused([f"document: the database refused it: {reason}"]) from None
    except Exception:
        db.session.rollback()
        raise
    return framework


def delete_framework(framework_id: int) -> None:
    modules = sa.select(Module.id).where(Module.framework_id == framework_id).scalar_subquery()
    areas = sa.select(Area.id).where(Area.framework_id == framework_id).scalar_subquery()
    for model in (Outcome, LevelRequirement, ModulePhase, ModuleSector):
        db.session.execute(sa.delete(model).where(model.module_id.in_(modules)))
    db.session.execute(sa.delete(ModuleRequirement).where(ModuleRequirement.module_id.in_(modules)))
    db.session.execute(sa.delete(Module).where(Module.framework_id == framework_id))
    db.session.execute(sa.delete(Target).where(Target.framework_id == framework_id))
    db.session.execute(sa.delete(LevelDescriptor).where(LevelDescriptor.area_id.in_(areas)))
    db.session.execute(sa.delete(Area).where(Area.framework_id == framework_id))
    db.session.execute(sa.delete(Framework).where(Framework.id == framework_id))


def _write(document: dict) -> Framework:
    spec = document["framework"]
    existing = db.session.scalar(sa.select(Framework.id).where(Framework.code == spec["code"]))
    if existing is not None:
        delete_framework(existing)
    framework = Framework(
        code=spec["code"],
        name_nl=spec["name"]["nl"],
        name_en=spec["name"].get("en", ""),
        description_nl=spec.get("description", {}).get("nl", ""),
        description_en=spec.get("description", {}).get("en", ""),
        version=spec.get("version", ""),
        source=spec.get("source", ""),
    )
    db.session.add(framework)
    areas = {}
    for position, entry in enumerate(document["areas"]):
        area = Area(
            framework=framework,
            code=entry["code"],
            group=entry["group"],
            position=position,
            name_nl=entry["name"]["nl"],
            name_en=entry["name"].get("en", ""),
            description_nl=entry.get("description", {}).get("nl", ""),
            description_en=entry.get("description", {}).get("en", ""),
            requirements=",".join(entry.get("requirements", [])),
            class_context=entry.get("class_context", False),
            source=entry.get("source", ""),
            descriptors=[
                LevelDescriptor(level=int(level), text_nl=text["nl"], text_en=text.get("en", ""))
                for level, text in sorted(entry["levels"].items())
            ],
        )
        areas[area.code] = area
    db.session.add_all(areas.values())
    providers = _providers(document)
    modules = {}
    for position, entry in enumerate(document["modules"]):
        resolved = entry_module(entry)
        module = Module(
            framework=framework,
            code=entry["code"],
            position=position,
            title_nl=entry["title"]["nl"],
            title_en=entry["title"].get("en", ""),
            summary_nl=entry.get("summary", {}).get("nl", ""),
            summary_en=entry.get("summary", {}).get("en", ""),
            provider=providers.get(entry.get("provider", {}).get("code")),
            hours=entry["hours"],
            cost_eur=resolved.cost_eur,
            format=entry["format"],
            duration_periods=resolved.duration_periods,
            reach_kind=resolved.reach[0],
            reach_code=resolved.reach[1],
            team_format=resolved.team_format,
            source=entry.get("source", ""),
            retired=entry.get("retired", False),
            phase_rows=[ModulePhase(phase=p) for p in PHASES if p in entry["phases"]],
            sector_rows=[ModuleSector(sector=s) for s in SECTORS if s in entry["sectors"]],
            outcomes=[Outcome(area=areas[c], level=lvl) for c, lvl in entry["outcomes"].items()],
            required_levels=[
                LevelRequirement(area=areas[c], level=lvl)
                for c, lvl in entry.get("requires", {}).get("levels", {}).items()
            ],
        )
        modules[module.code] = module
    db.session.add_all(modules.values())
    for entry in document["modules"]:
        module = modules[entry["code"]]
        module.required_modules = [
            ModuleRequirement(required=modules[code], position=position)
            for position, code in enumerate(entry.get("requires", {}).get("modules", []))
        ]
    position = 0
    for entry in document.get("targets", []):
        for code, level in entry["levels"].items():
            db.session.add(
                Target(
                    framework=framework,
                    phase=entry["phase"],
                    sector=entry["sector"],
                    area=areas[code],
                    level=level,
                    source=entry.get("source", ""),
                    position=position,
                )
            )
            position += 1
    db.session.flush()
    return framework


def _providers(document: dict) -> dict[str, Provider]:
    specs = {m["provider"]["code"]: m["provider"] for m in document["modules"] if "provider" in m}
    if not specs:
        return {}
    known = {p.code: p for p in db.session.scalars(sa.select(Provider).where(Provider.code.in_(specs)))}
    for code, spec in specs.items():
        provider = known.get(code) or Provider(code=code)
        provider.name, provider.kind = spec["name"], spec["kind"]
        known[code] = provider
        db.session.add(provider)
    return known
