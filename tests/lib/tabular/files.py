"""Spreadsheet files made in memory, for the tests of readers."""

import io

from openpyxl import Workbook


def xlsx_file(*rows) -> bytes:
    """A workbook whose first sheet holds `rows`, as the bytes of an .xlsx file."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
