"""On a Latvian phone a partner coordinator opens a meeting, registers for both days with a
dietary need, is refused a second registration with a clear message (what was typed kept) and
sees themselves registered; the organiser ticks who came, records someone who did not register
and downloads the sign-in sheet. axe finds nothing on any screen; screenshots of the main ones go
to $REGROW_SHOTS (when set)."""

import os
from pathlib import Path

from playwright.sync_api import expect

from regrow.network.models import Registration
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD, make_town_with_people
from tests.network.registrations_data import make_meeting, register
from tests.network.setup_data import make_network

SHOTS = os.environ.get("REGROW_SHOTS", "")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def assert_fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def checked(page) -> None:
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)


def test_a_coordinator_registers_and_the_organiser_records_attendance(new_page, transactional_db):
    world = make_network(
        make_town_with_people("aluksne", "Alūksne", "LV"),
        make_town_with_people("altena", "Altena", "DE"),
    )
    meeting = make_meeting(world)
    register(meeting, world, "aluksne", "Anna Bērziņa", organisation="Alūksnes novada pašvaldība")
    base = f"/lv/regrow-city/members/meetings/{meeting.pk}/"
    person = world.people["coordinator_b"]

    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, person.email, PASSWORD, language="lv", two_factor=True)
    page.goto(base)
    panel = page.locator("#registration-panel-heading").locator("xpath=..")
    expect(panel).to_be_visible()
    checked(page)
    shot(page, "1-meeting-page")

    # Registering: name, e-mail and the partner come from the account. The same form is open
    # in a second tab too.
    second_tab = page.context.new_page()
    second_tab.goto(f"{base}register/")
    panel.locator(f"a[href='{base}register/']").click()
    page.wait_for_url(f"**{base}register/")
    expect(page.locator("#id_email")).to_have_value(person.email)
    expect(page.locator("#id_partner option:checked")).to_have_text("Idrija")
    page.fill("#id_organisation", "Občina Idrija")
    page.fill("#id_dietary_needs", "veģetārs")
    for day in meeting.days():
        page.locator(f"input[name=days][value='{day.isoformat()}']").check()
    checked(page)
    shot(page, "2-registration-form")
    page.locator("main form.card button[type=submit]").click()
    page.wait_for_url(f"**{base}")
    expect(panel).to_contain_text("2")
    expect(panel.locator(f"a[href^='{base}registrations/']")).to_be_visible()
    checked(page)
    shot(page, "3-registered")
    entry = Registration.objects.get(user=person)
    assert entry.dietary_needs == "veģetārs"
    assert entry.days == [day.isoformat() for day in meeting.days()]

    # Sent again from the second tab: refused, saying why, with what was typed kept.
    second_tab.fill("#id_dietary_needs", "bez glutēna")
    second_tab.locator(f"input[name=days][value='{meeting.starts_on.isoformat()}']").check()
    second_tab.locator("main form.card button[type=submit]").click()
    errors = second_tab.locator(".form-errors")
    expect(errors).to_be_visible()
    said = errors.inner_text()  # Latvian once the catalogue has it, English until then
    assert "already registered for this meeting" in said or "Jūsu reģistrācija" in said, said
    expect(second_tab.locator("#id_dietary_needs")).to_have_value("bez glutēna")
    checked(second_tab)
    shot(second_tab, "4-refused-twice")
    assert Registration.objects.filter(user=person).count() == 1
    # Opened now, the page says they are registered and links to the registration.
    page.goto(f"{base}register/")
    expect(page.locator(f"main a[href='{base}registrations/{entry.pk}/']")).to_be_visible()
    expect(page.locator("#id_dietary_needs")).to_have_count(0)
    checked(page)
    page.locator(f"main a[href='{base}registrations/{entry.pk}/']").click()
    expect(page.locator("#id_dietary_needs")).to_have_value("veģetārs")
    checked(page)
    shot(page, "4b-own-registration")
    # Someone from their town: a member of the local stakeholder group.
    page.goto(f"{base}register/someone/")
    page.fill("#id_name", "Marko Kos")
    page.fill("#id_organisation", "Idrijska čipka")
    page.locator(f"input[name=days][value='{meeting.ends_on.isoformat()}']").check()
    checked(page)
    page.locator("main form.card button[type=submit]").click()
    page.wait_for_url(f"**{base}participants/")
    expect(page.locator("main")).to_contain_text("Marko Kos")

    # The participants: the coordinator sees their own details, the others' names.
    page.goto(f"{base}participants/")
    expect(page.locator("main")).to_contain_text("Anna Bērziņa")
    expect(page.locator("main")).to_contain_text(person.email)
    checked(page)
    shot(page, "5-participants-coordinator")

    # The organiser ticks who came, adds someone who did not register, gets the sheet.
    organiser = new_page(viewport=PHONE, language="lv")
    sign_in(organiser, world.people["lead"].email, PASSWORD, language="lv", two_factor=True)
    organiser.goto(base)
    organiser.locator(f"a[href='{base}attendance/']").click()
    organiser.wait_for_url(f"**{base}attendance/")
    organiser.locator(f"#present-{entry.pk}").check()
    checked(organiser)
    organiser.locator("main section form button[type=submit]").first.click()
    organiser.wait_for_url(f"**{base}attendance/{meeting.starts_on.isoformat()}/")
    expect(organiser.locator(f"#present-{entry.pk}")).to_be_checked()
    entry.refresh_from_db()
    assert entry.attended_days == [meeting.starts_on.isoformat()]
    organiser.fill("#id_walk_in-name", "Pēteris Kalniņš")
    organiser.fill("#id_walk_in-organisation", "Alūksnes uzņēmēji")
    organiser.locator("#id_walk_in-partner").select_option(str(world.partners["aluksne"].pk))
    organiser.locator(".card form button[type=submit]").click()
    expect(organiser.locator("main table")).to_contain_text("Pēteris Kalniņš")
    expect(organiser.locator("main table tr:has-text('Pēteris Kalniņš') .badge")).to_be_visible()
    checked(organiser)
    shot(organiser, "6-attendance")
    organiser.goto(f"{base}participants/")
    expect(organiser.locator("main")).to_contain_text("veģetārs")  # organisers see it
    checked(organiser)
    shot(organiser, "7-participants-organiser")
    with organiser.expect_download() as download:
        organiser.locator(f"a[href='{base}sign-in-sheet.pdf']").first.click()
    assert (
        download.value.suggested_filename == f"regrow-city-meeting-{meeting.pk}-sign-in-sheet.pdf"
    )
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
