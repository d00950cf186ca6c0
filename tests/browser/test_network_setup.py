"""On a Latvian phone: the network's lead finds the network from the dashboard, adds a phase
and a milestone (a month 0 refused first); a partner coordinator adds a member of the town's
local stakeholder group and sees the power/interest grid. No axe violation on any page."""

from datetime import date

from playwright.sync_api import expect

from regrow.network.models import Milestone, Phase, Stakeholder
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD, make_town_with_people
from tests.network.setup_data import add_structure, make_network


def assert_fits_the_phone(page) -> None:
    """Nothing wider than the phone: wide tables scroll in their own box."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_a_lead_sets_up_phases_and_milestones_and_a_partner_adds_a_stakeholder(
    new_page, transactional_db
):
    world = make_network(
        make_town_with_people("aluksne", "Alūksne", "LV"),
        make_town_with_people("altena", "Altena", "DE"),
    )
    add_structure(world)
    lead = world.people["lead"]

    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, lead.email, PASSWORD, language="lv", two_factor=True)
    page.wait_for_url("**/lv/dashboard/")
    page.locator("a[href='/lv/dashboard/networks/']").click()
    page.wait_for_url("**/lv/dashboard/networks/")
    assert_no_axe_violations(page)
    page.locator("main h2 a[href='/lv/regrow-city/members/']").click()
    page.wait_for_url("**/lv/regrow-city/members/")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)

    page.locator("a[href='/lv/regrow-city/members/setup/phases/']").first.click()
    page.wait_for_url("**/members/setup/phases/")
    page.locator("#id_kind").select_option(Phase.Kind.TRANSFER_SHARING)
    page.fill("#id_starts_on", "01.07.2020")
    page.fill("#id_ends_on", "31.12.2020")
    page.fill("#id_names_lv", "Pieredzes nodošana")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/members/setup/phases/")
    expect(page.locator("main .unit-list")).to_contain_text("Pieredzes nodošana")
    assert_no_axe_violations(page)
    phase = Phase.objects.get(kind=Phase.Kind.TRANSFER_SHARING)
    assert (phase.starts_on, phase.ends_on) == (date(2020, 7, 1), date(2020, 12, 31))

    page.locator("a[href='/lv/regrow-city/members/setup/milestones/']").first.click()
    page.wait_for_url("**/members/setup/milestones/")
    page.fill("#id_titles_en", "End of the network")
    page.fill("#id_titles_lv", "Tīkla noslēgums")
    page.fill("#id_month", "0")
    page.fill("#id_due_on", "30.06.2021")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#id_month_error")).to_be_visible()
    expect(page.locator("#id_titles_lv")).to_have_value("Tīkla noslēgums")  # kept as typed
    assert_no_axe_violations(page)
    page.fill("#id_month", "24")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/members/setup/milestones/")
    expect(page.locator("main table")).to_contain_text("Tīkla noslēgums")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    assert Milestone.objects.get(month=24).due_on == date(2021, 6, 30)

    # Alūksne's partner coordinator adds a member of the local stakeholder group.
    coordinator = world.people["coordinator_a"]
    partner = world.partners["aluksne"]
    other = new_page(viewport=PHONE, language="lv")
    sign_in(other, coordinator.email, PASSWORD, language="lv", two_factor=True)
    other.goto("/lv/regrow-city/members/")
    other.locator(f"a[href='/lv/regrow-city/members/partners/{partner.pk}/stakeholders/']").click()
    other.wait_for_url("**/stakeholders/")
    assert_no_axe_violations(other)
    other.locator("#id_kind").select_option(Stakeholder.Kind.ORGANISATION)
    other.fill("#id_name", "Alūksnes uzņēmēju biedrība")
    other.locator("#id_sector").select_option(Stakeholder.Sector.PRIVATE)
    other.fill("#id_power", "4")
    other.fill("#id_interest", "5")
    other.fill("#id_role_in_plan", "Atrod tirgotājus pop-up telpām")
    other.fill("#id_email", "biedriba@example.org")
    other.locator("main form button[type=submit]").last.click()
    other.wait_for_url("**/stakeholders/")
    expect(other.locator("main table").first).to_contain_text("Alūksnes uzņēmēju biedrība")
    expect(other.locator("main table").first).to_contain_text("biedriba@example.org")
    expect(other.locator("svg[role=img]")).to_be_visible()
    assert_no_axe_violations(other)
    assert_fits_the_phone(other)
    assert Stakeholder.objects.get().partner == partner
