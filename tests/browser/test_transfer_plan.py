"""A partner coordinator on a Latvian phone starts the town's Transfer Plan, writes a section in
the rich-text editor, adds an action (refused once, due before it starts, with what was typed
kept), sends the plan to peer review, later makes it final, edits it again (which starts
version 2) and compares the two versions. axe finds nothing on any page."""

from playwright.sync_api import expect

from regrow.network.models import PlanAction, PlanSection, PlanVersion, TransferPlan
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.browser.test_editor import rich_text
from tests.fixtures import PASSWORD, TOTP_SECRET
from tests.network.plans_data import make_plan_network


def assert_fits_the_phone(page) -> None:
    """Nothing widens the page past the phone's 390 px (wide tables scroll in their box)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_coordinator_writes_submits_and_compares_a_transfer_plan(new_page, transactional_db):
    network = make_plan_network()
    author = network.people["aluksne_author"]
    partner = network.partners["aluksne"]
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, author.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    # The network's plans: Alūksne's is not started yet.
    page.goto("/lv/regrow-city/plans/")
    assert_no_axe_violations(page)
    page.locator(f"a[href='/lv/regrow-city/plans/start/{partner.pk}/']").click()
    page.fill("#id_title", "Alūksnes pārneses plāns")
    page.locator("#id_language").select_option("lv")
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/lv/regrow-city/plans/*/")
    plan = TransferPlan.objects.get()
    base = f"/lv/regrow-city/plans/{plan.pk}/"
    expect(page.locator("h1")).to_have_text("Alūksnes pārneses plāns")
    assert_no_axe_violations(page)

    # A section, in the editor.
    page.locator(f"a[href='{base}sections/starting_point/']").click()
    editor = rich_text(page, "Teksts")
    editor.click()
    page.keyboard.type("Alūksnē ir deviņas tukšas telpas pilsētas centrā.")
    assert_no_axe_violations(page)
    page.locator("main form.entry-form button[type=submit]").click()
    page.wait_for_url(f"**{base}#section-starting_point")
    expect(page.locator("#section-starting_point")).to_contain_text("deviņas tukšas telpas")
    section = PlanSection.objects.get(plan_version__plan=plan, key="starting_point")
    assert "deviņas tukšas telpas" in section.body

    # An action: due before it starts is refused, and nothing typed is lost.
    page.locator(f"nav a[href='{base}actions/']").click()
    page.fill("#id_title", "Aicinājums īpašniekiem piedāvāt tukšās telpas")
    page.fill("#id_owner", "Attīstības nodaļa")
    page.fill("#id_starts_on", "01.07.2019")
    page.fill("#id_due_on", "30.06.2019")
    page.fill("#id_budget", "1 250,50")
    page.locator("#id_funding_source").select_option("town_budget")
    page.locator("#add form button[type=submit]").click()
    expect(page.locator("#id_due_on_error")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Aicinājums īpašniekiem piedāvāt tukšās telpas")
    expect(page.locator("#id_budget")).to_have_value("1 250,50")
    assert_no_axe_violations(page)
    page.fill("#id_due_on", "31.07.2019")
    page.locator("#add form button[type=submit]").click()
    expect(page.locator("main table")).to_contain_text("Aicinājums īpašniekiem")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    action = PlanAction.objects.get(plan=plan)
    assert (action.budget_cents, action.funding_source) == (125_050, "town_budget")

    # To peer review: the version keeps its action.
    page.locator(f"nav a[href='{base}']").click()
    page.locator(f"form[action='{base}versions/1/submit/'] button").click()
    page.wait_for_load_state()
    expect(page.locator(f"form[action='{base}versions/1/finalise/']")).to_be_visible()
    assert_no_axe_violations(page)
    version = plan.versions.get()
    assert version.status == PlanVersion.Status.IN_REVIEW
    assert version.snapshot["actions"][0]["budget_cents"] == 125_050
    assert_fits_the_phone(page)

    # Later: made final, then edited again, which starts version 2.
    page.locator(f"form[action='{base}versions/1/finalise/'] button").click()
    page.wait_for_load_state()
    expect(page.locator(f"form[action='{base}new-version/']")).to_be_visible()
    page.locator(f"a[href='{base}sections/starting_point/']").click()
    editor = rich_text(page, "Teksts")
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" Īpašnieki dzīvo citur.")
    page.locator("main form.entry-form button[type=submit]").click()
    page.wait_for_url(f"**{base}#section-starting_point")
    assert plan.versions.count() == 2
    assert plan.versions.get(number=1).status == PlanVersion.Status.FINAL

    # The two versions side by side: the added words in <ins>.
    page.locator(f"nav a[href='{base}compare/']").click()
    page.wait_for_url(f"**{base}compare/")
    expect(page.locator("#id_old")).to_have_value("1")
    expect(page.locator("#id_new")).to_have_value("2")
    expect(page.locator("main ins").first).to_contain_text("Īpašnieki dzīvo citur")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
