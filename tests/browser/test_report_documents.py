"""The period report's PDF and DOCX in a real browser: a Latvian coordinator on a phone
downloads both from the report page, which stays free of axe violations."""

from io import BytesIO
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.test_vacancy import emptied_over_2024, latvian_coordinator_page
from tests.fixtures import make_town_with_people


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


def test_a_latvian_coordinator_downloads_the_report_as_pdf_and_docx_on_a_phone(
    new_page, town, tmp_path
):
    emptied_over_2024(town.town, 60)  # 20 units emptied in 2024
    page = latvian_coordinator_page(new_page, town, PHONE)
    page.goto("/lv/aluksne/register/report/?start=2024-01-01&end=2024-12-31")
    pdf_link = page.locator("a[href$='/register/report/pdf/?start=2024-01-01&end=2024-12-31']")
    docx_link = page.locator("a[href$='/register/report/docx/?start=2024-01-01&end=2024-12-31']")
    for link in (pdf_link, docx_link):
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] + box["width"] <= PHONE["width"] and box["height"] >= 44  # a finger's
    page.screenshot(path=tmp_path / "report-documents.png", full_page=True)
    assert_no_axe_violations(page)

    with page.expect_download() as download:
        pdf_link.click()
    assert download.value.suggested_filename == "aluksne-vacancy-2024-01-01-2024-12-31.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    with page.expect_download() as download:
        docx_link.click()
    assert download.value.suggested_filename == "aluksne-vacancy-2024-01-01-2024-12-31.docx"
    word = docx.Document(BytesIO(Path(download.value.path()).read_bytes()))
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert "No 2024. gada 1. janvāra līdz 31. decembrim" in texts
    units = word.tables[-1]
    assert units.rows[0].cells[0].text == "Adrese"
    assert len(units.rows) == 1 + 20 + 1  # header, the units emptied in 2024, totals
    assert word.core_properties.language == "lv-LV"
