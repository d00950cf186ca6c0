"""The pop-up allocation optimiser: which application gets which unit for which weeks.

A pure core (plain data in, plain data out, no Django): the popups app turns a round into a
`Problem`, calls `solve()`, shows the `Result` and `explain()`'s reasons, and saves the
placements it confirms.

    warm_up()                                  # once, when a worker starts (optional)
    result = solve(problem, time_limit_s=20)   # runs in a child process, killed at the limit
    result.status, result.objective, result.bound, result.gap, result.placements
    reasons = explain(problem, result)         # for each application left out

It maximises the sum of weighted jury scores (plus a small bonus for wanted units) subject to:
each application at most once; a unit never holding more pop-ups in a week than it may be
shared by; area, rent, category and zone fitting; the stay within the applicant's dates and
within both the applicant's and the unit's shortest and longest stays; at most N shops of one
category per street per week; the grants within budget.
`bound` is proven: no plan is worth more, so `gap` says how far from the best this one may be.
"""

from .explain import Reason, explain
from .model import (
    STATUS_FEASIBLE,
    STATUS_INFEASIBLE,
    STATUS_OPTIMAL,
    STATUS_TIME_LIMIT,
    Application,
    Placement,
    Problem,
    Result,
    Round,
    Stats,
    Unit,
)
from .runner import fallback, solve, warm_up

__all__ = [
    "STATUS_FEASIBLE",
    "STATUS_INFEASIBLE",
    "STATUS_OPTIMAL",
    "STATUS_TIME_LIMIT",
    "Application",
    "Placement",
    "Problem",
    "Reason",
    "Result",
    "Round",
    "Stats",
    "Unit",
    "explain",
    "fallback",
    "solve",
    "warm_up",
]
