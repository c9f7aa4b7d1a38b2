"""The planner's reasons as sentences a teacher understands, in the interface language."""

from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

# How a phase reads inside a sentence ("target for induction: 3").
PHASE_NAMES_IN_SENTENCE = {
    "initial": _l("initial training"),
    "induction": _l("induction"),
    "experienced": _l("the experienced phase"),
}


class Names:
    """Area names and module titles of the catalogue, looked up once per page."""

    def __init__(self, areas: dict[str, str], modules: dict[str, str]):
        self.areas = areas
        self.modules = modules

    def area(self, code: str | None) -> str:
        return self.areas.get(code or "", code or "")

    def module(self, code: str | None) -> str:
        title = self.modules.get(code or "")
        return f"{code} {title}" if title else (code or "")


def reason_sentence(reason: dict, names: Names) -> str:
    kind = reason.get("kind")
    area = names.area(reason.get("area"))
    if kind == "gap":
        target = _(
            "target for %(phase)s: %(target)s", phase=_phase(reason.get("phase")), target=reason["target"]
        )
        if not reason.get("current"):
            return _(
                "Brings %(area)s to level %(level)s (%(target)s).",
                area=area,
                level=reason["level"],
                target=target,
            )
        return _(
            "Brings %(area)s from level %(current)s to %(level)s (%(target)s).",
            area=area,
            current=reason["current"],
            level=reason["level"],
            target=target,
        )
    if kind == "prerequisite":
        later = names.module(reason.get("module"))
        if reason.get("area"):
            return _(
                "%(module)s later in your path asks for level %(level)s in %(area)s first.",
                module=later,
                level=reason["level"],
                area=area,
            )
        return _("%(module)s later in your path requires this module.", module=later)
    if kind == "wish":
        return _("You want to develop %(area)s.", area=area)
    if kind == "class-context":
        return _("Your class context makes %(area)s a priority.", area=area)
    if kind == "school-priority":
        return _("Your school gives priority to %(area)s.", area=area)
    if kind == "in-progress":
        return _("You have started this module.")
    if kind == "done":
        sentence = _("Done on %(date)s.", date=_date(reason.get("on"))) if reason.get("on") else _("Done.")
        return f"{sentence} {reason['note']}" if reason.get("note") else sentence
    if kind == "skipped":
        return _("Skipped: %(reason)s", reason=reason.get("note") or "")
    return ""


def unreachable_sentence(item: dict, names: Names) -> str:
    area, target, best = names.area(item["area"]), item["target"], item.get("best_level", 0)
    phase = _phase(item.get("phase"))
    if item["reason"] == "no-module":
        return _(
            "No module offered in your sector brings %(area)s to level %(target)s (target for %(phase)s).",
            area=area,
            target=target,
            phase=phase,
        )
    if item["reason"] == "blocked":
        return _(
            "Level %(target)s in %(area)s (target for %(phase)s) needs a module you skipped "
            "or one not offered in the phases ahead of you; the path reaches level %(best)s.",
            target=target,
            area=area,
            phase=phase,
            best=best,
        )
    return _(
        "Level %(target)s in %(area)s (target for %(phase)s) does not fit in your hours per "
        "school year in the years of that phase; the path reaches level %(best)s.",
        target=target,
        area=area,
        phase=phase,
        best=best,
    )


def _phase(code: str | None) -> str:
    return str(PHASE_NAMES_IN_SENTENCE.get(code, code or ""))


def _date(value: str) -> str:
    return format_date(date.fromisoformat(value), "long")
