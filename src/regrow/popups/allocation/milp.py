"""The block formulation as a HiGHS model, built column-wise with numpy, and its solves.

Rows: each application at most once (exactly once when pinned); each unit and week at most its
capacity; each street, category and week at most the round's limit; the grants within the
budget. Columns: one binary per block, worth score + preference bonus.
"""

import math
import time
from dataclasses import dataclass

import highspy
import numpy as np

from .blocks import Blocks, Index

INF = highspy.kHighsInf
# HiGHS calls a MIP optimal at this relative gap; so do we.
OPTIMAL_GAP = 1e-4
# Above this many blocks a model gets its LP relaxation rounded instead of branch and cut.
MIP_COLUMNS = 150_000


@dataclass
class Model:
    columns: np.ndarray  # block indices, in column order
    cost: np.ndarray  # of every column: the blocks first, then any per-application columns
    start: np.ndarray
    row_index: np.ndarray
    row_value: np.ndarray
    row_lower: np.ndarray
    row_upper: np.ndarray
    col_lower: np.ndarray
    # The applications of the per-application columns (only with the budget), in order.
    funded: np.ndarray
    integer: bool = True

    @property
    def size(self) -> tuple[int, int, int]:
        return len(self.cost), len(self.row_lower), len(self.row_index)


def priced(index: Index, blocks: Blocks) -> np.ndarray:
    """The blocks a model needs: those worth something, and every block of a pinned application.

    A block worth 0 (a score of 0 and no bonus) adds nothing to any plan, so a model without it
    has the same optimum; the plan takes such pop-ups afterwards where room is left (`fill`).
    Left in, they made the round of the allocation pages' bench stall HiGHS's interior point
    ("no progress", a bound 6 % too high instead of the LP's own).
    """
    pinned = np.zeros(len(index.applications), dtype=bool)
    pinned[list(index.pinned)] = True
    return np.flatnonzero((blocks.value > 0) | pinned[blocks.application]).astype(np.int64)


def build(
    index: Index,
    blocks: Blocks,
    columns: np.ndarray,
    *,
    with_budget: bool,
    budget_cents: float | None = None,
) -> Model:
    """The model over the given blocks; with the budget, one 0/1 column per application too.

    The grants sit on per-application columns (y_a = the sum of a's blocks) rather than on
    every block: branching then decides who is funded, not which of a's many equal blocks,
    which made a 30-application round take seconds instead of a tenth of one. `budget_cents`
    replaces the round's budget (what a part of the plan has left).
    """
    n_app, n_unit, weeks = len(index.applications), len(index.units), index.weeks
    n_street, n_category = len(index.street_position), max(1, len(index.category_position))
    limit = index.problem.round.max_per_category_per_street
    street_capacity = np.bincount(index.unit_street, weights=index.capacity, minlength=n_street)
    category_base = n_app + n_unit * weeks
    budget_row = category_base + n_street * n_category * weeks
    columns = columns[np.argsort(blocks.length[columns], kind="stable")]
    row_parts, value_parts, counts = [], [], []
    for length in np.unique(blocks.length[columns]):
        group = columns[blocks.length[columns] == length]
        a, u, s = blocks.application[group], blocks.unit[group], blocks.start[group]
        week = s[:, None] + np.arange(length)[None, :]
        rows = [a[:, None].astype(np.int64), (n_app + u[:, None] * weeks + week).astype(np.int64)]
        if limit is not None:
            street = index.unit_street[u]
            category = index.application_category[a]
            category_row = category_base + (street * n_category + category)[:, None] * weeks + week
            bound_street = (street_capacity[street] > limit)[:, None]
            rows.append(np.where(bound_street, category_row, -1).astype(np.int64))
        row_block = np.hstack(rows)
        keep = row_block >= 0
        counts.append(keep.sum(axis=1))
        row_parts.append(row_block[keep])
        value_parts.append(np.ones(int(keep.sum())))
    applications = np.unique(blocks.application[columns])
    if with_budget:
        # y_a: -1 in a's row (which becomes sum(x) - y_a = 0) and its grant in the budget row.
        y_rows = np.stack([applications, np.full(len(applications), budget_row)], axis=1)
        grant, budget = budget_scaled(index, budget_cents)
        y_values = np.stack([-np.ones(len(applications)), grant[applications]], axis=1)
        row_parts.append(y_rows.reshape(-1).astype(np.int64))
        value_parts.append(y_values.reshape(-1))
        counts.append(np.full(len(applications), 2))
    all_rows = np.concatenate(row_parts) if row_parts else np.zeros(0, np.int64)
    all_values = np.concatenate(value_parts) if value_parts else np.zeros(0)
    per_column = np.concatenate(counts) if counts else np.zeros(0, np.int64)
    used, compact = np.unique(all_rows, return_inverse=True)
    lower = np.full(len(used), -INF)
    upper = np.empty(len(used))
    is_application = used < n_app
    pinned = np.array([int(r) in index.pinned for r in used[is_application]], dtype=bool)
    if with_budget:
        lower[is_application], upper[is_application] = 0.0, 0.0
    else:
        upper[is_application] = 1.0
        lower[is_application] = np.where(pinned, 1.0, -INF)
    is_capacity = (used >= n_app) & (used < category_base)
    upper[is_capacity] = index.capacity[(used[is_capacity] - n_app) // weeks]
    upper[(used >= category_base) & (used < budget_row)] = limit if limit is not None else INF
    if with_budget:
        upper[used == budget_row] = budget
    n_blocks = len(columns)
    n_total = n_blocks + (len(applications) if with_budget else 0)
    col_lower = np.zeros(n_total)
    if with_budget:
        col_lower[n_blocks:] = [1.0 if int(a) in index.pinned else 0.0 for a in applications]
    start = np.zeros(n_total + 1, dtype=np.int32)
    np.cumsum(per_column, out=start[1:])
    cost = np.zeros(n_total)
    cost[:n_blocks] = blocks.value[columns]
    return Model(
        columns=columns,
        cost=cost,
        col_lower=col_lower,
        start=start,
        row_index=compact.astype(np.int32),
        row_value=all_values.astype(np.float64),
        row_lower=lower,
        row_upper=upper,
        funded=applications if with_budget else np.zeros(0, np.int32),
    )


def simple_bound(index: Index, blocks: Blocks) -> float:
    """Every application at its best block, as far as the budget goes (the last one in part):
    a bound that needs no LP, for when an LP's prices are far from its optimum."""
    best = np.zeros(len(index.applications))
    np.maximum.at(best, blocks.application, blocks.value)
    budget = index.problem.round.budget_cents
    if budget is None:
        return float(best.sum())
    grant = index.grant
    free = grant <= 0
    total = float(best[free].sum())
    paid = np.flatnonzero(~free & (best > 0))
    order = paid[np.argsort(-best[paid] / grant[paid], kind="stable")]
    left = float(budget)
    for a in order:
        share = min(1.0, left / grant[a])
        total += share * best[a]
        left -= share * grant[a]
        if left <= 0:
            break
    return total


def value_step(values: np.ndarray) -> float:
    """The largest step every block value is a whole multiple of, in hundredths of a point
    (1.0 for whole-number scores and no bonus), or 0.0 when the values have no such step."""
    hundredths = np.round(values * 100)
    if len(values) == 0 or not np.allclose(hundredths, values * 100, rtol=0, atol=1e-6):
        return 0.0
    step = int(np.gcd.reduce(hundredths.astype(np.int64)))
    return step / 100 if step > 0 else 0.0


def round_down(bound: float, step: float) -> float:
    """A bound on plans whose values are whole multiples of `step`: the multiple at or below.
    The slack of 1e-6 steps keeps a bound computed a hair under a multiple from dropping a step."""
    if step <= 0 or not math.isfinite(bound):
        return bound
    return math.floor(bound / step + 1e-6) * step


def budget_scaled(index: Index, budget_cents: float | None = None) -> tuple[np.ndarray, float]:
    """The grants and the budget in units of their greatest common divisor, the budget rounded
    down (a sum of whole units within it is within its whole part), so the budget row's
    coefficients are small: HiGHS then works with a well-scaled row and stronger cover cuts."""
    grant = index.grant
    budget = float(index.problem.round.budget_cents or 0) if budget_cents is None else budget_cents
    whole = grant[grant > 0].astype(np.int64)
    unit = int(np.gcd.reduce(whole)) if len(whole) else 1
    if unit > 1:
        return grant / unit, float(math.floor(budget / unit))
    return grant, budget


def highs_for(model: Model, *, integer: bool) -> highspy.Highs:
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    n_col, n_row, n_nz = model.size
    arguments = [
        n_col,
        n_row,
        n_nz,
        highspy.MatrixFormat.kColwise,
        highspy.ObjSense.kMaximize,
        0.0,
        model.cost,
        model.col_lower,
        np.ones(n_col),
        model.row_lower,
        model.row_upper,
        model.start[:-1].copy(),
        model.row_index,
        model.row_value,
    ]
    model.integer = integer
    kind = highspy.HighsVarType.kInteger if integer else highspy.HighsVarType.kContinuous
    arguments.append(np.full(n_col, int(kind), dtype=np.int32))
    highs.passModel(*arguments)
    return highs


@dataclass
class Solved:
    values: np.ndarray  # column values
    row_dual: np.ndarray | None
    objective: float
    bound: float
    optimal: bool
    infeasible: bool
    nodes: int = 0


def run(highs: highspy.Highs, model: Model, deadline: float, *, gap: float = OPTIMAL_GAP) -> Solved:
    """Solve as set up, within the deadline (HiGHS may overrun it inside a huge root LP)."""
    highs.setOptionValue("time_limit", max(0.01, deadline - time.monotonic()))
    highs.setOptionValue("mip_rel_gap", gap)
    highs.run()
    status = highs.getModelStatus()
    info = highs.getInfo()
    infeasible = status == highspy.HighsModelStatus.kInfeasible
    solution = highs.getSolution()
    values = np.asarray(solution.col_value)[: len(model.columns)]
    if not solution.value_valid:
        values = np.zeros(0)
    is_mip = model.integer
    objective = info.objective_function_value
    if is_mip:
        bound = info.mip_dual_bound
    elif infeasible or not solution.dual_valid:
        bound = INF
    else:
        bound = dual_bound(model, np.asarray(solution.row_dual))
    if not math.isfinite(bound):
        bound = INF
    return Solved(
        values=values,
        row_dual=np.asarray(solution.row_dual) if solution.dual_valid else None,
        objective=objective,
        bound=bound,
        optimal=status == highspy.HighsModelStatus.kOptimal,
        infeasible=infeasible,
        nodes=int(info.mip_node_count) if is_mip else 0,
    )


def set_start(
    highs: highspy.Highs, model: Model, chosen_blocks: set[int], chosen_applications: set[int]
) -> None:
    """A complete start (every column given): HiGHS then keeps it as its incumbent."""
    solution = highspy.HighsSolution()
    values = np.zeros(len(model.cost))
    values[: len(model.columns)] = [1.0 if int(k) in chosen_blocks else 0.0 for k in model.columns]
    # Per-application columns (with the budget) equal the sum of their blocks.
    values[len(model.columns) :] = [float(int(a) in chosen_applications) for a in model.funded]
    solution.col_value = values
    highs.setSolution(solution)


def set_lp_options(highs: highspy.Highs) -> None:
    """Interior point without crossover: the LP relaxation fast, its dual objective a bound."""
    highs.setOptionValue("solver", "ipm")
    highs.setOptionValue("run_crossover", "off")


def reduced_costs(model: Model, row_dual: np.ndarray) -> tuple[float, np.ndarray]:
    """The bound from `dual_bound` and every column's reduced cost at the prices behind it.

    A column with reduced cost r < 0 cannot be in any plan worth more than bound + r: a plan
    better than the incumbent never uses a column with bound + r <= incumbent.
    """
    best = (INF, np.zeros(len(model.cost)))
    for y in (row_dual, -row_dual):
        y = np.where(np.isfinite(model.row_upper), np.maximum(y, 0), 0) + np.where(
            np.isfinite(model.row_lower), np.minimum(y, 0), 0
        )
        rows = np.where(y > 0, y * np.where(np.isfinite(model.row_upper), model.row_upper, 0), 0)
        rows += np.where(y < 0, y * np.where(np.isfinite(model.row_lower), model.row_lower, 0), 0)
        priced = np.add.reduceat(model.row_value * y[model.row_index], model.start[:-1])
        reduced = model.cost - priced
        # Columns held at 1 (pinned applications) pay their negative reduced cost.
        held = np.minimum(0.0, reduced)[model.col_lower > 0].sum()
        bound = float(rows.sum() + np.maximum(0.0, reduced).sum() + held)
        if bound < best[0]:
            best = (bound, reduced)
    return best


def dual_bound(model: Model, row_dual: np.ndarray) -> float:
    """An upper bound on the model's optimum from any row prices (certified, not trusted).

    For prices y that are non-negative on rows with an upper bound only, every x in [0, 1]
    with L <= Ax <= U has cx <= yU + sum(max(0, c - A'y)). Prices of the wrong sign for a row
    are cut to zero, so an interior-point solution without crossover still gives a valid
    bound. HiGHS's sign convention for maximisation is tried both ways; both are valid.
    """
    return reduced_costs(model, row_dual)[0]
