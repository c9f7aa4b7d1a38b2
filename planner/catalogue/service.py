"""Catalogue operations: load the graph from the database, save and retire modules."""

from dataclasses import dataclass, field

import networkx as nx
import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import abort

from planner.domain.catalogue import PHASES, SECTORS
from planner.domain.catalogue import Module as DomainModule
from planner.domain.graph import CatalogueError, Problem, build_graph, find_problems
from planner.extensions import db
from planner.models import (
    Area,
    Framework,
    Institute,
    LevelRequirement,
    Module,
    ModulePhase,
    ModuleRequirement,
    ModuleSector,
    Outcome,
    School,
)


def current_framework() -> Framework | None:
    return db.session.scalar(sa.select(Framework).order_by(Framework.id.desc()).limit(1))


def framework_or_404() -> Framework:
    framework = current_framework()
    if framework is None:
        abort(404)
    return framework


def to_domain(module: Module) -> DomainModule:
    return DomainModule(
        code=module.code,
        hours=module.hours,
        format=module.format,
        phases=frozenset(module.phases),
        sectors=frozenset(module.sectors),
        outcomes={o.area.code: o.level for o in module.outcomes},
        requires_modules=tuple(r.required.code for r in module.required_modules),
        requires_levels={r.area.code: r.level for r in module.required_levels},
        duration_periods=module.duration_periods,
        cost_eur=module.cost_eur,
        reach=module.reach,
        team_format=module.team_format,
    )


def framework_areas(framework: Framework | None, descriptors: bool = False) -> list[Area]:
    """The framework's areas in order; with their level descriptors when a page shows them."""
    if framework is None:
        return []
    query = sa.select(Area).where(Area.framework_id == framework.id).order_by(Area.position)
    if descriptors:
        query = query.options(so.selectinload(Area.descriptors))
    return db.session.scalars(query).all()


def area_codes(framework: Framework) -> list[str]:
    return db.session.scalars(
        sa.select(Area.code).where(Area.framework_id == framework.id).order_by(Area.position)
    ).all()


def domain_modules(framework: Framework) -> dict[str, DomainModule]:
    """The active catalogue as plain data, in six queries of plain rows.

    Rows rather than ORM objects: the planner runs on every assessment and step change,
    and building thousands of objects with their collections costs far more than planning.
    """
    active = sa.select(Module.id).where(Module.framework_id == framework.id, Module.retired.is_(False))
    rows = db.session.execute(
        sa.select(
            Module.id,
            Module.code,
            Module.hours,
            Module.format,
            Module.duration_periods,
            Module.cost_eur,
            Module.reach_kind,
            Module.reach_code,
            Module.team_format,
        )
        .where(Module.id.in_(active))
        .order_by(Module.position)
    ).all()
    phases: dict[int, set[str]] = {}
    for module_id, phase in db.session.execute(
        sa.select(ModulePhase.module_id, ModulePhase.phase).where(ModulePhase.module_id.in_(active))
    ):
        phases.setdefault(module_id, set()).add(phase)
    sectors: dict[int, set[str]] = {}
    for module_id, sector in db.session.execute(
        sa.select(ModuleSector.module_id, ModuleSector.sector).where(ModuleSector.module_id.in_(active))
    ):
        sectors.setdefault(module_id, set()).add(sector)
    outcomes = _levels_by_module(Outcome, active)
    entry_levels = _levels_by_module(LevelRequirement, active)
    required_code = so.aliased(Module)
    requires: dict[int, list[str]] = {}
    for module_id, code in db.session.execute(
        sa.select(ModuleRequirement.module_id, required_code.code)
        .join(required_code, ModuleRequirement.required_id == required_code.id)
        .where(ModuleRequirement.module_id.in_(active))
        .order_by(ModuleRequirement.position)
    ):
        requires.setdefault(module_id, []).append(code)
    return {
        code: DomainModule(
            code=code,
            hours=hours,
            format=format_,
            phases=frozenset(phases.get(module_id, ())),
            sectors=frozenset(sectors.get(module_id, ())),
            outcomes=outcomes.get(module_id, {}),
            requires_modules=tuple(requires.get(module_id, ())),
            requires_levels=entry_levels.get(module_id, {}),
            duration_periods=periods,
            cost_eur=cost,
            reach=(reach_kind, reach_code),
            team_format=team_format,
        )
        for module_id, code, hours, format_, periods, cost, reach_kind, reach_code, team_format in rows
    }


def _levels_by_module(model, active) -> dict[int, dict[str, int]]:
    levels: dict[int, dict[str, int]] = {}
    for module_id, area, level in db.session.execute(
        sa.select(model.module_id, Area.code, model.level)
        .join(Area, model.area_id == Area.id)
        .where(model.module_id.in_(active))
    ):
        levels.setdefault(module_id, {})[area] = level
    return levels


def reach_holder(kind: str, code: str) -> str:
    """The name of the board or institute a module's reach names; else its code."""
    name = None
    if kind == "board":
        name = db.session.scalar(
            sa.select(School.board_name)
            .where(School.board_code == code, School.board_name != "")
            .order_by(School.id)
            .limit(1)
        )
    elif kind == "alumni":
        name = db.session.scalar(sa.select(Institute.name).where(Institute.code == code))
    return name or code


def catalogue_graph(framework: Framework) -> nx.DiGraph:
    return build_graph(domain_modules(framework).values())


@dataclass
class ModuleData:
    """What an editor may change of a module; the form fills it in."""

    code: str
    title_nl: str
    title_en: str
    summary_nl: str
    summary_en: str
    provider_id: int | None
    hours: int
    cost_eur: int
    format: str
    phases: list[str]
    sectors: list[str]
    outcomes: dict[str, int]
    requires_modules: list[str] = field(default_factory=list)
    requires_levels: dict[str, int] = field(default_factory=dict)
    duration_periods: int = 1
    reach_kind: str = "sector"
    reach_code: str = ""
    team_format: bool = False
    source: str = ""

    def as_domain(self) -> DomainModule:
        return DomainModule(
            code=self.code,
            hours=self.hours,
            format=self.format,
            phases=frozenset(self.phases),
            sectors=frozenset(self.sectors),
            outcomes=dict(self.outcomes),
            requires_modules=tuple(self.requires_modules),
            requires_levels=dict(self.requires_levels),
            duration_periods=self.duration_periods,
            cost_eur=self.cost_eur,
            reach=(self.reach_kind, self.reach_code),
            team_format=self.team_format,
        )


def check_change(framework: Framework, data: ModuleData, replaces: str | None) -> None:
    """Raise CatalogueError when the catalogue with this change would break a graph rule."""
    if data.code != replaces and _code_taken(framework, data.code):
        raise CatalogueError([Problem(item=data.code, rule="duplicate-code", details={})])
    modules = domain_modules(framework)
    if replaces is not None:
        modules.pop(replaces, None)
    modules[data.code] = data.as_domain()
    if problems := find_problems(modules.values(), area_codes(framework)):
        raise CatalogueError(problems)


def _code_taken(framework: Framework, code: str) -> bool:
    """Retired modules keep their code: steps in old paths still name them."""
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Module)
            .where(Module.framework_id == framework.id, Module.code == code)
        )
        > 0
    )


def save_module(framework: Framework, module: Module | None, data: ModuleData) -> Module:
    """Create or change a module; a change that breaks a graph rule saves nothing."""
    check_change(framework, data, module.code if module else None)
    # Load what the module refers to before it joins the session: an autoflush of a
    # new module without its columns would fail.
    areas = {a.code: a for a in db.session.scalars(sa.select(Area).where(Area.framework_id == framework.id))}
    required = {
        m.code: m
        for m in db.session.scalars(
            sa.select(Module).where(
                Module.framework_id == framework.id, Module.code.in_(data.requires_modules)
            )
        )
    }
    if module is None:
        position = (
            db.session.scalar(
                sa.select(sa.func.coalesce(sa.func.max(Module.position), -1)).where(
                    Module.framework_id == framework.id
                )
            )
            + 1
        )
        module = Module(framework=framework, position=position)
        db.session.add(module)
    for name in (
        "code",
        "title_nl",
        "title_en",
        "summary_nl",
        "summary_en",
        "provider_id",
        "hours",
        "cost_eur",
        "format",
        "duration_periods",
        "reach_kind",
        "reach_code",
        "team_format",
        "source",
    ):
        setattr(module, name, getattr(data, name))
    module.phase_rows = [ModulePhase(phase=p) for p in PHASES if p in data.phases]
    module.sector_rows = [ModuleSector(sector=s) for s in SECTORS if s in data.sectors]
    module.outcomes = [Outcome(area=areas[c], level=lvl) for c, lvl in data.outcomes.items()]
    module.required_levels = [
        LevelRequirement(area=areas[c], level=lvl) for c, lvl in data.requires_levels.items()
    ]
    module.required_modules = [
        ModuleRequirement(required=required[c], position=i) for i, c in enumerate(data.requires_modules)
    ]
    db.session.commit()
    return module


class RetireRefused(ValueError):
    def __init__(self, codes: list[str]):
        super().__init__(", ".join(codes))
        self.codes = codes


def requiring_modules(module: Module) -> list[str]:
    return db.session.scalars(
        sa.select(Module.code)
        .join(ModuleRequirement, ModuleRequirement.module_id == Module.id)
        .where(ModuleRequirement.required_id == module.id, Module.retired.is_(False))
        .order_by(Module.code)
    ).all()


def retire_module(module: Module) -> None:
    """Retired modules leave the catalogue; one that active modules still require stays."""
    if codes := requiring_modules(module):
        raise RetireRefused(codes)
    module.retired = True
    db.session.commit()


class ReinstateRefused(ValueError):
    def __init__(self, codes: list[str]):
        super().__init__(", ".join(codes))
        self.codes = codes


def retired_requirements(module: Module) -> list[str]:
    return sorted(r.required.code for r in module.required_modules if r.required.retired)


def reinstate_module(module: Module) -> None:
    """A module comes back only when every module it requires is in the catalogue."""
    if codes := retired_requirements(module):
        raise ReinstateRefused(codes)
    module.retired = False
    db.session.commit()
