"""A resident on a Latvian phone finds this week's pop-ups from the town's menu, sees them on the
map, and finds the link to subscribe to the calendar (zero axe violations)."""

from datetime import timedelta

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from regrow.popups import services
from regrow.popups.choices import RoundStatus
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.fixtures import make_town_with_people
from tests.popups.conftest import round_values
from tests.popups.test_calendar import make_popup
from tests.premises.conftest import make_unit


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


@pytest.fixture
def tailor(town):
    """Alūksne's first pop-up space: a tailor open this week, a beauty salon in three weeks."""
    coordinator = town.people[Role.COORDINATOR]
    round_ = services.round_save(town=town.town, by=coordinator, **round_values(town.town))
    offers = [
        services.round_unit_add(
            round_=round_,
            unit=make_unit(town.town, external_id, display_address=address),
            by=coordinator,
        )
        for external_id, address in (("ALU-1", "Pils iela 1"), ("ALU-2", "Pils iela 2"))
    ]
    round_.refresh_from_db()
    round_ = services.round_save(
        town=town.town, by=coordinator, round_=round_, version=round_.version,
        status=RoundStatus.OPEN,
    )  # fmt: skip
    today = town.town.today()
    make_popup(
        round_, offers[1], "Skaistumkopšana", today + timedelta(days=21),
        today + timedelta(days=35), category="beauty",
    )  # fmt: skip
    return make_popup(
        round_, offers[0], "Šūšanas darbnīca", today - timedelta(days=2),
        today + timedelta(days=12), category="fashion",
        public_descriptions={"lv": "Apģērbu šūšana un labošana"},
    )  # fmt: skip


def test_a_resident_finds_this_weeks_pop_ups_and_subscribes_on_a_latvian_phone(
    new_page, town, tailor
):
    page = new_page(viewport=PHONE, language="lv")
    page.goto("/lv/aluksne/")
    page.locator("details.site-menu summary").click()
    page.locator(".site-menu").get_by_role("link", name="Pop-up veikali").click()
    page.wait_for_url("**/lv/aluksne/popups/")
    assert_no_axe_violations(page)
    page.locator("main a[href='/lv/aluksne/popups/now/']").click()
    page.wait_for_url("**/lv/aluksne/popups/now/")

    this_week = page.locator("section.popup-week").first
    expect(this_week.get_by_role("heading", level=3)).to_have_text("Šūšanas darbnīca")
    expect(this_week).to_contain_text("Apģērbu šūšana un labošana")
    expect(this_week).to_contain_text("Pils iela 1")
    expect(this_week).not_to_contain_text("Skaistumkopšana")  # in three weeks: further down
    expect(page.locator("section.popup-week").nth(1)).to_contain_text("Skaistumkopšana")

    expect(page.locator("#popups-map path.leaflet-interactive")).to_have_count(2)
    subscribe = page.locator("#calendar-subscribe")
    expect(subscribe).to_be_visible()
    webcal = subscribe.get_attribute("href")
    assert webcal.startswith("webcal://") and webcal.endswith("/lv/aluksne/popups/calendar.ics")
    assert_no_axe_violations(page)

    download = page.locator("#calendar-download").get_attribute("href")
    response = page.request.get(download)
    assert response.ok
    events = Calendar.from_ical(response.body()).walk("VEVENT")
    assert {str(event["uid"]) for event in events} >= {f"popup-{tailor.pk}@regrow"}
