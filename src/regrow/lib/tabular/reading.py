"""Tables from CSV and XLSX bytes: the kind of file, its header, and its rows by physical number.

Row numbers are the ones the person sees: the line where a CSV record starts (a quoted cell may
span lines) or the sheet's row number, blank rows counted but skipped, so a problem reported “in
row 7” is found in row 7.
"""

import csv
import functools
import gc
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from regrow.lib.tabular.encodings import UTF8_BOM, decode_text
from regrow.lib.tabular.problems import Problems, rejected

Row = tuple[int, Sequence[object]]

_XLSX_SIGNATURE = b"PK\x03\x04"
_XLS_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FIRST_LINE = re.compile(r"[^\r\n]*")


class Content(StrEnum):
    """What a file's first bytes say it is, where they say it for certain."""

    XLSX = "xlsx"
    XLS = "xls"
    JSON = "json"


def content_of(data: bytes) -> Content | None:
    """XLSX (a zip), old XLS, or JSON (an object after any byte order mark and spaces)."""
    if data.startswith(_XLSX_SIGNATURE):
        return Content.XLSX
    if data.startswith(_XLS_SIGNATURE):
        return Content.XLS
    if data[:4096].removeprefix(UTF8_BOM).lstrip().startswith(b"{"):
        return Content.JSON
    return None


def suffix_of(filename: str) -> str:
    """The file name's extension in lower case, with its dot (".csv"), or ""."""
    return PurePath(filename).suffix.lower()


def refuse_old_excel() -> None:
    """Raise ImportRejected for a .xls file, which openpyxl cannot read."""
    raise rejected(
        _("Old Excel .xls files cannot be read. Save the file as .xlsx or as “CSV UTF-8”.")
    )


def pausing_cycle_collection(read: Callable) -> Callable:
    """Run a reader with Python's cycle collector paused.

    A large file becomes millions of small objects and no reference cycles; the collector would
    re-scan them all again and again, which made reading 100,000 rows twice as slow.
    """

    @functools.wraps(read)
    def wrapper(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return read(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper


def sniff_delimiter(text: str, candidates: Sequence[str] = (",", ";")) -> str:
    """The candidate found most often in the header line outside quotes; the first on a tie."""
    header = _FIRST_LINE.match(text).group()
    counts = dict.fromkeys(candidates, 0)
    quoted = False
    for character in header:
        if character == '"':
            quoted = not quoted
        elif not quoted and character in counts:
            counts[character] += 1
    return max(candidates, key=lambda candidate: counts[candidate])


def csv_rows(text: str, delimiter: str = ",") -> Iterator[Row]:
    """(line where the record starts, cells) for every record; quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise rejected(
            _("Line %(line)s cannot be read as CSV: %(reason)s.")
            % {"line": reader.line_num, "reason": error},
            row=reader.line_num,
        ) from None


def xlsx_rows(data: bytes) -> list[Row]:
    """(sheet row number, cell values) of the workbook's first sheet, read all at once."""
    not_xlsx = _(
        "The file cannot be read as an Excel workbook (.xlsx). Save it again as .xlsx, "
        "or as “CSV UTF-8”."
    )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # damaged files fail in many ways deep in zipfile and XML parsing
        raise rejected(not_xlsx) from None
    try:
        sheet = workbook.worksheets[0]
        # Read all rows now, so a file damaged half-way is rejected here and not later.
        return list(enumerate(sheet.iter_rows(values_only=True), start=1))
    except Exception:
        raise rejected(not_xlsx) from None
    finally:
        workbook.close()


def is_blank(cells: Sequence[object]) -> bool:
    """True for a row with no cells, or only empty and whitespace cells."""
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def column_key(cell: object) -> str:
    """A header cell as a column name: lower case, without spaces around or a byte order mark."""
    return str(cell).replace("\ufeff", "").strip().lower() if cell is not None else ""


@dataclass
class Table:
    """A table's header, found on its first non-blank row, and the rows below it."""

    header_row: int
    positions: dict[str, int]  # column name -> index of its cell
    rows: Iterator[Row] = field(repr=False)
    # Column name -> its header as the file spells it ("Iela" for "street"), for messages.
    names: dict[str, str] = field(default_factory=dict)

    def records(self) -> Iterator[tuple[int, dict[str, object]]]:
        """(row number, {column: cell}) of each non-blank row; short rows lack their last cells."""
        columns = list(self.positions.items())
        for row, cells in self.rows:
            if is_blank(cells):
                continue
            width = len(cells)
            yield row, {column: cells[index] for column, index in columns if index < width}


def read_table(
    rows: Iterable[Row],
    *,
    problems: Problems,
    columns: Collection[str] | None = None,
    required: Iterable[str] = (),
    aliases: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
) -> Table:
    """The table whose header is the first non-blank row, or ImportRejected for a bad header.

    Only `columns` are kept (all named ones if None); a column named twice, or a `required`
    column missing, is a problem at the header row. `aliases` maps each header a column may
    have (as column_key spells it: "iela") to the column's name ("street"); headers it lacks
    are left out. `titles` names a missing column in its message ("Floor area, m²").
    """
    rows = iter(rows)
    header_row, header = next(
        ((row, cells) for row, cells in rows if not is_blank(cells)), (0, None)
    )
    if header is None:
        raise rejected(_("The file is empty: it has no header row."))
    positions: dict[str, int] = {}
    names: dict[str, str] = {}
    for index, cell in enumerate(header):
        key = column_key(cell)
        column = key if aliases is None else aliases.get(key, "")
        if not column or (columns is not None and column not in columns):
            continue  # other columns are the file owner's business
        written = str(cell).replace("\ufeff", "").strip()
        if column in positions:
            _repeated(problems, header_row, key, names[column], written)
            continue
        positions[column] = index
        names[column] = written
    for column in required:
        if column not in positions:
            title = (titles or {}).get(column, column)
            message = (
                _("The file has no “%(column)s” column.")
                if title == column
                else _("The file has no “%(title)s” column (or “%(column)s”).")
            )
            problems.add(header_row, column, message % {"column": column, "title": title})
    problems.raise_if_any()
    return Table(header_row=header_row, positions=positions, rows=rows, names=names)


def _repeated(problems: Problems, header_row: int, key: str, first: str, second: str) -> None:
    if column_key(first) == key:
        message = _("The “%(column)s” column appears twice; keep one.") % {"column": key}
        problems.add(header_row, key, message)
    else:
        message = _("“%(first)s” and “%(second)s” are the same column; keep one.")
        problems.add(header_row, second, message % {"first": first, "second": second})


def read_csv_table(
    data: bytes,
    *,
    problems: Problems,
    columns: Collection[str] | None = None,
    required: Iterable[str] = (),
    encoding: str = "auto",
    delimiters: Sequence[str] = (",", ";"),
    aliases: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
) -> Table:
    """The table in CSV bytes, decoded and split by the delimiter its header line uses."""
    text = decode_text(data, encoding)
    rows = csv_rows(text, sniff_delimiter(text, delimiters))
    return read_table(
        rows, problems=problems, columns=columns, required=required, aliases=aliases, titles=titles
    )


def read_xlsx_table(
    data: bytes,
    *,
    problems: Problems,
    columns: Collection[str] | None = None,
    required: Iterable[str] = (),
    aliases: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
) -> Table:
    """The table on the first sheet of an XLSX workbook."""
    return read_table(
        xlsx_rows(data),
        problems=problems,
        columns=columns,
        required=required,
        aliases=aliases,
        titles=titles,
    )
