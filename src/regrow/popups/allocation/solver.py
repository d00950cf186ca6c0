"""The solve itself, in the calling process: pick a method by size, then repair and lengthen.

- Up to `WHOLE_MIP_COLUMNS` blocks: the LP relaxation (interior point, no crossover) for a
  bound and reduced costs, its rounding or the greedy plan as a start, then one MIP over the
  blocks reduced-cost fixing leaves.
- Up to `milp.MIP_COLUMNS` blocks in one part: the same LP, the start improved by local search
  (`local.py`), then a MIP over the blocks the LP uses or nearly would, then relax-and-fix by
  street (`lns.py`) if time is left (or beside the MIP in a thread: `SIDE_SEARCH`).
- Larger and split into independent parts (zones only linked by the budget): each part on its
  own; when the budget binds, a price on the budget found on the parts' LP relaxations, then
  each part's MIP at that price (`decompose.py`).
- One part larger still: the LP's rounding, improved by local search.
Every path ends with a certified bound, so the gap it reports is proven, not estimated.
"""

import threading
import time

import numpy as np

from . import decompose, lns, local, milp
from .blocks import Blocks, Index
from .greedy import Plan, by_score, fill, greedy, lengthen, placements, plan_from_blocks, plan_value
from .milp import INF
from .model import (
    STATUS_FEASIBLE,
    STATUS_INFEASIBLE,
    STATUS_OPTIMAL,
    Problem,
    Result,
    Stats,
)

# Above this many blocks, branch and cut runs only over the blocks the LP relaxation uses.
WHOLE_MIP_COLUMNS = 12_000
# Seconds kept after the MIP for repair, lengthening and sending the plan back.
FINISH_MARGIN_S = 0.5
# Seconds of local search on a large model's start (and on a small one's far from the bound).
POLISH_S = 0.3
# A small model's start is polished when its gap to the LP bound is above this.
POLISH_GAP = 0.01
# A large model's MIP also gets the blocks whose reduced cost is above minus this share of the
# mean block value (the LP would nearly use them): 0.015 keeps about one block in seven.
NEAR_REDUCED_COST = 0.015
# Seconds left at least for solving the LP again by simplex when the interior point stopped.
RESOLVE_S = 2.0
# A large model's near blocks above this many (a degenerate LP): relax-and-fix instead of
# the MIP. At 300x60x8 the generated rounds keep about 4,600, the town rounds 29,000-38,000,
# where HiGHS's MIP over them found no better plan in 7 s and relax-and-fix the optimum in 1-2 s.
NEAR_MIP_COLUMNS = 12_000
# Whether relax-and-fix runs in a thread beside a large model's MIP rather than after it. Off:
# at 300x60x8 the MIP then found less (gaps 0.70-0.94 % against 0.33-0.48 %, load 5).
SIDE_SEARCH = False
# Relax-and-fix's MIPs leave out blocks whose reduced cost is below minus this share.
LNS_NEAR_REDUCED_COST = 0.05
# HiGHS's soft limit on its cut pool in that MIP (default 10,000).
CUT_POOL = 300


def budget_binds(index: Index, blocks: Blocks) -> bool:
    budget = index.problem.round.budget_cents
    if budget is None:
        return False
    placeable = [a for a, ks in enumerate(blocks.by_application) if ks]
    return float(index.grant[placeable].sum()) > budget


def infeasible(stats: Stats) -> Result:
    return Result(status=STATUS_INFEASIBLE, placements=(), objective=0.0, bound=None, stats=stats)


def finish(index: Index, blocks: Blocks, chosen: list[int], bound: float, stats: Stats) -> Result:
    """Accept the chosen blocks while they fit, fill free room by score, lengthen, certify."""
    plan, occupancy = plan_from_blocks(index, blocks, chosen)
    fill(index, blocks, occupancy, plan, by_score(index))
    if any(a not in plan for a in index.pinned):
        return infeasible(stats)
    objective = plan_value(blocks, index, plan)
    lengthen(index, occupancy, plan)
    # Every plan is worth a whole number of steps (whole-number scores: of points), so is the best.
    bound = min(bound, milp.simple_bound(index, blocks))
    bound = max(milp.round_down(bound, milp.value_step(blocks.value)), objective)
    gap = 0.0 if bound <= 1e-9 else (bound - objective) / bound
    status = STATUS_OPTIMAL if gap <= milp.OPTIMAL_GAP else STATUS_FEASIBLE
    return Result(status, placements(index, plan), objective, bound, stats)


def solve_in_process(problem: Problem, *, time_limit_s: float = 10.0) -> Result:
    started = time.monotonic()
    deadline = started + time_limit_s
    problem.validate()
    index = Index(problem)
    blocks = index.blocks()
    if any(not blocks.by_application[a] for a in index.pinned):
        return infeasible(Stats(method="none"))
    start_plan, _occupancy = greedy(index, blocks)
    with_budget = budget_binds(index, blocks)
    parts = decompose.components(index, blocks)
    if len(blocks) <= milp.MIP_COLUMNS or len(parts) == 1:
        columns = milp.priced(index, blocks)
        chosen, bound, stats = whole(index, blocks, columns, start_plan, deadline, with_budget)
        if chosen is None:
            return infeasible(stats)
    else:
        outcome = decompose.solve_parts(index, blocks, parts, deadline, with_budget=with_budget)
        if outcome is None:
            return infeasible(Stats(method="decomposition", components=len(parts)))
        chosen, bound, stats = outcome
    stats.components = len(parts)
    stats.seconds = time.monotonic() - started
    return finish(index, blocks, chosen, bound, stats)


def whole(index, blocks, columns, start_plan: Plan, deadline: float, with_budget: bool):
    """One model: LP bound and rounding, then branch and cut where a better plan may exist."""
    model = milp.build(index, blocks, columns, with_budget=with_budget)
    n_col, n_row, n_nz = model.size
    stats = Stats(variables=n_col, constraints=n_row, nonzeros=n_nz, method="lp-rounding")
    if n_col == 0:
        stats.method = "empty"
        return [], 0.0, stats
    highs = milp.highs_for(model, integer=False)
    milp.set_lp_options(highs)
    relaxed = milp.run(highs, model, deadline)
    if not relaxed.optimal and not relaxed.infeasible:
        relaxed = again_by_simplex(model, relaxed, deadline)
    if relaxed.infeasible:
        return None, 0.0, stats
    if relaxed.row_dual is None:  # stopped inside the LP: no bound
        return sorted(start_blocks(index, blocks, start_plan)), INF, stats
    dual, reduced = milp.reduced_costs(model, relaxed.row_dual)
    bound = milp.round_down(dual, milp.value_step(blocks.value[model.columns]))
    stats.row_prices = tuple(relaxed.row_dual.tolist())
    plan, value = best_start(index, blocks, model, relaxed.values, start_plan)
    x = per_block(blocks, model, relaxed.values)
    # Blocks left out of the model (worth nothing) come last in every search.
    guide = per_block(blocks, model, reduced, missing=-INF)
    large = len(model.columns) > WHOLE_MIP_COLUMNS
    if value > -INF and (large or bound - value > POLISH_GAP * bound):
        # A better start for the MIP, and on small models fewer blocks left by reduced-cost
        # fixing (there only when the start is far off: otherwise it costs more than it saves).
        plan = local.polish(index, blocks, plan, x, guide, time.monotonic() + POLISH_S)
        value = plan_value(blocks, index, plan)
    chosen = sorted(start_blocks(index, blocks, plan))
    if (bound - value) <= milp.OPTIMAL_GAP * bound or len(model.columns) > milp.MIP_COLUMNS:
        return chosen, bound, stats
    if len(model.columns) <= WHOLE_MIP_COLUMNS:
        # Reduced-cost fixing: a block with bound + r <= value is in no better plan, so the MIP
        # over the rest, together with the incumbent, still certifies a bound for the whole.
        keep = reduced[: len(model.columns)] > value - dual - 1e-6
        stats.method = "lp+mip"
    else:
        # Too big to prove in time (its root LP alone is slow): search for a better plan among
        # the blocks the LP uses or nearly would (reduced cost close to 0); the LP's bound
        # stays the certificate.
        near = NEAR_REDUCED_COST * float(np.mean(blocks.value))
        keep = (relaxed.values > 1e-3) | (reduced[: len(model.columns)] > -near)
        stats.method = "lp+near-mip+lns"
        if keep.sum() > NEAR_MIP_COLUMNS:
            # A degenerate LP (many plans as good as its optimum, as with whole-number scores):
            # HiGHS finds nothing in so many blocks in time; relax-and-fix by street does.
            stats.method = "lp+lns"
            found = lns.improve(
                index,
                blocks,
                plan,
                guide,
                LNS_NEAR_REDUCED_COST * float(np.mean(blocks.value)),
                deadline - FINISH_MARGIN_S,
                with_budget=with_budget,
                bound=bound,
            )
            return sorted(start_blocks(index, blocks, found)), bound, stats
    kept = np.union1d(model.columns[keep], np.array(chosen, dtype=np.int64))
    sub = milp.build(index, blocks, kept.astype(np.int64), with_budget=with_budget)
    highs = milp.highs_for(sub, integer=True)
    # Fewer cuts kept at the root: the heuristics that find plans start sooner.
    highs.setOptionValue("mip_pool_soft_limit", CUT_POOL)
    if value > -INF:
        milp.set_start(highs, sub, set(chosen), set(plan))
    mip_deadline = deadline - FINISH_MARGIN_S
    side: dict[str, Plan] = {}
    near_lns = LNS_NEAR_REDUCED_COST * float(np.mean(blocks.value))
    worker = None
    if stats.method != "lp+mip" and SIDE_SEARCH:
        # Relax-and-fix by street from the start, on the other core while HiGHS works (it
        # waits for the GIL-free solver): when the MIP finds nothing in time, its plan answers.
        worker = threading.Thread(
            target=lambda: side.update(
                plan=lns.improve(
                    index, blocks, plan, guide, near_lns, mip_deadline, with_budget=with_budget
                )
            ),
            daemon=True,
            name="allocation-lns",
        )
        worker.start()
    solved = milp.run(highs, sub, mip_deadline)
    if worker is not None:
        worker.join()
    stats.mip_nodes = solved.nodes
    if solved.infeasible:
        return (None, 0.0, stats) if stats.method == "lp+mip" else (chosen, bound, stats)
    if stats.method == "lp+mip":
        bound = min(bound, max(value, solved.bound))
    if len(solved.values) and solved.objective > value:
        chosen = rounding_order(index, sub, solved.values, blocks)
    if stats.method == "lp+mip":
        return chosen, bound, stats
    found, _occupancy = plan_from_blocks(index, blocks, chosen)
    if "plan" in side and plan_value(blocks, index, side["plan"]) > plan_value(
        blocks, index, found
    ):
        found = side["plan"]
    elif time.monotonic() < mip_deadline - 0.3:
        # The MIP ended early (it proved its part): relax-and-fix in the time left.
        found = lns.improve(
            index,
            blocks,
            found,
            guide,
            near_lns,
            mip_deadline,
            with_budget=with_budget,
            bound=bound,
        )
    return sorted(start_blocks(index, blocks, found)), bound, stats


def again_by_simplex(model: milp.Model, relaxed: milp.Solved, deadline: float) -> milp.Solved:
    """The interior point stopped short of the optimum (it reported "no progress" on a round
    of whole-number scores): its prices bound the plans loosely (6 % there). The simplex method
    from scratch, in at most half the time left, gives the LP's own bound and a vertex to round;
    the first answer stays when it does not finish or bounds no better."""
    left = deadline - time.monotonic()
    if left < RESOLVE_S:
        return relaxed
    highs = milp.highs_for(model, integer=False)
    highs.setOptionValue("solver", "simplex")
    again = milp.run(highs, model, time.monotonic() + left / 2)
    if again.row_dual is None or not again.optimal:
        return relaxed
    if relaxed.row_dual is not None and again.bound >= relaxed.bound:
        return relaxed
    return again


def per_block(
    blocks: Blocks, model: milp.Model, column_values: np.ndarray, missing: float = 0.0
) -> np.ndarray:
    """Values given per column of the model, per block (`missing` for blocks not in it)."""
    values = np.full(len(blocks), missing)
    values[model.columns] = column_values[: len(model.columns)]
    return values


def best_start(index, blocks, model, values, greedy_plan: Plan) -> tuple[Plan, float]:
    """The better of the rounded LP solution and the greedy plan (a plan missing a pin is out)."""
    rounded, occupancy = plan_from_blocks(
        index, blocks, rounding_order(index, model, values, blocks)
    )
    fill(index, blocks, occupancy, rounded, by_score(index))
    best, best_value = {}, -INF
    for plan in (rounded, greedy_plan):
        value = plan_value(blocks, index, plan) if all(a in plan for a in index.pinned) else -INF
        if value > best_value:
            best, best_value = plan, value
    return best, best_value


def start_blocks(index: Index, blocks: Blocks, plan: Plan) -> set[int]:
    wanted = {(a, u, s) for a, (u, s, _n) in plan.items()}
    return {
        k
        for a, ks in enumerate(blocks.by_application)
        for k in ks
        if (a, int(blocks.unit[k]), int(blocks.start[k])) in wanted
    }


def rounding_order(
    index: Index, model: milp.Model, values: np.ndarray, blocks: Blocks
) -> list[int]:
    """Blocks with a positive value in the solution, the most certain and valuable first."""
    if len(values) == 0:
        return []
    keep = values > 1e-6
    columns, weight = model.columns[keep], values[keep]
    pinned = np.array([int(a) in index.pinned for a in blocks.application[columns]], dtype=bool)
    order = np.lexsort((-blocks.value[columns], -np.round(weight, 6), ~pinned))
    return [int(k) for k in columns[order]]
