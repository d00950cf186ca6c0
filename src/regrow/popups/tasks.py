"""Work the popups app hands to the task worker (`regrow worker`), never done in a request."""

from django_tasks import task


@task()
def solve_allocation(run_id: int) -> None:
    """Solve one allocation run (the solver itself runs in a child process with a hard limit)."""
    from regrow.popups.services.allocation import run_solve

    run_solve(run_id)
