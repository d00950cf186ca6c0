"""The vacancy page: its rate, the empty units a page at a time, the monthly chart and table, in
a number of queries that does not grow with the register."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
import time_machine

from regrow.premises.choices import Status
from tests.premises.conftest import add_status, make_unit

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(date(2025, 3, 1), tick=False):
        yield


def empty_units(town, count: int, street: str = "Pils iela", prefix: str = "E") -> None:
    for number in range(count):
        unit = make_unit(town, f"{prefix}{number}", street=street, house_number=str(number + 1))
        add_status(unit, Status.OCCUPIED, date(2022, 1, 1))
        add_status(unit, Status.VACANT, date(2024, 1, 1 + number % 28))


def chart_of(html: str) -> ET.Element:
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    return ET.fromstring(html[start:end])


def test_the_monthly_series_is_a_chart_with_a_text_alternative_and_the_table_stays(
    client, aluksne, coordinator
):
    empty_units(aluksne.town, 3)
    let = make_unit(aluksne.town, "L1", house_number="90")
    add_status(let, Status.LET, date(2023, 6, 1))
    client.force_login(coordinator)
    html = client.get("/en/aluksne/register/vacancy/").content.decode()
    chart = chart_of(html)
    assert chart.get("role") == "img"
    assert chart.find(SVG + "title").text == "Vacancy rate at the end of each month"
    desc = chart.find(SVG + "desc").text
    assert desc == (
        "March 2022 to March 2025: lowest 0 % (March 2022), highest 75 % (January 2024), "
        "last 75 %. The table below gives every month."
    )
    tooltips = [title.text for title in chart.iter(SVG + "title")]
    assert "Jan 2024: 75 %" in tooltips
    assert "<script" not in html[html.index("<svg") : html.index("</svg>")]
    assert "<td>January 2024</td><td>75.0 %</td>" in html


def test_a_latvian_page_writes_the_chart_with_decimal_commas(client, aluksne, coordinator):
    empty_units(aluksne.town, 1)
    for number in range(7):
        unit = make_unit(aluksne.town, f"O{number}", house_number=str(50 + number))
        add_status(unit, Status.OCCUPIED, date(2022, 1, 1))
    client.force_login(coordinator)
    chart = chart_of(client.get("/lv/aluksne/register/vacancy/").content.decode())
    assert chart.find(SVG + "title").text == "Tukšo telpu īpatsvars katra mēneša beigās"
    tooltips = [title.text for title in chart.iter(SVG + "title")]
    assert any(tip.endswith(": 12,5 %") for tip in tooltips)
    assert "12,5 %" in chart.find(SVG + "desc").text


def test_no_chart_before_any_unit_has_a_status(client, aluksne, coordinator):
    make_unit(aluksne.town, "N1")
    client.force_login(coordinator)
    html = client.get("/en/aluksne/register/vacancy/").content.decode()
    assert "<svg" not in html
    assert "No unit had a status on this day." in html


def test_empty_units_come_a_page_at_a_time_keeping_the_filters(client, aluksne, coordinator):
    empty_units(aluksne.town, 55, street="Dārza iela")
    empty_units(aluksne.town, 3, street="Pils iela", prefix="P")
    client.force_login(coordinator)
    first = client.get("/en/aluksne/register/vacancy/", {"street": "Dārza iela"})
    html = first.content.decode()
    assert html.count('<tr><td><a href="/en/aluksne/register/units/') == 50
    assert "Units 1–50 of 55" in html  # noqa: RUF001 - the page's en dash
    assert 'href="?street=D%C4%81rza+iela&amp;page=2"' in html
    # The longest empty come first: emptied on the 1st of January 2024.
    assert html.index("Dārza iela E0<") < html.index("Dārza iela E1<")
    second = client.get("/en/aluksne/register/vacancy/", {"street": "Dārza iela", "page": 2})
    assert second.content.decode().count('<tr><td><a href="/en/aluksne/register/units/') == 5
    beyond = client.get("/en/aluksne/register/vacancy/", {"street": "Dārza iela", "page": 99})
    assert "Units 51–55 of 55" in beyond.content.decode()  # noqa: RUF001


def test_the_page_costs_the_same_queries_for_5_units_and_60(
    client, aluksne, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    counts = []
    for prefix, units in (("A", 5), ("B", 55)):
        empty_units(aluksne.town, units, prefix=prefix)
        # 17: the navigation asks news, the map and the network whether they have content.
        with django_assert_max_num_queries(17) as captured:
            assert client.get("/en/aluksne/register/vacancy/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
