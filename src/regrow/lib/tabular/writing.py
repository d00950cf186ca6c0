"""Tables as CSV and XLSX files that spreadsheet programs open safely and our readers read back.

Cells may be text, numbers (int, float, Decimal), dates, booleans or None. Booleans become
“yes” and “no”, and text that a spreadsheet would run as a formula stays text.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

# Text that a spreadsheet would take for a formula when it opens a CSV file. A leading tab or
# carriage return is dropped by some spreadsheets as they read a cell, so a formula may hide
# behind one (OWASP's list of CSV injection characters).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: str) -> str:
    """Text with an apostrophe before it where a spreadsheet would run it (CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unescape_formula(value: str) -> str:
    """Text with the apostrophe that escape_formula adds taken off again."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def yes_no(value: bool) -> str:
    """A boolean as the word our readers take for it."""
    return "yes" if value else "no"


def csv_cell(value: object) -> str:
    """One cell as CSV text: numbers in plain notation, dates as YYYY-MM-DD, None empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_formula(value)
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, Decimal):
        return format(value, "f")  # 0.000001, not 1E-6
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file in UTF-8 with a byte order mark, comma-separated, header first."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    # With the byte order mark, spreadsheet programs open the file as UTF-8 and not as ANSI.
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_text(sheet, value: str) -> object:
    if not value:
        return None
    value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters XLSX cannot hold
    if not value.startswith("="):
        return value
    # openpyxl would store this as a formula, which spreadsheets then run: keep it text.
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def xlsx_cell(sheet, value: object) -> object:
    """One cell for a write-only XLSX sheet: typed numbers and dates, text never a formula."""
    if isinstance(value, str):
        return _xlsx_text(sheet, value)
    if isinstance(value, bool):
        return yes_no(value)
    return value


def xlsx_bytes(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, sheet_name: str
) -> bytes:
    """An XLSX workbook of one sheet, the header in bold, numbers and dates as typed cells."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    bold = Font(bold=True)
    header_cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
