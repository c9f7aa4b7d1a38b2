from planner.domain.catalogue import Module
from planner.domain.programme import ProgrammeModules, coverage, programme_problems, reached_levels


def module(code, outcomes, requires=(), levels=None):
    return Module(
        code=code,
        hours=40,
        format="elective",
        phases={"initial"},
        sectors={"po"},
        outcomes=outcomes,
        requires_modules=requires,
        requires_levels=levels or {},
    )


MODULES = {
    m.code: m
    for m in [
        module("BASIS", {"DIFF": 2, "KLAS": 1}),
        module("VERDIEP", {"DIFF": 3}, requires=("BASIS",)),
        module("GEDRAG", {"GEDRAG": 2}, levels={"KLAS": 1}),
        module("KEUZE", {"GEDRAG": 3, "KLAS": 2}),
    ]
}


def rules(problems):
    return [(p.module, p.rule) for p in problems]


def test_a_programme_in_order_keeps_the_rules():
    programme = ProgrammeModules(4, {"BASIS": 1, "VERDIEP": 2, "GEDRAG": 2}, {"KEUZE": 3})
    assert programme_problems(programme, MODULES) == []


def test_a_study_year_cannot_require_a_module_of_a_later_year():
    programme = ProgrammeModules(4, {"BASIS": 3, "VERDIEP": 2}, {})
    (problem,) = programme_problems(programme, MODULES)
    assert (problem.module, problem.rule) == ("VERDIEP", "later-module")
    assert problem.details == {"year": 2, "required": "BASIS", "required_year": 3}


def test_a_requirement_outside_the_programme_or_only_elective_is_a_problem():
    missing = ProgrammeModules(4, {"VERDIEP": 1}, {})
    assert rules(programme_problems(missing, MODULES)) == [("VERDIEP", "later-module")]
    elective = ProgrammeModules(4, {"VERDIEP": 2}, {"BASIS": 1})
    assert rules(programme_problems(elective, MODULES)) == [("VERDIEP", "elective-required")]


def test_an_entry_level_must_be_reached_by_the_compulsory_part_so_far():
    programme = ProgrammeModules(4, {"GEDRAG": 1, "BASIS": 2}, {})
    (problem,) = programme_problems(programme, MODULES)
    assert (problem.module, problem.rule, problem.details["area"]) == ("GEDRAG", "entry-level", "KLAS")


def test_unknown_modules_years_and_double_places_are_named():
    programme = ProgrammeModules(2, {"NIEUW": 1, "BASIS": 3}, {"BASIS": 1})
    assert set(rules(programme_problems(programme, MODULES))) == {
        ("BASIS", "both"),
        ("NIEUW", "unknown-module"),
        ("BASIS", "year-range"),
    }


def test_coverage_against_the_initial_target_and_what_electives_add():
    programme = ProgrammeModules(4, {"BASIS": 1}, {"KEUZE": 3})
    rows = coverage(
        programme, ["po"], {"po": {"DIFF": 2, "GEDRAG": 2, "KLAS": 2}}, MODULES, ["DIFF", "GEDRAG"]
    )
    by_area = {row.area: row for row in rows}
    assert (by_area["DIFF"].reached, by_area["DIFF"].gap, by_area["DIFF"].electives_add) == (2, 0, {})
    gedrag = by_area["GEDRAG"]
    assert (gedrag.target, gedrag.reached, gedrag.with_electives, gedrag.gap) == (2, 0, 3, 2)
    assert gedrag.electives_add == {"KEUZE": 3}
    assert gedrag.closed_by_electives


def test_an_area_without_target_has_no_gap_and_reached_levels_skip_unknown_codes():
    programme = ProgrammeModules(4, {"BASIS": 1, "WEG": 1}, {})
    (row,) = coverage(programme, ["vo"], {}, MODULES, ["DIFF"])
    assert (row.sector, row.target, row.gap) == ("vo", None, 0)
    assert reached_levels(["BASIS", "WEG"], MODULES) == {"DIFF": 2, "KLAS": 1}
