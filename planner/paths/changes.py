"""A proposal beside the agreement in sentences: what it changes, and who or what caused it."""

from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from planner.labels import LEVEL_LABELS, PHASE_LABELS, SECTOR_LABELS
from planner.paths.explain import PHASE_NAMES_IN_SENTENCE, Names

PERIODS = {1: _l("August-January"), 2: _l("February-July")}


def when(year: int, period: int) -> str:
    return f"{year}-{year + 1} ({PERIODS.get(period, period)})"


def change_sentence(change: dict, names: Names) -> str:
    kind = change["kind"]
    if kind == "added":
        return _(
            "New step: %(module)s in %(when)s.",
            module=names.module(change["module"]),
            when=when(change["year"], change["period"]),
        )
    if kind == "dropped":
        return _("%(module)s is no longer in the path.", module=names.module(change["module"]))
    if kind == "moved":
        return _(
            "%(module)s moves from %(before)s to %(after)s.",
            module=names.module(change["module"]),
            before=when(change["from_year"], change["from_period"]),
            after=when(change["year"], change["period"]),
        )
    if kind == "hours":
        return _(
            "%(module)s now takes %(new)s hours instead of %(old)s.",
            module=names.module(change["module"]),
            new=change["to"],
            old=change["from"],
        )
    if kind == "needs-facilitation":
        return _(
            "%(module)s now needs facilitation: more hours than a school year's budget.",
            module=names.module(change["module"]),
        )
    if kind == "budget_hours_per_year":
        return _(
            "Hours per school year: now %(new)s instead of %(old)s.", new=change["to"], old=change["from"]
        )
    if kind == "phase":
        return _(
            "Phase: now %(new)s instead of %(old)s.",
            new=PHASE_LABELS.get(change["to"], change["to"]),
            old=PHASE_LABELS.get(change["from"], change["from"]),
        )
    if kind == "sector":
        return _(
            "Sector: now %(new)s instead of %(old)s.",
            new=SECTOR_LABELS.get(change["to"], change["to"]),
            old=SECTOR_LABELS.get(change["from"], change["from"]),
        )
    area, phase = names.area(change.get("area")), _phase(change.get("phase"))
    if kind == "late":
        return _(
            "Level %(target)s in %(area)s (target for %(phase)s) is now reached only after that phase.",
            target=change["target"],
            area=area,
            phase=phase,
        )
    if kind == "unreachable":
        return _(
            "Level %(target)s in %(area)s (target for %(phase)s) is now out of reach of this path.",
            target=change["target"],
            area=area,
            phase=phase,
        )
    if kind == "reached":
        return _(
            "Level %(target)s in %(area)s (target for %(phase)s) is now reached in time.",
            target=change["target"],
            area=area,
            phase=phase,
        )
    if kind == "target":
        return _(
            "The target for %(phase)s in %(area)s is now %(new)s instead of %(old)s.",
            phase=phase,
            area=area,
            new=_level(change["to"]),
            old=_level(change["from"]),
        )
    if kind == "level":
        return _(
            "Planned from level %(new)s in %(area)s instead of %(old)s.",
            area=area,
            new=_level(change["to"]),
            old=_level(change["from"]),
        )
    return ""


def cause_sentence(path) -> str:
    """Why the proposal was made, by whom and when."""
    detail = path.cause_detail or {}
    on = format_date(date.fromisoformat(detail["on"]), "long") if detail.get("on") else ""
    by = detail.get("by")
    if path.cause == "mentor":
        return _("%(name)s assessed your levels on %(date)s.", name=by or _("Your mentor"), date=on)
    if path.cause == "observation":
        return _(
            "%(name)s observed a lesson of yours; recorded on %(date)s.", name=by or _("Your mentor"), date=on
        )
    if path.cause == "school":
        return _("Your school %(name)s changed its profile on %(date)s.", name=by or "", date=on)
    if path.cause == "team-session":
        return _session_sentence(detail.get("event"), by or "", detail.get("module", ""), on)
    if path.cause == "catalogue":
        modules = ", ".join(detail.get("modules", []))
        return _(
            "Modules in your path were withdrawn or changed in the catalogue on %(date)s: %(modules)s.",
            date=on,
            modules=modules,
        )
    if path.cause == "assessment":
        return _("You filled in a new self-assessment on %(date)s.", date=on)
    if path.cause == "profile":
        return _("You changed your profile on %(date)s.", date=on)
    if path.cause == "progress":
        return _("You recorded progress on a step on %(date)s.", date=on)
    return _("You asked to plan your path again on %(date)s.", date=on)


def _session_sentence(event, by: str, module: str, on: str) -> str:
    if event == "attendance":
        return _(
            "%(name)s confirmed your attendance at the team session %(module)s on %(date)s.",
            name=by,
            module=module,
            date=on,
        )
    if event == "cancelled":
        return _(
            "%(name)s called off the team session %(module)s on %(date)s.", name=by, module=module, date=on
        )
    return _(
        "%(name)s scheduled the team session %(module)s for you on %(date)s.", name=by, module=module, date=on
    )


def _level(level) -> str:
    if level is None:
        return "–"
    return f"{level} ({LEVEL_LABELS[level]})" if level in LEVEL_LABELS else str(level)


def _phase(code: str | None) -> str:
    return str(PHASE_NAMES_IN_SENTENCE.get(code, code or ""))


# The marks of steps whose module the catalogue withdrew or changed after planning.
MARKS = {
    "withdrawn": _l("withdrawn from the catalogue"),
    "changed": _l("changed in the catalogue"),
}
