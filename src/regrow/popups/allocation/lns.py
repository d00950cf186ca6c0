"""Relax and fix by street: a better plan for a large model, one neighbourhood at a time.

Keep every pop-up of the plan outside a few streets where it is; for those streets, solve a
small MIP over the applications placed there or left out, with what the rest leaves of the
budget, from the plan's own placements there as a start. Streets are whole, so the category
limit per street never straddles the fixed and the free part; the MIP is small enough to
finish or nearly, and it never makes the plan worse. Blocks the LP prices well below zero
(reduced cost under minus `near`) are left out of it, so it stays small.
"""

import random
import time

import numpy as np

from . import milp
from .blocks import Blocks, Index
from .greedy import Plan, plan_from_blocks, plan_value

# Units freed per neighbourhood: about the size of a round HiGHS proves optimal in a second.
FREE_UNITS = 20
# Seconds a neighbourhood's MIP may take at most.
STEP_S = 1.5


def improve(
    index: Index,
    blocks: Blocks,
    plan: Plan,
    reduced: np.ndarray,
    near: float,
    deadline: float,
    *,
    with_budget: bool,
    seed: int = 0,
    bound: float = milp.INF,
) -> Plan:
    """A plan at least as good as `plan` (reduced: one reduced cost per block); it stops early
    once the plan is within `milp.OPTIMAL_GAP` of `bound` (then proven optimal)."""
    rng = random.Random(seed)  # noqa: S311 (a search order, not a secret)
    streets = sorted(set(index.unit_street.tolist()))
    units_on = {s: np.flatnonzero(index.unit_street == s) for s in streets}
    if len(index.units) <= FREE_UNITS:
        return plan
    near_blocks = reduced > -near
    best, best_value = dict(plan), plan_value(blocks, index, plan)
    enough = bound - milp.OPTIMAL_GAP * abs(bound) if bound < milp.INF else milp.INF
    while time.monotonic() < deadline - 0.2 and best_value < enough:
        rng.shuffle(streets)
        free_units: set[int] = set()
        for street in streets:
            free_units.update(units_on[street].tolist())
            if len(free_units) >= FREE_UNITS:
                break
        step = min(deadline, time.monotonic() + STEP_S)
        candidate = neighbourhood(index, blocks, best, free_units, near_blocks, step, with_budget)
        if candidate is not None:
            value = plan_value(blocks, index, candidate)
            if value > best_value + 1e-9:
                best, best_value = candidate, value
    return best


def neighbourhood(index, blocks, plan: Plan, free_units: set[int], near, deadline, with_budget):
    """The plan with the free units' part solved again, or None if nothing was found."""
    fixed = {a: stay for a, stay in plan.items() if stay[0] not in free_units}
    in_units = np.isin(blocks.unit, np.fromiter(free_units, dtype=np.int32))
    free_applications = np.ones(len(index.applications), dtype=bool)
    free_applications[list(fixed)] = False
    current = {
        k
        for a, (u, s, _n) in plan.items()
        if u in free_units
        for k in blocks.by_application[a]
        if blocks.unit[k] == u and blocks.start[k] == s
    }
    chosen = in_units & free_applications[blocks.application] & near
    columns = np.union1d(np.flatnonzero(chosen), np.fromiter(current, dtype=np.int64))
    if len(columns) == 0:
        return None
    budget = index.problem.round.budget_cents
    left = None if budget is None else budget - sum(index.grant[a] for a in fixed)
    model = milp.build(
        index, blocks, columns.astype(np.int64), with_budget=with_budget, budget_cents=left
    )
    highs = milp.highs_for(model, integer=True)
    milp.set_start(highs, model, current, {a for a, stay in plan.items() if a not in fixed})
    solved = milp.run(highs, model, deadline)
    if solved.infeasible or not len(solved.values):
        return None
    picked = [int(k) for k in model.columns[solved.values > 0.5]]
    held = [
        k
        for a, (u, s, _n) in fixed.items()
        for k in blocks.by_application[a]
        if blocks.unit[k] == u and blocks.start[k] == s
    ]
    candidate, _occupancy = plan_from_blocks(index, blocks, held + picked)
    return candidate
