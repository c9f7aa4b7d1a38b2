"""The team plan's integer programme and the peer-coaching assignment on small cases."""

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.peer import MAX_COLLEAGUES, Colleague, peer_pairs
from planner.domain.team import Cell, TeacherRow, coverage, default_minimums
from planner.domain.team_plan import Candidate, TeamMember, hours_per_year, plan_team


def test_cheapest_teacher_is_chosen():
    members = [TeamMember(1, "A", (40, 40)), TeamMember(2, "A", (40, 40))]
    candidates = [Candidate(1, "GEDRAG", 4, 30, ("G-3",)), Candidate(2, "GEDRAG", 4, 12, ("G-4",))]
    plan = plan_team(members, candidates, {("A", "GEDRAG"): 1}, {})
    assert [(a.teacher, a.hours, a.school_year) for a in plan.assignments] == [(2, 12, 1)]
    assert plan.total_hours == 12 and not plan.shortfall


def test_a_counted_expert_needs_no_training():
    members = [TeamMember(1, "A", (40, 40))]
    plan = plan_team(members, [Candidate(1, "GEDRAG", 4, 10, ())], {("A", "GEDRAG"): 1}, {("A", "GEDRAG"): 1})
    assert plan.assignments == () and plan.shortfall == ()


def test_budget_shared_between_areas_moves_one_to_next_year():
    # Teacher 1 is the only one for both areas; 30 + 30 hours do not fit one year of 40.
    members = [TeamMember(1, "A", (40, 40))]
    candidates = [Candidate(1, "GEDRAG", 4, 30, ()), Candidate(1, "LEZEN", 4, 30, ())]
    plan = plan_team(members, candidates, {("A", "GEDRAG"): 1, ("A", "LEZEN"): 1}, {})
    assert sorted(a.school_year for a in plan.assignments) == [1, 2]
    assert plan.total_hours == 60


def test_known_optimum_picks_the_pair_not_the_greedy_choice():
    # Greedy would give teacher 1 (cheapest for GEDRAG) GEDRAG and leave LEZEN short;
    # the optimum gives teacher 1 LEZEN and teacher 2 GEDRAG.
    members = [TeamMember(1, "A", (20, 0)), TeamMember(2, "A", (20, 0))]
    candidates = [
        Candidate(1, "GEDRAG", 4, 10, ()),
        Candidate(1, "LEZEN", 4, 20, ()),
        Candidate(2, "GEDRAG", 4, 15, ()),
    ]
    plan = plan_team(members, candidates, {("A", "GEDRAG"): 1, ("A", "LEZEN"): 1}, {})
    assert {(a.teacher, a.area) for a in plan.assignments} == {(1, "LEZEN"), (2, "GEDRAG")}
    assert plan.total_hours == 35 and plan.shortfall == ()


def test_shortfall_when_nobody_fits():
    members = [TeamMember(1, "A", (10, 10))]
    plan = plan_team(members, [Candidate(1, "GEDRAG", 4, 30, ())], {("A", "GEDRAG"): 2}, {})
    assert plan.assignments == ()
    assert [(s.team, s.area, s.short) for s in plan.shortfall] == [("A", "GEDRAG", 2)]


def test_excluded_teacher_is_left_out():
    members = [TeamMember(1, "A", (40, 40)), TeamMember(2, "A", (40, 40))]
    candidates = [Candidate(1, "GEDRAG", 4, 10, ()), Candidate(2, "GEDRAG", 4, 20, ())]
    plan = plan_team(members, candidates, {("A", "GEDRAG"): 1}, {}, excluded=[1])
    assert [a.teacher for a in plan.assignments] == [2]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from("AB")), min_size=1, max_size=6
    ),
    st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["X", "Y", "Z"]), st.integers(1, 50)), max_size=15),
    st.dictionaries(st.tuples(st.sampled_from("AB"), st.sampled_from(["X", "Y", "Z"])), st.integers(0, 3)),
)
def test_budgets_hold_and_every_minimum_is_met_or_short(teachers, offers, minimums):
    members = [TeamMember(i, team, (y1, y2)) for i, (y1, y2, team) in enumerate(teachers)]
    candidates = list({(t, a): Candidate(t, a, 4, h, ()) for t, a, h in offers if t < len(members)}.values())
    plan = plan_team(members, candidates, minimums, {})
    for (teacher, year), hours in hours_per_year(plan).items():
        assert hours <= members[teacher].hours_left[year - 1]
    trained: dict = {}
    for a in plan.assignments:
        key = (members[a.teacher].team, a.area)
        trained[key] = trained.get(key, 0) + 1
    short = {(s.team, s.area): s.short for s in plan.shortfall}
    for key, minimum in minimums.items():
        assert trained.get(key, 0) + short.get(key, 0) >= minimum


def row(teacher, team, **levels):
    return TeacherRow(
        teacher,
        f"T{teacher}",
        team,
        f"team{team}",
        "experienced",
        {a: Cell(planning=level) for a, level in levels.items()},
    )


def test_coverage_lists_short_areas_first_with_the_closest():
    rows = [row(1, 1, GEDRAG=4, LEZEN=2), row(2, 1, GEDRAG=1, LEZEN=3)]
    found = coverage(rows, [(1, "team1")], ["GEDRAG", "LEZEN"], {"GEDRAG": 1, "LEZEN": 1})
    assert [(r.area, r.experts, r.short) for r in found] == [("LEZEN", 0, 1), ("GEDRAG", 1, 0)]
    assert [t.id for t in found[0].closest] == [2, 1]


def test_mbo_default_is_one_per_support_area():
    assert default_minimums("mbo", [("GEDRAG", "support"), ("KLAS", "basis")]) == {"GEDRAG": 1}
    assert default_minimums("po", [("GEDRAG", "support")]) == {}


def test_peer_pairs_close_the_largest_gaps():
    teachers = [
        Colleague(1, {"G": 5, "L": 4}, {}),
        Colleague(2, {"G": 1}, {"G": 4}),
        Colleague(3, {"L": 2}, {"L": 3}),
        Colleague(4, {"G": 2}, {"G": 3}),
    ]
    pairs = peer_pairs(teachers, ["G", "L"])
    # One coach, two places: the colleagues with gaps of 3 and 1 in G... and 1 in L;
    # teacher 2 (gap 3) comes first, then one of the gap-1 colleagues.
    assert len(pairs) == MAX_COLLEAGUES
    assert any(p.colleague == 2 and p.area == "G" for p in pairs)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.dictionaries(st.sampled_from("GLK"), st.integers(0, 5), min_size=1), min_size=1, max_size=12)
)
def test_pairs_keep_the_level_and_load_rules(levels):
    teachers = [Colleague(i, found, {a: 4 for a in found}) for i, found in enumerate(levels)]
    pairs = peer_pairs(teachers, ["G", "K", "L"])
    load: dict = {}
    for p in pairs:
        assert p.coach != p.colleague
        assert levels[p.coach][p.area] >= 4 and levels[p.colleague][p.area] <= 2
        load[p.coach] = load.get(p.coach, 0) + 1
    assert all(n <= MAX_COLLEAGUES for n in load.values())
    assert len({p.colleague for p in pairs}) == len(pairs)
