"""A coordinator on a Latvian phone reads a finished pop-up round's report (the funnel as a chart
named by its title, with its table) and downloads it as PDF and DOCX; the rounds side by side;
no axe violations."""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import docx
import pytest
from django.utils import translation
from playwright.sync_api import expect

from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.test_vacancy import latvian_coordinator_page
from tests.fixtures import make_town_with_people
from tests.popups.test_figures import add_street_history, make_finished_round
from tests.popups.test_report_views import step


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


def test_a_latvian_coordinator_reads_the_round_report_and_downloads_it_on_a_phone(
    new_page, town, tmp_path
):
    coordinator = town.people[Role.COORDINATOR]
    start = town.town.today() - timedelta(days=200)
    finished = make_finished_round(town.town, coordinator, start=start)
    add_street_history(finished)
    round_ = finished.round
    page = latvian_coordinator_page(new_page, town, PHONE)

    page.goto(f"/lv/aluksne/popup-rounds/{round_.pk}/report/")
    with translation.override("lv"):
        title = translation.gettext("From enquiries to pop-ups that stayed")
    expect(page.get_by_role("img", name=title)).to_be_visible()
    funnel = page.locator("#funnel")
    expect(funnel).to_contain_text(step("Stayed"))
    expect(funnel.locator("tbody tr").nth(4)).to_contain_text("66,7 %")
    # Nothing wider than the phone: the charts scale, the tables scroll in their own box.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    page.screenshot(path=tmp_path / "round-report.png", full_page=True)
    assert_no_axe_violations(page)

    pdf_link = page.locator("a[href$='/report.pdf']")
    docx_link = page.locator("a[href$='/report.docx']")
    for link in (pdf_link, docx_link):
        box = link.bounding_box()
        assert box["x"] + box["width"] <= PHONE["width"] and box["height"] >= 44

    with page.expect_download() as download:
        pdf_link.click()
    assert download.value.suggested_filename == f"aluksne-popup-round-{round_.pk}-report.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    with page.expect_download() as download:
        docx_link.click()
    assert download.value.suggested_filename == f"aluksne-popup-round-{round_.pk}-report.docx"
    word = docx.Document(BytesIO(Path(download.value.path()).read_bytes()))
    funnel_table = [[cell.text for cell in row.cells] for row in word.tables[0].rows]
    assert funnel_table[1:] == [
        [step("Enquiries"), "20", "—"],
        [step("Applications"), "7", "35 %"],
        [step("Accepted"), "3", "42,9 %"],
        [step("Opened"), "3", "100 %"],
        [step("Stayed"), "2", "66,7 %"],
    ]
    assert word.core_properties.language == "lv-LV"

    page.locator("a[href$='/popup-rounds/compare/']").first.click()
    page.wait_for_url("**/popup-rounds/compare/")
    expect(page.locator("#rounds-compared")).to_contain_text("66,7 %")
    assert_no_axe_violations(page)
