"""On a Latvian phone the network's lead creates the two-day kick-off meeting in Alūksne and
builds its agenda: items on both days, a part nested under a workshop, an overlap in the same
room refused with a message naming the other item (what was typed kept), an item moved up
and back; then reads the agenda on the meeting's page and finds the meeting in the list.
axe finds nothing on any screen; screenshots of the main ones go to $REGROW_SHOTS if set."""

import os
from datetime import date, time
from pathlib import Path

from playwright.sync_api import expect

from regrow.network.models import AgendaItem, Meeting
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD, make_town_with_people
from tests.network.meetings_data import make_meeting
from tests.network.setup_data import make_network

SHOTS = os.environ.get("REGROW_SHOTS", "")
BASE = "/lv/regrow-city/members/meetings/"
DASH = "\u2013"  # between two times


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def assert_fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def add_item(page, day: str, starts: str, minutes: str, title: str, **more) -> None:
    page.locator("#id_day").select_option(day)
    page.fill("#id_starts_at", starts)
    page.fill("#id_duration_minutes", minutes)
    page.fill("#id_titles_lv", title)
    page.fill("#id_presenter", more.get("presenter", ""))
    page.fill("#id_room", more.get("room", ""))
    if more.get("parent"):
        page.locator("#id_parent").select_option(label=more["parent"])
    else:
        page.locator("#id_parent").select_option("")
    page.locator("#add form button[type=submit]").click()
    page.wait_for_load_state()


def test_the_lead_builds_a_two_day_agenda_on_a_phone(new_page, transactional_db):
    world = make_network(
        make_town_with_people("aluksne", "Alūksne", "LV"),
        make_town_with_people("altena", "Altena", "DE"),
    )
    make_meeting(
        world,
        "altena",
        titles={"lv": "Tīkla sagatavošanas sanāksme", "en": "Preparation meeting"},
        starts_on=date(2018, 10, 4),
        ends_on=date(2018, 10, 5),
        place_name="Burg Altena",
        address="Fritz-Thomée-Straße 80, Altena",
    )
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, world.people["lead"].email, PASSWORD, language="lv", two_factor=True)
    page.wait_for_url("**/lv/dashboard/")

    # The meetings: one past; a new one.
    page.goto(BASE)
    expect(page.locator("main")).to_contain_text("Tīkla sagatavošanas sanāksme")
    expect(page.locator("main")).to_contain_text("No 2018. gada 4. līdz 5. oktobrim")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    page.locator(f"main a[href='{BASE}new/']").click()
    page.wait_for_url(f"**{BASE}new/")
    page.locator("#id_kind").select_option("transnational")
    page.locator("#id_host").select_option(label="Alūksne")
    page.fill("#id_titles_lv", "Tīkla ievadsanāksme Alūksnē")
    page.fill("#id_titles_en", "Kick-off meeting in Alūksne")
    page.fill("#id_descriptions_lv", "Partneri pārrunā progresu un nosprauž mērķus trim mēnešiem.")
    page.fill("#id_starts_on", "31.01.2019")
    page.fill("#id_ends_on", "01.02.2019")
    page.fill("#id_place_name", "Alūksnes novada pašvaldība")
    page.fill("#id_address", "Dārza iela 11, Alūksne")
    page.fill("#id_latitude", "57.4216")
    page.fill("#id_longitude", "27.0466")
    page.fill("#id_registration_closes_at", "25.01.2019 18:00")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    shot(page, "1-meeting-form")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/agenda/")
    meeting = Meeting.objects.get(titles__lv="Tīkla ievadsanāksme Alūksnē")
    assert (meeting.host.town.slug, meeting.time_zone) == ("aluksne", "Europe/Riga")
    assert meeting.registration_closes_at.isoformat() == "2019-01-25T16:00:00+00:00"
    assert_no_axe_violations(page)

    # Day one: opening, progress, a workshop with a part in another room.
    add_item(page, "2019-01-31", "09:30", "45", "Atklāšana", presenter="Arturs Dzenis")
    add_item(page, "2019-01-31", "10:15", "90", "Partneru progress", presenter="Partneri")
    add_item(page, "2019-01-31", "12:30", "120", "Darbnīca: pārneses plāni")
    add_item(
        page,
        "2019-01-31",
        "12:30",
        "60",
        "Grupa: finansējums",
        room="Zāle 2",
        parent="12:30 Darbnīca: pārneses plāni",
    )
    expect(page.locator(".agenda-parts")).to_contain_text("Grupa: finansējums")

    # An overlap in the plenary room is refused, naming the other item; the form keeps it.
    add_item(page, "2019-01-31", "11:00", "30", "Kafijas pauze", presenter="Kafejnīca Pīlādzis")
    error = page.locator("#id_starts_at_error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Partneru progress")
    expect(error).to_contain_text(f"10:15{DASH}11:45")
    expect(page.locator("#id_titles_lv")).to_have_value("Kafijas pauze")
    expect(page.locator("#id_presenter")).to_have_value("Kafejnīca Pīlādzis")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    shot(page, "2-agenda-overlap-refused")
    page.fill("#id_starts_at", "11:45")
    page.fill("#id_duration_minutes", "30")
    page.locator("#add form button[type=submit]").click()
    page.wait_for_load_state()

    # Day two: the site visit and the summary; the summary moved up.
    add_item(page, "2019-02-01", "10:00", "180", "Tukšo telpu apskate", presenter="Inga Bērziņa")
    add_item(page, "2019-02-01", "14:00", "60", "Kopsavilkums un mērķi")
    summary = AgendaItem.objects.get(titles__lv="Kopsavilkums un mērķi")
    page.locator(f"#item-{summary.pk} input[value=up] + button").click()
    page.wait_for_load_state()
    day_two = page.locator("#day-2019-02-01 .agenda-item .agenda-what strong")
    expect(day_two).to_have_text(["Kopsavilkums un mērķi", "Tukšo telpu apskate"])
    assert_no_axe_violations(page)
    # ... and back down: the day in the order of its times again.
    page.locator(f"#item-{summary.pk} input[value=down] + button").click()
    page.wait_for_load_state()
    expect(day_two).to_have_text(["Tukšo telpu apskate", "Kopsavilkums un mērķi"])
    assert_fits_the_phone(page)
    shot(page, "3-agenda-builder")
    assert meeting.agenda_items.count() == 7
    assert list(
        meeting.agenda_items.filter(day=date(2019, 1, 31), parent=None)
        .order_by("order")
        .values_list("starts_at", flat=True)
    ) == [time(9, 30), time(10, 15), time(11, 45), time(12, 30)]

    # The meeting's page: what, when, where, the map and the agenda by day.
    page.goto(f"{BASE}{meeting.pk}/")
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text("Tīkla ievadsanāksme Alūksnē")
    expect(main).to_contain_text("No 2019. gada 31. janvāra līdz 1. februārim")
    expect(main).to_contain_text(f"09:30{DASH}10:15")
    expect(main.locator(".agenda-parts")).to_contain_text(f"12:30{DASH}13:30")
    expect(main.locator("#meeting-map")).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    shot(page, "4-meeting-page")

    # The list: both meetings are past now, the latest first.
    page.goto(BASE)
    past = page.locator("#past-heading + .unit-list h3")
    expect(past).to_have_text(["Tīkla ievadsanāksme Alūksnē", "Tīkla sagatavošanas sanāksme"])
    assert_no_axe_violations(page)
    shot(page, "0-meetings-list")
