"""Why an application was left out: who holds the room it could use, whether the budget is
spent, and what including it would cost in total score.

Reasons are codes and data, worded by the pages that show them:
- "no_fitting_unit": no offered unit fits it (area, rent, category, zone, dates, stay
  lengths, forbids);
- "slots_taken": every week it could use in every fitting unit is held (see `holders`);
- "category_limit": where a unit has room, its category is at the street's limit
  (`holders` still lists the units that are full);
- "budget_spent": its grant is more than what the plan leaves of the budget.
The cost is a range: `cost_at_least` from the LP relaxation's prices (no plan with it
loses less), `cost_at_most` from a plan that includes it (evicting what it collides with and
refilling); on small rounds a re-solve with it forced in makes both the exact figure.
"""

import time
from dataclasses import dataclass

import numpy as np

from . import milp
from .blocks import Index, Occupancy
from .greedy import Plan, by_score, fill, plan_value
from .model import Id, Problem, Result
from .solver import budget_binds

# Up to this many blocks, a MIP re-solve per left-out application gives the exact cost.
EXACT_COLUMNS = 4_000


@dataclass(frozen=True)
class Reason:
    application_id: Id
    codes: tuple[str, ...]
    # Units that fit it; for each, the applications whose stays cover the weeks it could use.
    holders: tuple[tuple[Id, tuple[Id, ...]], ...] = ()
    # Streets where its category is at the limit in the weeks it could use there.
    category_full_streets: tuple[str, ...] = ()
    remaining_budget_cents: int | None = None
    # Points of total score (jury score + preference bonus) lost by including it.
    cost_at_least: float | None = None
    cost_at_most: float | None = None


def explain(
    problem: Problem, result: Result, *, only=None, time_limit_s: float = 10.0
) -> dict[Id, Reason]:
    """A Reason for every application the result leaves out, or for those of `only`."""
    deadline = time.monotonic() + time_limit_s
    index = Index(problem)
    blocks = index.blocks()
    plan: Plan = {}
    occupancy = Occupancy(index)
    for placement in result.placements:
        a = index.application_position[placement.application_id]
        u = index.unit_position[placement.unit_id]
        plan[a] = (u, placement.start_week, placement.weeks)
        occupancy.add(a, u, placement.start_week, placement.weeks)
    wanted = None if only is None else {index.application_position[i] for i in only}
    left_out = [
        a
        for a in range(len(index.applications))
        if a not in plan and (wanted is None or a in wanted)
    ]
    costs = Costs(index, blocks, plan, result, deadline, len(left_out))
    reasons = {}
    for a in left_out:
        application = index.applications[a]
        if not blocks.by_application[a]:
            reasons[application.id] = Reason(application.id, ("no_fitting_unit",))
            continue
        codes, holders, streets = [], [], set()
        roomy = False  # some unit has a free place in weeks it could use
        for u in sorted({int(blocks.unit[k]) for k in blocks.by_application[a]}):
            own = [k for k in blocks.by_application[a] if blocks.unit[k] == u]
            free = [k for k in own if room(occupancy, a, u, blocks, k, category=False)]
            if not free:
                weeks = {
                    w
                    for k in own
                    for w in range(blocks.start[k], blocks.start[k] + blocks.length[k])
                }
                holders.append((index.units[u].id, holders_of(index, plan, u, weeks)))
            elif not any(room(occupancy, a, u, blocks, k, category=True) for k in free):
                roomy = True
                streets.add(index.units[u].street)
            else:
                roomy = True
        if not roomy:
            codes.append("slots_taken")
        elif streets:
            codes.append("category_limit")
        remaining = None
        if problem.round.budget_cents is not None:
            remaining = int(problem.round.budget_cents - occupancy.spent)
            if index.grant[a] > remaining:
                codes.append("budget_spent")
        low, high = costs.of(a)
        reasons[application.id] = Reason(
            application.id,
            tuple(codes),
            tuple(holders),
            tuple(sorted(streets)),
            remaining,
            low,
            high,
        )
    return reasons


def room(occupancy: Occupancy, a: int, u: int, blocks, k: int, *, category: bool) -> bool:
    start, length = int(blocks.start[k]), int(blocks.length[k])
    if not category:
        weeks = slice(start, start + length)
        return bool((occupancy.unit_week[u, weeks] < occupancy.index.capacity[u]).all())
    return occupancy.fits(a, u, start, length, with_grant=False)


def holders_of(index: Index, plan: Plan, u: int, weeks: set[int]) -> tuple[Id, ...]:
    return tuple(
        index.applications[b].id
        for b, (unit, start, length) in sorted(plan.items())
        if unit == u and weeks.intersection(range(start, start + length))
    )


class Costs:
    """What forcing one application in costs: bounds from LP prices, plans from eviction."""

    def __init__(self, index, blocks, plan: Plan, result: Result, deadline, count: int):
        self.index, self.blocks, self.plan = index, blocks, plan
        self.objective = result.objective
        self.deadline, self.count = deadline, max(1, count)
        self.with_budget = budget_binds(index, blocks)
        # The solve's own model (blocks worth nothing left out), so its prices fit it.
        columns = milp.priced(index, blocks)
        self.model = milp.build(index, blocks, columns, with_budget=self.with_budget)
        self.lp_bound, self.reduced = None, None
        prices = np.array(result.stats.row_prices, dtype=np.float64)
        if len(self.model.columns) and len(prices) == self.model.size[1]:
            # The solve's own LP prices (any prices give a valid bound, so none are trusted).
            self.lp_bound, self.reduced = milp.reduced_costs(self.model, prices)
        elif len(self.model.columns):
            highs = milp.highs_for(self.model, integer=False)
            milp.set_lp_options(highs)
            relaxed = milp.run(highs, self.model, deadline)
            if relaxed.row_dual is not None:
                self.lp_bound, self.reduced = milp.reduced_costs(self.model, relaxed.row_dual)
        self.position = {int(k): i for i, k in enumerate(self.model.columns)}

    def of(self, a: int) -> tuple[float | None, float | None]:
        blocks = self.blocks
        if not blocks.by_application[a]:
            return None, None
        best_with = self.evicting(a)
        high = None if best_with is None else max(0.0, self.objective - best_with)
        low = None
        position = self.position
        priced = [position[int(k)] for k in blocks.by_application[a] if int(k) in position]
        if self.reduced is not None and not priced:
            # Worth nothing: a plan with it is, without it, a plan of the model.
            low = max(0.0, self.objective - self.lp_bound)
        elif self.reduced is not None:
            # With a in, some block of a is at 1: no such plan is worth more than bound + r.
            best_r = max(self.reduced[i] for i in priced)
            low = max(0.0, self.objective - (self.lp_bound + min(0.0, best_r)))
        small = len(self.model.columns) <= EXACT_COLUMNS
        if priced and small and time.monotonic() < self.deadline:
            exact = self.forced(a, best_with)
            if exact is not None:
                low, high = (
                    max(low or 0.0, exact[0]),
                    min(high if high is not None else exact[1], exact[1]),
                )
        if low is not None and high is not None:
            low = min(low, high)
        return low, high

    def evicting(self, a: int) -> float | None:
        """The best plan found by putting a into one of its blocks, evicting, refilling."""
        index, blocks = self.index, self.blocks
        best = None
        for k in blocks.by_application[a][:: max(1, len(blocks.by_application[a]) // 4)]:
            u, s, n = int(blocks.unit[k]), int(blocks.start[k]), int(blocks.length[k])
            # Pinned pop-ups stay where they are (then a may not fit there).
            plan = {
                b: p
                for b, p in self.plan.items()
                if b in index.pinned or not clashes(index, a, u, s, n, b, p)
            }
            occupancy = Occupancy(index)
            for b, (pu, ps, pn) in plan.items():
                occupancy.add(b, pu, ps, pn)
            if not occupancy.fits(a, u, s, n, with_grant=False):
                continue
            occupancy.add(a, u, s, n)
            plan[a] = (u, s, n)
            # Over budget: drop the lowest scores (never a itself or a pin) until it fits.
            for b in sorted(plan, key=lambda b: index.applications[b].score):
                if occupancy.budget is None or occupancy.spent <= occupancy.budget:
                    break
                if b != a and b not in index.pinned:
                    occupancy.remove(b, *plan.pop(b))
            if occupancy.budget is not None and occupancy.spent > occupancy.budget:
                continue
            fill(index, blocks, occupancy, plan, by_score(index))
            value = plan_value(blocks, index, plan)
            best = value if best is None else max(best, value)
        return best

    def forced(self, a: int, start_value: float | None) -> tuple[float, float] | None:
        """(cost at least, cost at most) from a MIP with a forced in, or None if it failed."""
        model = self.model
        col_lower = model.col_lower.copy()
        row_lower = model.row_lower.copy()
        if self.with_budget:
            col_lower[len(model.columns) + int(np.searchsorted(model.funded, a))] = 1.0
        else:
            row_lower[
                int(np.searchsorted(np.unique(self.blocks.application[model.columns]), a))
            ] = 1.0
        forced = milp.Model(**{**model.__dict__, "col_lower": col_lower, "row_lower": row_lower})
        highs = milp.highs_for(forced, integer=True)
        per_application = (self.deadline - time.monotonic()) / self.count
        solved = milp.run(highs, forced, time.monotonic() + max(0.05, per_application))
        if solved.infeasible or not len(solved.values):
            return None
        return max(0.0, self.objective - solved.bound), max(0.0, self.objective - solved.objective)


def clashes(index: Index, a: int, u: int, s: int, n: int, b: int, placed) -> bool:
    """Whether b's stay shares a week with a's block in the same unit, or on the same street in
    the same category when the round limits those."""
    pu, ps, pn = placed
    overlap = ps < s + n and s < ps + pn
    if not overlap:
        return False
    if pu == u:
        return True
    if index.problem.round.max_per_category_per_street is None:
        return False
    same_street = index.unit_street[pu] == index.unit_street[u]
    return bool(same_street and index.application_category[b] == index.application_category[a])
