"""A town's dashboard of indicators: each with a small chart, its latest value, its change over
one and five years and whether that is good, and the source; for the town's members only, in a
number of queries that does not grow with the years recorded."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.indicators.words import MINUS as M
from regrow.premises.choices import Status
from regrow.towns.models import Role
from tests.indicators.pages_data import population, record
from tests.premises.conftest import add_status, make_unit

DASHBOARD = "/{language}/aluksne/indicators/dashboard/"
TODAY = date(2025, 3, 1)


@pytest.fixture
def series(aluksne, indicators, admin_user):
    town = aluksne.town
    rows = population(town, 2000, 2024, 9000, -60)
    rows += [
        (town, "registered_unemployment", str(year), 10 - (year - 2018) * 0.5)
        for year in range(2018, 2025)
    ]
    rows += [(town, "net_migration", str(year), -40 + year - 2019) for year in range(2019, 2025)]
    record(admin_user, rows, source="CSB")
    record(admin_user, [(town, "enterprises", "2024", 512)], flags="p", source="Lursoft")
    units = [make_unit(town, f"A{number}") for number in range(4)]
    for unit in units:
        add_status(unit, Status.OCCUPIED, date(2022, 1, 1))
    add_status(units[0], Status.VACANT, date(2023, 6, 1))
    return town


def cards(html: str) -> dict[str, str]:
    """Each indicator card's HTML by its indicator code."""
    found = {}
    for part in html.split('<article class="card indicator-card" aria-labelledby="indicator-')[1:]:
        code, rest = part.split('"', 1)
        found[code] = rest.split("</article>", 1)[0]
    return found


@time_machine.travel(TODAY)
def test_each_indicator_has_its_latest_value_changes_judgement_chart_and_source(
    client, series, coordinator
):
    client.force_login(coordinator)
    response = client.get(DASHBOARD.format(language="en"))
    assert response.status_code == 200
    found = cards(response.content.decode())
    assert list(found)[:3] == ["population", "population_15_29", "net_migration"]
    population_card = found["population"]
    assert '<p class="figure">7,560</p>' in population_card
    assert f"{M}60 ({M}0.8 %) since 2023 · <strong>worse</strong>" in population_card
    assert f"{M}300 ({M}3.8 %) since 2019 · <strong>worse</strong>" in population_card
    assert "Source: CSB" in population_card
    assert 'role="img"' in population_card and "<title" in population_card
    assert "from 9,000 in 2000 to 7,560 in 2024" in population_card  # the chart's desc
    # Unemployment falling is better; its change is in percentage points.
    assert f"{M}0.5 pp since 2023 · <strong>better</strong>" in found["registered_unemployment"]
    # A provisional value says so, with the source of that value.
    enterprises = found["enterprises"]
    assert "2024 · provisional" in enterprises and "Source: Lursoft" in enterprises
    # The vacancy rate is computed live from the register, saying how.
    vacancy = found["vacancy_rate"]
    assert '<p class="figure">25 %</p>' in vacancy and '<p class="muted">2025</p>' in vacancy
    assert "partly vacant unit counts as half" in vacancy
    assert 'href="/en/aluksne/indicators/vacancy_rate/definition.md"' in vacancy
    assert "No values yet." in found["population_15_29"]
    assert "Not shown on the town" in found["footfall"]
    assert "Shown on the town" in found["population"]


@time_machine.travel(TODAY)
def test_the_dashboard_in_latvian(client, series, coordinator):
    client.force_login(coordinator)
    found = cards(client.get(DASHBOARD.format(language="lv")).content.decode())
    assert "Iedzīvotāju skaits" in found["population"]
    assert '<p class="figure">7\xa0560</p>' in found["population"]
    assert f"{M}0,5" in found["registered_unemployment"]


def test_only_the_towns_members_see_the_dashboard(client, series, aluksne, altena, outsider):
    url = DASHBOARD.format(language="en")
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(url).status_code == 403
    client.force_login(aluksne.people[Role.EDITOR])
    page = client.get(url)
    assert page.status_code == 200
    assert "/indicators/shown/" not in page.content.decode()  # choosing is the coordinators'
    client.force_login(aluksne.people[Role.COORDINATOR])
    assert "/indicators/shown/" in client.get(url).content.decode()


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@time_machine.travel(TODAY)
def test_the_dashboard_takes_as_many_queries_for_fifty_years_as_for_five(
    client, aluksne, indicators, admin_user, coordinator, django_assert_max_num_queries
):
    town = aluksne.town
    client.force_login(coordinator)
    url = DASHBOARD.format(language="en")
    record(admin_user, population(town, 2020, 2024, 9000, -60))
    client.get(url)  # sessions and caches warmed
    few = count_queries(client, url)
    codes = ["population", "population_15_29", "net_migration", "enterprises", "footfall"]
    rows = [(town, code, str(year), 1000 + year) for code in codes for year in range(1975, 2025)]
    record(admin_user, rows)
    for unit_number in range(5):
        add_status(make_unit(town, f"B{unit_number}"), Status.VACANT, date(2016, 1, 1))
    assert count_queries(client, url) == few
    with django_assert_max_num_queries(30):
        client.get(url)
