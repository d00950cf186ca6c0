"""Local search on a plan: put a left-out application in by moving what is in its way.

One move: for a left-out application a and one of its blocks, take out the pop-ups that hold
that block's weeks (same unit, or same street and category at the limit), put a in, and place
each of them again in another block of its own. The move is kept when every rule still holds
and the plan is worth more: all of them placed again (a's value gained), or one of them left
out for a worth more than it (a swap). Blocks are tried in the order the caller gives, the LP
relaxation's guide, so the few tries there is time for are the promising ones.
"""

import time

import numpy as np

from .blocks import Blocks, Index, Occupancy
from .greedy import Plan

# A move takes out at most this many pop-ups (more rarely pays and costs time).
MOST_MOVED = 3
# Blocks of a left-out application tried per pass.
TRIES = 12
# After a move frees budget, this many of the first applications in the order are tried.
REFILL = 60


def improve(
    index: Index,
    blocks: Blocks,
    plan: Plan,
    occupancy: Occupancy,
    ordered: list[np.ndarray],
    order: list[int],
    deadline: float,
    share: np.ndarray | None = None,
) -> float:
    """Improve plan and occupancy in place until no move helps or the deadline; the gain."""
    if share is None:
        share = np.zeros(len(index.applications))
    gained, improved = 0.0, True
    while improved and time.monotonic() < deadline:
        improved = False
        for a in order:
            if a in plan:
                continue
            if time.monotonic() >= deadline:
                break
            gain = insert(index, blocks, plan, occupancy, ordered, a, (order, share))
            if gain > 1e-9:
                gained += gain
                improved = True
    return gained


def value(index: Index, a: int, u: int) -> float:
    return index.applications[a].score + index.bonus(a, u)


def in_the_way(index: Index, occupancy: Occupancy, plan: Plan, a: int, k: int, blocks) -> list:
    """The placed pop-ups that hold block k's weeks, or None if too many or the unit is closed."""
    u, s, n = int(blocks.unit[k]), int(blocks.start[k]), int(blocks.length[k])
    weeks = slice(s, s + n)
    unit_full = bool((occupancy.unit_week[u, weeks] >= index.capacity[u]).any())
    street, category = index.unit_street[u], index.application_category[a]
    limit = occupancy.category_limit
    street_full = limit is not None and bool(
        (occupancy.street_week[street, category, weeks] >= limit).any()
    )
    if not unit_full and not street_full:
        return []
    moved = []
    for b, (pu, ps, pn) in plan.items():
        if ps >= s + n or s >= ps + pn:
            continue
        same_street = street_full and index.unit_street[pu] == street
        if (unit_full and pu == u) or (same_street and index.application_category[b] == category):
            moved.append(b)
            if len(moved) > MOST_MOVED:
                return None
    return moved


def insert(index, blocks, plan: Plan, occupancy: Occupancy, ordered, a: int, guide) -> float:
    """Try a's first blocks; apply the first move that gains and return the gain (else 0)."""
    for k in ordered[a][:TRIES]:
        k = int(k)
        moved = in_the_way(index, occupancy, plan, a, k, blocks)
        if moved is None:
            continue
        before = {b: plan.pop(b) for b in moved}
        for b, stay in before.items():
            occupancy.remove(b, *stay)
        u, s, n = int(blocks.unit[k]), int(blocks.start[k]), int(blocks.length[k])
        gain, dropped, added = 0.0, {}, []
        if occupancy.fits(a, u, s, n, with_grant=False):
            occupancy.add(a, u, s, n)
            plan[a] = (u, s, n)
            gain = value(index, a, u)
            for b in sorted(before, key=lambda b: -index.applications[b].score):
                j = occupancy.first_fit(b, blocks, ordered[b], with_grant=False)
                if j >= 0:
                    stay = (int(blocks.unit[j]), int(blocks.start[j]), int(blocks.length[j]))
                    occupancy.add(b, *stay)
                    plan[b] = stay
                gain -= value(index, b, before[b][0])
                gain += value(index, b, plan[b][0]) if b in plan else 0.0
            dropped = within_budget(index, plan, occupancy, a, guide[1])
            gain -= sum(value(index, b, stay[0]) for b, stay in dropped.items())
            if dropped:
                # The budget it frees may take others left out, the LP's favourites first.
                for c in guide[0][:REFILL]:
                    if c in plan or c in dropped:
                        continue
                    j = occupancy.first_fit(c, blocks, ordered[c])
                    if j >= 0:
                        stay = (int(blocks.unit[j]), int(blocks.start[j]), int(blocks.length[j]))
                        occupancy.add(c, *stay)
                        plan[c] = stay
                        added.append(c)
                        gain += value(index, c, stay[0])
        budget = occupancy.budget
        kept = budget is None or occupancy.spent <= budget
        if kept and gain > 1e-9 and all(p in plan for p in index.pinned):
            return gain
        # Undo: take out what was placed, put back what was there.
        for b in [a, *before, *added]:
            if b in plan:
                occupancy.remove(b, *plan.pop(b))
        for b, stay in {**dropped, **before}.items():
            occupancy.add(b, *stay)
            plan[b] = stay
    return 0.0


def within_budget(index: Index, plan: Plan, occupancy: Occupancy, a: int, share) -> Plan:
    """Over budget: take out one pop-up whose grant covers the excess (not a, not a pin), the
    one the LP wants least, then the least value per grant; returns what was taken out, with
    the plan still over budget if no grant covers it."""
    budget = occupancy.budget
    if budget is None or occupancy.spent <= budget:
        return {}
    excess = occupancy.spent - budget
    candidates = [b for b in plan if b != a and b not in index.pinned and index.grant[b] >= excess]
    if not candidates:
        return {}
    b = min(
        candidates,
        key=lambda b: (round(float(share[b]), 3), value(index, b, plan[b][0]) / index.grant[b]),
    )
    stay = plan.pop(b)
    occupancy.remove(b, *stay)
    return {b: stay}


def polish(index: Index, blocks: Blocks, plan: Plan, x, reduced, deadline: float) -> Plan:
    """`improve` a copy of the plan with the LP as guide: applications by their share in the
    LP's solution `x` (then by score), blocks by x plus reduced cost (both one per block)."""
    share = np.bincount(blocks.application, weights=x, minlength=len(index.applications))
    guide = x + reduced
    ordered = [
        np.asarray(ks, dtype=np.int64)[np.argsort(-guide[ks], kind="stable")]
        for ks in blocks.by_application
    ]
    order = sorted(
        range(len(index.applications)),
        key=lambda a: (-round(float(share[a]), 3), -index.applications[a].score),
    )
    plan = dict(plan)
    occupancy = Occupancy(index)
    for a, stay in plan.items():
        occupancy.add(a, *stay)
    improve(index, blocks, plan, occupancy, ordered, order, deadline, share)
    return plan
