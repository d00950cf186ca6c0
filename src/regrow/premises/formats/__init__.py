"""Reading and writing the register of shop units as GeoJSON, CSV and XLSX files.

The pure core of import and export: readers turn file bytes into checked plain records, writers
turn records back into file bytes. No database here. Readers are all-or-nothing (see
regrow.lib.tabular.problems). The generic parts of reading tables live in regrow.lib.tabular;
this package holds what is about units: their columns and checks, GeoJSON points, and zones.
"""

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Unpack

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import ImportRejected, RowError, rejected
from regrow.lib.tabular.reading import Content, content_of, refuse_old_excel, suffix_of
from regrow.premises.formats.checker import Checks, UnitRecords, in_file_names
from regrow.premises.formats.geojson import read_geojson, write_geojson
from regrow.premises.formats.records import COLUMNS, UnitRecord
from regrow.premises.formats.tables import read_csv, read_xlsx, write_csv, write_xlsx
from regrow.premises.formats.words import ENGLISH, file_languages
from regrow.premises.formats.zones import ZoneRecord, read_zones

__all__ = [
    "COLUMNS",
    "ENGLISH",
    "Format",
    "ImportRejected",
    "RowError",
    "UnitRecord",
    "UnitRecords",
    "ZoneRecord",
    "detect_format",
    "file_languages",
    "in_file_names",
    "read_csv",
    "read_geojson",
    "read_units",
    "read_xlsx",
    "read_zones",
    "write_csv",
    "write_geojson",
    "write_units",
    "write_xlsx",
]


class Format(StrEnum):
    GEOJSON = "geojson"
    CSV = "csv"
    XLSX = "xlsx"


_BY_SUFFIX = {
    ".geojson": Format.GEOJSON,
    ".json": Format.GEOJSON,
    ".csv": Format.CSV,
    ".txt": Format.CSV,
    ".xlsx": Format.XLSX,
}


def detect_format(data: bytes, filename: str = "") -> Format:
    """The file's format, from its content where that is certain, else from its name."""
    content = content_of(data)
    if content is Content.XLSX:
        return Format.XLSX
    if content is Content.JSON:
        return Format.GEOJSON
    suffix = suffix_of(filename)
    if content is Content.XLS or suffix == ".xls":
        refuse_old_excel()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    raise rejected(
        _(
            "The file's format cannot be recognised. Use a GeoJSON, CSV or XLSX file whose name "
            "ends in .geojson, .csv or .xlsx."
        )
    )


def read_units(
    data: bytes, *, filename: str = "", encoding: str = "auto", **checks: Unpack[Checks]
) -> UnitRecords:
    """Every unit in a GeoJSON, CSV or XLSX file, or ImportRejected listing every problem.

    `checks`: `today` (required), the town's `centre` and `max_distance_km` from it. Columns
    and codes may be in English or in any offered language; the records' `names` say how the
    file named its columns, for messages about them (in_file_names).
    """
    file_format = detect_format(data, filename)
    if file_format is Format.CSV:
        return read_csv(data, filename=filename, encoding=encoding, **checks)
    if file_format is Format.XLSX:
        return read_xlsx(data, filename=filename, **checks)
    return read_geojson(data, filename=filename, **checks)


_WRITERS: dict[Format, Callable[[Iterable[UnitRecord], str], bytes]] = {
    Format.GEOJSON: write_geojson,
    Format.CSV: write_csv,
    Format.XLSX: write_xlsx,
}


def write_units(records: Iterable[UnitRecord], fmt: Format, language: str = ENGLISH) -> bytes:
    """The records as file bytes in the chosen format, with headers and codes in `language`
    (English: the column names and codes that other programs read)."""
    return _WRITERS[Format(fmt)](records, language)
