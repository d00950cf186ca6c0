"""One value typed in or corrected: the same checks as an import, its history, and a refusal
instead of overwriting a value someone else changed."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.indicators import services
from regrow.indicators.models import ObservationChange
from regrow.lib.concurrency import ConcurrentEditError
from regrow.towns.models import Role


def record(town, indicator, by, **fields):
    return services.observation_record(town=town, indicator=indicator, by=by, **fields)


def test_a_value_is_recorded_corrected_and_its_old_value_kept(aluksne, indicators, coordinator):
    town, population = aluksne.town, indicators["population"]
    first = record(town, population, coordinator, period="2021", value="7400", flags="p")
    assert (first.period, first.granularity, first.value, first.version) == (
        "2021", "year", Decimal("7400.0000"), 1
    )  # fmt: skip
    corrected = record(town, population, coordinator, period="2021", value="7390", version=1)
    assert (corrected.value, corrected.flags, corrected.version) == (Decimal("7390.0000"), "", 2)
    change = ObservationChange.objects.get()
    assert (change.old_value, change.new_value, change.old_flags, change.changed_by) == (
        Decimal("7400.0000"), Decimal("7390.0000"), "p", coordinator
    )  # fmt: skip
    with pytest.raises(ConcurrentEditError):
        record(town, population, coordinator, period="2021", value="7000", version=1)
    with pytest.raises(ConcurrentEditError):
        record(town, population, coordinator, period="2021", value="7000")


def test_bad_values_are_refused_by_field(aluksne, indicators, coordinator):
    town = aluksne.town
    with pytest.raises(ValidationError) as refused:
        record(
            town, indicators["registered_unemployment"], coordinator, period="2019-13", value="1"
        )
    assert "period" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        record(town, indicators["registered_unemployment"], coordinator, period="2019", value="101")
    assert refused.value.message_dict["value"] == ["The highest valid value is 100."]
    with pytest.raises(ValidationError):
        record(town, indicators["vacancy_rate"], coordinator, period="2019", value="5")
    with pytest.raises(PermissionDenied):
        record(
            town, indicators["population"], aluksne.people[Role.EDITOR], period="2019", value="5"
        )
