"""The period report as PDF and DOCX: the same period and permission as its CSV, the town as
issuer, Latvian on a Latvian page, at most MAX_UNIT_ROWS units, and bounded queries."""

import io
from datetime import date

import docx
import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import translation
from PIL import Image as Pillow

from regrow.premises.choices import Status
from regrow.premises.views import report_document
from regrow.towns.models import Role
from tests.lib.test_documents import inflated, unicode_in_pdf
from tests.premises.conftest import add_status, make_unit

PERIOD = {"start": "2024-01-01", "end": "2024-12-31"}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(date(2025, 3, 1), tick=False):
        yield


@pytest.fixture
def register(aluksne):
    aluksne.town.street_address = "Dārza iela 11"
    aluksne.town.postal_code = "LV-4301"
    aluksne.town.locality = "Alūksne"
    aluksne.town.save()
    long_empty = make_unit(aluksne.town, "A1", display_address="Pils iela 1")
    add_status(long_empty, Status.VACANT, date(2023, 6, 1))
    half = make_unit(aluksne.town, "A2", display_address="Ņūdzeņu iela 2", house_number="2")
    add_status(half, Status.LET, date(2024, 1, 1))
    add_status(half, Status.PARTLY_VACANT, date(2024, 7, 1))
    return long_empty, half


def word_of(response) -> docx.Document:
    return docx.Document(io.BytesIO(response.content))


def texts_of(word) -> list[str]:
    return [paragraph.text for paragraph in word.paragraphs]


def test_the_coordinator_downloads_a_pdf_named_like_the_csv(client, coordinator, register):
    client.force_login(coordinator)
    response = client.get("/lv/aluksne/register/report/pdf/", PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="aluksne-vacancy-2024-01-01-2024-12-31.pdf"'
    )
    assert response.content.startswith(b"%PDF-")
    assert b"/Lang (lv)" in b"".join(inflated(response.content))
    assert {"ā", "ū", "Ņ", "ē"} <= unicode_in_pdf(response.content)


def test_the_latvian_docx_has_the_town_period_totals_chart_and_units(client, coordinator, register):
    client.force_login(coordinator)
    response = client.get("/lv/aluksne/register/report/docx/", PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"].endswith('aluksne-vacancy-2024-01-01-2024-12-31.docx"')
    word = word_of(response)
    texts = texts_of(word)
    assert texts[:3] == ["Alūksne", "Dārza iela 11", "LV-4301 Alūksne"]
    assert "No 2024. gada 1. janvāra līdz 31. decembrim" in texts
    assert word.core_properties.language == "lv-LV"
    with translation.override("lv"):
        assert word.core_properties.title == translation.gettext("Vacancy report: %(town)s") % {
            "town": "Alūksne"
        }
    totals, _months, units = word.tables[0], word.tables[1], word.tables[2]
    assert totals.rows[0].cells[0].text == "Telpas, kas kādu laiku bija tukšas"
    assert totals.rows[0].cells[1].text == "2"
    assert [cell.text for cell in units.rows[0].cells] == [
        "Adrese",
        "Dienas tukša",
        "Tukšie telpu mēneši",
        "Zaudētā īres maksa",
    ]
    assert units.rows[1].cells[0].text == "Pils iela 1"  # longest empty first
    assert units.rows[1].cells[1].text == "366"
    assert units.rows[2].cells[0].text == "Ņūdzeņu iela 2"
    assert units.rows[2].cells[1].text == "92"  # 184 days half empty
    assert units.rows[2].cells[2].text == "3,0"  # decimal comma
    assert len(word.inline_shapes) == 1  # the chart (no logo yet)
    assert (
        word.inline_shapes[0]._inline.docPr.get("descr")
        == "Tukšo telpu īpatsvars katra mēneša beigās"
    )


def test_the_towns_logo_heads_the_document(client, coordinator, register, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = io.BytesIO()
    Pillow.new("RGB", (60, 80), (20, 60, 120)).save(picture, format="WEBP")
    town = register[0].town
    town.logo.save("logo.webp", ContentFile(picture.getvalue()))
    client.force_login(coordinator)
    word = word_of(client.get("/en/aluksne/register/report/docx/", PERIOD))
    alts = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert alts == ["Alūksne", "Vacancy rate at the end of each month"]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_documents_are_for_the_towns_coordinators_only(client, aluksne, altena, register, fmt):
    url = f"/en/aluksne/register/report/{fmt}/"
    for person in (aluksne.people[Role.PROPERTY_OWNER], altena.people[Role.COORDINATOR]):
        client.force_login(person)
        assert client.get(url, PERIOD).status_code == 403
    client.logout()
    response = client.get(url, PERIOD)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_wrong_period_shows_the_form_instead(client, coordinator, register):
    client.force_login(coordinator)
    bad = client.get("/en/aluksne/register/report/pdf/", {"start": "2024-12-31", "end": "2024-01"})
    assert bad.status_code == 400
    assert bad["Content-Type"].startswith("text/html")


def test_the_page_links_both_documents_with_its_period(client, coordinator, register):
    client.force_login(coordinator)
    html = client.get("/en/aluksne/register/report/", PERIOD).content.decode()
    assert "/en/aluksne/register/report/pdf/?start=2024-01-01&amp;end=2024-12-31" in html
    assert "/en/aluksne/register/report/docx/?start=2024-01-01&amp;end=2024-12-31" in html


def test_a_long_report_leaves_units_out_and_says_so(
    client, aluksne, coordinator, register, monkeypatch
):
    monkeypatch.setattr(report_document, "MAX_UNIT_ROWS", 3)
    for number in range(3):
        unit = make_unit(aluksne.town, f"L{number}", house_number=str(number + 5))
        add_status(unit, Status.VACANT, date(2024, 3, 1))
    client.force_login(coordinator)
    word = word_of(client.get("/en/aluksne/register/report/docx/", PERIOD))
    units = word.tables[2]
    assert len(units.rows) == 1 + 3 + 1  # header, three units, totals
    assert units.rows[-1].cells[0].text == "Total"
    assert "2 more units are left out here; the XLSX download holds every unit." in texts_of(word)


def test_no_empty_units_says_so(client, aluksne, coordinator):
    client.force_login(coordinator)
    word = word_of(client.get("/en/aluksne/register/report/docx/", PERIOD))
    assert "No empty units." in texts_of(word)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_documents_cost_the_same_queries_for_5_units_and_50(
    client, aluksne, coordinator, django_assert_max_num_queries, fmt
):
    client.force_login(coordinator)
    counts = []
    for units in (5, 50):
        for number in range(units - len(counts) * 5):
            unit = make_unit(aluksne.town, f"Q{units}-{number}", house_number=str(number + 1))
            add_status(unit, Status.VACANT, date(2024, 3, 1))
        with django_assert_max_num_queries(12) as captured:
            assert client.get(f"/en/aluksne/register/report/{fmt}/", PERIOD).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
