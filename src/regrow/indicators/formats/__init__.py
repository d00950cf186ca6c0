"""Reading and writing observations: long-format CSV (or XLSX), Eurostat's TSV and JSON-stat.

The pure core of the imports: readers turn file bytes into plain records, checked value by value,
on top of regrow.lib.tabular; no database here. Each problem names its place in the file (row and
column, or the JSON path), and a reader never fails in another way: a file is read in full, or
ImportRejected lists what is wrong. Which town a region's code is, and which indicator, the
import service finds out.
"""

from collections.abc import Mapping
from enum import StrEnum

from django.utils.translation import gettext as _

from regrow.indicators.formats.cube import AUTO
from regrow.indicators.formats.eurostat import looks_like_eurostat, read_eurostat
from regrow.indicators.formats.jsonstat import read_jsonstat
from regrow.indicators.formats.longcsv import read_long, write_long
from regrow.indicators.formats.records import ObservationRecord, Reading
from regrow.lib.tabular.problems import ImportRejected, Problems, RowError, rejected
from regrow.lib.tabular.reading import Content, content_of, suffix_of

__all__ = [
    "AUTO",
    "Format",
    "ImportRejected",
    "ObservationRecord",
    "Problems",
    "Reading",
    "RowError",
    "detect_format",
    "read_observations",
    "write_long",
]


class Format(StrEnum):
    CSV = "csv"  # long format, also as XLSX
    EUROSTAT = "eurostat"
    JSONSTAT = "jsonstat"


def detect_format(data: bytes, filename: str = "") -> Format:
    """The file's format from its content: JSON is JSON-stat, a backslash in the first cell (or
    gzip) is Eurostat's TSV, anything else a table in long format."""
    content = content_of(data)
    if content is Content.JSON:
        return Format.JSONSTAT
    if content is None and (looks_like_eurostat(data) or suffix_of(filename) == ".tsv"):
        return Format.EUROSTAT
    if not data.strip():
        raise rejected(_("The file is empty."))
    return Format.CSV


def read_observations(
    data: bytes,
    *,
    problems: Problems,
    file_format: Format | str | None = None,
    filename: str = "",
    select: Mapping[str, str] | None = None,
    indicator_dimension: str = AUTO,
    require_indicator: bool = True,
    encoding: str = "auto",
) -> Reading:
    """The file's observations as they are read (or ImportRejected at once for a file that is
    not of its format). `select` keeps one category of a data cube's other dimensions
    ({"sex": "T"}); `indicator_dimension` names the cube's dimension holding the indicators'
    codes ("" for none, AUTO to find one called indicator); a long-format file must have an
    indicator column if `require_indicator`. Problems with values go to `problems`: call its
    raise_if_any() once the records are read."""
    file_format = Format(file_format) if file_format else detect_format(data, filename)
    if file_format is Format.JSONSTAT:
        return read_jsonstat(
            data, problems=problems, select=select, indicator_dimension=indicator_dimension
        )
    if file_format is Format.EUROSTAT:
        return read_eurostat(
            data, problems=problems, select=select, indicator_dimension=indicator_dimension
        )
    if select:
        raise rejected(_("A file in long format has no dimensions to choose from."))
    return read_long(
        data, problems=problems, encoding=encoding, require_indicator=require_indicator
    )
