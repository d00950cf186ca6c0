"""The network lead on a Latvian phone reads the network dashboard (a card per partner, the
timeline of meetings and milestones), opens one partner, chooses two parts for the public,
and an anonymous visitor finds exactly those in the network's Progress section. axe finds
nothing on any screen; nothing is wider than the phone."""

from pathlib import Path

from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD
from tests.network.dashboard_data import make_dashboard_network

SHOTS = Path("/work/notes/shots/dashboard")


def shot(page, name: str) -> None:
    if SHOTS.is_dir():
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_lead_reads_the_dashboard_and_chooses_what_the_public_sees(new_page, transactional_db):
    world, _meetings = make_dashboard_network()
    lead = world.people["lead"]
    aluksne = world.partners["aluksne"]
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, lead.email, PASSWORD, language="lv", two_factor=True)
    page.wait_for_url("**/lv/dashboard/")

    # The dashboard: a card per partner, one under another, and the timeline.
    page.goto("/lv/regrow-city/members/dashboard/")
    cards = page.locator("ul.dash-cards > li.card")
    expect(cards).to_have_count(3)
    expect(page.locator(".dash-grid__head")).to_be_hidden()  # the column headings: wide screens
    expect(cards.nth(1)).to_contain_text("Alūksne")
    expect(cards.nth(1)).to_contain_text("Alūksne local group")  # its next meeting
    expect(page.locator(".dash-timeline__today")).to_have_count(1)
    expect(page.locator(".dash-timeline")).to_contain_text("Mid-term review in Nyírbátor")
    expect(page.locator(".dash-timeline")).to_contain_text("gada")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    shot(page, "1-dashboard-phone-lv")

    # On a wide screen the same cards line up as a table, under one row of headings.
    page.set_viewport_size(DESKTOP)
    expect(page.locator(".dash-grid__head")).to_be_visible()
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert second["y"] > first["y"] and second["x"] == first["x"]
    assert cards.nth(0).locator(".dash-card__facts > div").nth(1).bounding_box()["y"] < (
        first["y"] + first["height"] / 2
    )  # the figures side by side, not one under another
    assert_no_axe_violations(page)
    shot(page, "1b-dashboard-wide-lv")
    page.set_viewport_size(PHONE)

    # One partner: its actions, goals by meeting and indicators.
    cards.nth(1).locator("h3 a").click()
    page.wait_for_url(f"**/lv/regrow-city/members/dashboard/partners/{aluksne.pk}/")
    expect(page.locator("h1")).to_have_text("Alūksne")
    expect(page.locator("#goals-heading")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Kick-off in Alūksne")
    expect(page.locator("main")).to_contain_text("Footfall")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    shot(page, "2-partner-phone-lv")

    # Two parts for the public: the actions and the meetings.
    page.goto("/lv/regrow-city/members/dashboard/#public-summary")
    form = page.locator("#public-summary form")
    form.locator("input[value='actions']").check()
    form.locator("input[value='meetings']").check()
    assert_no_axe_violations(page)
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/lv/regrow-city/members/dashboard/#public-summary")
    expect(page.locator("#public-summary input[value='actions']")).to_be_checked()
    assert_no_axe_violations(page)
    shot(page, "3-public-choice-phone-lv")
    world.network.refresh_from_db()
    assert world.network.public_summary == ["actions", "meetings"]

    # An anonymous visitor: the Progress section shows those two parts and nothing else.
    visitor = new_page(viewport=PHONE, language="lv")
    visitor.goto("/lv/regrow-city/progress/")
    main = visitor.locator("main")
    expect(main.locator("ul.dash-cards > li.card")).to_have_count(3)
    expect(main.locator(".dash-timeline")).to_contain_text("Mid-term review in Nyírbátor")
    expect(main).not_to_contain_text("Cancelled visit")
    expect(main).not_to_contain_text("Footfall")
    expect(main).not_to_contain_text("Attīstības nodaļa")
    assert main.locator("a[href*='/members/']").count() == 0
    assert_no_axe_violations(visitor)
    assert_fits_the_phone(visitor)
    shot(visitor, "4-public-progress-phone-lv")
