"""The register's list and map: pages, filters kept in the address, counts by status, map data."""

import gzip
import json
import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest

from regrow.premises import listing
from regrow.premises.choices import ShopCategory, Status
from regrow.premises.models import StatusChange, Zone
from tests.premises.conftest import add_status, make_unit

DAY = date(2024, 1, 1)
INSIDE = {"latitude": Decimal("57.4230"), "longitude": Decimal("27.0460")}
OUTSIDE = {"latitude": Decimal("57.4400"), "longitude": Decimal("27.0900")}


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def listed(response) -> list[str]:
    """The addresses in the register's table, in order."""
    html = response.content.decode()
    return [
        unescape(a)
        for a in re.findall(r'<td><a href="/en/aluksne/register/units/\d+/">([^<]+)</a>', html)
    ]


def many_units(town, count: int, street: str = "Pils iela", status=Status.VACANT) -> list:
    units = []
    for number in range(1, count + 1):
        unit = make_unit(
            town,
            f"{street}-{number}",
            street=street,
            house_number=str(number),
            display_address=f"{street} {number}",
        )
        if status:
            add_status(unit, status, DAY)
        units.append(unit)
    return units


def test_the_register_shows_a_page_of_units_with_links_that_keep_the_filters(signed_in, aluksne):
    many_units(aluksne.town, listing.PAGE_SIZE + 10)
    first = signed_in.get("/en/aluksne/register/?street=Pils+iela")
    assert len(listed(first)) == listing.PAGE_SIZE
    assert listed(first)[:3] == ["Pils iela 1", "Pils iela 2", "Pils iela 3"]  # 2 before 10
    html = first.content.decode()
    assert "Units 1\N{EN DASH}50 of 60" in html
    assert 'href="?street=Pils+iela&amp;page=2" rel="next"' in html
    second = signed_in.get("/en/aluksne/register/?street=Pils+iela&page=2")
    assert listed(second) == [f"Pils iela {number}" for number in range(51, 61)]
    assert "Units 51\N{EN DASH}60 of 60" in second.content.decode()
    assert 'href="?street=Pils+iela&amp;page=1" rel="prev"' in second.content.decode()


@pytest.mark.parametrize(("number", "shown"), [("x", "Pils iela 1"), ("99", "Pils iela 51")])
def test_a_page_number_out_of_range_shows_the_nearest_page(signed_in, aluksne, number, shown):
    many_units(aluksne.town, listing.PAGE_SIZE + 1)
    response = signed_in.get(f"/en/aluksne/register/?page={number}")
    assert response.status_code == 200
    assert listed(response)[0] == shown


def build(town):
    """Four units on two streets, one offered, inside and outside a zone, with uses."""
    cafe = make_unit(
        town,
        "A",
        street="Dārza iela",
        house_number="11",
        display_address="Dārza iela 11",
        previous_use=ShopCategory.FASHION,
        offered_publicly=True,
        **INSIDE,
    )
    StatusChange.objects.create(
        unit=cafe,
        status=Status.OCCUPIED,
        effective_on=DAY,
        source="survey",
        use_category=ShopCategory.FOOD_DRINK,
    )
    empty = make_unit(
        town,
        "B",
        street="Dārza iela",
        house_number="2",
        display_address="Dārza iela 2",
        previous_use=ShopCategory.FOOD_DRINK,
        **OUTSIDE,
    )
    add_status(empty, Status.VACANT, DAY)
    shop = make_unit(
        town,
        "C",
        street="Pils iela",
        house_number="4",
        display_address="Pils iela 4",
        previous_use=ShopCategory.BOOKS_MEDIA,
        offered_publicly=True,
        **INSIDE,
    )
    add_status(shop, Status.VACANT, DAY)
    make_unit(
        town, "D", street="Pils iela", house_number="5", display_address="Pils iela 5", **OUTSIDE
    )
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
    return zone


@pytest.mark.parametrize(
    ("query", "addresses"),
    [
        ("", ["Dārza iela 2", "Dārza iela 11", "Pils iela 4", "Pils iela 5"]),
        ("status=vacant", ["Dārza iela 2", "Pils iela 4"]),
        ("status=none", ["Pils iela 5"]),
        ("street=D%C4%81rza+iela", ["Dārza iela 2", "Dārza iela 11"]),
        ("zone=ZONE", ["Dārza iela 11", "Pils iela 4"]),
        ("offered=yes", ["Dārza iela 11", "Pils iela 4"]),
        ("offered=no", ["Dārza iela 2", "Pils iela 5"]),
        # The use now (a café), or for an empty unit the last one (a café before it emptied).
        ("use=food_drink", ["Dārza iela 2", "Dārza iela 11"]),
        ("use=fashion", []),
        ("status=vacant&offered=yes&zone=ZONE", ["Pils iela 4"]),
    ],
)
def test_each_filter_narrows_the_list(signed_in, aluksne, query, addresses):
    zone = build(aluksne.town)
    response = signed_in.get(f"/en/aluksne/register/?{query.replace('ZONE', str(zone.pk))}")
    assert response.status_code == 200
    assert listed(response) == addresses
    if not addresses:
        assert "No units match the filters." in response.content.decode()


def test_status_counts_follow_the_other_filters_and_link_to_each_status(signed_in, aluksne):
    build(aluksne.town)
    response = signed_in.get("/en/aluksne/register/?offered=yes&status=vacant")
    counts = dict(
        response.context["status_counts"][i][0:3:2] for i in range(len(listing.STATUS_KEYS))
    )
    assert counts == {**dict.fromkeys(listing.STATUS_KEYS, 0), "occupied": 1, "vacant": 1}
    html = response.content.decode()
    assert 'href="?offered=yes&amp;status=occupied"' in html
    assert 'href="?offered=yes&amp;status=vacant" aria-current="true"' in html
    assert 'href="?offered=yes">Every status</a>' in html
    # The lead's vacancy rate is that of the units the filters select: one of two is empty.
    assert "<strong>50.0 %</strong>" in html
    whole = signed_in.get("/en/aluksne/register/")
    assert whole.context["rate"].counted == 3  # the unit with no status is not counted
    assert sum(count for _s, _l, count, _q in whole.context["status_counts"]) == 4


def test_a_filter_value_the_form_refuses_filters_nothing(signed_in, aluksne):
    build(aluksne.town)
    response = signed_in.get("/en/aluksne/register/?street=Gone+iela&status=vacant")
    assert response.status_code == 200
    assert listed(response) == ["Dārza iela 2", "Pils iela 4"]
    assert "Select a valid choice" in response.content.decode()


def test_map_data_holds_only_id_position_and_status_of_the_filtered_units(signed_in, aluksne):
    build(aluksne.town)
    response = signed_in.get("/en/aluksne/register/map/?street=Pils+iela")
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["statuses"] == list(Status.values)
    assert (data["total"], data["per_degree"]) == (2, 100_000)
    by_id = {row[0]: row[1:] for row in data["units"]}
    shop = aluksne.town.units.get(external_id="C")
    assert by_id[shop.pk] == [5_742_300, 2_704_600, Status.values.index("vacant")]
    assert by_id[aluksne.town.units.get(external_id="D").pk][2] == -1  # no status yet
    assert b" " not in response.content  # compact


def test_map_data_stops_at_its_limit_and_says_how_many_there_are(signed_in, aluksne, monkeypatch):
    many_units(aluksne.town, 5)
    monkeypatch.setattr(listing, "MAP_MAX_UNITS", 3)
    data = signed_in.get("/en/aluksne/register/map/").json()
    assert (len(data["units"]), data["total"]) == (3, 5)


def test_a_map_point_popup_names_the_unit_and_its_status(signed_in, aluksne, altena):
    build(aluksne.town)
    shop = aluksne.town.units.get(external_id="C")
    data = signed_in.get(f"/lv/aluksne/register/map/units/{shop.pk}/").json()
    assert data == {
        "address": "Pils iela 4",
        "status": "Tukšs",
        "since": "1.01.2024",
        "url": f"/lv/aluksne/register/units/{shop.pk}/",
    }
    far = make_unit(altena.town, "X")
    assert signed_in.get(f"/en/aluksne/register/map/units/{far.pk}/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/en/altena/register/map/", "/en/altena/register/map/units/1/", "/en/altena/register/"]
)
def test_another_towns_register_and_map_are_refused(signed_in, altena, url):
    assert signed_in.get(url).status_code == 403


def test_the_register_shows_each_status_as_a_badge_with_its_name(signed_in, aluksne):
    build(aluksne.town)
    html = signed_in.get("/en/aluksne/register/").content.decode()
    assert '<span class="status status--vacant">Vacant</span>' in html
    assert '<span class="status status--occupied">Occupied</span>' in html


def test_map_data_comes_compressed_to_a_browser_that_takes_gzip(signed_in, aluksne):
    many_units(aluksne.town, 30)
    plain = signed_in.get("/en/aluksne/register/map/")
    packed = signed_in.get("/en/aluksne/register/map/", headers={"accept-encoding": "gzip, br"})
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert len(packed.content) < len(plain.content) / 2
    assert json.loads(gzip.decompress(packed.content)) == plain.json()
