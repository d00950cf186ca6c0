"""On a Latvian phone the network's lead publishes a coming meeting as the network's event in one
step (both languages at once), opens the public event page, follows its link to the meeting's
public agenda, and finds the meeting in the network's public meetings section; then a member
opens the calendar feed page, and the feed fetched from its https link holds the meeting.
axe finds nothing on any screen; screenshots go to $REGROW_SHOTS if set."""

import os
from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import expect

from regrow.publishing.models import Entry
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD, make_town_with_people
from tests.network.setup_data import make_network
from tests.network.test_meeting_publishing import make_meeting

SHOTS = os.environ.get("REGROW_SHOTS", "")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def check(page, name: str) -> None:
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
    shot(page, name)


def test_the_lead_publishes_a_meeting_and_a_member_subscribes(new_page, transactional_db):
    world = make_network(
        make_town_with_people("aluksne", "Alūksne", "LV"),
        make_town_with_people("altena", "Altena", "DE"),
    )
    meeting = make_meeting(
        world,
        titles={"lv": "Tīkla ievadsanāksme Alūksnē", "en": "Kick-off meeting in Alūksne"},
        descriptions={"lv": "Partneri pārrunā progresu.", "en": "Partners discuss progress."},
    )
    members = f"/lv/regrow-city/members/meetings/{meeting.pk}/"
    public = f"/lv/regrow-city/meetings/{meeting.pk}/"

    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, world.people["lead"].email, PASSWORD, language="lv", two_factor=True)
    page.wait_for_url("**/lv/dashboard/")
    page.goto(members)
    panel = page.locator("section[aria-labelledby='meeting-publishing-heading']")
    expect(panel).to_be_visible()
    check(page, "1-meeting-page-panel")
    panel.locator("form[action$='/publishing/event/'] button").click()
    page.wait_for_url(f"**{members}publishing/")
    expect(page.locator("[role=status], .messages, main").first).to_be_visible()
    events = Entry.objects.filter(network=world.network, kind=Entry.Kind.EVENT)
    assert sorted(events.values_list("language", flat=True)) == ["en", "lv"]
    latvian = events.get(language="lv")
    check(page, "2-published")

    # Published: no button to publish again, the events' links instead.
    expect(page.locator("main form[action$='/publishing/event/']")).to_have_count(0)

    # The public event page (in Latvian) and its link to the meeting's agenda.
    page.locator(f"main a[href='{latvian.get_absolute_url()}']").first.click()
    page.wait_for_url(f"**{latvian.get_absolute_url()}")
    expect(page.locator("main h1")).to_contain_text("Tīkla ievadsanāksme Alūksnē")
    check(page, "3-event-page")
    page.locator(f"main a[href='{public}']").first.click()
    page.wait_for_url(f"**{public}")
    expect(page.locator("main h1")).to_contain_text("Tīkla ievadsanāksme Alūksnē")
    expect(page.locator("main")).to_contain_text("Partneru progress")
    expect(page.locator("main")).to_contain_text("Vietu apskate")
    check(page, "4-public-agenda")

    # The network's public meetings section lists it.
    page.locator("main a[href='/lv/regrow-city/meetings/']").first.click()
    page.wait_for_url("**/lv/regrow-city/meetings/")
    expect(page.locator(f"main a[href='{public}']")).to_contain_text("Tīkla ievadsanāksme")
    check(page, "5-public-section")

    # A member subscribes to the meetings' calendar.
    member = new_page(viewport=PHONE, language="lv")
    sign_in(member, world.people["coordinator_b"].email, PASSWORD, language="lv", two_factor=True)
    member.goto(members)
    member.locator("main a[href='/lv/regrow-city/members/meetings/calendar/']").first.click()
    member.wait_for_url("**/lv/regrow-city/members/meetings/calendar/")
    check(member, "6-calendar-page")
    address = member.locator("#feed-download").get_attribute("href")
    assert address.startswith("http") and address.endswith(".ics")
    subscribe = member.locator("main a[href^='webcal://']").get_attribute("href")
    assert subscribe == "webcal://" + address.split("://", 1)[1]
    # A calendar app has no session.
    response = new_page().context.request.get(address)
    assert response.status == 200
    calendar = Calendar.from_ical(response.body())
    titles = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert titles == ["Tīkla ievadsanāksme Alūksnē"]
