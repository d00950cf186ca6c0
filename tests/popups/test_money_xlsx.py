"""The round's accounts as XLSX: openpyxl opens it; a sheet per view with headers in the page's
language, amounts as numbers in euros with a euro format, totals that match the page."""

import io
from datetime import datetime

from openpyxl import load_workbook

from regrow.popups.models import Grant
from regrow.popups.services import money as money_services
from regrow.towns.models import Role
from tests.popups.test_money_services import PDF, approve, money_round

__all__ = ["money_round"]  # a fixture


def xlsx_url(round_, language="en") -> str:
    return f"/{language}/aluksne/popup-rounds/{round_.pk}/money.xlsx"


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Cache-Control"] == "private, no-store"
    return load_workbook(io.BytesIO(response.content))


def rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_workbook_has_the_figures(client, money_round, coordinator_of):
    from django.core.files.uploadedfile import SimpleUploadedFile

    grant = approve(money_round, "Medus māja", 50_000, coordinator_of)
    money_services.grant_pay(
        grant=grant,
        by=coordinator_of,
        version=grant.version,
        paid_on=money_round.town.today(),
        evidence=SimpleUploadedFile("a.pdf", PDF),
    )
    cancelled = approve(money_round, "Lina stāsts", 5_000, coordinator_of, description="=1+1")
    money_services.grant_cancel(grant=cancelled, by=coordinator_of, version=cancelled.version)
    client.force_login(coordinator_of)
    book = workbook(client.get(xlsx_url(money_round)))
    assert book.sheetnames == ["By unit", "By month", "Grants"]

    units = rows(book["By unit"])
    assert units[0][:6] == [
        "Unit",
        "Head lease",
        "Pop-ups",
        "Owners' rent and charges",
        "Paid by the pop-ups",
        "Rent gap",
    ]
    assert units[1][:6] == ["Dārza iela 8", "no head lease", 1, 0, 30, -30]
    assert units[2][:8] == ["Pils iela 3", "Signed", 2, 600, 180, 420, 500, 500]
    assert units[-1] == ["Total", None, 3, 600, 210, 390, 500, 500]
    cell = book["By unit"]["D3"]
    assert cell.number_format == '#,##0.00 "€"'
    assert isinstance(cell.value, int | float)

    months = rows(book["By month"])
    assert months[0][0] == "Month"
    by_month = {row[0]: row[1:] for row in months[1:-1]}
    assert by_month[datetime(2027, 2, 1)][:3] == [300, 100, 200]
    assert by_month[datetime(2027, 3, 1)][:3] == [300, 110, 190]
    assert months[-1] == ["Total", 600, 210, 390, 500, 500]
    assert book["By month"]["A2"].number_format == "yyyy-mm"

    grants = rows(book["Grants"])
    assert grants[0][:5] == ["Pop-up", "Unit", "Purpose", "Status", "Amount"]
    named = {row[0]: row for row in grants[1:-1]}
    assert named["Medus māja"][2:5] == ["Fitting out the shop", "Paid", 500]
    assert named["Medus māja"][5].date() == money_round.town.today()
    assert named["Lina stāsts"][3] == "Cancelled"
    # A description that looks like a formula stays text.
    assert named["Lina stāsts"][7] == "=1+1"
    assert book["Grants"].cell(row=3, column=8).data_type == "s"
    assert grants[-1][4] == 500
    assert Grant.objects.count() == 2


def test_headers_and_sheets_in_the_pages_language(client, money_round, coordinator_of):
    client.force_login(coordinator_of)
    book = workbook(client.get(xlsx_url(money_round, language="lv")))
    assert len(book.sheetnames) == 3
    first = book[book.sheetnames[0]]
    assert first["A1"].value == "Telpa"
    assert rows(first)[-1][0] == "Kopā"


def test_only_coordinators_download_it(client, money_round, aluksne):
    client.force_login(aluksne.people[Role.ENTREPRENEUR])
    assert client.get(xlsx_url(money_round)).status_code == 403


def test_an_empty_round_gives_a_workbook_with_totals_of_nothing(
    client, aluksne, coordinator_of, draft_round, offer
):
    client.force_login(coordinator_of)
    book = workbook(client.get(xlsx_url(draft_round)))
    assert rows(book["By month"]) == [rows(book["By month"])[0], ["Total", 0, 0, 0, 0, 0]]
    assert rows(book["By unit"])[1][:3] == ["Pils iela ALU-1", "no head lease", 0]
