"""The public entry point: the solve runs in a child process that is killed at a hard limit.

HiGHS may not honour its own time limit inside a large root LP, so a web request or a task
never calls the solver in its own process. If the child does not answer in time it is killed
and the greedy plan comes back with status "time_limit" and no bound.
"""

import multiprocessing
import resource
import time

from .blocks import Index
from .greedy import greedy, lengthen, placements, plan_value
from .model import STATUS_TIME_LIMIT, Problem, Result, Stats
from .solver import solve_in_process

# Time the child needs beyond the solve's own limit: starting Python, building the model.
GRACE_S = 3.0


def solve(problem: Problem, *, time_limit_s: float = 20.0, grace_s: float = GRACE_S) -> Result:
    """Solve in a child process; at time_limit_s + grace_s it is killed and greedy answers."""
    problem.validate()  # bad input is the caller's error, raised here, not in the child
    started = time.monotonic()
    context = multiprocessing.get_context("spawn")
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
