"""A coordinator on a Latvian phone downloads a unit's owner agreement as DOCX in English and
edits the town's template, which is then used."""

import io
from datetime import date

import docx
import pytest
from playwright.sync_api import expect

from regrow.popups import services
from regrow.popups.models import AgreementTemplate
from regrow.premises.models import Owner
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people
from tests.popups.conftest import round_values
from tests.premises.conftest import make_unit


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


def downloaded_text(download) -> str:
    with open(download.path(), "rb") as file:
        document = docx.Document(io.BytesIO(file.read()))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_a_coordinator_downloads_the_agreement_and_edits_its_template(new_page, town):
    coordinator = town.people[Role.COORDINATOR]
    round_ = services.round_save(town=town.town, by=coordinator, **round_values(town.town))
    unit = make_unit(town.town, "ALU-3", display_address="Pils iela 3")
    offer = services.round_unit_add(round_=round_, unit=unit, by=coordinator)
    owner = Owner.objects.create(town=town.town, name="Ilze Bērziņa")
    services.agreement_save(
        offer=offer,
        by=coordinator,
        owner=owner,
        intermediary_name="Alūksnes novada pašvaldība",
        intermediary_address="Dārza iela 11, Alūksne",
        starts_on=date(2027, 1, 11),
        ends_on=date(2027, 3, 31),
        rent_cents_per_month=5_000,
        status="signed",
    )
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, coordinator.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    page.goto(f"/lv/aluksne/popup-rounds/{round_.pk}/units/{offer.pk}/")
    assert_no_axe_violations(page)
    page.locator("#agreement-language").select_option("en")
    with page.expect_download() as download:
        page.locator(".download-agreement button").nth(1).click()  # DOCX
    assert download.value.suggested_filename == ("aluksne-agreement-pils-iela-3-2027-01-11.docx")
    english = downloaded_text(download.value)
    assert "Lease of premises for pop-up shops" in english and "Ilze Bērziņa" in english

    page.locator(".download-agreement ~ p a").click()
    page.wait_for_url("**/popup-agreement-template/lv/")
    assert_no_axe_violations(page)
    page.fill("#id_title", "Līgums par {unit_address}")
    page.fill("#id_body", "Īpašniece {owner_name}; konts {owner_iban}.")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("#id_body")).to_have_value("Īpašniece {owner_name}; konts {owner_iban}.")
    expect(page.locator("main")).to_contain_text("{owner_iban}")
    assert_no_axe_violations(page)
    assert not AgreementTemplate.objects.exists()
    page.fill("#id_body", "Īpašniece {owner_name}.")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator(".messages, [role=status]").first).to_be_visible()
    assert AgreementTemplate.objects.get().title == "Līgums par {unit_address}"

    page.goto(f"/lv/aluksne/popup-rounds/{round_.pk}/units/{offer.pk}/")
    with page.expect_download() as download:
        page.locator(".download-agreement button").first.click()  # PDF, in Latvian
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"
    with page.expect_download() as download:
        page.locator(".download-agreement button").nth(1).click()
    latvian = downloaded_text(download.value)
    assert "Līgums par Pils iela 3" in latvian and "Īpašniece Ilze Bērziņa." in latvian
