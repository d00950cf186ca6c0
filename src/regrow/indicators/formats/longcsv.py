"""Observations in long format: a row per value, with the columns town, indicator, period,
value, and optionally flags and source, named in English or in Latvian. CSV (UTF-8 or the
office's code page, "," or ";") or XLSX."""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from regrow.indicators.formats.records import (
    ObservationRecord,
    Reading,
    indicator_code,
    observation_flags,
    observation_value,
    region_code,
    source_text,
)
from regrow.indicators.periods import PeriodCache
from regrow.lib.tabular.problems import Invalid, Problems
from regrow.lib.tabular.reading import (
    Content,
    Table,
    content_of,
    read_csv_table,
    read_xlsx_table,
    refuse_old_excel,
)
from regrow.lib.tabular.writing import csv_bytes, unescape_formula

COLUMNS = ("town", "indicator", "period", "value", "flags", "source")
# Each column's names, as column_key spells them (lower case): English, then Latvian.
ALIASES = {
    "town": "town",
    "region": "town",
    "geo": "town",
    "pilsēta": "town",
    "teritorija": "town",
    "pašvaldība": "town",
    "indicator": "indicator",
    "rādītājs": "indicator",
    "period": "period",
    "time": "period",
    "year": "period",
    "periods": "period",
    "laiks": "period",
    "gads": "period",
    "value": "value",
    "vērtība": "value",
    "flags": "flags",
    "flag": "flags",
    "pazīmes": "flags",
    "source": "source",
    "avots": "source",
}


def _titles() -> dict[str, str]:
    """Each required column's name in the page's language, for the message that it is missing."""
    return {
        "town": _("Town"),
        "indicator": _("Indicator"),
        "period": _("Period"),
        "value": _("Value"),
    }


def _text(raw: object) -> object:
    return unescape_formula(raw.strip()) if isinstance(raw, str) else raw


def read_long(
    data: bytes, *, problems: Problems, encoding: str = "auto", require_indicator: bool = True
) -> Reading:
    """The observations of a long-format CSV or XLSX file. A header without the town, period
    and value columns (and the indicator's, if required) is refused at once; each row's
    problems go to `problems` as the records are read."""
    required = ["town", "period", "value"] + (["indicator"] if require_indicator else [])
    options = {
        "problems": problems,
        "columns": COLUMNS,
        "required": required,
        "aliases": ALIASES,
        "titles": _titles(),
    }
    content = content_of(data)
    if content is Content.XLS:
        refuse_old_excel()
    if content is Content.XLSX:
        table = read_xlsx_table(data, **options)
        expected = 0  # not known before the sheet is read (progress bars count without a total)
    else:
        table = read_csv_table(data, encoding=encoding, **options)
        expected = max(data.count(b"\n"), 1)
    return Reading(records=_records(table, problems), expected=expected)


_CONVERTERS = {
    "town": region_code,
    "indicator": indicator_code,
    "value": observation_value,
    "flags": observation_flags,
    "source": source_text,
}


def _records(table: Table, problems: Problems) -> Iterator[ObservationRecord]:
    periods = PeriodCache()
    converters = {**_CONVERTERS, "period": periods}
    value_name = table.names.get("value", "value")
    for row, cells in table.records():
        values = {}
        for column, convert in converters.items():
            if column not in table.positions:
                continue
            try:
                values[column] = convert(_text(cells.get(column)))
            except Invalid as error:
                problems.add(row, table.names[column], error.message)
        if len(values) < len(table.positions):
            continue
        yield ObservationRecord(
            row=row,
            field=value_name,
            region=values["town"],
            indicator=values.get("indicator", ""),
            period=values["period"],
            value=values["value"],
            flags=values.get("flags", ""),
            source=values.get("source", ""),
        )


def write_long(rows: Iterable[tuple]) -> bytes:
    """A long-format CSV file (UTF-8, English column names) of (town, indicator, period, value,
    flags, source) rows, which read_long reads back to the same observations."""
    # Without the zeros that four decimal places add: 17234, not 17234.0000.
    return csv_bytes(COLUMNS, ((*row[:3], row[3].normalize(), *row[4:]) for row in rows))
