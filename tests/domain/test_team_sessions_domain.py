"""Team formats ranked by the gaps they close, and scheduled sessions in a path."""

from datetime import date

from planner.domain.catalogue import Module
from planner.domain.planning import plan
from planner.domain.team_sessions import Member, gains, rank_sessions, session_period, sessions_by_module
from tests.domain.test_planning import request

STUDY_DAY = Module(
    "DAY",
    6,
    "team-study-day",
    {"induction", "experienced"},
    {"po"},
    {"GEDRAG": 3},
    requires_levels={"GEDRAG": 2},
)
INTERVISION = Module("INT", 12, "intervision", {"induction", "experienced"}, {"po"}, {"KLAS": 4})
COURSE = Module("CRS", 6, "course", {"induction", "experienced"}, {"po"}, {"GEDRAG": 3})
MBO_DAY = Module("MBO", 6, "team-study-day", {"experienced"}, {"mbo"}, {"KLAS": 4})


def member(teacher, levels, targets, **fields):
    return Member(teacher, "po", "experienced", levels, targets, **fields)


def test_formats_rank_by_gaps_closed_then_narrowed():
    team = [
        member(1, {"GEDRAG": 2, "KLAS": 3}, {"GEDRAG": 3, "KLAS": 4}),
        member(2, {"GEDRAG": 2, "KLAS": 2}, {"GEDRAG": 3, "KLAS": 5}),
        member(3, {"GEDRAG": 1, "KLAS": 3}, {"GEDRAG": 3, "KLAS": 4}),
    ]
    ranked = rank_sessions([INTERVISION, STUDY_DAY, COURSE, MBO_DAY], team)
    # Intervision closes KLAS for 1 and 3, narrows it for 2; the study day closes GEDRAG for
    # 1 and 2 only (3 lacks the level it asks). Not a team format, or another sector: out.
    assert [o.module for o in ranked] == ["INT", "DAY"]
    assert (ranked[0].closed, ranked[0].narrowed, ranked[0].teachers) == (2, 1, (1, 2, 3))
    assert (ranked[1].closed, ranked[1].narrowed, ranked[1].teachers) == (2, 0, (1, 2))


def test_fewer_hours_break_a_tie():
    team = [member(1, {"GEDRAG": 2, "KLAS": 3}, {"GEDRAG": 3, "KLAS": 4})]
    assert [o.module for o in rank_sessions([INTERVISION, STUDY_DAY], team)] == ["DAY", "INT"]


def test_nothing_is_gained_from_a_module_done_or_at_target():
    assert gains(STUDY_DAY, member(1, {"GEDRAG": 2}, {"GEDRAG": 3}, reached=frozenset({"DAY"}))) == []
    assert gains(STUDY_DAY, member(1, {"GEDRAG": 3}, {"GEDRAG": 4})) == []
    assert gains(STUDY_DAY, member(1, {"GEDRAG": 3}, {"GEDRAG": 3})) == []
    local = Module("LOC", 6, "team-study-day", {"experienced"}, {"po"}, {"KLAS": 4}, reach=("board", "B1"))
    assert gains(local, member(1, {"KLAS": 2}, {"KLAS": 4})) == []
    assert gains(local, member(1, {"KLAS": 2}, {"KLAS": 4}, reach=frozenset({("board", "B1")})))


def test_session_dates_fall_in_half_year_periods():
    today = date(2026, 11, 23)
    assert session_period(date(2026, 12, 10), today) == 1
    assert session_period(date(2027, 1, 31), today) == 1
    assert session_period(date(2027, 2, 1), today) == 2
    assert session_period(date(2027, 9, 1), today) == 3
    assert sessions_by_module([("DAY", date(2027, 3, 1)), ("DAY", date(2026, 12, 1))], {}, today) == {
        "DAY": 1
    }
    # Done already: the planner has it as done, not as a session to come.
    assert sessions_by_module([("DAY", date(2027, 3, 1))], {"DAY": object()}, today) == {}


def test_a_scheduled_session_stands_in_the_path_in_its_period():
    modules = [STUDY_DAY, COURSE]
    asked = {"phase": "experienced", "years": {"experienced": 3}, "levels": {"GEDRAG": 2}}
    path = plan(request(modules, targets={"experienced": {"GEDRAG": 3}}, team_sessions={"DAY": 2}, **asked))
    (step,) = path.steps
    # The team goes to the study day, so no course of one's own for the same gap.
    assert (step.module, step.school_year, step.period) == ("DAY", 1, 2)
    assert step.reasons[0].kind == "team-session"
    assert any(r.kind == "gap" and r.area == "GEDRAG" for r in step.reasons)
    # Without the session a team format is never planned for one teacher.
    alone = plan(request(modules, targets={"experienced": {"GEDRAG": 3}}, **asked))
    assert [s.module for s in alone.steps] == ["CRS"]
