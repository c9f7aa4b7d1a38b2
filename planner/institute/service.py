"""Load an institute's programmes and its consenting alumni, call the domain, write back."""

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from flask import abort

from planner.catalogue.service import current_framework
from planner.domain import anonymise
from planner.domain.programme import AreaCoverage, ProgrammeModules, coverage
from planner.domain.targets import cumulative, merge_targets
from planner.extensions import db
from planner.models import Area, Consent, Institute, Module, Programme, ProgrammeModule, Role, User
from planner.models.accounts import utcnow
from planner.paths import service as paths_service
from planner.paths.levels import teacher_levels


def programmes(institute: Institute) -> list[Programme]:
    return db.session.scalars(
        sa.select(Programme).where(Programme.institute_id == institute.id).order_by(Programme.name)
    ).all()


def programme_or_404(institute: Institute, code: str) -> Programme:
    """Another institute's programme answers 404, as if it did not exist."""
    found = db.session.scalar(
        sa.select(Programme).where(Programme.institute_id == institute.id, Programme.code == code)
    )
    if found is None:
        abort(404)
    return found


def programme_modules(programme: Programme) -> ProgrammeModules:
    return ProgrammeModules(
        study_years=programme.study_years,
        compulsory={row.module_code: row.study_year for row in programme.modules if row.compulsory},
        electives={row.module_code: row.study_year for row in programme.modules if not row.compulsory},
    )


def save_programme(
    programme: Programme, modules: ProgrammeModules, years: dict[int, tuple[list, list]]
) -> None:
    """Replace the programme's modules; ``years`` keeps the order staff typed them in."""
    programme.study_years = modules.study_years
    programme.modules = [
        ProgrammeModule(module_code=code, study_year=year, compulsory=compulsory, position=position)
        for year, (compulsory_codes, elective_codes) in sorted(years.items())
        for compulsory, codes in ((True, compulsory_codes), (False, elective_codes))
        for position, code in enumerate(codes)
    ]


def initial_targets(catalogue, sectors: Iterable[str]) -> dict[str, dict[str, int]]:
    """The framework's initial-phase target of each sector (no school's raises: a programme
    prepares for every school of the sector)."""
    return {sector: merge_targets(catalogue.targets, sector)["initial"] for sector in sectors}


def programme_coverage(modules: ProgrammeModules, sectors: Sequence[str]) -> list[AreaCoverage]:
    catalogue = paths_service.planning_catalogue()
    if catalogue is None:
        return []
    return coverage(
        modules, sectors, initial_targets(catalogue, sectors), catalogue.modules, catalogue.area_order
    )


def catalogue_modules() -> dict:
    catalogue = paths_service.planning_catalogue()
    return catalogue.modules if catalogue else {}


# Consent -----------------------------------------------------------------------------


def active_consent(teacher: User) -> Consent | None:
    """The teacher's standing consent for their current institute, if any."""
    if teacher.institute_id is None:
        return None
    return db.session.scalar(
        sa.select(Consent).where(
            Consent.teacher_id == teacher.id,
            Consent.institute_id == teacher.institute_id,
            Consent.withdrawn_at.is_(None),
        )
    )


def give_consent(teacher: User) -> Consent:
    existing = active_consent(teacher)
    if existing is not None:
        return existing
    consent = Consent(teacher_id=teacher.id, institute_id=teacher.institute_id, given_at=utcnow())
    db.session.add(consent)
    return consent


def withdraw_consent(teacher: User) -> None:
    """Every standing consent ends now, for whichever institute it was given."""
    for consent in db.session.scalars(
        sa.select(Consent).where(Consent.teacher_id == teacher.id, Consent.withdrawn_at.is_(None))
    ):
        consent.withdrawn_at = utcnow()


def consent_history(teacher: User) -> list[Consent]:
    return db.session.scalars(
        sa.select(Consent).where(Consent.teacher_id == teacher.id).order_by(Consent.given_at.desc())
    ).all()


# Alumni ------------------------------------------------------------------------------


def consenting_alumni(institute: Institute) -> list[User]:
    """Teachers of the institute in the induction phase whose consent stands today."""
    consenting = sa.select(Consent.teacher_id).where(
        Consent.institute_id == institute.id, Consent.withdrawn_at.is_(None)
    )
    teachers = db.session.scalars(
        sa.select(User)
        .where(User.role == Role.TEACHER, User.institute_id == institute.id, User.id.in_(consenting))
        .order_by(User.id)
    ).all()
    return [t for t in teachers if t.phase == "induction"]


def alumni_records(institute: Institute) -> list[anonymise.Alumnus]:
    """Per consenting alumnus with an assessment: how far below the induction target of
    their sector they stand in each area. Names stay here; only the records go on."""
    catalogue = paths_service.planning_catalogue()
    if catalogue is None:
        return []
    records = []
    targets_by_sector: dict[str, dict[str, int]] = {}
    for teacher in consenting_alumni(institute):
        sector = teacher.teaching_sector
        if sector is None or paths_service.latest_assessment(teacher) is None:
            continue
        if sector not in targets_by_sector:
            targets_by_sector[sector] = cumulative(merge_targets(catalogue.targets, sector))["induction"]
        levels, _, _ = teacher_levels(teacher, catalogue.framework)
        targets = targets_by_sector[sector]
        records.append(
            anonymise.Alumnus(
                programme=teacher.programme.code if teacher.programme else None,
                graduation_year=teacher.graduation_year,
                sector=sector,
                gaps={area: max(0, target - levels.get(area, 0)) for area, target in targets.items()},
            )
        )
    return records


def alumni_needs(institute: Institute, group_by: Sequence[str]) -> list[anonymise.Cell]:
    catalogue = paths_service.planning_catalogue()
    areas = catalogue.area_order if catalogue else ()
    return anonymise.needs(alumni_records(institute), group_by, areas)


def induction_offer(institute: Institute) -> list[tuple[Module, int | None]]:
    """The institute's modules for its own alumni, each with how many consenting alumni's
    paths plan it; None where fewer than the anonymity threshold do (but some)."""
    framework = current_framework()
    if framework is None or not institute.code:
        return []
    modules = db.session.scalars(
        sa.select(Module)
        .where(
            Module.framework_id == framework.id,
            Module.reach_kind == "alumni",
            Module.reach_code == institute.code,
            Module.retired.is_(False),
        )
        .order_by(Module.position, Module.code)
    ).all()
    planned: dict[str, int] = {}
    consenting = sa.select(Consent.teacher_id).where(
        Consent.institute_id == institute.id, Consent.withdrawn_at.is_(None)
    )
    teachers = db.session.scalars(
        sa.select(User).where(
            User.role == Role.TEACHER, User.institute_id == institute.id, User.id.in_(consenting)
        )
    ).all()
    for teacher in teachers:
        path = paths_service.current_path(teacher)
        if path is None:
            continue
        for code in {step.module_code for step in path.steps}:
            planned[code] = planned.get(code, 0) + 1
    result = []
    for module in modules:
        count = planned.get(module.code, 0)
        result.append((module, None if 0 < count < anonymise.K else count))
    return result


def programme_code_taken(institute: Institute, code: str, programme: Programme | None) -> bool:
    found = db.session.scalar(
        sa.select(Programme.id).where(Programme.institute_id == institute.id, Programme.code == code)
    )
    return found is not None and (programme is None or found != programme.id)


def area_names() -> dict[str, str]:
    framework = current_framework()
    if framework is None:
        return {}
    areas = db.session.scalars(sa.select(Area).where(Area.framework_id == framework.id))
    return {area.code: area.name for area in areas}
