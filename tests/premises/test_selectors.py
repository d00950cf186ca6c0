"""Vacancy figures from the database, for the town, a street and a zone, in bounded queries."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from regrow.premises import selectors, services
from regrow.premises.choices import Status
from regrow.premises.models import Zone
from tests.premises.conftest import add_status, make_unit
from tests.premises.test_query_counts import register_records

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


def addresses(units) -> list[str]:
    return [f"{unit.street} {unit.house_number}".strip() for unit in units]


NATURAL_ORDER = [
    "Dārza iela 2",
    "Dārza iela 4",
    "Dārza iela 11",
    "Dārza iela 11a",
    "Dārza iela 12",
    "Dārza iela",
    "Pils iela 1",
]


def test_addresses_sort_by_street_then_house_number_as_a_number(aluksne):
    for number in ["11", "12", "", "2", "4", "11a"]:
        make_unit(aluksne.town, f"D{number}", street="Dārza iela", house_number=number)
    make_unit(aluksne.town, "P1", street="Pils iela", house_number="1")
    town = aluksne.town
    assert addresses(selectors.ordered_by_address(town.units.order_by("-id"))) == NATURAL_ORDER
    # Every list of units takes this order unless it asks for another.
    assert addresses(town.units.all()) == NATURAL_ORDER
    assert addresses(selectors.register_units(town, DAY)) == NATURAL_ORDER
    assert addresses(selectors.street_units_in_order(town, "Dārza iela", DAY)) == NATURAL_ORDER[:6]
    assert addresses(selectors.register_records(town, DAY)) == NATURAL_ORDER  # the exports


def test_the_sort_key_follows_a_changed_house_number(aluksne, coordinator):
    unit = make_unit(aluksne.town, "A", street="Dārza iela", house_number="12")
    make_unit(aluksne.town, "B", street="Dārza iela", house_number="4")
    services.unit_update(unit=unit, by=coordinator, version=unit.version, house_number="2")
    assert addresses(aluksne.town.units.all()) == ["Dārza iela 2", "Dārza iela 4"]


def test_imported_units_sort_naturally_too(aluksne, coordinator):
    numbers = ["11", "12", "2", "4", "11a"]
    records = [
        replace(record, street="Dārza iela", house_number=number)
        for record, number in zip(register_records(5), numbers, strict=True)
    ]
    services.units_import(town=aluksne.town, records=records, by=coordinator)
    assert addresses(aluksne.town.units.all()) == NATURAL_ORDER[:5]
    # A re-import that changes house numbers moves the units with them.
    moved = [replace(record, house_number=f"1{record.house_number}") for record in records]
    services.units_import(town=aluksne.town, records=moved, by=coordinator)
    assert [unit.house_number for unit in aluksne.town.units.all()] == [
        "12",
        "14",
        "111",
        "111a",
        "112",
    ]
