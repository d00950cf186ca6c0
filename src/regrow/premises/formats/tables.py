"""The register as a table: CSV and XLSX files with one unit per row and a header of COLUMNS."""

from collections.abc import Iterable
from typing import Unpack

from regrow.lib.tabular.problems import Problems
from regrow.lib.tabular.reading import (
    pausing_cycle_collection,
    read_csv_table,
    read_xlsx_table,
)
from regrow.lib.tabular.writing import csv_bytes, xlsx_bytes
from regrow.premises.formats.checker import Checks, check_rows
from regrow.premises.formats.records import (
    COLUMNS,
    KNOWN_COLUMNS,
    REQUIRED_COLUMNS,
    UnitRecord,
    file_values,
)


@pausing_cycle_collection
def read_csv(
    data: bytes,
    *,
    filename: str = "",
    encoding: str = "auto",
    **checks: Unpack[Checks],
) -> list[UnitRecord]:
    """Every unit in a CSV file (comma or semicolon), or ImportRejected listing every problem."""
    problems = Problems()
    table = read_csv_table(
        data,
        problems=problems,
        columns=KNOWN_COLUMNS,
        required=REQUIRED_COLUMNS,
        encoding=encoding,
    )
    return check_rows(table.records(), problems, **checks)


@pausing_cycle_collection
def read_xlsx(
    data: bytes,
    *,
    filename: str = "",
    **checks: Unpack[Checks],
) -> list[UnitRecord]:
    """Every unit on an XLSX workbook's first sheet, or ImportRejected listing every problem."""
    problems = Problems()
    table = read_xlsx_table(
        data, problems=problems, columns=KNOWN_COLUMNS, required=REQUIRED_COLUMNS
    )
    return check_rows(table.records(), problems, **checks)


_USES = COLUMNS.index("permitted_uses")


def _cells(record: UnitRecord) -> list[object]:
    """The record's cells in the order of COLUMNS, as the readers read them back."""
    cells = file_values(record)
    cells[_USES] = "|".join(cells[_USES])  # one cell, the codes separated by "|"
    return cells


def write_csv(records: Iterable[UnitRecord]) -> bytes:
    return csv_bytes(COLUMNS, (_cells(record) for record in records))


def write_xlsx(records: Iterable[UnitRecord]) -> bytes:
    return xlsx_bytes(COLUMNS, (_cells(record) for record in records), sheet_name="units")
