"""The register as a table: CSV and XLSX files with one unit per row and a header of COLUMNS
(in English files) or of the columns' titles (in files in another language)."""

from collections.abc import Iterable
from typing import Unpack

from django.utils.translation import override, pgettext

from regrow.lib.tabular.problems import Problems
from regrow.lib.tabular.reading import (
    pausing_cycle_collection,
    read_csv_table,
    read_xlsx_table,
)
from regrow.lib.tabular.writing import csv_bytes, xlsx_bytes
from regrow.premises.formats.checker import Checks, UnitRecords, check_rows
from regrow.premises.formats.records import (
    COLUMNS,
    KNOWN_COLUMNS,
    REQUIRED_COLUMNS,
    UNIT_COLUMNS,
    UnitRecord,
    file_values,
    file_wording,
    header,
    header_aliases,
    titles,
)
from regrow.premises.formats.words import ENGLISH, Wording


@pausing_cycle_collection
def read_csv(
    data: bytes,
    *,
    filename: str = "",
    encoding: str = "auto",
    **checks: Unpack[Checks],
) -> UnitRecords:
    """Every unit in a CSV file (comma or semicolon), or ImportRejected listing every problem."""
    problems = Problems()
    table = read_csv_table(
        data,
        problems=problems,
        columns=KNOWN_COLUMNS,
        required=REQUIRED_COLUMNS,
        encoding=encoding,
        aliases=header_aliases(),
        titles=titles(),
    )
    return check_rows(table.records(), problems, names=table.names, **checks)


@pausing_cycle_collection
def read_xlsx(
    data: bytes,
    *,
    filename: str = "",
    **checks: Unpack[Checks],
) -> UnitRecords:
    """Every unit on an XLSX workbook's first sheet, or ImportRejected listing every problem."""
    problems = Problems()
    table = read_xlsx_table(
        data,
        problems=problems,
        columns=KNOWN_COLUMNS,
        required=REQUIRED_COLUMNS,
        aliases=header_aliases(),
        titles=titles(),
    )
    return check_rows(table.records(), problems, names=table.names, **checks)


_USES = COLUMNS.index("permitted_uses")
_FLAGS = tuple(
    index for index, column in enumerate(UNIT_COLUMNS) if column.attribute in {
        "step_free_access", "has_power", "has_water", "has_heating"
    }
)  # fmt: skip


def _cells(record: UnitRecord, wording: Wording) -> list[object]:
    """The record's cells in the order of COLUMNS, as the readers read them back."""
    cells = file_values(record, wording.language)
    # One cell, the codes separated by "|" (with spaces between labels, easier to read).
    cells[_USES] = ("|" if wording.language == ENGLISH else " | ").join(cells[_USES])
    for index in _FLAGS:
        cells[index] = wording.yes if cells[index] else wording.no
    return cells


def write_csv(records: Iterable[UnitRecord], language: str = ENGLISH) -> bytes:
    """The records as CSV, in a language's words: a file in Latvian has decimal commas and
    semicolons between cells, as a spreadsheet set to Latvian expects."""
    wording = file_wording(language)
    return csv_bytes(
        header(language),
        (_cells(record, wording) for record in records),
        delimiter=";" if wording.decimal_comma else ",",
        decimal_comma=wording.decimal_comma,
    )


def write_xlsx(records: Iterable[UnitRecord], language: str = ENGLISH) -> bytes:
    """The records on one sheet, with the header frozen, filter buttons and fitted columns."""
    wording = file_wording(language)
    with override(language):
        sheet_name = "units" if language == ENGLISH else pgettext("a sheet of a file", "units")
    return xlsx_bytes(
        header(language),
        (_cells(record, wording) for record in records),
        sheet_name=sheet_name,
        frozen_header=True,
        filters=True,
        widths="fit",
    )
