"""On a Latvian phone, the network's lead (an organiser of the kick-off meeting in Alūksne)
writes the minutes of two agenda items, records two decisions (the first refused once, due
before the meeting, with what was typed kept), adds a unit of Alūksne's register to the site
visit and sees it on the route's map and in the list under it, and downloads the minutes as
DOCX. axe finds nothing on any page; screenshots go to /work/notes/shots/records/."""

import io
import os
from pathlib import Path

from docx import Document as WordDocument
from playwright.sync_api import expect

from regrow.network.models import AgendaItem, Decision, SiteVisitStop
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD, make_town_with_people
from tests.network.meeting_records_data import make_records_world

SHOTS = Path(os.environ.get("REGROW_SHOTS", "/work/notes/shots/records"))


def assert_fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_an_organiser_records_minutes_decisions_and_the_site_visit(new_page, transactional_db):
    records = make_records_world(
        make_town_with_people("aluksne", "Alūksne", "LV"),
        make_town_with_people("altena", "Altena", "DE"),
    )
    base = records.url(language="lv")
    first, second = records.items[0], records.items[1]
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, records.people["lead"].email, PASSWORD, language="lv", two_factor=True)
    page.wait_for_url("**/lv/dashboard/")

    # Minutes of two items, each saved on its own.
    page.goto(base + "minutes/")
    expect(page.locator("h1")).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    for item, text in (
        (
            first,
            "Partneri iepazīstināja ar savām pilsētām.\n\nVadošais partneris izstāstīja metodi.",
        ),
        (second, "Apspriedām tukšo telpu karti."),
    ):
        page.fill(f"#id_item{item.pk}_minutes", text)
        page.locator(f"#item-{item.pk} form button[type=submit]").click()
        page.wait_for_url(f"**/minutes/#item-{item.pk}")
        expect(page.locator(f"#id_item{item.pk}_minutes")).to_have_value(text)
    assert AgendaItem.objects.get(pk=first.pk).minutes.startswith("Partneri iepazīstināja")
    assert AgendaItem.objects.get(pk=second.pk).minutes == "Apspriedām tukšo telpu karti."
    assert_no_axe_violations(page)
    shot(page, "1-minutes")

    # Two decisions; the first is due before the meeting and refused, nothing typed lost.
    page.goto(base + "decisions/")
    assert_no_axe_violations(page)
    page.fill("#id_text", "Sagatavot tukšo telpu sarakstu")
    page.fill("#id_responsible", "Alūksnes novada pašvaldība")
    page.fill("#id_due_on", "30.01.2019")
    page.locator("#add form button[type=submit]").click()
    expect(page.locator("#id_due_on_error")).to_be_visible()
    expect(page.locator("#id_text")).to_have_value("Sagatavot tukšo telpu sarakstu")
    expect(page.locator("#id_responsible")).to_have_value("Alūksnes novada pašvaldība")
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    shot(page, "2-decision-refused")
    page.fill("#id_due_on", "31.03.2019")
    page.locator("#add form button[type=submit]").click()
    expect(page.locator("main table")).to_contain_text("Sagatavot tukšo telpu sarakstu")
    page.fill("#id_text", "Sarīkot pop-up veikalu nedēļas nogali")
    page.fill("#id_responsible", "Idrija")
    page.fill("#id_due_on", "30.06.2019")
    page.locator("#add form button[type=submit]").click()
    expect(page.locator("main table")).to_contain_text("Sarīkot pop-up veikalu")
    expect(page.locator("main table")).to_contain_text("2019. gada 31. martā")
    assert Decision.objects.count() == 2
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    shot(page, "3-decisions")

    # The site visit: a unit found by its address, on the route's map and in the list.
    page.goto(base + "site-visit/")
    assert_no_axe_violations(page)
    page.fill("#id_q", "Pils iela 5")
    page.locator("#find form[role=search] button[type=submit]").click()
    unit = records.units[1]
    page.locator(f"#find form:has(input[name=unit][value='{unit.pk}']) button").click()
    stop = SiteVisitStop.objects.get()
    page.wait_for_url(f"**/site-visit/#stop-{stop.pk}")
    expect(page.locator(f"#stop-{stop.pk}")).to_contain_text("Pils iela 5")
    expect(page.locator("#route-map .route-marker")).to_have_count(1)
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    shot(page, "4-site-visit")

    # The minutes as a Word file.
    page.goto(base + "minutes/")
    with page.expect_download() as download:
        page.locator("a[href$='minutes.docx']").first.click()
    word = WordDocument(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = "\n".join(paragraph.text for paragraph in word.paragraphs)
    assert "Partneri iepazīstināja ar savām pilsētām." in text
    assert "Apspriedām tukšo telpu karti." in text
    cells = " ".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    assert "Sarīkot pop-up veikalu nedēļas nogali" in cells
    assert "1. Pils iela 5" in text
