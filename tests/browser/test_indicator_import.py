"""A coordinator imports indicators on a phone, in Latvian and in English: a file with problems
is refused naming each, a clean PxWeb dataset shows what will be added and what will change
(old → new), and confirming writes it; no axe violations, nothing wider than the phone."""

import json
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from regrow.indicators import services
from regrow.indicators.models import Observation
from regrow.indicators.standard import ensure_standard_indicators
from regrow.towns.models import Role, Town
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people
from tests.indicators.samples import jsonstat


@pytest.fixture
def town(transactional_db):
    made = make_town_with_people("aluksne", "Alūksne", "LV")
    Town.objects.filter(pk=made.town.pk).update(national_code="0360201")
    made.town.refresh_from_db()
    ensure_standard_indicators()
    return made


def coordinator_page(new_page, town, language):
    page = new_page(viewport=PHONE, language=language)
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language=language)
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**/{language}/dashboard/")
    return page


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_latvian_coordinator_sees_each_problem_of_a_file(new_page, town):
    page = coordinator_page(new_page, town, "lv")
    page.goto("/lv/aluksne/indicators/import/")
    fits_the_phone(page)
    assert_no_axe_violations(page)
    bad = (
        "pilsēta;rādītājs;periods;vērtība\naluksne;population;2019-Q5;7400\naluksne;nav;2021;1,5\n"
    )
    page.set_input_files(
        "#id_file",
        files=[{"name": "slikts.csv", "mimeType": "text/csv", "buffer": bad.encode("cp1257")}],
    )
    page.get_by_role("button", name="Pārbaudīt failu").click()
    expect(page.get_by_role("heading", name="Nekas netika importēts")).to_be_visible()
    rows = page.locator("table.import-errors tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("2019-Q5")
    fits_the_phone(page)
    assert_no_axe_violations(page)
    assert not Observation.objects.exists()


def test_an_english_coordinator_imports_a_pxweb_dataset_with_a_preview(new_page, town):
    coordinator = town.people[Role.COORDINATOR]
    services.observation_record(
        town=town.town,
        indicator=ensure_standard_indicators()[0],
        period="2021",
        value="7000",
        by=coordinator,
    )
    page = coordinator_page(new_page, town, "en")
    page.goto("/en/aluksne/indicators/import/")
    assert_no_axe_violations(page)
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "pxweb.json",
                "mimeType": "application/json",
                "buffer": json.dumps(jsonstat()).encode(),
            }
        ],
    )
    page.get_by_label("Indicator").select_option("population")
    page.get_by_label("Leave out the regions that are not this town").check()
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("Every value of pxweb.json is valid: 5 values read.")).to_be_visible()
    expect(page.locator(".import-summary")).to_contain_text("New values: 1")
    expect(page.locator(".import-summary")).to_contain_text("Values that will change: 1")
    change = page.locator("table.value-changes tbody tr").first
    expect(change).to_contain_text("7,000")
    expect(change).to_contain_text("7,400")
    expect(page.locator(".left-out-regions")).to_contain_text("Rīga")
    fits_the_phone(page)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Import the values").click()
    expect(page.get_by_text("New values: 1; changed: 1; unchanged: 0.")).to_be_visible()
    assert dict(Observation.objects.values_list("period", "value")) == {
        "2021": Decimal("7400.0000"),
        "2022": Decimal("7310.0000"),
    }
    expect(page.get_by_role("cell", name="pxweb.json")).to_be_visible()
    fits_the_phone(page)
    assert_no_axe_violations(page)
