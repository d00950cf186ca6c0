"""The public entry point: the solve runs in a child process that is killed at a hard limit.

HiGHS may not honour its own time limit inside a large root LP, so a web request or a task
never calls the solver in its own process. If the child does not answer in time it is killed
and the greedy plan comes back with status "time_limit" and no bound.

The children are forked from a fork server (multiprocessing's "forkserver") that has already
imported numpy, highspy and this package, so a child starts in milliseconds instead of the
0.1-0.3 s a fresh interpreter took. The server is a fresh interpreter itself (started with
exec, not forked from the caller), so it holds none of the caller's database connections or
threads, and it imports only the pure modules of `PRELOAD` (no Django). It never runs HiGHS:
its threads would not survive the fork. `warm_up()` starts it ahead of the first solve (the
task worker calls it when it starts); otherwise the first solve starts it.
"""

import multiprocessing
import resource
import time
from multiprocessing import forkserver

from .blocks import Index
from .greedy import greedy, lengthen, placements, plan_value
from .model import STATUS_TIME_LIMIT, Problem, Result, Stats
from .solver import solve_in_process

# Time the child needs beyond the solve's own limit: starting (the fork server, on the first
# solve without `warm_up`), building the model, sending the plan back.
GRACE_S = 3.0
# What the fork server imports once for all children: pure modules only (numpy.ma is imported
# lazily by numpy.unique).
PRELOAD = ("numpy", "numpy.ma", "highspy", "regrow.popups.allocation.runner")


def _context():
    context = multiprocessing.get_context("forkserver")
    # Only heeded when the server starts; the list is the same every time here.
    context.set_forkserver_preload(list(PRELOAD))
    return context


def warm_up() -> float:
    """Start the fork server and wait until it has forked a first child, so that no solve waits
    for its imports; the seconds it took (about 0.3-0.5 s once, a few ms after). The server
    stops when this process ends; if it died, this or the next solve starts it again."""
    started = time.monotonic()
    context = _context()
    forkserver.ensure_running()
    child = context.Process(target=_ready, daemon=True, name="allocation-warm-up")
    child.start()
    child.join()
    return time.monotonic() - started


def _ready() -> None:
    """A first child's work: none (its start proves the server has imported PRELOAD)."""


def solve(problem: Problem, *, time_limit_s: float = 20.0, grace_s: float = GRACE_S) -> Result:
    """Solve in a child process; at time_limit_s + grace_s it is killed and greedy answers."""
    problem.validate()  # bad input is the caller's error, raised here, not in the child
    started = time.monotonic()
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(problem, time.time() + time_limit_s, sender),
        daemon=True,
        name="allocation",
    )
    child.start()
    sender.close()
    answer = None
    if receiver.poll(time_limit_s + grace_s):
        try:
            answer = receiver.recv()
        except EOFError:  # the child died (e.g. out of memory)
            answer = None
    if child.is_alive():
        child.kill()
    child.join()
    receiver.close()
    if isinstance(answer, Result):
        return answer
    if isinstance(answer, BaseException):
        raise RuntimeError("the allocation solve failed") from answer
    return fallback(problem, seconds=time.monotonic() - started)


def fallback(problem: Problem, *, seconds: float = 0.0) -> Result:
    """The greedy plan by score, lengthened: what a coordinator gets when the solve is stopped."""
    index = Index(problem)
    blocks = index.blocks()
    plan, occupancy = greedy(index, blocks)
    objective = plan_value(blocks, index, plan)
    lengthen(index, occupancy, plan)
    stats = Stats(method="greedy", seconds=seconds)
    return Result(STATUS_TIME_LIMIT, placements(index, plan), objective, None, stats)


def _child(problem: Problem, until: float, sender) -> None:
    try:
        # The limit counts from the caller's start: starting this process is part of it.
        result = solve_in_process(problem, time_limit_s=max(0.1, until - time.time()))
        # ru_maxrss is in KiB on Linux: the child's own peak, model and solver included.
        result.stats.peak_memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sender.send(result)
    except Exception as error:  # handed to the parent, which raises it
        sender.send(error)
    finally:
        sender.close()
