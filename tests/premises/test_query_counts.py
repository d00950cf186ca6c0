"""Pages of the register run the same number of SQL queries whatever the number of units."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.premises import formats, services
from regrow.premises.choices import Status
from regrow.premises.models import Owner, Unit, UnitPhoto, Zone
from tests.premises.conftest import add_status, make_unit

PAGES = [
    ("/en/aluksne/register/", True),
    ("/en/aluksne/register/?status=vacant&street=Pils+iela&offered=yes&use=fashion", True),
    ("/en/aluksne/register/map/", True),
    ("/en/aluksne/register/map/?status=vacant&offered=yes", True),
    ("/en/aluksne/register/vacancy/", True),
    ("/en/aluksne/register/owners/", True),
    ("/en/aluksne/map/", False),
    ("/en/aluksne/map/units.geojson", False),
    ("/api/towns/aluksne/units", True),
]


def grow_register(town, count: int, start: int) -> None:
    owner = Owner.objects.create(town=town, name=f"Owner {start}")
    for number in range(start, start + count):
        unit = make_unit(town, f"U{number}", owner=owner, offered_publicly=True)
        add_status(unit, Status.OCCUPIED, date(2023, 2, 1))
        add_status(unit, Status.VACANT, date(2024, 2, 1))
        UnitPhoto.objects.create(
            unit=unit, image=f"units/{number}.jpg", alt_text="front", width=400, height=300
        )


def queries(client, url: str) -> int:
    # What rendering costs: the page cache would answer an anonymous page again without SQL.
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(("url", "signed_in"), PAGES)
def test_query_count_does_not_grow_with_the_register(client, aluksne, coordinator, url, signed_in):
    if signed_in:
        client.force_login(coordinator)
    grow_register(aluksne.town, 3, start=0)
    client.get(url)  # warm: sessions, permissions cache and the like
    small = queries(client, url)
    grow_register(aluksne.town, 25, start=100)
    large = queries(client, url)
    assert Unit.objects.count() == 28
    assert large == small, f"{url}: {small} queries with 3 units, {large} with 28"


def register_records(count: int) -> list:
    return [
        formats.UnitRecord(
            row=number + 2,
            external_id=f"R{number}",
            street="Pils iela",
            house_number=str(number),
            postcode="",
            display_address=f"Pils iela {number}",
            latitude=Decimal("57.4227"),
            longitude=Decimal("27.0461"),
            floor_area_m2=Decimal("45.00"),
            frontage_m=None,
            floor="ground",
            previous_use="",
            permitted_uses=("fashion",),
            condition="ready",
            step_free_access=False,
            has_power=False,
            has_water=False,
            has_heating=False,
            asking_rent_cents_per_month=None,
            notes="",
            listed_on=None,
            status="vacant",
            status_on=date(2024, 1, 1),
        )
        for number in range(count)
    ]


def test_reimporting_an_unchanged_register_runs_a_fixed_number_of_queries(aluksne, coordinator):
    counts = []
    for count in (3, 30):
        records = register_records(count)
        services.units_import(town=aluksne.town, records=records, by=coordinator)
        with CaptureQueriesContext(connection) as captured:
            summary = services.units_import(town=aluksne.town, records=records, by=coordinator)
        assert (summary.unchanged, summary.statuses_added) == (count, 0)
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_a_later_page_of_the_register_or_a_zone_costs_no_more_queries(client, aluksne, coordinator):
    client.force_login(coordinator)
    zone = Zone.objects.create(
        town=aluksne.town,
        name="Centre",
        geometry={
            "type": "Polygon",
            "coordinates": [[[27.0, 57.4], [27.1, 57.4], [27.1, 57.5], [27.0, 57.5], [27.0, 57.4]]],
        },
    )
    grow_register(aluksne.town, 3, start=0)
    client.get("/en/aluksne/register/")
    first = queries(client, f"/en/aluksne/register/?zone={zone.pk}")
    grow_register(aluksne.town, 120, start=100)
    last = queries(client, f"/en/aluksne/register/?zone={zone.pk}&page=3")
    assert first == last, f"{first} queries for the first page of 3 units, {last} for page 3"
