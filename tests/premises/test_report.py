"""The period report: its page a page at a time, and its units as CSV and XLSX downloads in the
page's language."""

import csv
import io
from datetime import date

import pytest
import time_machine
from openpyxl import load_workbook

from regrow.premises.choices import Status
from tests.premises.conftest import add_status, make_unit

PERIOD = {"start": "2024-01-01", "end": "2024-12-31"}


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(date(2025, 3, 1), tick=False):
        yield


@pytest.fixture
def register(aluksne):
    """A unit empty all of 2024, one empty from July (the first half year let), one let."""
    long_empty = make_unit(aluksne.town, "A1", asking_rent_cents_per_month=30_000)
    add_status(long_empty, Status.VACANT, date(2023, 6, 1))
    half = make_unit(
        aluksne.town, "=HYPERLINK(1)", display_address="=HYPERLINK(1)", house_number="2"
    )
    add_status(half, Status.LET, date(2024, 1, 1))
    add_status(half, Status.PARTLY_VACANT, date(2024, 7, 1))
    let = make_unit(aluksne.town, "A3")
    add_status(let, Status.OCCUPIED, date(2023, 1, 1))
    return long_empty, half


def test_the_csv_holds_every_empty_unit_with_figures_as_numbers(client, coordinator, register):
    client.force_login(coordinator)
    response = client.get("/en/aluksne/register/report/csv/", PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="aluksne-vacancy-2024-01-01-2024-12-31.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Address",
        "External id",
        "Days empty",
        "Unit-months empty",
        "Rent lost (EUR)",
    ]
    assert rows[1] == ["Pils iela A1", "A1", "366", "12.02", "3607.39"]
    # A partly vacant unit counts half: 184 days from July, and a formula stays text.
    assert rows[2][:3] == ["'=HYPERLINK(1)", "'=HYPERLINK(1)", "92"]
    assert len(rows) == 3


def test_a_latvian_page_downloads_latvian_headers_semicolons_and_decimal_commas(
    client, coordinator, register
):
    client.force_login(coordinator)
    response = client.get("/lv/aluksne/register/report/csv/", PERIOD)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Adrese", "Ārējais identifikators", "Dienas tukša"]
    assert rows[1][2:] == ["366", "12,02", "3607,39"]


def test_the_xlsx_has_a_frozen_header_filter_buttons_and_typed_numbers(
    client, coordinator, register
):
    client.force_login(coordinator)
    response = client.get("/en/aluksne/register/report/xlsx/", PERIOD)
    assert response.status_code == 200
    assert (
        'filename="aluksne-vacancy-2024-01-01-2024-12-31.xlsx"' in response["Content-Disposition"]
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E3"
    assert sheet["A1"].value == "Address"
    assert [cell.value for cell in sheet[2]] == ["Pils iela A1", "A1", 366, 12.02, 3607.39]
    assert sheet["A3"].data_type == "s"  # "=HYPERLINK(1)" is text, not a formula
    assert sheet.column_dimensions["A"].width > 6


def test_downloads_are_for_the_towns_coordinators_only(client, altena, register):
    client.force_login(altena.people["coordinator"])
    assert client.get("/en/aluksne/register/report/csv/", PERIOD).status_code == 403
    client.logout()
    assert client.get("/en/aluksne/register/report/csv/", PERIOD).status_code == 302


def test_an_unknown_format_is_not_found_and_a_wrong_period_shows_the_form(
    client, coordinator, register
):
    client.force_login(coordinator)
    assert client.get("/en/aluksne/register/report/odt/", PERIOD).status_code == 404
    bad = client.get(
        "/en/aluksne/register/report/csv/", {"start": "2024-12-31", "end": "2024-01-01"}
    )
    assert bad.status_code == 400
    assert "The period must end on or after its first day." in bad.content.decode()


def test_the_page_shows_a_page_of_units_and_links_the_downloads_of_all(
    client, aluksne, coordinator
):
    for number in range(55):
        unit = make_unit(aluksne.town, f"E{number}", house_number=str(number + 1))
        add_status(unit, Status.VACANT, date(2024, 1, 1 + number % 28))
    client.force_login(coordinator)
    response = client.get("/en/aluksne/register/report/", PERIOD)
    html = response.content.decode()
    assert html.count('<tr><td><a href="/en/aluksne/register/units/') == 50
    assert "Units 1–50 of 55" in html  # noqa: RUF001 - the page's en dash
    assert "/en/aluksne/register/report/xlsx/?start=2024-01-01&amp;end=2024-12-31" in html
    assert "/en/aluksne/register/report/csv/?start=2024-01-01&amp;end=2024-12-31" in html
    second = client.get("/en/aluksne/register/report/", {**PERIOD, "page": 2}).content.decode()
    assert second.count('<tr><td><a href="/en/aluksne/register/units/') == 5
    assert "?start=2024-01-01&amp;end=2024-12-31&amp;page=1" in second
    rows = client.get("/en/aluksne/register/report/csv/", PERIOD).content.decode().splitlines()
    assert len(rows) == 56


def test_the_report_page_and_its_file_cost_the_same_queries_for_5_units_and_50(
    client, aluksne, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    counts = []
    for units in (5, 50):
        for number in range(units - len(counts) * 5):
            unit = make_unit(aluksne.town, f"Q{units}-{number}", house_number=str(number + 1))
            add_status(unit, Status.VACANT, date(2024, 3, 1))
        for url in ("/en/aluksne/register/report/", "/en/aluksne/register/report/xlsx/"):
            # 14: the navigation asks whether each section has something to show.
            with django_assert_max_num_queries(14) as captured:
                assert client.get(url, PERIOD).status_code == 200
            counts.append(len(captured))
    assert counts[:2] == counts[2:]
