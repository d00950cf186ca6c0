"""The child process with its hard limit, the greedy fallback, and the reasons for leaving out."""

import dataclasses
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import forkserver

import pytest

from regrow.popups.allocation import (
    Application,
    Problem,
    Round,
    Unit,
    explain,
    fallback,
    runner,
    solve,
    warm_up,
)
from regrow.popups.allocation.generate import generate
from regrow.popups.allocation.solver import solve_in_process
from tests.popups.checks import plan_of, slot_violations, violations


def shop(id, score, **terms):
    return Application(id=id, score=score, category=terms.pop("category", "food"), **terms)


def test_solve_in_a_child_process_returns_a_proven_optimum_and_its_peak_memory():
    problem = generate(30, 7, 8, seed=3)
    result = solve(problem, time_limit_s=20)
    assert result.status == "optimal"
    assert result.gap <= 1e-4
    assert violations(problem, plan_of(result)) == []
    assert result.stats.peak_memory_mb > 10


def test_a_solve_past_its_hard_limit_is_killed_and_the_greedy_plan_answers():
    problem = generate(3000, 600, 12, seed=1)
    started = time.monotonic()
    result = solve(problem, time_limit_s=0.2, grace_s=0.3)
    assert time.monotonic() - started < 8
    assert result.status == "time_limit"
    assert result.bound is None and result.gap is None
    assert result.stats.method == "greedy"
    assert len(result.placements) > 100
    # The killed child took nothing with it: the next solve forks a new one.
    assert solve(generate(30, 7, 8, seed=3), time_limit_s=20).status == "optimal"


def test_warm_up_starts_the_fork_server_once_and_later_children_fork_from_it():
    warm_up()
    server = forkserver._forkserver._forkserver_pid
    assert server is not None
    os.kill(server, 0)  # alive
    # The second warm-up only forks a child that does nothing: no imports, no new server.
    assert warm_up() < 1.0
    assert forkserver._forkserver._forkserver_pid == server
    problem = generate(30, 7, 8, seed=3)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _i: solve(problem, time_limit_s=20), range(2)))
    assert [r.status for r in results] == ["optimal", "optimal"]
    assert results[0].objective == pytest.approx(results[1].objective)


def test_the_fork_server_preloads_only_pure_modules_without_django():
    code = (
        "import importlib, sys\n"
        "from regrow.popups.allocation import runner\n"
        "for name in runner.PRELOAD: importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'django', 'regrow'}))"
    )
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    assert done.stdout.strip() == "['regrow']"
    assert "regrow.popups.allocation.runner" in runner.PRELOAD


def test_the_greedy_fallback_keeps_every_rule():
    problem = generate(100, 20, 12, seed=2)
    result = fallback(problem)
    assert violations(problem, plan_of(result)) == []
    assert slot_violations(problem, result) == []


def test_a_solve_beats_the_greedy_on_a_realistic_round():
    problem = generate(60, 12, 8, seed=4)
    assert solve(problem, time_limit_s=20).objective > fallback(problem).objective


def test_bad_input_is_raised_in_the_caller_not_the_child():
    problem = Problem(Round(weeks=2), (Unit("u", 30, 20000, "main"),), (shop("a", 1, min_weeks=3),))
    with pytest.raises(ValueError, match="dates"):
        solve(problem)


def test_left_out_because_the_slot_is_held_names_the_holder_and_the_exact_cost():
    problem = Problem(
        Round(weeks=2),
        (Unit("u", 30, 20000, "main"),),
        (
            shop("strong", 9, min_weeks=2),
            shop("weak", 5, min_weeks=2),
            shop("huge", 8, min_area_m2=90),
        ),
    )
    reasons = explain(problem, solve(problem))
    assert set(reasons) == {"weak", "huge"}
    assert reasons["weak"].codes == ("slots_taken",)
    assert reasons["weak"].holders == (("u", ("strong",)),)
    assert reasons["weak"].cost_at_least == pytest.approx(4)
    assert reasons["weak"].cost_at_most == pytest.approx(4)
    assert reasons["huge"].codes == ("no_fitting_unit",)


def test_left_out_because_the_budget_is_spent():
    problem = Problem(
        Round(weeks=1, budget_cents=15000),
        (Unit("u1", 30, 20000, "main"), Unit("u2", 30, 20000, "side")),
        (shop("c", 8, grant_cents=10000), shop("d", 6, grant_cents=10000)),
    )
    reason = explain(problem, solve(problem))["d"]
    assert reason.codes == ("budget_spent",)
    assert reason.remaining_budget_cents == 5000
    assert reason.cost_at_most == pytest.approx(2)


def test_left_out_because_its_category_is_at_the_streets_limit():
    problem = Problem(
        Round(weeks=1, max_per_category_per_street=1),
        (Unit("u1", 30, 20000, "main"), Unit("u2", 30, 20000, "main", capacity=2)),
        (shop("e", 7), shop("f", 6), shop("g", 5, category="art")),
    )
    result = solve(problem)
    reason = explain(problem, result)["f"]
    assert {p.application_id for p in result.placements} == {"e", "g"}
    assert reason.codes == ("category_limit",)
    assert reason.category_full_streets == ("main",)
    assert reason.cost_at_most == pytest.approx(1)


def test_reasons_reuse_the_solves_lp_prices_and_agree_with_a_fresh_lp():
    problem = generate(100, 20, 12, seed=1)
    result = solve_in_process(problem, time_limit_s=20)
    assert len(result.stats.row_prices) == result.stats.constraints
    placed = {p.application_id for p in result.placements}
    left_out = [a.id for a in problem.applications if a.id not in placed][:8]
    bare = dataclasses.replace(result, stats=dataclasses.replace(result.stats, row_prices=()))
    reused = explain(problem, result, only=left_out)
    fresh = explain(problem, bare, only=left_out)
    assert set(reused) == set(left_out)
    costed = [i for i in left_out if fresh[i].cost_at_least is not None]
    assert costed
    for i in costed:
        assert reused[i].cost_at_least == pytest.approx(fresh[i].cost_at_least, abs=1e-4)
        assert reused[i].cost_at_least <= reused[i].cost_at_most + 1e-9
