"""Independent parts of a round and their solve with a price on the shared budget.

Two applications interact only through units they could both use, streets whose category
limit they share, and the budget. Without the budget, the parts found here are separate
problems. With it, a price per cent of grant (a Lagrange multiplier) is found on the parts'
LP relaxations so that the grants just fit; each part's MIP is then solved at that price. For
any price p >= 0, p * budget + the sum of the parts' bounds at that price bounds every plan,
which is the certificate.
"""

import time

import highspy
import numpy as np

from . import milp
from .blocks import Blocks, Index
from .model import Stats

BISECTION_STEPS = 14


def components(index: Index, blocks: Blocks) -> list[np.ndarray]:
    """Block indices of each independent part, largest first."""
    n_app, n_unit = len(index.applications), len(index.units)
    parent = list(range(n_app + n_unit))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        parent[find(x)] = find(y)

    for a, u in set(zip(blocks.application.tolist(), blocks.unit.tolist(), strict=True)):
        union(a, n_app + u)
    limit = index.problem.round.max_per_category_per_street
    if limit is not None:
        first_on_street: dict[int, int] = {}
        for u, street in enumerate(index.unit_street.tolist()):
            union(n_app + u, n_app + first_on_street.setdefault(street, u))
    if len(blocks) == 0:
        return []
    roots = np.array([find(n_app + int(u)) for u in blocks.unit])
    order = np.argsort(roots, kind="stable")
    _, first = np.unique(roots[order], return_index=True)
    parts = np.split(order, first[1:])
    return sorted(parts, key=len, reverse=True)


def solve_parts(index: Index, blocks: Blocks, parts, deadline: float, *, with_budget: bool):
    """(chosen blocks in rounding order, certified bound, stats), or None if infeasible."""
    models = [milp.build(index, blocks, part, with_budget=False) for part in parts]
    stats = milp_stats(models)
    price = 0.0
    if with_budget:
        price = budget_price(index, blocks, models, deadline)
        stats.method = "decomposition+budget-price"
    else:
        stats.method = "decomposition"
    budget = index.problem.round.budget_cents or 0
    bound = price * budget if with_budget else 0.0
    chosen: list[tuple[float, int]] = []
    for i, model in enumerate(models):
        left = len(models) - i
        part_deadline = time.monotonic() + max(0.01, (deadline - time.monotonic()) / left)
        grant = index.grant[blocks.application[model.columns]]
        model.cost = blocks.value[model.columns] - price * grant
        highs = milp.highs_for(model, integer=len(model.columns) <= milp.MIP_COLUMNS)
        if len(model.columns) > milp.MIP_COLUMNS:
            milp.set_lp_options(highs)
        solved = milp.run(highs, model, min(part_deadline, deadline))
        if solved.infeasible:
            return None
        stats.mip_nodes += solved.nodes
        bound += solved.bound
        picked = model.columns[solved.values > 0.5] if len(solved.values) else []
        for k in picked:
            # Best value per cent of grant first, so an over-spent budget drops the least.
            a = int(blocks.application[k])
            chosen.append((blocks.value[k] / (index.grant[a] + 1.0), int(k)))
    chosen.sort(reverse=True)
    stats.budget_price = price
    return [k for _ratio, k in chosen], bound, stats


def milp_stats(models) -> Stats:
    sizes = np.array([m.size for m in models]).reshape(-1, 3).sum(axis=0)
    return Stats(variables=int(sizes[0]), constraints=int(sizes[1]), nonzeros=int(sizes[2]))


def budget_price(index: Index, blocks: Blocks, models, deadline: float) -> float:
    """The smallest price at which the parts' LP relaxations spend no more than the budget."""
    budget = float(index.problem.round.budget_cents or 0)
    solvers = []
    for model in models:
        highs = milp.highs_for(model, integer=False)
        highs.setOptionValue("solver", "simplex")
        solvers.append(highs)
    grants = [index.grant[blocks.application[model.columns]] for model in models]
    values = [model.cost.copy() for model in models]

    def spent(price: float) -> float:
        total = 0.0
        for highs, model, grant, value in zip(solvers, models, grants, values, strict=True):
            n = len(model.columns)
            highs.changeColsCost(n, np.arange(n, dtype=np.int32), value - price * grant)
            highs.setOptionValue("time_limit", max(0.01, deadline - time.monotonic()))
            highs.run()
            solution = highs.getSolution()
            if highs.getModelStatus() == highspy.HighsModelStatus.kOptimal:
                total += float(np.dot(grant, solution.col_value))
        return total

    if spent(0.0) <= budget:
        return 0.0
    low = 0.0
    high = max(float((v / np.maximum(g, 1.0)).max()) for v, g in zip(values, grants, strict=True))
    for _step in range(BISECTION_STEPS):
        if time.monotonic() > deadline - 1.0:
            break
        middle = (low + high) / 2
        if spent(middle) > budget:
            low = middle
        else:
            high = middle
    return high
