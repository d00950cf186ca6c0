"""A coordinator on a Latvian phone publishes an open round's call in one click and finds it in
Latvian and English (zero axe violations)."""

import pytest
from playwright.sync_api import expect

from regrow.popups import services
from regrow.popups.choices import RoundStatus
from regrow.publishing.models import Entry
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


@pytest.fixture
def open_round(town):
    coordinator = town.people[Role.COORDINATOR]
    round_ = services.round_save(town=town.town, by=coordinator, **round_values(town.town))
    services.round_unit_add(round_=round_, unit=make_unit(town.town, "ALU-1"), by=coordinator)
    round_.refresh_from_db()
    return services.round_save(
        town=town.town, by=coordinator, round_=round_, version=round_.version,
        status=RoundStatus.OPEN,
    )  # fmt: skip


def test_a_coordinator_publishes_the_call_in_both_languages_in_one_click_on_a_latvian_phone(
    new_page, town, open_round
):
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    page.goto(f"/lv/aluksne/popup-rounds/{open_round.pk}/")
    announce = page.locator("section[aria-labelledby=publish-call-heading]")
    expect(announce.locator("button[name=language]")).to_have_count(2)
    assert_no_axe_violations(page)
    announce.locator("button[name=publish][value=now]").click()

    latvian = Entry.objects.get(language="lv")
    page.wait_for_url(f"**{latvian.get_absolute_url()}")
    english = Entry.objects.get(language="en")
    assert latvian.translation_group == english.translation_group
    assert latvian.is_published() and english.is_published()
    expect(page.locator("main h1")).to_have_text(
        "Aicinājums pieteikties pop-up veikaliem: Pop-up pavasaris"
    )
    # The message names both languages (in Latvian once the catalogue has it).
    expect(page.locator(".messages")).to_contain_text("latviešu, angļu")
    assert_no_axe_violations(page)

    # The English version is one link away, in the menu's language switch.
    page.locator("details.site-menu summary").click()
    page.locator(".site-menu").get_by_role("link", name="English").click()
    page.wait_for_url(f"**{english.get_absolute_url()}")
    expect(page.locator("main h1")).to_have_text("Call for pop-up shops: Pop-up spring")
    assert_no_axe_violations(page)

    # A second click publishes nothing more: it shows the call there is.
    page.goto(f"/lv/aluksne/popup-rounds/{open_round.pk}/")
    page.locator("button[name=publish][value=now]").click()
    page.wait_for_url(f"**{latvian.get_absolute_url()}")
    assert Entry.objects.count() == 2
