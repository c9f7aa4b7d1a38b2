"""A programme as a file: the JSON the API answers, and a CASE 1.1 package whose modules
point at the framework's areas, so that other systems read the programme with its sources."""

from __future__ import annotations

import sqlalchemy as sa

from planner.catalogue.export import _association, _case_id, source_note
from planner.catalogue.service import current_framework
from planner.extensions import db
from planner.models import Area, Module, Outcome, Programme


def programme_document(programme: Programme) -> dict:
    """The programme per study year: compulsory modules and electives, by code."""
    return {
        "code": programme.code,
        "name": programme.name,
        "study_years": programme.study_years,
        "sectors": programme.sectors,
        "years": [
            {
                "year": year,
                "compulsory": programme.module_codes(year, True),
                "electives": programme.module_codes(year, False),
            }
            for year in range(1, programme.study_years + 1)
        ],
    }


def programme_file(programme: Programme) -> dict:
    """The programme with its institute and the framework its modules come from."""
    framework = current_framework()
    return {
        "institute": {"code": programme.institute.code, "name": programme.institute.name},
        "framework": {"code": framework.code, "version": framework.version} if framework else None,
        "programme": programme_document(programme),
    }


def programme_case(programme: Programme, base_uri: str) -> dict:
    """The programme as a CASE 1.1 CFPackage: study years are its items, their modules items
    below them, each module "isRelatedTo" the framework's areas it brings (the framework's
    own CASE export holds those items under the same identifiers)."""
    framework = current_framework()
    framework_code = framework.code if framework else ""
    doc_id = _case_id(
        framework_code, "programme", programme.institute.code or str(programme.institute_id), programme.code
    )
    modified = framework.imported_at if framework else None
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%S+00:00") if modified else "1970-01-01T00:00:00+00:00"
    codes = sorted({row.module_code for row in programme.modules})
    modules = {
        module.code: module
        for module in db.session.scalars(
            sa.select(Module).where(
                Module.framework_id == (framework.id if framework else -1), Module.code.in_(codes)
            )
        )
    }
    outcomes: dict[str, list[tuple[str, str]]] = {}
    if framework is not None:
        for code, area_code, area_name in db.session.execute(
            sa.select(Module.code, Area.code, Area.name_nl)
            .join(Outcome, Outcome.module_id == Module.id)
            .join(Area, Area.id == Outcome.area_id)
            .where(Module.framework_id == framework.id, Module.code.in_(codes))
            .order_by(Module.code, Area.position)
        ):
            outcomes.setdefault(code, []).append((area_code, area_name))

    def uri(identifier: str) -> str:
        return f"{base_uri}/{identifier}"

    def link(identifier: str, title: str) -> dict:
        return {"title": title, "identifier": identifier, "uri": uri(identifier)}

    title = f"{programme.name} ({programme.institute.name})"
    document = {
        "identifier": doc_id,
        "uri": uri(doc_id),
        "creator": programme.institute.name,
        "title": title,
        "lastChangeDateTime": stamp,
        "language": "nl",
        "adoptionStatus": "Draft",
        "caseVersion": "1.1",
        "description": (
            f"{programme.name}: {programme.study_years} studiejaren, sectoren {', '.join(programme.sectors)}"
        ),
        "frameworkType": "curriculum",
    }
    items, associations = [], []
    for year in range(1, programme.study_years + 1):
        year_id = _case_id(doc_id, "year", str(year))
        year_title = f"Studiejaar {year}"
        items.append(
            {
                "identifier": year_id,
                "uri": uri(year_id),
                "fullStatement": year_title,
                "humanCodingScheme": f"{programme.code}-{year}",
                "CFItemType": "Course",
                "lastChangeDateTime": stamp,
                "CFDocumentURI": link(doc_id, title),
            }
        )
        associations.append(
            _association(framework_code, "isChildOf", year_id, year_title, doc_id, title, uri, stamp)
        )
        for compulsory in (True, False):
            for code in programme.module_codes(year, compulsory):
                module = modules.get(code)
                statement = module.title_nl if module else code
                module_id = _case_id(doc_id, "module", code)
                notes = ["verplicht" if compulsory else "keuzeonderdeel"]
                if module is not None and module.source:
                    notes.append(source_note(module.source))
                items.append(
                    {
                        "identifier": module_id,
                        "uri": uri(module_id),
                        "fullStatement": statement,
                        "humanCodingScheme": code,
                        "CFItemType": "Module",
                        "notes": " | ".join(notes),
                        "lastChangeDateTime": stamp,
                        "CFDocumentURI": link(doc_id, title),
                    }
                )
                associations.append(
                    _association(
                        framework_code, "isChildOf", module_id, statement, year_id, year_title, uri, stamp
                    )
                )
                for area_code, area_name in outcomes.get(code, []):
                    area_id = _case_id(framework_code, "area", area_code)
                    associations.append(
                        _association(
                            framework_code,
                            "isRelatedTo",
                            module_id,
                            statement,
                            area_id,
                            area_name,
                            uri,
                            stamp,
                        )
                    )
    for association in associations:
        association["CFDocumentURI"] = link(doc_id, title)
    return {"CFDocument": document, "CFItems": items, "CFAssociations": associations}
