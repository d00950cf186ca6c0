"""The register as a table: CSV and XLSX files with one unit per row and a header of COLUMNS."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from regrow.lib.tabular.problems import Problems
from regrow.lib.tabular.reading import (
    Table,
    pausing_cycle_collection,
    read_csv_table,
    read_xlsx_table,
)
from regrow.lib.tabular.writing import csv_bytes, xlsx_bytes
from regrow.premises.formats.checker import UnitChecker
from regrow.premises.formats.records import (
    COLUMNS,
    KNOWN_COLUMNS,
    REQUIRED_COLUMNS,
    UnitRecord,
    euros,
)


def _units(
    table: Table,
    problems: Problems,
    *,
    today: date,
    centre: tuple[Decimal, Decimal] | None,
    max_distance_km: float,
) -> list[UnitRecord]:
    checker = UnitChecker(
        problems=problems, today=today, centre=centre, max_distance_km=max_distance_km
    )
    records = []
    for row, values in table.records():
        record = checker.check(row, values)
        if record is not None:
            records.append(record)
    problems.raise_if_any()
    return records


@pausing_cycle_collection
def read_csv(
    data: bytes,
    *,
    filename: str = "",
    today: date,
    centre: tuple[Decimal, Decimal] | None = None,
    max_distance_km: float = 50.0,
    encoding: str = "auto",
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
    return _units(table, problems, today=today, centre=centre, max_distance_km=max_distance_km)


@pausing_cycle_collection
def read_xlsx(
    data: bytes,
    *,
    filename: str = "",
    today: date,
    centre: tuple[Decimal, Decimal] | None = None,
    max_distance_km: float = 50.0,
) -> list[UnitRecord]:
    """Every unit on an XLSX workbook's first sheet, or ImportRejected listing every problem."""
    problems = Problems()
    table = read_xlsx_table(
        data, problems=problems, columns=KNOWN_COLUMNS, required=REQUIRED_COLUMNS
    )
    return _units(table, problems, today=today, centre=centre, max_distance_km=max_distance_km)


def _cells(record: UnitRecord) -> list[object]:
    """The record's cells in the order of COLUMNS, as the readers read them back."""
    return [
        record.external_id,
        record.street,
        record.house_number,
        record.postcode,
        record.display_address,
        record.latitude,
        record.longitude,
        record.floor_area_m2,
        record.frontage_m,
        record.floor,
        record.previous_use,
        "|".join(record.permitted_uses),
        record.condition,
        record.step_free_access,
        record.has_power,
        record.has_water,
        record.has_heating,
        euros(record.asking_rent_cents_per_month),
        record.notes,
        record.listed_on,
        record.status,
        record.status_on,
    ]


def write_csv(records: Iterable[UnitRecord]) -> bytes:
    return csv_bytes(COLUMNS, (_cells(record) for record in records))


def write_xlsx(records: Iterable[UnitRecord]) -> bytes:
    return xlsx_bytes(COLUMNS, (_cells(record) for record in records), sheet_name="units")
