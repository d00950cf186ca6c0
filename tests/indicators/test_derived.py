"""Derived indicators come from the apps that own the data, through their selectors, always
current; the registry collects them from the apps' `indicator_sources()`."""

from datetime import date
from decimal import Decimal
from importlib import util

import pytest

from regrow.indicators import derived
from regrow.indicators.periods import month_period, parse_period, year_period
from regrow.premises.choices import Status
from tests.premises.conftest import add_status, make_unit


def test_the_vacancy_rate_is_the_registers_on_the_periods_last_day(aluksne, indicators):
    town = aluksne.town
    units = [make_unit(town, f"A{n}") for n in range(4)]
    for unit in units:
        add_status(unit, Status.OCCUPIED, date(2023, 1, 1))
    add_status(units[0], Status.VACANT, date(2023, 6, 1))
    add_status(units[1], Status.PARTLY_VACANT, date(2024, 3, 1))
    today = date(2025, 1, 15)
    # 2023: one of four empty on 31 December; 2024: 1.5 of four.
    assert derived.value_in(town, "vacancy_rate", year_period(2023), today) == Decimal("25.00")
    assert derived.value_in(town, "vacancy_rate", year_period(2024), today) == Decimal("37.50")
    assert derived.value_in(town, "vacancy_rate", month_period(2023, 5), today) == Decimal("0.00")
    # A period not begun has no value; one under way is counted up to today.
    assert derived.value_in(town, "vacancy_rate", year_period(2026), today) is None
    add_status(units[2], Status.VACANT, date(2025, 1, 10))
    assert derived.value_in(town, "vacancy_rate", year_period(2025), today) == Decimal("62.50")
    # A town with no register has no rate, not 0 %.
    assert derived.value_in(town, "vacancy_rate", year_period(2019), today) is None


def test_a_series_gives_each_period_its_value(aluksne, indicators):
    unit = make_unit(aluksne.town, "A1")
    add_status(unit, Status.VACANT, date(2020, 1, 1))
    periods = [parse_period(text) for text in ("2019", "2020", "2021")]
    values = derived.series(aluksne.town, "vacancy_rate", periods, date(2022, 1, 1))
    assert [(period.text, value) for period, value in values] == [
        ("2019", None),
        ("2020", Decimal("100.00")),
        ("2021", Decimal("100.00")),
    ]


@pytest.mark.skipif(
    util.find_spec("regrow.popups.figures") is None, reason="the pop-up figures are not there yet"
)
def test_the_pop_up_conversion_rate_is_registered_and_none_without_pop_ups(aluksne, indicators):
    assert "popup_conversion_rate" in derived.codes()
    rate = derived.value_in(
        aluksne.town, "popup_conversion_rate", year_period(2024), date(2025, 1, 1)
    )
    assert rate is None


def test_apps_register_their_sources_through_their_app_config(monkeypatch):
    class FakeConfig:
        def indicator_sources(self):
            return [{"code": "test_rate", "compute": lambda town, first, last: Decimal(first.year)}]

    monkeypatch.setattr(derived.apps, "get_app_configs", lambda: [FakeConfig()])
    try:
        derived.discover()
        assert derived.source("test_rate").compute(None, date(2020, 1, 1), None) == 2020
    finally:
        derived.unregister("test_rate")
    assert derived.source("test_rate") is None
