"""Nothing is deleted without a way back, on a Latvian phone: the lead takes a site visit stop
off the route after the question (which says it can be put back), finds it with its notes among
the removed stops, is told why it cannot come back while its unit is on the route again, and
puts it back once that stop is gone; Alūksne's coordinator removes a three-month goal and puts
it back from the removed goals. axe finds nothing on any page, and nothing is wider than the
phone."""

from playwright.sync_api import expect

from regrow.network.models import Goal, SiteVisitStop
from regrow.network.services import site_visits
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people
from tests.network.goals_data import make_goals_world, set_goal
from tests.network.meeting_records_data import make_records_world


def checked(page) -> None:
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_a_stop_taken_off_the_route_is_put_back(new_page, transactional_db):
    records = make_records_world(
        make_town_with_people("aluksne", "Alūksne", "LV"),
        make_town_with_people("altena", "Altena", "DE"),
    )
    lead = records.people["lead"]
    unit = records.units[0]
    stop = site_visits.stop_add(meeting=records.meeting, unit=unit, by=lead)
    site_visits.stop_add(meeting=records.meeting, unit=records.units[1], by=lead)
    SiteVisitStop.objects.filter(pk=stop.pk).update(notes="Liels skatlogs uz ielu.")
    base = records.url(language="lv")
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, lead.email, PASSWORD, language="lv", two_factor=True)
    page.wait_for_url("**/lv/dashboard/")

    page.goto(base + "site-visit/")
    page.locator(f"a[href='{base}site-visit/{stop.pk}/remove/']").click()
    expect(page.locator("main")).to_contain_text("Liels skatlogs uz ielu.")
    checked(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/site-visit/#route-heading")
    expect(page.locator(f"#stop-{stop.pk}")).to_have_count(0)
    page.locator(f"a[href='{base}site-visit/removed/']").click()
    expect(page.locator(f"#stop-{stop.pk}")).to_contain_text("Liels skatlogs uz ielu.")
    checked(page)

    # Meanwhile the unit is added to the route again: this stop cannot come back.
    again = site_visits.stop_add(meeting=records.meeting, unit=unit, by=lead)
    page.locator(f"#stop-{stop.pk} form button[type=submit]").click()
    page.wait_for_url("**/site-visit/removed/#stops-heading")
    expect(page.locator("main")).to_contain_text(unit.display_address)
    checked(page)
    assert SiteVisitStop.objects.get(pk=stop.pk).removed_at is not None

    # Once the new stop is off the route, the old one comes back with its notes.
    again.meeting = records.meeting
    site_visits.stop_remove(stop=again, version=again.version, by=lead)
    page.reload()
    page.locator(f"#stop-{stop.pk} form button[type=submit]").click()
    page.wait_for_url(f"**/site-visit/#stop-{stop.pk}")
    expect(page.locator(f"#stop-{stop.pk}")).to_contain_text("Liels skatlogs uz ielu.")
    checked(page)


def test_a_removed_goal_is_put_back(new_page, transactional_db):
    world = make_goals_world()
    goal = set_goal(world, title="Tukšo telpu karte")
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, world.people["aluksne_author"].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    goals = world.url(world.first, "goals/", "lv")
    page.goto(f"{goals}{goal.pk}/remove/")
    checked(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{goals}#partner-{goal.partner_id}")
    expect(page.locator(f"#goal-{goal.pk}")).to_have_count(0)
    page.locator(f"a[href='{goals}removed/']").click()
    expect(page.locator(f"#goal-{goal.pk}")).to_contain_text("Tukšo telpu karte")
    checked(page)
    page.locator(f"#goal-{goal.pk} form button[type=submit]").click()
    page.wait_for_url(f"**{goals}#partner-{goal.partner_id}")
    expect(page.locator(f"#goal-{goal.pk}")).to_contain_text("Tukšo telpu karte")
    checked(page)
    assert Goal.objects.get(pk=goal.pk).removed_at is None
