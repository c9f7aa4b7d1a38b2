"""The planner's reasons as sentences a teacher understands, in the interface language."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Context:
    """What a sentence may quote beyond the reason itself: the class counts, who assessed
    the teacher (by source: mentor, observation), and how a school year is labelled."""

    class_context: Mapping[str, int | None] = field(default_factory=dict)
    assessors: Mapping[str, str] = field(default_factory=dict)
    school_year_label: Callable[[int], str] = str


NO_CONTEXT = Context()


def path_context(path) -> Context:
    """The context of a stored path: its school years read as calendar years."""
    return Context(school_year_label=path.school_year_label)


def reason_sentence(reason: dict, names: Names, context: Context = NO_CONTEXT) -> str:
    kind = reason.get("kind")
    area = names.area(reason.get("area"))
    if kind == "gap":
        sentence = _gap_sentence(reason, area)
        source = reason.get("source")
        if source in ("mentor", "observation"):
            who = reason.get("by") or context.assessors.get(source)
            sentence = f"{sentence} {_source_sentence(source, who)}"
        return sentence
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
        return _class_sentence(area, reason.get("class") or context.class_context)
    if kind == "school-priority":
        return _("Your school gives priority to %(area)s.", area=area)
    if kind == "in-progress":
        return _("You have started this module.")
    if kind == "programme":
        return _("A compulsory part of your programme in this study year.")
    if kind == "team-session":
        if reason.get("on"):
            return _(
                "A team session %(name)s scheduled for you and your colleagues on %(date)s.",
                name=reason.get("by") or _("your school leader"),
                date=_date(reason["on"]),
            )
        return _("A team session your school scheduled for you and your colleagues.")
    if kind == "induction-programme":
        return _("Your school's induction programme for starting teachers, in your first year of teaching.")
    if kind == "done":
        sentence = _("Done on %(date)s.", date=_date(reason.get("on"))) if reason.get("on") else _("Done.")
        return f"{sentence} {reason['note']}" if reason.get("note") else sentence
    if kind == "skipped":
        return _("Skipped: %(reason)s", reason=reason.get("note") or "")
    return ""


def facilitation_sentence(hours_above: int) -> str:
    """Why a step is marked: it does not fit one school year's hours."""
    return _(
        "Needs facilitation: %(hours)s hours above your hours budget for the school year. Discuss "
        "study leave or the lerarenbeurs (teacher grant) with your school leader.",
        hours=hours_above,
    )


def _source_sentence(source: str, who: str | None) -> str:
    if source == "mentor":
        if who:
            return _(
                "Planned from the level your mentor %(name)s gave you, which is lower than yours.", name=who
            )
        return _("Planned from the level your mentor gave you, which is lower than yours.")
    if who:
        return _("Planned from the level seen in the lesson observation by %(name)s.", name=who)
    return _("Planned from the level seen in a lesson observation.")


def _class_sentence(area: str, counts: Mapping[str, int | None]) -> str:
    size, need, extra = counts.get("class_size"), counts.get("support_need"), counts.get("extra_support_need")
    if counts.get("complexity") == 3:
        return _(
            "Your class is very complex, with layered problems in several pupils: %(area)s comes first.",
            area=area,
        )
    if size and need is not None and extra:
        return _(
            "%(need)s of your %(size)s pupils need support, %(extra)s of them extra support: in such a "
            "class %(area)s comes first.",
            need=need,
            size=size,
            extra=extra,
            area=area,
        )
    if size and need is not None:
        return _(
            "%(need)s of your %(size)s pupils need support: in such a class %(area)s comes first.",
            need=need,
            size=size,
            area=area,
        )
    return _("Your class context makes %(area)s a priority.", area=area)


def _gap_sentence(reason: dict, area: str) -> str:
    target = _("target for %(phase)s: %(target)s", phase=_phase(reason.get("phase")), target=reason["target"])
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


def unreachable_sentence(item: dict, names: Names, context: Context = NO_CONTEXT) -> str:
    area, target, best = names.area(item["area"]), item["target"], item.get("best_level", 0)
    phase = _phase(item.get("phase"))
    if item["reason"] == "late":
        return _(
            "Level %(target)s in %(area)s (target for %(phase)s) is reached only in school year "
            "%(year)s, after that phase ends: the hours of the years before do not hold every step. "
            "By the end of %(phase)s the path reaches level %(best)s.",
            target=target,
            area=area,
            phase=phase,
            year=context.school_year_label(item.get("school_year") or 0),
            best=best,
        )
    if item["reason"] == "no-module":
        return _(
            "No module offered in your sector and open to you brings %(area)s to level %(target)s "
            "(target for %(phase)s).",
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
