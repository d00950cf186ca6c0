"""A coordinator sets up a pop-up round on a Latvian phone; the public sees its unit on the map."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from regrow.popups.models import Round, RoundUnit
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people
from tests.premises.conftest import make_unit


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


def test_a_coordinator_creates_a_round_with_phased_rent_and_the_public_sees_it_on_the_map(
    new_page, town
):
    unit = make_unit(town.town, "ALU-7", street="Pils iela", display_address="Pils iela 7")
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    page.goto("/lv/aluksne/popup-rounds/new/")
    assert_no_axe_violations(page)
    today = town.town.today()
    page.fill("#id_titles_lv", "Pop-up ziema")
    page.fill("#id_descriptions_lv", "Tukšas telpas uz dažām nedēļām.")
    page.fill("#id_applications_open_on", f"{today:%d.%m.%Y}")
    page.fill("#id_applications_close_on", f"{today + timedelta(days=20):%d.%m.%Y}")
    page.fill("#id_programme_starts_on", f"{today + timedelta(days=30):%d.%m.%Y}")
    page.fill("#id_programme_ends_on", f"{today + timedelta(days=90):%d.%m.%Y}")
    page.fill("#id_grant_budget_eur", "5000")
    page.fill("#id_max_grant_eur", "800")
    page.locator("main form button[type=submit]").last.click()
    round_ = Round.objects.get()
    page.wait_for_url(f"**/lv/aluksne/popup-rounds/{round_.pk}/")
    assert_no_axe_violations(page)

    page.locator("#id_unit").select_option(str(unit.pk))
    page.locator("form[action$='/units/'] button[type=submit]").click()
    offer = RoundUnit.objects.get()
    page.wait_for_url(f"**/units/{offer.pk}/")
    assert_no_axe_violations(page)
    page.locator("#id_rent_basis").select_option("per_m2")
    page.fill("#id_phases-0-starts_at", "1")
    page.fill("#id_phases-0-amount_eur", "0")
    page.fill("#id_phases-1-starts_at", "4")
    page.fill("#id_phases-1-amount_eur", "1")
    page.locator("section[aria-labelledby=terms-heading] button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".messages, [role=status]").first).to_be_visible()
    assert list(offer.phases.values_list("starts_at", "amount_cents")) == [(1, 0), (4, 100)]

    page.goto(f"/lv/aluksne/popup-rounds/{round_.pk}/")
    page.locator("#id_status").select_option("open")
    page.locator("section[aria-labelledby=round-heading] button[type=submit]").click()
    page.wait_for_load_state()
    round_.refresh_from_db()
    assert round_.status == "open"

    public = new_page(viewport=PHONE, language="lv")
    public.goto(f"/lv/aluksne/popups/{round_.pk}/")
    expect(public.get_by_role("heading", name="Pop-up ziema")).to_be_visible()
    expect(public.locator("#units-map path.leaflet-interactive")).to_have_count(1)
    # The map may still be fitting its bounds when the marker first appears: a click during
    # that move can miss, so click again until the popup opens.
    for _attempt in range(5):
        public.locator("#units-map path.leaflet-interactive").click(force=True)
        if public.locator(".leaflet-popup-content").count():
            break
        public.wait_for_timeout(400)
    expect(public.locator(".leaflet-popup-content")).to_contain_text("Pils iela 7")
    assert_no_axe_violations(public)
