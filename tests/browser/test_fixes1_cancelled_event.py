"""On a Latvian phone the network's lead cancels a meeting that is published as the network's
event: the meeting page then says the event still announces it, with a link to edit each entry,
and the public page of the meeting says it is cancelled, without the online meeting's address.
axe finds nothing on any screen."""

from playwright.sync_api import expect

from regrow.publishing.announcements import publish_event
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD, make_town_with_people
from tests.network.setup_data import make_network
from tests.network.test_meeting_publishing import make_meeting


def check(page) -> None:
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_a_cancelled_published_meeting_points_to_its_event(new_page, transactional_db):
    world = make_network(
        make_town_with_people("aluksne", "Alūksne", "LV"),
        make_town_with_people("altena", "Altena", "DE"),
    )
    meeting = make_meeting(
        world,
        titles={"lv": "Tīkla ievadsanāksme Alūksnē", "en": "Kick-off meeting in Alūksne"},
        online_url="https://meet.example.org/j/1?pwd=Secret42",
    )
    publish_event(obj=meeting, by=world.people["lead"], languages=["lv", "en"])
    members = f"/lv/regrow-city/members/meetings/{meeting.pk}/"

    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, world.people["lead"].email, PASSWORD, language="lv", two_factor=True)
    page.wait_for_url("**/lv/dashboard/")
    page.goto(members)
    page.locator(f"form[action='{members}cancel/'] button").click()
    page.wait_for_url(f"**{members}")
    notice = page.locator("section[aria-labelledby='meeting-publishing-heading'] .notice")
    expect(notice).to_be_visible()
    expect(notice.locator("a")).to_have_count(2)
    check(page)

    public = new_page(viewport=PHONE, language="lv")  # signed out
    public.goto(f"/lv/regrow-city/meetings/{meeting.pk}/")
    expect(public.locator("main h1")).to_contain_text("Tīkla ievadsanāksme Alūksnē")
    expect(public.locator("main [role=status]")).to_be_visible()  # cancelled
    assert "Secret42" not in public.content()
    check(public)
