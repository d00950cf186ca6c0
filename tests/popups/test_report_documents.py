"""The round report as PDF and DOCX: the funnel's numbers in the PDF's text, python-docx reads
the DOCX with its tables and charts (PNG with their text alternatives), in the page's language."""

import io
from datetime import UTC, datetime

import docx
import pytest
import time_machine
from django.utils import translation

from regrow.popups.report_document import report_document
from regrow.popups.selectors_report import round_report
from tests.lib.test_documents import inflated, rendered_text
from tests.popups.test_figures import add_street_history, make_finished_round
from tests.popups.test_report_views import report_url, step

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime(2026, 6, 1, 10, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def finished(aluksne, coordinator):
    made = make_finished_round(aluksne.town, coordinator)
    add_street_history(made)
    return made


def test_the_pdf_text_holds_the_funnels_numbers_and_rates(finished):
    text = " ".join(rendered_text(report_document(round_report(finished.round), "lv")))
    for name, number, rate in [
        ("Enquiries", "20", None),
        ("Applications", "7", "35 %"),
        ("Accepted", "3", "42,9 %"),
        ("Opened", "3", "100 %"),
        ("Stayed", "2", "66,7 %"),
    ]:
        row = f"{step(name)} {number}" + (f" {rate}" if rate else "")
        assert row in text
    assert "Alūksne" in text  # the town issues it
    assert "75 %" in text and "25 %" in text and "50 %" in text  # the streets' vacancy


def test_the_coordinator_downloads_the_pdf(client, coordinator, finished):
    client.force_login(coordinator)
    response = client.get(report_url(finished.round, suffix="report.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="aluksne-popup-round-{finished.round.pk}-report.pdf"'
    )
    assert response.content.startswith(b"%PDF-")
    assert b"/Lang (lv)" in b"".join(inflated(response.content))


def test_python_docx_reads_the_docx_with_its_tables_and_charts(client, coordinator, finished):
    client.force_login(coordinator)
    response = client.get(report_url(finished.round, "en", suffix="report.docx"))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"].endswith(f'-{finished.round.pk}-report.docx"')
    word = docx.Document(io.BytesIO(response.content))
    assert word.core_properties.title == "Pop-up round report: Pop-up spring"
    funnel = [[cell.text for cell in row.cells] for row in word.tables[0].rows]
    assert funnel == [
        ["Step", "Number", "Of the step before"],
        ["Enquiries", "20", "—"],
        ["Applications", "7", "35 %"],
        ["Accepted", "3", "42.9 %"],
        ["Opened", "3", "100 %"],
        ["Stayed", "2", "66.7 %"],
    ]
    texts = "\n".join(
        [paragraph.text for paragraph in word.paragraphs]
        + [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    )
    assert "Unit-weeks offered" in texts and "32" in texts
    assert "Cost per pop-up that stayed" in texts
    assert "Streets: Dārza iela, Pils iela" in texts
    # Three charts as pictures, each with its title as its text alternative.
    pictures = word.inline_shapes
    assert len(pictures) >= 3
    descriptions = [shape._inline.docPr.get("descr") for shape in pictures]
    assert "From enquiries to pop-ups that stayed" in descriptions
    assert "What the round cost" in descriptions
    assert "Vacancy rate of the round's streets" in descriptions
    images = [part for part in word.part.package.parts if part.content_type == "image/png"]
    assert images and all(part.blob.startswith(b"\x89PNG") for part in images)


def test_the_document_is_in_the_language_asked_for(finished):
    with translation.override("en"):
        document = report_document(round_report(finished.round), "lv")
    assert document.language == "lv"
    with translation.override("lv"):
        assert document.title == translation.gettext("Pop-up round report: %(round)s") % {
            "round": "Pop-up pavasaris"
        }
