"""A Latvian coordinator on a 390 px phone: the town's dashboard of indicators, then one
indicator with its comparison with the network's towns, switched to an index with 2000 = 100;
the address keeps that view, and the CSV downloaded is the same data. No axe violations,
nothing wider than the phone."""

import re

import pytest
from playwright.sync_api import expect

from regrow.indicators import services
from regrow.indicators.standard import ensure_standard_indicators
from regrow.network.models import Network, Partner
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town, make_town_with_people, make_user


@pytest.fixture
def network(transactional_db):
    """Alūksne (a coordinator) in a network with Altena and Idrija, populations since 2000, 1975
    and 1995."""
    aluksne = make_town_with_people("aluksne", "Alūksne", "LV")
    altena = make_town("altena", "Altena", "DE", languages=["de", "en"])
    idrija = make_town("idrija", "Idrija", "SI", languages=["sl", "en"])
    network = Network.objects.create(slug="regrow-city", names={"en": "Re-grow City"})
    for town in (aluksne.town, altena, idrija):
        Partner.objects.create(network=network, town=town)
    ensure_standard_indicators()
    series = {
        "aluksne": (2000, 9000, -60),
        "altena": (1975, 32000, -300),
        "idrija": (1995, 6000, 10),
    }
    rows = ["town,indicator,period,value,flags,source"]
    for slug, (first, start, step) in series.items():
        rows += [
            f"{slug},population,{year},{start + step * (year - first)},,{slug.upper()}"
            for year in range(first, 2025)
        ]
    services.observations_import(
        data=("\n".join(rows) + "\n").encode(),
        filename="iedzivotaji.csv",
        options=services.ImportOptions(file_format="csv"),
        by=make_user("root@example.org", is_superuser=True, is_staff=True),
    )
    return aluksne


def coordinator_page(new_page, town):
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    return page


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_latvian_coordinator_compares_an_indicator_indexed_to_2000(new_page, network, tmp_path):
    page = coordinator_page(new_page, network)
    page.goto("/lv/aluksne/indicators/dashboard/")
    expect(page.locator("h1")).to_contain_text("Alūksne")
    population = page.locator("article[aria-labelledby='indicator-population']")
    expect(population.locator(".figure")).to_have_text("7\xa0560")
    title = population.locator("svg[role=img] > title")
    expect(title).to_contain_text("Iedzīvotāju skaits")
    expect(title).to_contain_text("Alūksne")
    fits_the_phone(page)
    assert_no_axe_violations(page)

    population.get_by_role("link", name="Iedzīvotāju skaits").click()
    page.wait_for_url("**/lv/aluksne/indicators/population/")
    expect(page.locator("#town-values tbody tr")).to_have_count(25)
    towns = page.locator("#comparison-values thead th")
    expect(towns).to_have_text([re.compile("."), "Alūksne", "Altena", "Idrija"])
    fits_the_phone(page)
    assert_no_axe_violations(page)

    page.locator("input[name=mode][value=indexed]").check()
    page.locator("select[name=base]").select_option("2000")
    page.locator("form.comparison-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"mode=indexed&base=2000"))
    assert "towns=altena" in page.url and "towns=idrija" in page.url
    downloads = page.locator("#comparison-downloads a[href*='data.csv']")
    expect(downloads).to_have_attribute(
        "href", re.compile(r"towns=altena&towns=idrija&mode=indexed&base=2000$")
    )
    year_2000 = page.locator("#comparison-values tbody tr", has=page.locator("th", has_text="2000"))
    expect(year_2000.locator("td")).to_have_text(["100", "100", "100"])
    expect(page.locator("#comparison-title")).to_contain_text("(2000 = 100)")
    fits_the_phone(page)
    assert_no_axe_violations(page)

    # The address alone shows the same view, to anyone (the population is public).
    shared = new_page(viewport=PHONE, language="lv")
    shared.goto(page.url)
    expect(shared.locator("input[name=mode][value=indexed]")).to_be_checked()
    expect(shared.locator("select[name=base]")).to_have_value("2000")
    expect(shared.locator("#comparison-title")).to_contain_text("(2000 = 100)")
    assert_no_axe_violations(shared)

    with page.expect_download() as downloaded:
        page.locator("#comparison-downloads a[href*='data.csv']").click()
    path = tmp_path / "comparison.csv"
    downloaded.value.save_as(path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert "2000 = 100" in lines[0]
    assert "Altena,Iedzīvotāju skaits,2000,100,24500,,ALTENA" in lines
    assert "Alūksne,Iedzīvotāju skaits,2024,84,7560,,ALUKSNE" in lines
    assert len(lines) == 1 + 25 + 50 + 30
