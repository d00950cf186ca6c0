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
    MAX_WIDTH,
    MIN_WIDTH,
    csv_bytes,
    csv_cell,
    escape_formula,
    fitting_widths,
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


def test_csv_with_decimal_commas_is_split_at_semicolons_and_reads_back():
    rows = [["Pils iela", Decimal("45.50"), 57.4227, 12, date(2024, 1, 2)]]
    data = csv_bytes(
        ["street", "area", "lat", "count", "day"], rows, delimiter=";", decimal_comma=True
    )
    assert data.decode("utf-8-sig").splitlines() == [
        "street;area;lat;count;day",
        "Pils iela;45,50;57,4227;12;2024-01-02",
    ]
    ((_row, values),) = read_csv_table(data, problems=Problems()).records()
    assert values["area"] == "45,50"


def test_xlsx_can_freeze_its_header_filter_it_and_fit_its_columns():
    rows = [["Pils iela", Decimal("45.5"), "x" * 300], ["Dārza iela 12", None, ""]]
    data = xlsx_bytes(
        ["street", "floor area, m²", "notes"],
        rows,
        sheet_name="units",
        frozen_header=True,
        filters=True,
        widths="fit",
    )
    sheet = load_workbook(io.BytesIO(data))["units"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    widths = [sheet.column_dimensions[letter].width for letter in "ABC"]
    # The longest of header and values, with room for the filter button, but never too wide.
    assert widths == [14, 17, MAX_WIDTH]
    assert [cell.value for cell in sheet[2]] == ["Pils iela", 45.5, "x" * 300]


def test_fitted_widths_measure_only_the_first_rows_and_keep_a_minimum():
    rows = [["a"]] * 200 + [["a much longer value than any before"]]
    assert fitting_widths(["id"], rows[:200]) == [MIN_WIDTH]
    data = xlsx_bytes(["id"], rows, sheet_name="x", widths="fit")
    sheet = load_workbook(io.BytesIO(data))["x"]
    assert sheet.column_dimensions["A"].width == MIN_WIDTH
    assert sheet.max_row == 202
    assert sheet.freeze_panes is None and sheet.auto_filter.ref is None


def test_xlsx_takes_widths_as_given():
    data = xlsx_bytes(["a", "b"], [[1, 2]], sheet_name="x", widths=[30, 8.5])
    sheet = load_workbook(io.BytesIO(data))["x"]
    assert [sheet.column_dimensions[letter].width for letter in "AB"] == [30, 8.5]
