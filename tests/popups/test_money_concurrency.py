"""Two coordinators approving at the same moment on PostgreSQL: each grant fits alone, both do
not. Exactly one is approved, the other is told why, and nothing overspends (the round's row,
then the fund's, is locked for the transaction)."""

import contextlib
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from regrow.popups.models import Fund, Grant, Round
from regrow.popups.selectors_money import fund_money, round_money
from regrow.popups.services import funds as fund_services
from regrow.popups.services import money as money_services
from tests.popups.test_money_services import approve, money_round, second_round

__all__ = ["money_round"]  # a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(*calls) -> list[str]:
    """Run the calls in threads that start together; each one's outcome, "approved" or the
    refusal's text."""
    start = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        start.wait()
        try:
            call()
            outcomes.append("approved")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


@pytest.fixture
def checks_then_wait(monkeypatch):
    """Each approval waits a moment after reading the sums (budget, pop-up, fund) for the other
    to read them too: without the locks both would read the same sums and both pass. With
    them, the other waits for the lock and reads the sums once the first has committed."""
    both_checked = threading.Barrier(2, timeout=2)
    check = money_services._amount_refusal

    def check_and_wait(*args):
        refusal = check(*args)
        with contextlib.suppress(threading.BrokenBarrierError):
            both_checked.wait()
        return refusal

    monkeypatch.setattr(money_services, "_amount_refusal", check_and_wait)


def skip_unless_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time; the sequential tests cover the checks")


def test_two_approvals_past_the_rounds_budget_at_once_exactly_one_succeeds(
    money_round, coordinator_of, checks_then_wait
):
    skip_unless_postgresql()
    Round.objects.filter(pk=money_round.pk).update(grant_budget_cents=100_000)
    money_round.refresh_from_db()
    outcomes = at_once(
        lambda: approve(money_round, "Medus māja", 60_000, coordinator_of),
        lambda: approve(money_round, "Koka lietas", 60_000, coordinator_of),
    )
    assert outcomes.count("approved") == 1, outcomes
    assert any("grant budget has €400.00 left" in text for text in outcomes), outcomes
    assert Grant.objects.count() == 1
    assert round_money(money_round).budget_left_cents == 40_000


def test_a_fund_overspent_by_two_rounds_at_once_exactly_one_succeeds(
    aluksne, money_round, coordinator_of, checks_then_wait
):
    skip_unless_postgresql()
    fund = Fund.objects.create(
        town=aluksne.town, name="Centra fonds", kind=Fund.Kind.BUDGET_LINE, total_cents=100_000
    )
    other = second_round(aluksne, coordinator_of)
    for round_ in (money_round, other):
        fund_services.round_fund_set(round_=round_, fund=fund, by=coordinator_of)
        round_.refresh_from_db()
    # The gap of €390 leaves €610: each grant of €400 fits alone, the two do not.
    outcomes = at_once(
        lambda: approve(money_round, "Medus māja", 40_000, coordinator_of),
        lambda: approve(other, "Siera stūrītis", 40_000, coordinator_of),
    )
    assert outcomes.count("approved") == 1, outcomes
    assert any("Centra fonds" in text and "€210.00 left" in text for text in outcomes), outcomes
    assert Grant.objects.count() == 1
    assert fund_money(fund).left_cents == 100_000 - 39_000 - 40_000
