"""Eurostat's TSV files: a header whose first cell names the dimensions of each row and, after
a backslash, the time of each column (`unit,indic_de,geo\\TIME_PERIOD`), then a row per series
whose first cell holds its codes (`NR,JAN,LV0360201`) and whose cells hold values with their
flags after them (`17234 p`), `:` for a value not available. Also gzip-compressed, as Eurostat's
bulk download gives them."""

import re
import zlib
from collections.abc import Iterator, Mapping

from django.utils.translation import gettext as _

from regrow.indicators.formats.cube import AUTO, CubePlan, Dimension, plan_cube
from regrow.indicators.formats.records import (
    MAX_CODE_LENGTH,
    ObservationRecord,
    Reading,
    observation_flags,
    observation_value,
)
from regrow.indicators.periods import Period, PeriodCache
from regrow.lib.tabular.encodings import decode_text
from regrow.lib.tabular.problems import Invalid, Problems, rejected

GZIP_SIGNATURE = b"\x1f\x8b"
# A compressed file may not unpack to more than this (a small file can unpack to gigabytes).
MAX_UNPACKED_BYTES = 300 * 1024 * 1024

_VALUE = re.compile(r"([^\sA-Za-z:]+)\s*([A-Za-z]*)")
_MISSING = re.compile(r":\s*([A-Za-z]*)")
_NAME = re.compile(r"[\w.\- ]{1,50}")
_FLAG_FIRST = re.compile(r"([A-Za-z]+)\s*([^\sA-Za-z:]+)")


def _not_a_header() -> str:
    return _(
        "The first cell of the header must name each row's dimensions and, after a "
        "backslash, the time of the columns, as Eurostat writes it: unit,geo\\TIME_PERIOD."
    )


def looks_like_eurostat(data: bytes) -> bool:
    """Whether the first line is a Eurostat header (a backslash before the time dimension)."""
    if data.startswith(GZIP_SIGNATURE):
        return True
    first = data[:2048].split(b"\n", 1)[0]
    return b"\\" in first.split(b"\t", 1)[0]


def _unpacked(data: bytes) -> bytes:
    if not data.startswith(GZIP_SIGNATURE):
        return data
    unpacker = zlib.decompressobj(wbits=31)
    try:
        unpacked = unpacker.decompress(data, MAX_UNPACKED_BYTES)
    except zlib.error:
        raise rejected(_("The file cannot be unpacked: it is not a whole gzip file.")) from None
    if unpacker.unconsumed_tail:
        raise rejected(_("The unpacked file is larger than 300 MB."))
    if not unpacker.eof:
        raise rejected(_("The file cannot be unpacked: it is not a whole gzip file."))
    return unpacked


def read_eurostat(
    data: bytes,
    *,
    problems: Problems,
    select: Mapping[str, str] | None = None,
    indicator_dimension: str = AUTO,
) -> Reading:
    """The observations of a Eurostat TSV file (or ImportRejected for a header that is not one);
    each value's problems go to `problems` as the records are read."""
    text = decode_text(_unpacked(data))
    lines = text.splitlines()
    header_row = next((number for number, line in enumerate(lines, 1) if line.strip()), 0)
    if not header_row:
        raise rejected(_("The file is empty: it has no header row."))
    header = lines[header_row - 1].split("\t")
    first = header[0].strip()
    if "\\" not in first:
        raise rejected(_not_a_header(), row=header_row, field=first[:MAX_CODE_LENGTH] or "1")
    names, time_name = first.rsplit("\\", 1)
    ids = [name.strip() for name in names.split(",")]
    if not all(_NAME.fullmatch(name) for name in [*ids, time_name.strip()]):
        raise rejected(_not_a_header(), row=header_row, field=first[:MAX_CODE_LENGTH])
    periods = _periods(header[1:], header_row, problems)
    rows, codes = _rows(lines, header_row, len(ids), len(header) - 1, first, problems)
    dimensions = [Dimension(id=name, codes=list(codes[index])) for index, name in enumerate(ids)]
    dimensions.append(
        Dimension(id=time_name.strip(), codes=[p.text for p in periods if p], role="time")
    )
    plan = plan_cube(
        dimensions,
        select=select or {},
        indicator_dimension=indicator_dimension,
        problems=problems,
        place=(header_row, first),
    )
    if plan is None:
        problems.raise_if_any()
    missing = [0]
    columns = [cell.strip() for cell in header[1:]]
    records = _records(lines, rows, plan, periods, columns, problems, missing)
    return Reading(
        records=records,
        expected=len(rows) * len(periods),
        missing=lambda: missing[0],
    )


def _periods(cells: list[str], header_row: int, problems: Problems) -> list[Period | None]:
    parse = PeriodCache()
    periods: list[Period | None] = []
    seen: set[str] = set()
    for cell in cells:
        written = cell.strip()
        try:
            period = parse(written)
        except Invalid as error:
            problems.add(header_row, written or "—", error.message)
            periods.append(None)
            continue
        if period.text in seen:
            problems.add(
                header_row,
                written,
                _("The period %(period)s has two columns; keep one.") % {"period": period.text},
            )
        seen.add(period.text)
        periods.append(period)
    return periods


def _rows(
    lines: list[str], header_row: int, dimensions: int, columns: int, first: str, problems
) -> tuple[list[tuple[int, tuple[str, ...]]], list[dict[str, None]]]:
    """(line number, codes) of each series, and each dimension's codes in the order found."""
    rows = []
    codes: list[dict[str, None]] = [{} for _ in range(dimensions)]
    seen: dict[tuple[str, ...], int] = {}
    for number in range(header_row + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        cells = line.split("\t")
        key = tuple(code.strip() for code in cells[0].split(","))
        if len(key) != dimensions or not all(key) or max(map(len, key)) > MAX_CODE_LENGTH:
            problems.add(
                number,
                first,
                _("“%(codes)s” must be %(count)s codes separated by commas, as the header names.")
                % {"codes": cells[0].strip()[:200], "count": dimensions},
            )
            continue
        if len(cells) - 1 > columns:
            problems.add(
                number,
                first,
                _("This row has %(cells)s values; the header names %(columns)s periods.")
                % {"cells": len(cells) - 1, "columns": columns},
            )
            continue
        if key in seen:
            problems.add(
                number,
                first,
                _("The series %(codes)s is also in row %(row)s; keep one.")
                % {"codes": ",".join(key), "row": seen[key]},
            )
            continue
        seen[key] = number
        for index, code in enumerate(key):
            codes[index].setdefault(code, None)
        rows.append((number, key))
    return rows, codes


def cell_value(cell: str):
    """(value, flags) of a cell, (None, flags) for a value not available; Invalid if neither."""
    written = cell.strip()
    if not written:
        return None, ""
    if match := _MISSING.fullmatch(written):
        return None, observation_flags(match.group(1))
    if match := _VALUE.fullmatch(written):
        return observation_value(match.group(1)), observation_flags(match.group(2))
    if match := _FLAG_FIRST.fullmatch(written):
        raise Invalid(
            _("The flag “%(flag)s” stands before the number; write it after: %(number)s %(flag)s.")
            % {"flag": match.group(1), "number": match.group(2)}
        )
    raise Invalid(
        _("“%(value)s” is not a number with optional flags, such as 17234 p, or : if missing.")
        % {"value": written[:100]}
    )


def _records(
    lines: list[str],
    rows: list[tuple[int, tuple[str, ...]]],
    plan: CubePlan,
    periods: list[Period | None],
    columns: list[str],
    problems: Problems,
    missing: list[int],
) -> Iterator[ObservationRecord]:
    time_kept = plan.kept[plan.time]
    row_kept = list(enumerate(plan.kept[: plan.time]))
    for number, key in rows:
        if any(kept is not None and key[index] not in kept for index, kept in row_kept):
            continue
        region = key[plan.geo]
        indicator = key[plan.indicator] if plan.indicator is not None else ""
        cells = lines[number - 1].split("\t")[1:]
        for column, cell in enumerate(cells):
            period = periods[column]
            if period is None or (time_kept is not None and period.text not in time_kept):
                continue
            try:
                value, flags = cell_value(cell)
            except Invalid as error:
                problems.add(number, columns[column], error.message)
                continue
            if value is None:
                missing[0] += 1
                continue
            yield ObservationRecord(
                row=number,
                field=columns[column],
                region=region,
                indicator=indicator,
                period=period,
                value=value,
                flags=flags,
            )
