"""Greedy placement by score (the baseline and the fallback), repair, longer stays and slots."""

import numpy as np

from .blocks import Blocks, Index, Occupancy, last_week
from .model import Placement

# application index -> (unit index, start week, weeks)
Plan = dict[int, tuple[int, int, int]]


def fill(index: Index, blocks: Blocks, occupancy: Occupancy, plan: Plan, order: list[int]) -> None:
    """Place each application of `order` not yet in the plan into its best free block."""
    if blocks.ordered is None:
        # Preferred units first (higher value), then the earliest start; sorted once per round.
        blocks.ordered = [
            np.array(sorted(ks, key=lambda k: (-blocks.value[k], blocks.start[k])), dtype=np.int64)
            for ks in blocks.by_application
        ]
    for a in order:
        if a in plan:
            continue
        k = occupancy.first_fit(a, blocks, blocks.ordered[a])
        if k >= 0:
            u, s, length = int(blocks.unit[k]), int(blocks.start[k]), int(blocks.length[k])
            occupancy.add(a, u, s, length)
            plan[a] = (u, s, length)


def by_score(index: Index, applications=None) -> list[int]:
    """Pinned applications first (they must be placed), then by score, highest first."""
    pool = range(len(index.applications)) if applications is None else applications
    return sorted(pool, key=lambda a: (a not in index.pinned, -index.applications[a].score, a))


def greedy(index: Index, blocks: Blocks) -> tuple[Plan, Occupancy]:
    occupancy = Occupancy(index)
    plan: Plan = {}
    fill(index, blocks, occupancy, plan, by_score(index))
    return plan, occupancy


def plan_from_blocks(index: Index, blocks: Blocks, chosen) -> tuple[Plan, Occupancy]:
    """Accept the chosen blocks in the given order while they fit (so rounding stays valid)."""
    occupancy = Occupancy(index)
    plan: Plan = {}
    for k in chosen:
        a, u = int(blocks.application[k]), int(blocks.unit[k])
        s, length = int(blocks.start[k]), int(blocks.length[k])
        if a not in plan and occupancy.fits(a, u, s, length):
            occupancy.add(a, u, s, length)
            plan[a] = (u, s, length)
    return plan, occupancy


def plan_value(blocks: Blocks, index: Index, plan: Plan) -> float:
    return sum(index.applications[a].score + index.bonus(a, u) for a, (u, _s, _n) in plan.items())


def lengthen(index: Index, occupancy: Occupancy, plan: Plan) -> None:
    """Stretch stays into free weeks, highest score first, up to each applicant's and each
    unit's longest stay."""
    for a in by_score(index, list(plan)):
        application = index.applications[a]
        u, start, length = plan[a]
        limit, first, last = (
            index.stay(a, u)[1],
            application.earliest_start_week,
            last_week(index.problem, application),
        )
        while length < limit:
            end = start + length
            if end <= last and occupancy.fits(a, u, end, 1, with_grant=False):
                occupancy.add(a, u, end, 1, sign=1)
                occupancy.spent -= index.grant[a]  # a week more is not a second grant
                length += 1
            elif start - 1 >= first and occupancy.fits(a, u, start - 1, 1, with_grant=False):
                occupancy.add(a, u, start - 1, 1, sign=1)
                occupancy.spent -= index.grant[a]
                start -= 1
                length += 1
            else:
                break
        plan[a] = (u, start, length)


def placements(index: Index, plan: Plan) -> tuple[Placement, ...]:
    """The plan with a slot per pop-up: the lowest place of its unit free for its whole stay."""
    taken: dict[int, list[list[bool]]] = {}
    result = []
    for a, (u, start, length) in sorted(plan.items(), key=lambda item: (item[1][1], item[0])):
        slots = taken.setdefault(u, [])
        weeks = range(start, start + length)
        slot = next((i for i, used in enumerate(slots) if not any(used[w] for w in weeks)), None)
        if slot is None:
            slots.append([False] * index.weeks)
            slot = len(slots) - 1
        for w in weeks:
            slots[slot][w] = True
        result.append(
            Placement(
                application_id=index.applications[a].id,
                unit_id=index.units[u].id,
                start_week=start,
                weeks=length,
                slot=slot,
            )
        )
    result.sort(key=lambda p: index.application_position[p.application_id])
    return tuple(result)
