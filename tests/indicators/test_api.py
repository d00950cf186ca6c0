"""Indicators over JSON: their definitions for anyone, and a town's observations a page at a
time (public indicators for anyone, every one for the town's members)."""

from regrow.indicators import services
from regrow.indicators.models import Indicator
from regrow.towns.models import Role
from tests.indicators.conftest import long_csv


def test_anyone_reads_the_indicators_with_how_derived_ones_are_computed(client, indicators):
    response = client.get("/api/indicators", HTTP_ACCEPT_LANGUAGE="lv")
    assert response.status_code == 200
    by_code = {item["code"]: item for item in response.json()}
    assert list(by_code)[:2] == ["population", "population_15_29"]
    population = by_code["population"]
    assert population["name"] == "Iedzīvotāju skaits"
    assert population["names"]["en"] == "Population"
    assert (population["unit"], population["higher_is_better"], population["min_value"]) == (
        "persons", True, 0.0
    )  # fmt: skip
    vacancy = by_code["vacancy_rate"]
    assert vacancy["derived"] and vacancy["max_value"] == 100.0
    assert (
        vacancy["documentation"] == "docs/vacancy.md"
        and "izmantojamās telpas" in vacancy["explanation"]  # asked for in Latvian
    )
    assert by_code["net_migration"]["min_value"] is None


def test_a_towns_observations_a_page_at_a_time(
    client,
    coded_towns,
    indicators,
    admin_user,
    django_assert_max_num_queries,
):
    rows = [f"aluksne,population,{year},{7000 + year},," for year in range(1990, 2020)]
    rows.append("aluksne,footfall,2024-03,1500,p,Counts")
    services.observations_import(
        data=long_csv(*rows),
        filename="v.csv",
        options=services.ImportOptions(),
        by=admin_user,
    )
    # One of them reads the town's choice of the indicators it shows.
    with django_assert_max_num_queries(5):
        response = client.get("/api/towns/aluksne/observations", {"page_size": 10})
    data = response.json()
    # Footfall is not public by default: anyone sees the 30 population values only.
    assert data["count"] == 30 and "page=2" in data["next"] and data["previous"] is None
    assert data["results"][0] == {
        "indicator": "population",
        "period": "1990",
        "period_start": "1990-01-01",
        "granularity": "year",
        "value": 8990.0,
        "flags": "",
        "source": "v.csv",
    }
    aluksne, _altena = coded_towns
    client.force_login(aluksne.people[Role.EDITOR])
    response = client.get("/api/towns/aluksne/observations", {"indicator": "footfall"})
    assert [item["value"] for item in response.json()["results"]] == [1500.0]
    assert client.get("/api/towns/aluksne/observations", {"indicator": "nope"}).status_code == 422
    assert client.get("/api/towns/aluksne/observations", {"colour": "red"}).status_code == 422
    assert client.get("/api/towns/nowhere/observations").status_code == 404
    assert Indicator.objects.count() == 8
