"""Anyone sees the indicators a town chooses to show, in its Indicators section, with the
source of each figure; cached for anonymous readers and renewed when values or the choice
change. Coordinators choose; an indicator the town does not show stays its members'."""

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.indicators import services
from regrow.indicators.models import TownChoice
from regrow.indicators.selectors_pages import has_public_indicators
from regrow.towns.models import Role
from tests.indicators.pages_data import make_network, population, record

SECTION = "/{language}/aluksne/indicators/"
CHOICE = "/en/aluksne/indicators/shown/"
TODAY = date(2025, 3, 1)


@pytest.fixture
def shown(aluksne, indicators, admin_user):
    town = aluksne.town
    rows = population(town, 2015, 2024, 8000, -50)
    rows += [(town, "footfall", f"2024-{month:02d}", 1200 + month) for month in range(1, 13)]
    record(admin_user, rows, source="CSB")
    return town


def section_cards(html: str) -> list[str]:
    return [part.split('"', 1)[0] for part in html.split('aria-labelledby="indicator-')[1:]]


@time_machine.travel(TODAY)
def test_anyone_sees_the_indicators_the_town_shows_with_their_source(client, shown):
    response = client.get(SECTION.format(language="en"))
    assert response.status_code == 200
    html = response.content.decode()
    # Footfall is not public by default; the others without values are left out.
    assert section_cards(html) == ["population"]
    assert '<p class="figure">7,550</p>' in html and "Source: CSB" in html
    assert "members only" not in html
    latvian = client.get(SECTION.format(language="lv")).content.decode()
    assert "Iedzīvotāju skaits" in latvian and "7\xa0550" in latvian
    # The section is in the town's navigation once it has something to show.
    nav = html[html.index('<nav class="main-nav') :]
    assert 'href="/en/aluksne/indicators/"' in nav[: nav.index("</nav>")]


def test_the_section_leaves_the_navigation_while_it_has_nothing_to_show(
    client, aluksne, indicators, admin_user, coordinator, django_assert_max_num_queries
):
    town = aluksne.town
    with django_assert_max_num_queries(1):
        assert not has_public_indicators(town)
    record(admin_user, [(town, "footfall", "2024-01", 1000)])
    assert not has_public_indicators(town)  # footfall is not shown by default
    services.public_indicators_choose(town=town, shown=["footfall"], by=coordinator)
    with django_assert_max_num_queries(1):
        assert has_public_indicators(town)
    services.public_indicators_choose(town=town, shown=[], by=coordinator)
    assert not has_public_indicators(town)


@time_machine.travel(TODAY)
def test_a_coordinators_choice_changes_the_cached_section(
    client, shown, coordinator, django_capture_on_commit_callbacks
):
    url = SECTION.format(language="en")
    assert section_cards(client.get(url).content.decode()) == ["population"]
    with CaptureQueriesContext(connection) as queries:
        assert section_cards(client.get(url).content.decode()) == ["population"]
    assert len(queries) == 0  # served from the page cache
    editor_client = client.__class__()
    editor_client.force_login(shown.memberships.get(role=Role.EDITOR).user)
    assert editor_client.get(CHOICE).status_code == 403
    coordinator_client = client.__class__()
    coordinator_client.force_login(coordinator)
    page = coordinator_client.get(CHOICE).content.decode()
    assert 'value="population" id="id_shown_0" checked' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(CHOICE, {"shown": ["footfall"]})
    assert response.status_code == 302
    assert dict(TownChoice.objects.filter(town=shown).values_list("indicator__code", "public")) == {
        "population": False,
        "population_15_29": False,
        "net_migration": False,
        "registered_unemployment": False,
        "enterprises": False,
        "vacancy_rate": False,
        "footfall": True,
        "popup_conversion_rate": False,
    }
    html = client.get(url).content.decode()
    assert section_cards(html) == ["footfall"]
    assert "Dec 2024" in html  # a monthly series names its months
    # The indicator it no longer shows is its members' again.
    assert client.get("/en/aluksne/indicators/population/").status_code == 302


@time_machine.travel(TODAY)
def test_an_import_renews_the_cached_section(
    client, shown, admin_user, django_capture_on_commit_callbacks
):
    url = SECTION.format(language="en")
    assert "7,550" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        record(admin_user, [(shown, "population", "2025", 7400)])
    html = client.get(url).content.decode()
    assert '<p class="figure">7,400</p>' in html


@time_machine.travel(TODAY)
def test_an_import_renews_the_partners_comparisons_too(
    client, shown, altena, admin_user, django_capture_on_commit_callbacks
):
    make_network(shown, altena.town)
    record(admin_user, population(altena.town, 2015, 2024, 18000, -50))
    url = "/en/altena/indicators/population/"
    # Alūksne's 2024 beside Altena's in Altena's comparison table.
    assert "<td>17,550</td><td>7,550</td>" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        record(admin_user, [(shown, "population", "2024", 7000)])
    assert "<td>17,550</td><td>7,000</td>" in client.get(url).content.decode()


def test_the_choice_is_the_coordinators_and_names_unknown_indicators(
    aluksne, indicators, coordinator
):
    town = aluksne.town
    with pytest.raises(PermissionDenied):
        services.public_indicators_choose(
            town=town, shown=["population"], by=aluksne.people[Role.EDITOR]
        )
    with pytest.raises(ValidationError) as error:
        services.public_indicators_choose(town=town, shown=["population", "nope"], by=coordinator)
    assert "nope" in str(error.value)
    assert not TownChoice.objects.exists()


@time_machine.travel(TODAY)
def test_the_section_takes_as_many_queries_for_ten_years_as_for_fifty(
    client, aluksne, indicators, admin_user, django_assert_max_num_queries
):
    town = aluksne.town
    url = SECTION.format(language="en")
    record(admin_user, population(town, 2015, 2024, 8000, -50))
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    codes = ["population", "population_15_29", "net_migration", "enterprises"]
    years = range(1975, 2025)
    record(admin_user, [(town, code, str(year), 100 + year) for code in codes for year in years])
    cache.clear()
    with django_assert_max_num_queries(len(few)):
        html = client.get(url).content.decode()
    assert section_cards(html) == codes
