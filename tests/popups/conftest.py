from datetime import date, timedelta

import pytest

from regrow.popups import services
from regrow.popups.choices import RoundStatus
from regrow.towns.models import Role
from tests.premises.conftest import make_unit


def round_values(town, **changes) -> dict:
    today = town.today()
    values = {
        "titles": {"lv": "Pop-up pavasaris", "en": "Pop-up spring"},
        "descriptions": {"lv": "Tukšas telpas uz dažām nedēļām."},
        "rules": {"lv": "Viens veikals vienā telpā."},
        "applications_open_on": today,
        "applications_close_on": today + timedelta(days=30),
        "programme_starts_on": today + timedelta(days=45),
        "programme_ends_on": today + timedelta(days=45 + 7 * 8),
        "grant_budget_cents": 500_000,
        "max_grant_cents": 100_000,
    }
    values.update(changes)
    return values


@pytest.fixture
def coordinator_of(aluksne):
    return aluksne.people[Role.COORDINATOR]


@pytest.fixture
def draft_round(aluksne, coordinator_of):
    return services.round_save(town=aluksne.town, by=coordinator_of, **round_values(aluksne.town))


@pytest.fixture
def unit(aluksne):
    return make_unit(aluksne.town, "ALU-1", asking_rent_cents_per_month=25_000)


@pytest.fixture
def offer(draft_round, unit, coordinator_of):
    return services.round_unit_add(round_=draft_round, unit=unit, by=coordinator_of)


@pytest.fixture
def open_round(draft_round, offer, coordinator_of):
    draft_round.refresh_from_db()
    return services.round_save(
        town=draft_round.town,
        by=coordinator_of,
        round_=draft_round,
        version=draft_round.version,
        status=RoundStatus.OPEN,
    )


__all__ = ["date", "round_values"]
