"""One indicator's page: the town's chart and table, its peak and yearly rate, and a comparison
with the towns of its networks that the address keeps (towns, absolute / per 1,000 / indexed,
base year); the downloads of the same view; in queries that do not grow with towns or years."""

import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from regrow.indicators import services
from regrow.indicators.words import MINUS as M
from regrow.towns.models import Role
from tests.fixtures import make_town
from tests.indicators.pages_data import make_network, more_towns, population, record

PAGE = "/{language}/aluksne/indicators/{code}/"
TODAY = date(2025, 3, 1)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def network(aluksne, altena, indicators, admin_user):
    """Alūksne, Altena and Idrija in a network; a town outside it with values too."""
    idrija = make_town("idrija", "Idrija", "SI", languages=["en"])
    stranger = make_town("stranger", "Stranger", "SI", languages=["en"])
    make_network(aluksne.town, altena.town, idrija)
    rows = population(aluksne.town, 2000, 2024, 9000, -60)
    rows += population(altena.town, 1975, 2024, 32000, -300)
    rows += population(idrija, 2010, 2024, 6000, 10)
    rows += population(stranger, 2010, 2024, 100, 1)
    for town, base in ((aluksne.town, 500), (altena.town, 1500), (idrija, 300)):
        rows += [(town, "enterprises", str(year), base + year - 2015) for year in range(2015, 2025)]
    record(admin_user, rows, source="CSB")
    return {"aluksne": aluksne.town, "altena": altena.town, "idrija": idrija}


def table(html: str, table_id: str) -> list[list[str]]:
    """A table's rows (header first) as the cells' text."""
    part = html[html.index(f'<table id="{table_id}"') :]
    part = part[: part.index("</table>") + len("</table>")]
    root = ET.fromstring(part.replace("&nbsp;", "\xa0"))
    return [["".join(cell.itertext()) for cell in row] for row in root.iter("tr")]


@time_machine.travel(TODAY)
def test_the_towns_chart_table_peak_and_yearly_rate(client, network):
    response = client.get(PAGE.format(language="en", code="population"))
    assert response.status_code == 200  # a public indicator: anyone
    html = response.content.decode()
    assert f"Highest: 9,000 in 2000; since then {M}1,440 ({M}16 %)." in html
    assert f"{M}0.7 % a year from 2000 to 2024 (compound)" in html
    rows = table(html, "town-values")
    assert rows[0] == ["Period", "Persons", "Note", "Source"]
    assert rows[1] == ["2024", "7,560", "", "CSB"] and rows[-1] == ["2000", "9,000", "", "CSB"]
    assert len(rows) == 1 + 25
    # The chart is an image with a title and a description; the table is beside it.
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(SVG + "title").text == "Population in Alūksne"
    assert root.find(SVG + "desc").text == "Alūksne: from 9,000 in 2000 to 7,560 in 2024."


@time_machine.travel(TODAY)
def test_the_comparison_offers_the_networks_towns_and_keeps_the_view_in_the_address(
    client, network
):
    html = client.get(PAGE.format(language="en", code="population")).content.decode()
    # The network's towns are offered and chosen until the reader chooses; not the stranger.
    assert 'value="altena" id="id_towns_0" checked' in html
    assert 'value="idrija" id="id_towns_1" checked' in html and "stranger" not in html
    assert table(html, "comparison-values")[0] == ["Period", "Alūksne", "Altena", "Idrija"]
    # Indexed to 2010, Idrija only: the address says so and the page shows it so.
    url = PAGE.format(language="en", code="population") + "?towns=idrija&mode=indexed&base=2010"
    html = client.get(url).content.decode()
    assert 'value="altena" id="id_towns_0">' in html  # no longer checked
    assert 'value="idrija" id="id_towns_1" checked' in html
    assert 'value="indexed" id="id_mode_1" checked' in html
    assert '<option value="2010" selected>2010</option>' in html
    rows = table(html, "comparison-values")
    assert rows[0] == ["Period", "Alūksne", "Idrija"]
    assert ["2010", "100", "100"] in rows and ["2024", "90", "102.3"] in rows
    assert ["2000", "107.1", "—"] in rows
    assert "Population, indexed (2010 = 100)" in html  # the chart's title
    assert 'class="chart-reference"' in html  # the 100 marked across the chart
    # The downloads of the comparison keep the view.
    assert "chart.png?compare=1&amp;towns=idrija&amp;mode=indexed&amp;base=2010" in html
    # A link written without towns compares with the partners, as a first visit does; the
    # page's form, which says it was sent, with none ticked shows the town alone.
    linked = client.get(PAGE.format(language="en", code="population") + "?mode=indexed")
    assert table(linked.content.decode(), "comparison-values")[0] == [
        "Period", "Alūksne", "Altena", "Idrija"
    ]  # fmt: skip
    alone = client.get(PAGE.format(language="en", code="population") + "?compare=1&mode=indexed")
    assert table(alone.content.decode(), "comparison-values")[0] == ["Period", "Alūksne"]


@time_machine.travel(TODAY)
def test_per_1000_inhabitants_for_counts_only(client, network):
    url = PAGE.format(language="en", code="enterprises") + "?towns=altena&mode=per_1000"
    html = client.get(url).content.decode()
    rows = table(html, "comparison-values")
    assert rows[0] == ["Period", "Alūksne", "Altena"]
    # 509 enterprises among 7,560 people; 1,509 among 17,300.
    assert ["2024", "67.33", "87.23"] in rows
    assert "<caption>Active enterprises (per 1,000 inhabitants)</caption>" in html
    # The population itself, and rates, are not divided by the population.
    page = client.get(PAGE.format(language="en", code="population"))
    assert 'value="per_1000"' not in page.content.decode()
    refused = client.get(PAGE.format(language="en", code="population") + "?mode=per_1000")
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()


@time_machine.travel(TODAY)
def test_a_line_without_a_base_says_why(client, network):
    url = PAGE.format(language="en", code="population") + "?towns=idrija&mode=indexed&base=2005"
    html = client.get(url).content.decode()
    assert "Idrija has no value above zero in 2005 to index to." in html
    # Without a base year chosen, the first year every town has: 2010.
    html = client.get(
        PAGE.format(language="en", code="population") + "?towns=idrija&mode=indexed"
    ).content.decode()
    assert "Population, indexed (2010 = 100)" in html


@time_machine.travel(TODAY)
def test_a_bad_address_shows_the_page_with_what_was_wrong(client, network):
    url = PAGE.format(language="en", code="population") + "?towns=stranger&mode=sideways&base=x"
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count('class="errorlist') == 3
    assert table(html, "comparison-values")[0] == ["Period", "Alūksne"]
    assert client.get(PAGE.format(language="en", code="nothing")).status_code == 404


@time_machine.travel(TODAY)
def test_a_partner_that_does_not_show_an_indicator_is_not_compared(
    client, network, altena, coordinator
):
    services.public_indicators_choose(
        town=network["altena"], shown=[], by=altena.people[Role.COORDINATOR]
    )
    html = client.get(PAGE.format(language="en", code="population")).content.decode()
    assert 'value="altena"' not in html and 'value="idrija"' in html
    forced = client.get(PAGE.format(language="en", code="population") + "?towns=altena")
    assert forced.status_code == 400 and "<td>17,300</td>" not in forced.content.decode()
    # Altena's own members still compare it from Altena's page; Alūksne's do not see it.
    client.force_login(coordinator)
    html = client.get(PAGE.format(language="en", code="population")).content.decode()
    assert 'value="altena"' not in html


@time_machine.travel(TODAY)
def test_an_indicator_the_town_does_not_show_is_its_members(client, network, outsider, coordinator):
    record(coordinator, [(network["aluksne"], "footfall", "2024-05", 1500)])
    url = PAGE.format(language="en", code="footfall")
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    assert client.get(url.replace("footfall/", "footfall/data.csv")).status_code == 403
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    rows = table(response.content.decode(), "town-values")
    assert rows[1] == ["May 2024", "1,500", "", "values.csv"]  # the file named as the source


@time_machine.travel(TODAY)
def test_the_downloads_give_the_data_and_the_chart_of_the_view(client, network):
    base = PAGE.format(language="en", code="population")
    query = "?towns=idrija&mode=indexed&base=2010"
    csv = client.get(base + "data.csv" + query)
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="aluksne-population-comparison.csv"' in csv["Content-Disposition"]
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == 'Town,Indicator,Period,"index, 2010 = 100",Value (persons),Flags,Source'
    assert "Alūksne,Population,2010,100,8400,,CSB" in lines
    assert "Idrija,Population,2024,102.3,6140,,CSB" in lines
    assert len(lines) == 1 + 25 + 15
    xlsx = client.get(base + "data.xlsx" + query)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][:5] == ("Alūksne", "Population", "2000", 107.1, 9000)
    svg = client.get(base + "chart.svg" + query)
    assert svg["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(svg.content)
    assert (root.get("width"), root.get("height")) == ("360", "260")
    assert root.find(SVG + "title").text == "Population, indexed (2010 = 100)"
    png = client.get(base + "chart.png" + query)
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG\r\n")
    # The town's own chart: its values as they are.
    own = client.get(base + "data.csv?compare=1&mode=absolute")
    own = own.content.decode("utf-8-sig").splitlines()
    assert own[0] == "Town,Indicator,Period,Value (persons),Flags,Source" and len(own) == 26
    assert client.get(base + "data.json").status_code == 404
    assert client.get(base + "data.csv?mode=sideways").status_code == 400


@time_machine.travel(TODAY)
def test_a_derived_indicators_definition_is_linked(client, network):
    html = client.get(PAGE.format(language="en", code="vacancy_rate")).content.decode()
    assert 'href="/en/aluksne/indicators/vacancy_rate/definition.md"' in html
    definition = client.get("/en/aluksne/indicators/vacancy_rate/definition.md")
    assert definition.content.startswith(b"# How regrow counts vacancy")
    conversion = client.get("/en/aluksne/indicators/popup_conversion_rate/definition.md")
    assert b"pop-ups that stayed" in conversion.content
    assert client.get("/en/aluksne/indicators/population/definition.md").status_code == 404


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@time_machine.travel(TODAY)
def test_the_page_takes_as_many_queries_for_eight_towns_and_fifty_years_as_for_two_and_ten(
    client, aluksne, indicators, admin_user, coordinator, django_assert_max_num_queries
):
    others = more_towns(7)
    make_network(aluksne.town, *others)
    record(admin_user, population(aluksne.town, 2015, 2024, 9000, -60))
    record(admin_user, population(others[0], 2015, 2024, 5000, 10))
    client.force_login(coordinator)
    url = PAGE.format(language="en", code="population")
    client.get(url)
    few = count_queries(client, url + f"?towns={others[0].slug}&mode=indexed")
    rows = []
    for town in [aluksne.town, *others]:
        rows += population(town, 1975, 2024, 20000, -100)
    record(admin_user, rows)
    everyone = "&".join(f"towns={town.slug}" for town in others)
    assert count_queries(client, url + f"?{everyone}&mode=indexed") == few
    with django_assert_max_num_queries(20):
        client.get(url + f"?{everyone}&mode=absolute")
    client.logout()
    with django_assert_max_num_queries(20):
        client.get(url + f"?{everyone}&mode=indexed&base=2000")


def test_the_towns_compared_come_from_the_apps_that_declare_them(network, aluksne):
    from regrow.indicators import peers

    town = network["aluksne"]
    assert [peer.slug for peer in peers.peers_of(town)] == ["altena", "idrija"]
    twin = make_town("twin", "Alpha twin", "LV")

    def twins(of):
        return [twin, of]  # the town itself is never its own peer

    peers.register(twins)
    try:
        assert [peer.slug for peer in peers.peers_of(town)] == ["twin", "altena", "idrija"]
    finally:
        peers.unregister(twins)
    assert peers.fallback_providers() == [peers.network_partners]
