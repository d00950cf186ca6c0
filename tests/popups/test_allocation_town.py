"""Rounds shaped as the app builds them: whole-number scores, few streets, strong category
limits, units' own stays. Their LP is degenerate (many plans as good as its optimum), which
once stalled the interior point and left the MIP nothing to find in time."""

import numpy as np
import pytest

from regrow.popups.allocation import Application, Problem, Round, Unit, explain, lns, milp, solver
from regrow.popups.allocation.blocks import Index
from regrow.popups.allocation.generate import TOWN_CATEGORIES, generate_town
from regrow.popups.allocation.solver import solve_in_process
from tests.popups.checks import plan_of, slot_violations, violations


def test_a_town_round_has_the_shape_the_app_gives_its_rounds():
    problem = generate_town(60, 12, 8, seed=1)
    problem.validate()
    assert problem.round.max_per_category_per_street == 3
    assert problem.round.budget_cents == 60 * 40_000
    assert len({unit.street for unit in problem.units}) == 6
    assert {(unit.min_weeks, unit.max_weeks) for unit in problem.units} == {(2, 8)}
    assert {unit.capacity for unit in problem.units} == {1, 2}
    scores = {application.score for application in problem.applications}
    assert scores <= set(map(float, range(11))) and 0.0 in scores
    assert {application.category for application in problem.applications} <= set(TOWN_CATEGORIES)
    assert {application.grant_cents for application in problem.applications} == {
        0,
        50_000,
        100_000,
    }
    # Rent and area misfits come as forbidden pairs, as the app passes them.
    assert problem.forbids
    assert all(application.min_area_m2 == 0 for application in problem.applications)
    assert {unit.rent_cents_per_month for unit in problem.units} == {0}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_town_round_gets_a_proven_optimum_with_a_whole_number_bound(seed):
    problem = generate_town(100, 20, 8, seed=seed)
    result = solve_in_process(problem, time_limit_s=20)
    assert result.status == "optimal"
    assert violations(problem, plan_of(result)) == []
    assert slot_violations(problem, result) == []
    # Every plan is worth whole points, so the bound is a whole number too.
    assert result.bound == int(result.bound)
    assert result.objective <= result.bound + 1e-9


def test_relax_and_fix_answers_when_the_lps_near_blocks_are_too_many(monkeypatch):
    problem = generate_town(60, 12, 8, seed=1)
    exact = solve_in_process(problem, time_limit_s=20)
    assert exact.status == "optimal"
    monkeypatch.setattr(solver, "WHOLE_MIP_COLUMNS", 100)
    monkeypatch.setattr(solver, "NEAR_MIP_COLUMNS", 100)
    monkeypatch.setattr(lns, "FREE_UNITS", 4)
    monkeypatch.setattr(solver, "POLISH_S", 0.0)  # the start as rounded, below the bound
    result = solve_in_process(problem, time_limit_s=5)
    assert result.stats.method == "lp+lns"
    assert violations(problem, plan_of(result)) == []
    assert slot_violations(problem, result) == []
    assert result.objective <= exact.objective + 1e-6 <= result.bound + 2e-6
    # It stops once the plan reaches the bound (here the optimum), not at the time limit.
    assert result.status == "optimal"
    assert result.stats.seconds < 4


def stalled_interior_point(monkeypatch, iterations=3):
    """HiGHS's interior point stopped after a few iterations, as "no progress" stopped it."""
    set_lp_options = milp.set_lp_options

    def stalled(highs):
        set_lp_options(highs)
        highs.setOptionValue("ipm_iteration_limit", iterations)

    monkeypatch.setattr(milp, "set_lp_options", stalled)


def lp_bound(problem):
    index = Index(problem)
    blocks = index.blocks()
    with_budget = solver.budget_binds(index, blocks)
    model = milp.build(index, blocks, np.arange(len(blocks)), with_budget=with_budget)
    highs = milp.highs_for(model, integer=False)
    highs.setOptionValue("solver", "simplex")
    return milp.run(highs, model, float("inf")).bound


def test_an_interior_point_stopped_short_is_solved_again_by_simplex(monkeypatch):
    problem = generate_town(100, 20, 8, seed=2)
    exact = solve_in_process(problem, time_limit_s=20)
    stalled_interior_point(monkeypatch)
    result = solve_in_process(problem, time_limit_s=10)
    assert violations(problem, plan_of(result)) == []
    assert exact.objective <= result.bound + 1e-6
    # The LP's own bound (whole points), not the loose one of the stopped interior point.
    assert result.bound <= lp_bound(problem) + 1e-6
    assert result.status == "optimal"


def test_without_time_to_solve_again_the_bound_is_still_proven_and_no_looser_than_simple(
    monkeypatch,
):
    problem = generate_town(100, 20, 8, seed=2)
    exact = solve_in_process(problem, time_limit_s=20)
    stalled_interior_point(monkeypatch, iterations=1)
    monkeypatch.setattr(solver, "RESOLVE_S", float("inf"))
    result = solve_in_process(problem, time_limit_s=5)
    assert violations(problem, plan_of(result)) == []
    assert exact.objective <= result.bound + 1e-6
    index = Index(problem)
    assert result.bound <= milp.simple_bound(index, index.blocks()) + 1e-9


def shop(id, score, **terms):
    return Application(id=id, score=score, category=terms.pop("category", "food"), **terms)


def test_blocks_worth_nothing_stay_out_of_the_model_yet_their_pop_ups_are_placed():
    # Each stays both weeks; "pinned" (score 0) must have u1, so u2 is the one left.
    whole = {"min_weeks": 2}
    problem = Problem(
        Round(weeks=2),
        (Unit("u1", 30, 10000, "main"), Unit("u2", 30, 10000, "main")),
        (
            shop("pinned", 0, **whole),
            shop("zero", 0, **whole),
            shop("good", 5, **whole),
            shop("better", 7, **whole),
        ),
        pins=(("pinned", "u1"),),
    )
    index = Index(problem)
    blocks = index.blocks()
    kept = {index.applications[int(a)].id for a in blocks.application[milp.priced(index, blocks)]}
    assert kept == {"pinned", "good", "better"}
    result = solve_in_process(problem)
    plan = plan_of(result)
    assert plan["pinned"][0] == "u1"
    assert plan["better"][0] == "u2"
    assert result.objective == 7 and result.status == "optimal"
    reasons = explain(problem, result)
    # Left out: "good" (5 instead of 7) and "zero" (at least nothing, at most all 7, as the
    # pinned pop-up is never moved for it); neither moves the pin to make room.
    assert set(reasons) == {"good", "zero"}
    assert reasons["good"].cost_at_least == pytest.approx(2)
    assert reasons["good"].cost_at_most == pytest.approx(2)
    assert reasons["zero"].cost_at_least == pytest.approx(0)
    assert reasons["zero"].cost_at_most == pytest.approx(7)
    assert reasons["zero"].codes == ("slots_taken",)


def test_a_zero_score_application_takes_room_left_over():
    problem = Problem(
        Round(weeks=2),
        (Unit("u1", 30, 10000, "main"), Unit("u2", 30, 10000, "main")),
        (shop("zero", 0, min_weeks=2), shop("good", 5, min_weeks=2)),
    )
    result = solve_in_process(problem)
    assert set(plan_of(result)) == {"zero", "good"}
    assert result.objective == 5 and result.bound == 5


@pytest.mark.parametrize(
    ("values", "step"),
    [
        ([3.0, 7.0, 0.0], 1.0),
        ([6.0, 9.0], 3.0),
        ([6.5, 7.0, 0.5], 0.5),
        ([1.25, 2.0], 0.25),
        ([6.12, 7.3], 0.02),
        ([1 / 3, 1.0], 0.0),
        ([], 0.0),
        ([0.0], 0.0),
    ],
)
def test_the_value_step_is_the_largest_common_step_in_hundredths(values, step):
    assert milp.value_step(np.array(values)) == pytest.approx(step)


def test_a_bound_rounds_down_to_the_step_but_not_below_a_multiple_it_nearly_is():
    assert milp.round_down(1531.5, 1.0) == 1531
    assert milp.round_down(1608.0000010820013, 1.0) == 1608
    assert milp.round_down(1607.9999999999, 1.0) == 1608
    assert milp.round_down(12.74, 0.5) == 12.5
    assert milp.round_down(12.74, 0.0) == 12.74
    assert milp.round_down(float("inf"), 1.0) == float("inf")


def test_the_simple_bound_is_every_best_block_as_far_as_the_budget_goes():
    problem = Problem(
        Round(weeks=2, budget_cents=30_000, preference_bonus=1.0),
        (Unit("u1", 30, 10000, "main"), Unit("u2", 30, 10000, "main")),
        (
            shop("free", 4, preferred_units=("u2",)),  # 4 + 1 for its wanted unit, no grant
            shop("dense", 6, grant_cents=10_000),  # 6 points for 10,000
            shop("sparse", 8, grant_cents=40_000),  # half of it fits: 4 points
            shop("nothing", 0, grant_cents=5_000),
        ),
    )
    index = Index(problem)
    assert milp.simple_bound(index, index.blocks()) == pytest.approx(5 + 6 + 4)
    unlimited = Problem(Round(weeks=2, preference_bonus=1.0), problem.units, problem.applications)
    index = Index(unlimited)
    assert milp.simple_bound(index, index.blocks()) == pytest.approx(5 + 6 + 8)
