"""A coordinator on a Latvian phone approves a grant for a pop-up on the round's money page, and
is refused one above what is left of the grant budget, with what they typed kept."""

from datetime import date

import pytest
from playwright.sync_api import expect

from regrow.popups.models import Grant
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people
from tests.popups.test_money_services import allocated, make_offer, make_popup, make_round


@pytest.fixture
def money_round(transactional_db):
    """A grant budget of €1 000, at most €800 a pop-up; two pop-ups in a unit with a head lease."""
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    coordinator = town.people[Role.COORDINATOR]
    round_ = make_round(town.town, coordinator, grant_budget_cents=100_000, max_grant_cents=80_000)
    offer = make_offer(
        round_, coordinator, "ALU-1", "Pils iela 3",
        head_lease=(date(2027, 2, 1), date(2027, 3, 31), 28_000, 2_000),
    )  # fmt: skip
    first = make_popup(offer, "Medus māja", date(2027, 2, 1), date(2027, 2, 14))
    second = make_popup(offer, "Koka lietas", date(2027, 2, 15), date(2027, 3, 31))
    return allocated(round_), coordinator, first, second


def approve_in_page(page, sublease, amount: str, purpose: str, description: str) -> None:
    card = page.locator(f"#popup-{sublease.pk}")
    card.locator("details > summary", has_text=sublease.application.business_name).click()
    prefix = f"#id_grant-{sublease.pk}"
    page.fill(f"{prefix}-amount", amount)
    page.select_option(f"{prefix}-purpose", purpose)
    page.fill(f"{prefix}-description", description)
    card.locator("form[action*='/grants/'] button[type=submit]").click()
    page.wait_for_load_state()


def test_a_coordinator_approves_a_grant_and_is_refused_one_above_what_is_left(
    new_page, money_round
):
    round_, coordinator, first, second = money_round
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, coordinator.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    page.goto(f"/lv/aluksne/popup-rounds/{round_.pk}/money/")
    expect(page.locator("#budget-left")).to_have_text("1 000,00 €")
    expect(page.locator("#round-gap")).to_contain_text("€")
    assert_no_axe_violations(page)

    approve_in_page(page, first, "600", "fitting_out", "Plaukti un apgaismojums")
    expect(page.locator("#budget-left")).to_have_text("400,00 €")
    expect(page.locator(f"#popup-{first.pk}")).to_contain_text("600,00 €")
    assert_no_axe_violations(page)

    # €500 more is above the €400 left: refused, the form open with the amount and text kept.
    approve_in_page(page, second, "500", "equipment", "Kases aparāts un plaukti")
    form = page.locator(f"#popup-{second.pk} form[action*='/grants/']")
    expect(form).to_be_visible()
    expect(form.locator(".errorlist")).to_contain_text("400,00 €")
    expect(page.locator(f"#id_grant-{second.pk}-amount")).to_have_value("500")
    expect(page.locator(f"#id_grant-{second.pk}-purpose")).to_have_value("equipment")
    expect(page.locator(f"#id_grant-{second.pk}-description")).to_have_value(
        "Kases aparāts un plaukti"
    )
    assert_no_axe_violations(page)
    assert list(Grant.objects.values_list("sublease_id", "amount_cents")) == [(first.pk, 60_000)]

    # What is left fits.
    page.fill(f"#id_grant-{second.pk}-amount", "400")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#budget-left")).to_have_text("0,00 €")
    assert Grant.objects.count() == 2


def test_a_coordinator_creates_a_fund_and_lets_it_pay_for_the_round(new_page, money_round):
    round_, coordinator, _first, _second = money_round
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, coordinator.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    page.goto("/lv/aluksne/popup-funds/")
    assert_no_axe_violations(page)
    page.fill("#id_name", "Centra atdzīvināšanas programma")
    page.select_option("#id_kind", "grant_programme")
    page.fill("#id_total", "5000")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Centra atdzīvināšanas programma")
    expect(page.locator("#fund-left")).to_contain_text("5 000,00 €")
    assert_no_axe_violations(page)

    page.goto(f"/lv/aluksne/popup-rounds/{round_.pk}/money/")
    page.select_option("#id_fund", label="Centra atdzīvināšanas programma")
    page.locator("form[action$='/money/fund/'] button").click()
    page.wait_for_load_state()
    # The round's rent gap of €360 is drawn from the fund.
    expect(page.locator("#fund-left")).to_contain_text("4 640,00 €")
    assert_no_axe_violations(page)
    round_.refresh_from_db()
    assert round_.fund.name == "Centra atdzīvināšanas programma"
