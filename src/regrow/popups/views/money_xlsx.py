"""A round's accounts as an XLSX workbook for a town's finance office: one sheet per view (by
unit, by month, grants), headers in the page's language, amounts as numbers in euros with a euro
number format (the spreadsheet shows them with its own separators), totals at the foot."""

import io
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from regrow.lib.tabular.writing import xlsx_cell
from regrow.popups import selectors_money as selectors
from regrow.popups.choices import AgreementStatus
from regrow.popups.views import coordinated_round

EURO_FORMAT = '#,##0.00 "€"'
DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy-mm"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters a sheet's name cannot hold.
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


class Euros:
    """An amount in cents, to be written as euros in the euro format."""

    def __init__(self, cents: int):
        self.cents = cents


class Month:
    """A month (its first day), to be written as a date showing the year and month."""

    def __init__(self, first_day):
        self.first_day = first_day


def _cell(sheet, value, *, bold: bool = False):
    if isinstance(value, Euros):
        cell = WriteOnlyCell(sheet, value=Decimal(value.cents) / 100)
        cell.number_format = EURO_FORMAT
    elif isinstance(value, Month):
        cell = WriteOnlyCell(sheet, value=value.first_day)
        cell.number_format = MONTH_FORMAT
    elif hasattr(value, "isoformat"):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
    else:
        value = xlsx_cell(sheet, value)  # text never a formula
        if not bold:
            return value
        cell = value if isinstance(value, Cell) else WriteOnlyCell(sheet, value=value)
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet(workbook, title: str, header: list[str], rows: list[list], widths: list[int]):
    sheet = workbook.create_sheet(title.translate(SHEET_NAME_FORBIDDEN)[:31])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, name, bold=True) for name in header])
    for row in rows[:-1]:
        sheet.append([_cell(sheet, value) for value in row])
    if rows:
        sheet.append([_cell(sheet, value, bold=True) for value in rows[-1]])
    return sheet


def _status(code: str | None) -> str:
    return str(AgreementStatus(code).label) if code else _("no head lease")


def workbook_bytes(money: selectors.RoundMoney, grants) -> bytes:
    workbook = Workbook(write_only=True)
    money_header = [_("Owners' rent and charges"), _("Paid by the pop-ups"), _("Rent gap")]
    grant_header = [_("Grants approved"), _("Grants paid")]
    unit_rows = [
        [
            unit.address,
            _status(unit.agreement_status),
            unit.popups,
            Euros(unit.owner_cost_cents),
            Euros(unit.collected_cents),
            Euros(unit.gap_cents),
            Euros(unit.grants_approved_cents),
            Euros(unit.grants_paid_cents),
        ]
        for unit in money.by_unit
    ]
    totals = [
        Euros(money.owner_cost_cents),
        Euros(money.collected_cents),
        Euros(money.gap_cents),
        Euros(money.grants_approved_cents),
        Euros(money.grants_paid_cents),
    ]
    unit_rows.append(
        [
            pgettext("the totals row of a table", "Total"),
            "",
            sum(unit.popups for unit in money.by_unit),
            *totals,
        ]
    )
    _sheet(
        workbook,
        _("By unit"),
        [_("Unit"), _("Head lease"), _("Pop-ups"), *money_header, *grant_header],
        unit_rows,
        [30, 16, 10, 18, 18, 14, 16, 14],
    )
    month_rows = [
        [
            Month(month.month),
            Euros(month.owner_cost_cents),
            Euros(month.collected_cents),
            Euros(month.gap_cents),
            Euros(month.grants_approved_cents),
            Euros(month.grants_paid_cents),
        ]
        for month in money.by_month
    ]
    month_rows.append([pgettext("the totals row of a table", "Total"), *totals])
    _sheet(
        workbook,
        _("By month"),
        [_("Month"), *money_header, *grant_header],
        month_rows,
        [12, 18, 18, 14, 16, 14],
    )
    grant_rows = [
        [
            grant.sublease.application.business_name,
            grant.sublease.unit.display_address,
            grant.get_purpose_display(),
            grant.get_status_display(),
            Euros(grant.amount_cents),
            grant.approved_on,
            grant.paid_on,
            grant.description,
        ]
        for grant in grants
    ]
    grant_rows.append(
        [_("Total not cancelled"), "", "", "", Euros(money.grants_approved_cents), None, None, ""]
    )
    _sheet(
        workbook,
        _("Grants"),
        [
            _("Pop-up"),
            _("Unit"),
            _("Purpose"),
            _("Status"),
            _("Amount"),
            _("Approved on"),
            _("Paid on"),
            _("Description"),
        ],
        grant_rows,
        [28, 26, 20, 12, 14, 12, 12, 40],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@login_required
def round_money_xlsx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    money = selectors.round_money(round_)
    data = workbook_bytes(money, selectors.round_grants(round_))
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="{round_.town.slug}-popup-round-{round_.pk}-money.xlsx"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
