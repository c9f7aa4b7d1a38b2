"""Graph-rule problems in the interface language, and the form field each belongs to."""

from flask_babel import gettext as _

from planner.domain.graph import Problem


def describe(problem: Problem) -> str:
    d = problem.details
    rule = problem.rule
    if rule == "cycle":
        return _("This would create a cycle: %(cycle)s.", cycle=" → ".join(d.get("cycle", [])))
    if rule == "unknown-module":
        return _("Module %(code)s does not exist.", code=d.get("missing", ""))
    if rule == "unknown-area":
        return _("Area %(code)s does not exist.", code=d.get("missing", ""))
    if rule == "entry-level":
        return _(
            "The entry level in %(area)s (%(entry)s) must be below the level the module "
            "brings (%(outcome)s).",
            area=d.get("area", ""),
            entry=d.get("entry", ""),
            outcome=d.get("outcome", ""),
        )
    if rule == "self-requirement":
        return _("A module cannot require itself.")
    if rule == "duplicate-code":
        return _("The code %(code)s is already in use.", code=problem.item)
    if rule == "no-outcome":
        return _("Choose at least one area and the level the module brings.")
    if rule == "level-range":
        return _("Levels run from 1 to 5.")
    if rule == "hours":
        return _("Study hours must be more than 0.")
    return _("%(item)s breaks the rule %(rule)s.", item=problem.item, rule=rule)


def field_for(problem: Problem) -> str | None:
    """The edit form's field that shows this problem; None for the form as a whole."""
    if problem.rule in ("cycle", "unknown-module", "self-requirement"):
        return "requires_modules"
    if problem.rule == "entry-level":
        return f"entry_{problem.details.get('area')}"
    if problem.rule == "duplicate-code":
        return "code"
    if problem.rule == "hours":
        return "hours"
    return None
