"""The database's vacancy figures agree with the pure arithmetic of vacancy.py on random histories
(same-day corrections, changes dated later, several towns), for the town, a street and a zone."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from regrow.premises import selectors, vacancy
from regrow.premises.choices import Status
from regrow.premises.models import Zone
from tests.premises.conftest import add_status, make_unit

FIRST = date(2022, 1, 1)
DAYS = [date(2022, 1, 1), date(2023, 3, 15), date(2023, 12, 31), date(2024, 2, 29)]
INSIDE = {"latitude": Decimal("57.4230"), "longitude": Decimal("27.0460")}
OUTSIDE = {"latitude": Decimal("57.4400"), "longitude": Decimal("27.0900")}
CENTRE = {
    "type": "Polygon",
    "coordinates": [
        [[27.04, 57.42], [27.05, 57.42], [27.05, 57.43], [27.04, 57.43], [27.04, 57.42]]
    ],
}


def seeded(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 - test data, not secrets


def random_register(town, rng: random.Random, units: int, prefix: str = "R") -> None:
    """Units with histories recorded in random order, so that the row ids (which break ties
    within a day) do not follow the dates; a fifth of the changes share a day with another."""
    made = []
    for number in range(units):
        street = rng.choice(["Pils iela", "Dārza iela"])
        place = INSIDE if rng.random() < 0.5 else OUTSIDE
        made.append(
            make_unit(town, f"{prefix}{number}", street=street, house_number=str(number), **place)
        )
    entries = []
    for unit in made[:-2]:  # the last two units never get a status
        for _ in range(rng.randint(1, 6)):
            day = FIRST + timedelta(days=rng.randint(-400, 1000))
            entries.append((unit, day))
            if rng.random() < 0.2:
                entries.append((unit, day))  # a correction the same day
    rng.shuffle(entries)
    for unit, day in entries:
        add_status(unit, rng.choice(list(Status)), day)


@pytest.fixture
def scopes(aluksne, altena):
    random_register(aluksne.town, seeded(10), 40)
    random_register(altena.town, seeded(11), 10)
    zone = Zone.objects.create(town=aluksne.town, name="Centre", geometry=CENTRE)
    return [
        selectors.Scope(aluksne.town),
        selectors.Scope(aluksne.town, street="Dārza iela"),
        selectors.Scope(aluksne.town, zone=zone),
        selectors.Scope(aluksne.town, street="Pils iela", zone=zone),
    ]


def test_rate_on_a_day_is_the_rate_of_each_units_latest_status(scopes):
    for scope in scopes:
        changes = selectors.changes_in(scope)
        for day in DAYS:
            expected = vacancy.rate_of(vacancy.statuses_on(changes, day).values())
            assert selectors.vacancy_rate_at(scope, day) == expected, (scope, day)


def test_series_read_from_the_months_shown_equals_the_series_of_the_whole_history(scopes):
    for scope in scopes:
        for first, last in [(date(2022, 1, 1), date(2024, 2, 10)), (date(2023, 2, 28), DAYS[1])]:
            days = vacancy.month_ends(first, last)
            expected = vacancy.series(selectors.changes_in(scope, until=days[-1]), days)
            assert selectors.vacancy_series(scope, first, last) == expected, (scope, first)


def test_empty_units_and_their_spells_match_the_history(scopes):
    for scope in scopes:
        changes = selectors.changes_in(scope)
        for day in DAYS:
            by_unit: dict[int, list[vacancy.Change]] = {}
            for change in changes:
                by_unit.setdefault(change.unit_id, []).append(change)
            expected = {
                unit_id: vacancy.empty_since(unit_changes, day)
                for unit_id, unit_changes in by_unit.items()
            }
            statuses = vacancy.statuses_on(changes, day)
            rows = selectors.empty_units_on(scope, day)
            assert {row.unit.pk: row.since for row in rows} == {
                unit_id: since for unit_id, since in expected.items() if since is not None
            }
            assert all(row.status == statuses[row.unit.pk] for row in rows)
            assert [row.days for row in rows] == sorted((row.days for row in rows), reverse=True)


def test_a_page_of_empty_units_is_cut_from_the_whole_list(scopes):
    scope, day = scopes[0], DAYS[2]
    everything = selectors.empty_units_on(scope, day)
    assert len(everything) > 6
    pages = selectors.EmptyUnitsPages(scope, day, count=len(everything))
    assert len(pages) == len(everything)
    assert [row.unit for row in pages[3:6]] == [row.unit for row in everything[3:6]]


def test_report_read_from_the_period_equals_the_report_of_the_whole_history(scopes):
    for scope in scopes:
        rents = dict(scope.units().values_list("id", "asking_rent_cents_per_month"))
        for start, end in [(date(2023, 1, 1), date(2023, 12, 31)), (date(2022, 3, 5), DAYS[3])]:
            expected = vacancy.period_report(
                selectors.changes_in(scope, until=end), start, end, rents
            )
            report = selectors.vacancy_report(scope, start, end)
            assert report.units_empty == expected.units_empty
            assert report.rent_lost_cents == expected.rent_lost_cents
            assert sorted(report.units, key=lambda row: row.unit_id) == sorted(
                expected.units, key=lambda row: row.unit_id
            )


def test_each_figure_takes_the_same_few_queries_for_few_units_and_many(
    aluksne, django_assert_max_num_queries
):
    zone = Zone.objects.create(town=aluksne.town, name="Centre", geometry=CENTRE)
    for units in (3, 30):
        random_register(aluksne.town, seeded(units), units, prefix=f"N{units}-")
        scope = selectors.Scope(aluksne.town, zone=zone)
        with django_assert_max_num_queries(1):
            selectors.status_counts_on(selectors.Scope(aluksne.town), DAYS[2])
        with django_assert_max_num_queries(3):  # the zone's units once, then two
            selectors.vacancy_series(scope, FIRST, DAYS[3])
        with django_assert_max_num_queries(1):
            selectors.empty_units_on(scope, DAYS[3], limit=10)
        with django_assert_max_num_queries(2):
            selectors.vacancy_report(selectors.Scope(aluksne.town), FIRST, DAYS[3])
