"""Two coordinators recording stays at the same moment on PostgreSQL: two pop-ups of one unit
cannot both stay, and one outcome is not recorded twice from the same page."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from regrow.lib.concurrency import ConcurrentEditError
from regrow.popups.models import Outcome
from regrow.popups.services import outcomes
from regrow.premises.choices import Status
from regrow.premises.models import StatusChange
from regrow.towns.models import Role
from tests.fixtures import make_town_with_people
from tests.popups.test_care import make_popup, past_round, vacant_unit


@pytest.fixture
def shared_unit(transactional_db):
    """Two pop-ups that shared one unit (two places) and ended 20 days ago."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time; the sequential tests cover its checks")
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    coordinator = town.people[Role.COORDINATOR]
    round_ = past_round(town.town, coordinator)
    unit = vacant_unit(town.town, "ALU-3")
    today = town.town.today()
    days = (today - timedelta(days=60), today - timedelta(days=20))
    first = make_popup(round_, unit, "Medus māja", *days, by=coordinator)
    second = make_popup(round_, unit, "Lina stāsts", *days, by=coordinator, slot=1)
    return first, second, coordinator


def at_once(*calls) -> list[str]:
    start = threading.Barrier(len(calls))
    results: list[str] = []

    def run(call):
        start.wait()
        try:
            call()
            results.append("saved")
        except (ValidationError, ConcurrentEditError) as error:
            results.append(" ".join(getattr(error, "messages", [str(error)])))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_two_pop_ups_of_one_unit_staying_at_once_exactly_one_succeeds(shared_unit):
    first, second, coordinator = shared_unit
    day = first.ends_on + timedelta(days=1)

    def stay(popup):
        return lambda: outcomes.outcome_save(
            sublease=popup, by=coordinator, version=0, stayed=True, stayed_from=day
        )

    results = at_once(stay(first), stay(second))
    assert results.count("saved") == 1, results
    refusal = next(text for text in results if text != "saved")
    assert "already stayed" in refusal
    assert Outcome.objects.filter(stayed=True).count() == 1
    lets = StatusChange.objects.filter(unit=first.unit, status=Status.LET)
    assert lets.count() == 1


def test_one_outcome_recorded_from_two_fresh_pages_at_once_is_saved_once(shared_unit):
    first, _second, coordinator = shared_unit

    def record(days_open):
        return lambda: outcomes.outcome_save(
            sublease=first, by=coordinator, version=0, days_open=days_open
        )

    results = at_once(record(10), record(20))
    assert results.count("saved") == 1, results
    assert Outcome.objects.count() == 1
