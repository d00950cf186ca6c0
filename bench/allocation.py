"""Pop-up allocation: solve time, certified gap and peak memory at the issue's sizes.

    .venv/bin/python bench/allocation.py [--sizes 30x7x8,100x20x12,300x60x8,town300x60x8,...]

It first starts the solver's fork server (`warm_up()`, as the task worker does when it
starts) and prints how long that took. For each seeded instance
(regrow.popups.allocation.generate; a size starting "town" is a round shaped as the app
builds one, `generate_town`: whole-number scores, six streets, three shops of a category per
street, units' own stays, misfits as forbidden pairs) it then prints the model size, the
wall-clock time of `solve()` (forking the child process included), the solve's own time
inside the child, objective, proven bound, certified gap, the child's peak memory, and how
far the greedy-by-score plan falls short of the bound. Then it times the reasons for 30
left-out applications at 300 x 60 x 8.
"""

import argparse
import os
import time

from regrow.popups.allocation import explain, fallback, solve, warm_up
from regrow.popups.allocation.generate import generate, generate_town

LIMITS = {
    "30x7x8": 10,
    "100x20x12": 10,
    "300x60x8": 10,
    "town300x60x8": 10,
    "5000x1000x12": 60,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(LIMITS))
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    print(f"warm_up (fork server started, first child forked): {warm_up():.2f} s")
    header = (
        "size              columns    rows     nnz  method            seconds  solve s  objective"
    )
    print(header + "      bound    gap  peak MB  greedy gap  status")
    for size in arguments.sizes.split(","):
        town = size.startswith("town")
        applications, units, weeks = (int(n) for n in size.removeprefix("town").split("x"))
        make = generate_town if town else generate
        problem = make(applications, units, weeks, seed=arguments.seed)
        started = time.monotonic()
        result = solve(problem, time_limit_s=LIMITS.get(size, 60))
        seconds = time.monotonic() - started
        greedy = fallback(problem).objective
        stats, bound = result.stats, result.bound
        greedy_gap = (bound - greedy) / bound if bound else float("nan")
        print(
            f"{size:15} {stats.variables:>9} {stats.constraints:>7} {stats.nonzeros:>8}  "
            f"{stats.method:17} {seconds:7.2f} {stats.seconds:8.2f} {result.objective:10.2f} "
            f"{bound or 0:10.2f} "
            f"{100 * (result.gap or 0):5.2f}% {stats.peak_memory_mb:8.0f} {100 * greedy_gap:10.2f}%"
            f"  {result.status} (load {os.getloadavg()[0]:.2f})",
            flush=True,
        )
    problem = generate(300, 60, 8, seed=arguments.seed)
    result = solve(problem, time_limit_s=10)
    placed = {p.application_id for p in result.placements}
    left_out = [a.id for a in problem.applications if a.id not in placed][:30]
    started = time.monotonic()
    reasons = explain(problem, result, only=left_out, time_limit_s=10)
    seconds = time.monotonic() - started
    costed = sum(1 for r in reasons.values() if r.cost_at_most is not None)
    print(f"reasons for {len(reasons)} left-out applications at 300x60x8: {seconds:.2f} s")
    codes = sorted({code for reason in reasons.values() for code in reason.codes})
    print(f"  with a cost range: {costed}, codes: {codes}")


if __name__ == "__main__":
    main()
