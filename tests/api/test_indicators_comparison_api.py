"""The comparison series over JSON: an indicator in a town and the towns of its networks, a line
a town and a value a period, as recorded, per 1,000 inhabitants or indexed to a base year; what
the reader may see only; bounded queries whatever the number of towns and years."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.indicators import services
from regrow.indicators.standard import ensure_standard_indicators
from regrow.towns.models import Role
from tests.fixtures import make_town
from tests.indicators.pages_data import make_network, more_towns, population, record

URL = "/api/towns/aluksne/indicators/{code}/comparison"
TODAY = date(2025, 3, 1)


@pytest.fixture
def indicators(db):
    return {indicator.code: indicator for indicator in ensure_standard_indicators()}


@pytest.fixture
def network(aluksne, altena, indicators, admin_user):
    idrija = make_town("idrija", "Idrija", "SI", languages=["en"])
    make_network(aluksne.town, altena.town, idrija)
    rows = population(aluksne.town, 2020, 2024, 8000, -100)
    rows += population(altena.town, 2022, 2024, 17000, -200)
    rows += [(town, "enterprises", "2024", count) for town, count in
             ((aluksne.town, 400), (altena.town, 1500), (idrija, 90))]  # fmt: skip
    rows += [(aluksne.town, "footfall", "2024-05", 1500)]
    record(admin_user, rows)
    return {"aluksne": aluksne.town, "altena": altena.town, "idrija": idrija}


@time_machine.travel(TODAY)
def test_the_comparison_as_recorded_with_the_networks_towns_by_default(client, network):
    response = client.get(URL.format(code="population"))
    assert response.status_code == 200
    data = response.json()
    assert data == {
        "indicator": "population",
        "town": "aluksne",
        "mode": "absolute",
        "base_year": None,
        "unit": "persons",
        "periods": ["2020", "2021", "2022", "2023", "2024"],
        "lines": [
            {
                "town": "aluksne",
                "name": "Alūksne",
                "values": [8000.0, 7900.0, 7800.0, 7700.0, 7600.0],
                "missing": "",
            },
            {
                "town": "altena",
                "name": "Altena",
                "values": [None, None, 17000.0, 16800.0, 16600.0],
                "missing": "",
            },
            {"town": "idrija", "name": "Idrija", "values": [None] * 5, "missing": "values"},
        ],
    }


@time_machine.travel(TODAY)
def test_indexed_to_a_base_year_and_per_1000_inhabitants(client, network):
    data = client.get(
        URL.format(code="population"), {"towns": ["altena"], "mode": "indexed", "base": 2022}
    ).json()
    assert (data["mode"], data["base_year"], data["unit"]) == ("indexed", 2022, "index")
    assert [line["values"] for line in data["lines"]] == [
        [102.6, 101.3, 100.0, 98.7, 97.4],
        [None, None, 100.0, 98.8, 97.6],
    ]
    default_base = client.get(URL.format(code="population"), {"mode": "indexed"}).json()
    assert default_base["base_year"] == 2022  # the first year Alūksne and Altena both have
    assert default_base["lines"][2]["missing"] == "values"
    per_1000 = client.get(
        URL.format(code="enterprises"), {"towns": ["altena", "idrija"], "mode": "per_1000"}
    ).json()
    assert per_1000["unit"] == "per_1000"
    assert [line["values"] for line in per_1000["lines"]] == [[52.63], [90.36], [None]]
    assert per_1000["lines"][2]["missing"] == "population"


@time_machine.travel(TODAY)
def test_what_the_comparison_refuses(client, network):
    def status(code="population", **query):
        return client.get(URL.format(code=code), query).status_code

    assert status(towns=["stranger"]) == 422
    assert status(mode="per_1000") == 422  # the population per 1,000 inhabitants
    assert status(mode="sideways") == 422
    assert status(base=1700, mode="indexed") == 422
    assert status(page=2) == 422
    assert status(code="nothing") == 404
    assert client.get("/api/towns/atlantis/indicators/population/comparison").status_code == 404
    # Footfall is not shown on Alūksne's site: its members' only.
    assert status(code="footfall") == 403


@time_machine.travel(TODAY)
def test_a_towns_members_compare_what_the_town_does_not_show(client, network, coordinator):
    client.force_login(coordinator)
    data = client.get(URL.format(code="footfall")).json()
    assert data["periods"] == ["2024-05"] and data["lines"][0]["values"] == [1500.0]
    # Altena hides its population: Alūksne's coordinator no longer compares with it.
    altena_coordinator = network["altena"].memberships.get(role=Role.COORDINATOR).user
    services.public_indicators_choose(town=network["altena"], shown=[], by=altena_coordinator)
    data = client.get(URL.format(code="population")).json()
    assert [line["town"] for line in data["lines"]] == ["aluksne", "idrija"]
    response = client.get(URL.format(code="population"), {"towns": ["altena"]})
    assert response.status_code == 422


def test_a_towns_observations_follow_its_choice_of_public_indicators(client, network, coordinator):
    def public_indicators() -> set[str]:
        rows = client.get("/api/towns/aluksne/observations", {"page_size": 100}).json()
        return {row["indicator"] for row in rows["results"]}

    assert public_indicators() == {"population", "enterprises"}
    services.public_indicators_choose(town=network["aluksne"], shown=["footfall"], by=coordinator)
    assert public_indicators() == {"footfall"}


@time_machine.travel(TODAY)
def test_eight_towns_over_fifty_years_take_the_queries_of_two_towns_over_five(
    client, aluksne, indicators, admin_user, django_assert_max_num_queries
):
    others = more_towns(7)
    make_network(aluksne.town, *others)
    record(admin_user, population(aluksne.town, 2020, 2024, 8000, -100))
    query = {"towns": [others[0].slug], "mode": "indexed"}
    with CaptureQueriesContext(connection) as few:
        client.get(URL.format(code="population"), query)
    rows = []
    for town in [aluksne.town, *others]:
        rows += population(town, 1975, 2024, 20000, -100)
    record(admin_user, rows)
    query = {"towns": [town.slug for town in others], "mode": "indexed", "base": 2000}
    with django_assert_max_num_queries(len(few)):
        data = client.get(URL.format(code="population"), query).json()
    assert len(data["lines"]) == 8 and len(data["periods"]) == 50
    assert all(line["values"][25] == 100.0 for line in data["lines"])
