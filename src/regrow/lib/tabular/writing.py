"""Tables as CSV and XLSX files that spreadsheet programs open safely and our readers read back.

Cells may be text, numbers (int, float, Decimal), dates, booleans or None. Booleans become
“yes” and “no”, and text that a spreadsheet would run as a formula stays text.
"""

import csv
import io
import itertools
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

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


def csv_cell(value: object, *, decimal_comma: bool = False) -> str:
    """One cell as CSV text: numbers in plain notation (with a decimal comma if asked), dates as
    YYYY-MM-DD, None empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_formula(value)
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, Decimal):
        number = format(value, "f")  # 0.000001, not 1E-6
    elif isinstance(value, float):
        number = repr(value)
    elif isinstance(value, (date, datetime)):
        return value.isoformat()
    else:
        return str(value)
    return number.replace(".", ",") if decimal_comma else number


def csv_bytes(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    delimiter: str = ",",
    decimal_comma: bool = False,
) -> bytes:
    """A CSV file in UTF-8 with a byte order mark, header first.

    Spreadsheets set to a language that writes decimal commas (Latvian, German) split CSV files
    at semicolons and read "45,5" as a number: pass `delimiter=";"` and `decimal_comma=True`.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(
        [csv_cell(value, decimal_comma=decimal_comma) for value in row] for row in rows
    )
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


# Column widths, in characters, that "fit" keeps within; and how many rows it measures.
MIN_WIDTH = 6
MAX_WIDTH = 50
_MEASURED_ROWS = 200


def _shown_length(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, (date, datetime)):
        return 10  # spreadsheets show a date as 2024-01-02 or 02.01.2024
    if isinstance(value, bool):
        return 3
    text = value if isinstance(value, str) else csv_cell(value)
    return max(len(line) for line in text.splitlines() or [""])


def fitting_widths(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[float]:
    """Column widths (in characters) that fit the header and the rows' values, within
    MIN_WIDTH and MAX_WIDTH, with room for the filter button."""
    longest = [_shown_length(name) + 3 for name in header]
    for row in rows:
        for index, value in enumerate(row[: len(longest)]):
            longest[index] = max(longest[index], _shown_length(value) + 1)
    return [float(min(max(length, MIN_WIDTH), MAX_WIDTH)) for length in longest]


def xlsx_bytes(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet_name: str,
    frozen_header: bool = False,
    filters: bool = False,
    widths: Sequence[float] | Literal["fit"] | None = None,
) -> bytes:
    """An XLSX workbook of one sheet, the header in bold, numbers and dates as typed cells.

    `frozen_header` keeps the header in view while scrolling; `filters` puts the spreadsheet's
    filter buttons on it; `widths` sets each column's width in characters, or "fit" measures
    the header and the first rows.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    rows = iter(rows)
    if widths == "fit":
        first = list(itertools.islice(rows, _MEASURED_ROWS))
        widths = fitting_widths(header, first)
        rows = itertools.chain(first, rows)
    # A write-only sheet writes its columns' widths before its first row.
    for index, width in enumerate(widths or (), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if frozen_header:
        sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007 - the count is wanted after the loop
        sheet.append([xlsx_cell(sheet, value) for value in row])
    if filters and header:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
