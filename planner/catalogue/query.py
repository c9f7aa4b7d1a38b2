"""The module filter shared by the browse page and the API."""

import sqlalchemy as sa

from planner.models import Area, Framework, Module, ModulePhase, ModuleSector, Outcome, Provider


def filtered_modules(
    framework: Framework, filters: dict, institute_id: int | None = None, include_retired: bool = False
) -> sa.Select:
    query = sa.select(Module).where(Module.framework_id == framework.id)
    if not include_retired:
        query = query.where(Module.retired.is_(False))
    if area := filters.get("area"):
        query = query.where(
            Module.id.in_(
                sa.select(Outcome.module_id)
                .join(Area)
                .where(Area.code == area, Area.framework_id == framework.id)
            )
        )
    if phase := filters.get("phase"):
        query = query.where(Module.id.in_(sa.select(ModulePhase.module_id).where(ModulePhase.phase == phase)))
    if sector := filters.get("sector"):
        query = query.where(
            Module.id.in_(sa.select(ModuleSector.module_id).where(ModuleSector.sector == sector))
        )
    if fmt := filters.get("format"):
        query = query.where(Module.format == fmt)
    if max_hours := filters.get("max_hours"):
        query = query.where(Module.hours <= max_hours)
    if words := (filters.get("q") or "").split():
        columns = (Module.code, Module.title_nl, Module.title_en, Module.summary_nl, Module.summary_en)
        for word in words:
            query = query.where(
                sa.or_(*(sa.func.lower(c).contains(word.lower(), autoescape=True) for c in columns))
            )
    if institute_id is not None:
        query = query.where(
            Module.provider_id.in_(sa.select(Provider.id).where(Provider.institute_id == institute_id))
        )
    return query.order_by(Module.position, Module.code)
