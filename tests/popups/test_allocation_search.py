"""The large-model search: budget scaling, local search and relax-and-fix keep every rule."""

import time

import numpy as np
import pytest
from hypothesis import given

from regrow.popups.allocation import lns, local, milp, solver
from regrow.popups.allocation.blocks import Index
from regrow.popups.allocation.generate import generate
from regrow.popups.allocation.greedy import greedy, plan_value
from regrow.popups.allocation.solver import solve_in_process
from tests.popups.checks import brute_force, plan_of, slot_violations, violations
from tests.popups.test_allocation import PROPERTY, tiny_rounds


def stays_of(index, plan):
    return {
        index.applications[a].id: (index.units[u].id, start, weeks)
        for a, (u, start, weeks) in plan.items()
    }


def lp_guide(index, blocks):
    with_budget = solver.budget_binds(index, blocks)
    model = milp.build(index, blocks, np.arange(len(blocks)), with_budget=with_budget)
    highs = milp.highs_for(model, integer=False)
    milp.set_lp_options(highs)
    relaxed = milp.run(highs, model, float("inf"))
    bound, reduced = milp.reduced_costs(model, relaxed.row_dual)
    x = solver.per_block(blocks, model, relaxed.values)
    return bound, x, solver.per_block(blocks, model, reduced), with_budget


def test_the_budget_row_counts_in_the_grants_common_divisor_rounded_down():
    index = Index(generate(30, 7, 8, seed=1))  # grants are multiples of 5,000 cents
    grant, budget = milp.budget_scaled(index)
    assert np.allclose(grant * 5000, index.grant)
    assert budget == index.problem.round.budget_cents // 5000
    assert milp.budget_scaled(index, 12_345)[1] == 2  # what is left, rounded down too


@pytest.mark.parametrize("seed", [1, 2])
def test_local_search_keeps_every_rule_and_never_loses(seed):
    problem = generate(60, 12, 8, seed=seed)
    index = Index(problem)
    blocks = index.blocks()
    start, _occupancy = greedy(index, blocks)
    _bound, x, reduced, _with_budget = lp_guide(index, blocks)
    polished = local.polish(index, blocks, start, x, reduced, deadline=float("inf"))
    assert plan_value(blocks, index, polished) >= plan_value(blocks, index, start) - 1e-9
    assert violations(problem, stays_of(index, polished)) == []


def test_relax_and_fix_by_street_keeps_every_rule_and_improves_the_greedy(monkeypatch):
    monkeypatch.setattr(lns, "FREE_UNITS", 5)
    problem = generate(60, 12, 8, seed=3)
    index = Index(problem)
    blocks = index.blocks()
    start, _occupancy = greedy(index, blocks)
    bound, _x, reduced, with_budget = lp_guide(index, blocks)

    better = lns.improve(
        index, blocks, start, reduced, 1.0, time.monotonic() + 3, with_budget=with_budget
    )
    value = plan_value(blocks, index, better)
    assert plan_value(blocks, index, start) < value <= bound + 1e-6
    assert violations(problem, stays_of(index, better)) == []


@pytest.mark.parametrize("side_search", [False, True])
def test_the_large_model_path_gives_a_valid_plan_and_a_true_bound(monkeypatch, side_search):
    problem = generate(60, 12, 8, seed=4)
    exact = solve_in_process(problem, time_limit_s=20)
    assert exact.status == "optimal"
    monkeypatch.setattr(solver, "SIDE_SEARCH", side_search)
    monkeypatch.setattr(solver, "WHOLE_MIP_COLUMNS", 100)
    monkeypatch.setattr(lns, "FREE_UNITS", 5)
    result = solve_in_process(problem, time_limit_s=4)
    assert result.stats.method == "lp+near-mip+lns"
    assert violations(problem, plan_of(result)) == []
    assert slot_violations(problem, result) == []
    assert result.objective <= exact.objective + 1e-6 <= result.bound + 2e-6


@PROPERTY
@given(tiny_rounds(max_applications=4))
def test_on_tiny_rounds_the_large_model_path_keeps_every_rule_and_its_bound_holds(problem):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(solver, "WHOLE_MIP_COLUMNS", 0)
        patch.setattr(lns, "FREE_UNITS", 0)
        result = solve_in_process(problem, time_limit_s=2)
    best = brute_force(problem)
    if best is None:
        assert result.placements == ()
        return
    assert violations(problem, plan_of(result)) == []
    assert slot_violations(problem, result) == []
    assert result.objective <= best + 1e-6 <= result.bound + 2e-6
