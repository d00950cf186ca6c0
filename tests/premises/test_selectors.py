"""Vacancy figures from the database, for the town, a street and a zone, in bounded queries."""

from datetime import date
from decimal import Decimal

from regrow.premises import selectors
from regrow.premises.choices import Status
from regrow.premises.models import Zone
from tests.premises.conftest import add_status, make_unit

DAY = date(2024, 6, 30)


def build(town):
    inside = {"latitude": Decimal("57.4230"), "longitude": Decimal("27.0460")}
    outside = {"latitude": Decimal("57.4400"), "longitude": Decimal("27.0900")}
    units = [
        make_unit(town, "1", street="Pils iela", **inside),
        make_unit(town, "2", street="Pils iela", **inside),
        make_unit(town, "3", street="Dārza iela", **outside),
        make_unit(town, "4", street="Dārza iela", **outside),
    ]
    add_status(units[0], Status.VACANT, date(2023, 2, 1))
    add_status(units[1], Status.OCCUPIED, date(2023, 2, 1))
    add_status(units[2], Status.PARTLY_VACANT, date(2024, 3, 1))
    add_status(units[3], Status.OCCUPIED, date(2023, 2, 1))
    add_status(units[3], Status.VACANT, date(2024, 7, 1))  # after DAY
    zone = Zone.objects.create(
        town=town,
        name="Centre",
        geometry={
            "type": "Polygon",
            "coordinates": [
                [[27.04, 57.42], [27.05, 57.42], [27.05, 57.43], [27.04, 57.43], [27.04, 57.42]]
            ],
        },
    )
    return units, zone


def test_rate_for_town_street_and_zone(aluksne):
    _units, zone = build(aluksne.town)
    town = selectors.Scope(aluksne.town)
    assert selectors.vacancy_rate_at(town, DAY).empty == 1.5
    assert selectors.vacancy_rate_at(town, DAY).percent == 37.5
    assert (
        selectors.vacancy_rate_at(selectors.Scope(aluksne.town, street="Dārza iela"), DAY).percent
        == 25.0
    )
    assert selectors.vacancy_rate_at(selectors.Scope(aluksne.town, zone=zone), DAY).percent == 50.0
    assert selectors.vacancy_rate_at(town, date(2024, 7, 31)).percent == 62.5


def test_other_towns_units_never_count(aluksne, altena):
    build(aluksne.town)
    far = make_unit(altena.town, "X", latitude=Decimal("51.3"), longitude=Decimal("7.67"))
    add_status(far, Status.VACANT, date(2023, 1, 1))
    assert selectors.vacancy_rate_at(selectors.Scope(aluksne.town), DAY).usable == 4


def test_empty_units_longest_first(aluksne):
    units, _zone = build(aluksne.town)
    rows = selectors.empty_units_on(selectors.Scope(aluksne.town), DAY)
    assert [row.unit for row in rows] == [units[0], units[2]]
    assert rows[0].since == date(2023, 2, 1)
    assert rows[0].days == (DAY - date(2023, 2, 1)).days


def test_monthly_series_and_report(aluksne):
    build(aluksne.town)
    series = selectors.vacancy_series(
        selectors.Scope(aluksne.town), date(2024, 1, 1), date(2024, 7, 15)
    )
    assert [rate.percent for _day, rate in series] == [33.3, 33.3, 37.5, 37.5, 37.5, 37.5, 62.5]
    report = selectors.vacancy_report(
        selectors.Scope(aluksne.town), date(2024, 1, 1), date(2024, 12, 31)
    )
    assert report.units_empty == 3


def test_register_list_runs_a_fixed_number_of_queries(aluksne, django_assert_max_num_queries):
    for number in range(30):
        unit = make_unit(aluksne.town, f"U{number}")
        add_status(unit, Status.VACANT, date(2024, 1, 1))
    with django_assert_max_num_queries(1):
        rows = list(selectors.register_units(aluksne.town, DAY))
    assert len(rows) == 30
    assert {row.status_now for row in rows} == {"vacant"}
