"""The large-model search: budget scaling, local search and relax-and-fix keep every rule."""

import dataclasses
import random
import time

import numpy as np
import pytest
from hypothesis import given

from regrow.popups.allocation import explain, fallback, lns, local, milp, solver
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


def with_unit_stays(problem, seed):
    """The round with its units' own shortest and longest stays drawn (about half have some)."""
    rng = random.Random(seed)  # noqa: S311 (test data)
    weeks = problem.round.weeks
    units = []
    for unit in problem.units:
        if rng.random() < 0.5:
            shortest = min(weeks, rng.randint(1, 4))
            longest = rng.choice([None, shortest, min(weeks, shortest + rng.randint(1, 3))])
            unit = dataclasses.replace(unit, min_weeks=shortest, max_weeks=longest)
        units.append(unit)
    return dataclasses.replace(problem, units=tuple(units))


@pytest.mark.parametrize("seed", [1, 2])
def test_first_fit_over_blocks_of_mixed_lengths_agrees_with_fits_block_by_block(seed):
    problem = with_unit_stays(generate(60, 12, 8, seed=seed), seed)
    index = Index(problem)
    blocks = index.blocks()
    assert len(set(blocks.length.tolist())) > 2
    _plan, occupancy = greedy(index, blocks)
    rng = np.random.default_rng(seed)
    checked = 0
    for a, ks in enumerate(blocks.by_application):
        if len(set(blocks.length[ks].tolist())) < 2:
            continue
        order = rng.permutation(np.asarray(ks, dtype=np.int64))
        for with_grant in (True, False):
            expected = next(
                (
                    int(k)
                    for k in order
                    if occupancy.fits(
                        a,
                        int(blocks.unit[k]),
                        int(blocks.start[k]),
                        int(blocks.length[k]),
                        with_grant=with_grant,
                    )
                ),
                -1,
            )
            assert occupancy.first_fit(a, blocks, order, with_grant=with_grant) == expected
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_units_own_stay_limits_hold_in_every_plan_on_a_realistic_round(seed):
    problem = with_unit_stays(generate(60, 12, 8, seed=seed), seed)
    result = solve_in_process(problem, time_limit_s=10)
    assert result.status in ("optimal", "feasible")
    assert violations(problem, plan_of(result)) == []
    assert slot_violations(problem, result) == []
    assert result.bound >= result.objective - 1e-6
    greedy_result = fallback(problem)
    assert violations(problem, plan_of(greedy_result)) == []
    assert greedy_result.objective <= result.bound + 1e-6
    lengths = {(p.unit_id, p.weeks) for p in result.placements}
    units = {u.id: u for u in problem.units}
    assert any(units[u].min_weeks > 1 for u, _weeks in lengths)
    reasons = explain(problem, result)
    assert all(r.codes for r in reasons.values())
