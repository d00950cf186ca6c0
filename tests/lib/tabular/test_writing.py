"""Files we write open safely in spreadsheet programs and read back to the same values."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from regrow.lib.tabular.problems import Problems
from regrow.lib.tabular.reading import read_csv_table, read_xlsx_table
from regrow.lib.tabular.values import text
from regrow.lib.tabular.writing import (
    csv_bytes,
    csv_cell,
    escape_formula,
    unescape_formula,
    xlsx_bytes,
)

FORMULAS = [
    "=1+1",
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    '=HYPERLINK("http://x.example")',
    # Some spreadsheets drop a leading tab or carriage return and run what follows.
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_formulas_are_escaped_and_unescaped_again(formula):
    escaped = escape_formula(formula)
    assert escaped == "'" + formula
    assert unescape_formula(escaped) == formula


@pytest.mark.parametrize("plain", ["Pils iela", "'quoted'", "", "1+1", "a\tb", "a\r\nb"])
def test_plain_text_is_left_alone(plain):
    assert escape_formula(plain) == plain
    assert unescape_formula(plain) == plain


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""), (True, "yes"), (False, "no"), (Decimal("0.000001"), "0.000001"),
        (Decimal("1E+1"), "10"), (12, "12"), (date(2024, 1, 2), "2024-01-02"), ("=1", "'=1"),
    ],
)  # fmt: skip
def test_csv_cells_are_plain_text(value, expected):
    assert csv_cell(value) == expected


def test_csv_is_utf8_with_a_byte_order_mark_and_formulas_round_trip():
    data = csv_bytes(["name", "notes"], [["Tirgotāju iela", formula] for formula in FORMULAS])
    assert data.startswith(b"\xef\xbb\xbf")
    _header, *rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    assert [notes for _name, notes in rows] == ["'" + formula for formula in FORMULAS]
    table = read_csv_table(data, problems=Problems())
    notes = text(200)
    assert [notes(values["notes"]) for _row, values in table.records()] == FORMULAS


def test_xlsx_keeps_types_never_runs_formulas_and_drops_control_characters():
    rows = [["=1+1", Decimal("12.50"), date(2024, 1, 2), True, None, "bell\x07"]]
    data = xlsx_bytes(["text", "number", "day", "flag", "empty", "control"], rows, sheet_name="x")
    sheet = load_workbook(io.BytesIO(data))["x"]
    assert sheet["A1"].font.b
    assert sheet["A2"].value == "=1+1" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == pytest.approx(12.5)
    assert sheet["C2"].value.date() == date(2024, 1, 2)
    assert sheet["D2"].value == "yes"
    assert sheet["E2"].value is None
    assert sheet["F2"].value == "bell"
    table = read_xlsx_table(data, problems=Problems())
    ((row, values),) = table.records()
    assert row == 2 and values["text"] == "=1+1"
