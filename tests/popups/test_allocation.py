"""The optimiser's plans keep every rule, and on tiny rounds they are the best there is."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regrow.popups.allocation import Application, Problem, Round, Unit, explain
from regrow.popups.allocation.solver import solve_in_process
from tests.popups.checks import brute_force, plan_of, slot_violations, value_of, violations

CATEGORIES = ("food", "art")


@st.composite
def tiny_rounds(draw, max_applications=3):
    weeks = draw(st.integers(2, 4))
    units = []
    for i in range(draw(st.integers(1, 2))):
        offered = draw(st.sets(st.integers(0, weeks - 1), min_size=1))
        # Most units take any stay; some have their own shortest and longest.
        shortest = draw(st.just(1) | st.integers(1, weeks))
        longest = draw(st.none() | st.integers(shortest, weeks))
        units.append(
            Unit(
                id=f"u{i}",
                area_m2=draw(st.sampled_from([20.0, 50.0])),
                rent_cents_per_month=draw(st.sampled_from([15000, 30000])),
                street=draw(st.sampled_from(["main", "side"])),
                zone="z",
                allowed_categories=draw(st.none() | st.just(frozenset({"food"}))),
                capacity=draw(st.integers(1, 2)),
                available_weeks=draw(st.none() | st.just(frozenset(offered))),
                min_weeks=shortest,
                max_weeks=longest,
            )
        )
    applications = []
    for i in range(draw(st.integers(1, max_applications))):
        first = draw(st.integers(0, weeks - 1))
        last = draw(st.integers(first, weeks - 1))
        shortest = draw(st.integers(1, last - first + 1))
        applications.append(
            Application(
                id=f"a{i}",
                score=draw(st.integers(0, 20)) / 2,
                category=draw(st.sampled_from(CATEGORIES)),
                min_area_m2=draw(st.sampled_from([0.0, 30.0])),
                max_rent_cents_per_month=draw(st.sampled_from([None, 20000])),
                preferred_units=tuple(draw(st.permutations([u.id for u in units]))[:1]),
                earliest_start_week=first,
                latest_end_week=last,
                min_weeks=shortest,
                max_weeks=draw(st.none() | st.integers(shortest, weeks)),
                grant_cents=draw(st.sampled_from([0, 10000, 20000])),
            )
        )
    round_ = Round(
        weeks=weeks,
        budget_cents=draw(st.none() | st.sampled_from([0, 20000, 30000])),
        max_per_category_per_street=draw(st.none() | st.just(1)),
        preference_bonus=draw(st.sampled_from([0.0, 0.5])),
    )
    pairs = [(a.id, u.id) for a in applications for u in units]
    pins = draw(st.lists(st.sampled_from(pairs), max_size=1))
    forbids = draw(st.lists(st.sampled_from(pairs), max_size=2, unique=True))
    forbids = [pair for pair in forbids if pair not in pins]
    return Problem(round_, tuple(units), tuple(applications), tuple(pins), tuple(forbids))


PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(tiny_rounds())
def test_plan_keeps_every_rule_and_equals_brute_force(problem):
    result = solve_in_process(problem, time_limit_s=5)
    best = brute_force(problem)
    if best is None:
        assert result.status == "infeasible"
        assert result.placements == ()
        return
    stays = plan_of(result)
    assert violations(problem, stays) == []
    assert slot_violations(problem, result) == []
    assert result.status == "optimal"
    assert result.objective == pytest.approx(best, abs=1e-6)
    recomputed = sum(
        value_of(problem, a, stays[a.id][0]) for a in problem.applications if a.id in stays
    )
    assert result.objective == pytest.approx(recomputed, abs=1e-6)
    assert result.bound >= result.objective - 1e-6


@PROPERTY
@given(tiny_rounds(max_applications=6), st.integers(0, 3))
def test_larger_tiny_rounds_keep_every_rule_with_a_valid_bound(problem, _seed):
    result = solve_in_process(problem, time_limit_s=5)
    if result.status == "infeasible":
        return
    assert violations(problem, plan_of(result)) == []
    assert slot_violations(problem, result) == []
    assert result.bound >= result.objective - 1e-6


def shop(id, score, **terms):
    return Application(id=id, score=score, category=terms.pop("category", "food"), **terms)


def test_stays_are_lengthened_into_free_weeks_within_the_applicants_limits():
    problem = Problem(
        Round(weeks=6),
        (Unit("u", 30, 20000, "main"),),
        (shop("a", 5, min_weeks=2, max_weeks=4), shop("b", 4, min_weeks=1, max_weeks=1)),
    )
    result = solve_in_process(problem)
    stays = plan_of(result)
    assert stays["a"][2] == 4
    assert stays["b"][2] == 1
    assert violations(problem, stays) == []


def test_a_pin_is_honoured_even_when_it_costs_score():
    problem = Problem(
        Round(weeks=2),
        (Unit("u", 30, 20000, "main"),),
        (shop("best", 9, min_weeks=2), shop("pinned", 3, min_weeks=2)),
        pins=(("pinned", "u"),),
    )
    result = solve_in_process(problem)
    assert plan_of(result) == {"pinned": ("u", 0, 2)}
    assert result.objective == pytest.approx(3)


def test_a_forbidden_pairing_is_never_proposed():
    problem = Problem(
        Round(weeks=2),
        (Unit("near", 30, 20000, "main"), Unit("far", 30, 20000, "side")),
        (shop("a", 9, min_weeks=2, preferred_units=("near",)),),
        forbids=(("a", "near"),),
    )
    assert plan_of(solve_in_process(problem))["a"][0] == "far"


def test_pins_that_cannot_all_hold_make_the_round_infeasible():
    problem = Problem(
        Round(weeks=2),
        (Unit("u", 30, 20000, "main"),),
        (shop("a", 5, min_weeks=2), shop("b", 4, min_weeks=2)),
        pins=(("a", "u"), ("b", "u")),
    )
    result = solve_in_process(problem)
    assert result.status == "infeasible"
    assert result.placements == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"earliest_start_week": 3, "latest_end_week": 1}, "dates"),
        ({"latest_end_week": 9}, "dates"),
        ({"min_weeks": 3, "max_weeks": 2}, "reversed"),
    ],
)
def test_bad_dates_are_refused_with_the_application_named(change, message):
    problem = Problem(Round(weeks=4), (Unit("u", 30, 20000, "main"),), (shop("a", 5, **change),))
    with pytest.raises(ValueError, match=message):
        problem.validate()


@pytest.mark.parametrize(("shortest", "longest"), [(0, None), (3, 2)])
def test_a_units_reversed_stay_lengths_are_refused_with_the_unit_named(shortest, longest):
    unit = Unit("u", 30, 20000, "main", min_weeks=shortest, max_weeks=longest)
    problem = Problem(Round(weeks=4), (unit,), (shop("a", 5),))
    with pytest.raises(ValueError, match="unit 'u': stay lengths"):
        problem.validate()


def test_a_units_own_stay_limits_bound_the_stay_on_both_sides():
    problem = Problem(
        Round(weeks=8, preference_bonus=0.5),
        (
            Unit("long", 30, 20000, "main", min_weeks=3, max_weeks=5),
            Unit("week", 30, 20000, "side", max_weeks=1),
        ),
        (
            # Takes any length: in "long" it stays 5 weeks, the unit's longest, though 8 are free.
            shop("any", 9, preferred_units=("long",)),
            # Takes one week at most: never in "long", which takes three at least.
            shop("short", 7, max_weeks=1, preferred_units=("long",)),
        ),
    )
    result = solve_in_process(problem)
    stays = plan_of(result)
    assert violations(problem, stays) == []
    assert result.status == "optimal"
    assert stays == {"any": ("long", 0, 5), "short": ("week", 0, 1)}
    assert result.objective == pytest.approx(9.5 + 7)


def test_a_pair_whose_stay_lengths_do_not_overlap_is_no_candidate():
    problem = Problem(
        Round(weeks=8),
        (Unit("week", 30, 20000, "side", max_weeks=1),),
        (shop("two", 8, min_weeks=2), shop("one", 1)),
    )
    result = solve_in_process(problem)
    stays = plan_of(result)
    assert set(stays) == {"one"}
    assert stays["one"][::2] == ("week", 1)
    assert explain(problem, result)["two"].codes == ("no_fitting_unit",)


def test_an_application_whose_dates_are_shorter_than_every_units_shortest_stay_has_no_unit():
    problem = Problem(
        Round(weeks=6),
        (Unit("u", 30, 20000, "main", min_weeks=4),),
        (shop("brief", 9, earliest_start_week=1, latest_end_week=3), shop("other", 1)),
    )
    result = solve_in_process(problem)
    assert plan_of(result) == {"other": ("u", 0, 6)}
    assert explain(problem, result)["brief"].codes == ("no_fitting_unit",)
