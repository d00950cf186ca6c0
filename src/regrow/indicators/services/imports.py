"""Importing observations: what a file would do (preview), then doing it, all or nothing.

A file is read twice. The check reads every value, maps its region to a town and its code to an
indicator, and compares it with what the database holds, with nothing written: the preview, and
the first step of every import. The write then reads the file again inside one transaction,
locks the observations it replaces, and writes chunk by chunk in bulk statements; a million
values never sit in memory at once. A value is never overwritten silently: an import confirmed
from a preview writes only if every observation it replaces is still at the version the preview
read (else ImportConflict lists them and nothing is written), and each replaced value goes to
the history (ObservationChange).
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from regrow.indicators.formats import (
    AUTO,
    ImportRejected,
    ObservationRecord,
    Problems,
    Reading,
    detect_format,
    read_observations,
)
from regrow.indicators.services import mapping
from regrow.indicators.services.existing import Held, held
from regrow.indicators.services.existing import chunk_size as _chunk_size
from regrow.lib.tabular.reading import pausing_cycle_collection
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can

LISTED_CHANGES = 50
LISTED_ADDITIONS = 20


@dataclass(frozen=True)
class ImportOptions:
    """How to read a file: its format ("" to detect it), the indicator of all its values ("" if
    the file names them), categories chosen of a cube's other dimensions, the source of values
    the file gives none, whether to leave out regions that are no town here, the encoding."""

    file_format: str = ""
    indicator: str = ""
    select: Mapping[str, str] = field(default_factory=dict)
    source: str = ""
    skip_unknown_regions: bool = False
    encoding: str = "auto"


@dataclass(frozen=True)
class ValueLine:
    town: str
    indicator: str
    period: str
    old_value: Decimal | None
    old_flags: str
    value: Decimal
    flags: str


@dataclass
class SeriesLine:
    """What an import does to one town's indicator."""

    town: str
    indicator: str
    first: str
    last: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    _first_start: object = None
    _last_start: object = None


@dataclass
class ImportPreview:
    file_format: str
    title: str = ""
    read: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    left_out: int = 0
    missing: int = 0
    additions: list[ValueLine] = field(default_factory=list)
    changes: list[ValueLine] = field(default_factory=list)
    left_out_regions: list[tuple[str, str, int]] = field(default_factory=list)
    left_out_region_count: int = 0
    series: list[SeriesLine] = field(default_factory=list)
    # The version of each observation the file would replace or keep (kept with the preview).
    versions: dict[int, int] = field(default_factory=dict)

    @property
    def writes_nothing(self) -> bool:
        return not (self.added or self.changed)


class ImportConflict(ImportRejected):
    """Observations the file replaces changed after the preview read them; nothing was written."""


def read_file(data: bytes, filename: str, options: ImportOptions, problems: Problems) -> Reading:
    return read_observations(
        data,
        problems=problems,
        file_format=options.file_format or None,
        filename=filename,
        select=options.select,
        indicator_dimension="" if options.indicator else AUTO,
        require_indicator=not options.indicator,
        encoding=options.encoding,
    )


def chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, size)):
        yield chunk


def key_of(town_id: int, info: mapping.IndicatorInfo, record: ObservationRecord):
    return (town_id, info.id, record.period.text)


def _require_coordinator(by, town: Town | None) -> None:
    if town is not None and not can(by, Action.CHANGE_TOWN, town):
        raise PermissionDenied


def _require_towns(by, target: mapping.Target, town_ids) -> None:
    refused = [
        target.town_names[town_id]
        for town_id in town_ids
        if not can(by, Action.CHANGE_TOWN, Town(pk=town_id))
    ]
    if refused:
        raise PermissionDenied(
            _("You may not import values for %(towns)s.") % {"towns": ", ".join(sorted(refused))}
        )


@pausing_cycle_collection
def observations_preview(
    *,
    data: bytes,
    filename: str,
    options: ImportOptions,
    by,
    town: Town | None = None,
    keep_versions: bool = True,
    progress: Callable[[int, int], object] | None = None,
) -> ImportPreview:
    """What importing the file would do now, with nothing written; ImportRejected lists every
    problem (each at its place in the file). `town`: a coordinator's import for one town."""
    _require_coordinator(by, town)
    target = mapping.target_for(town)
    problems = Problems()
    reading = read_file(data, filename, options, problems)
    file_format = options.file_format or detect_format(data, filename)
    preview = ImportPreview(file_format=str(file_format), title=reading.title)
    tally = mapping.Tally()
    series: dict[tuple[int, int], SeriesLine] = {}
    seen: set[tuple] = set()
    records = mapping.mapped(
        reading.records,
        target,
        indicator=options.indicator,
        skip_unknown_regions=options.skip_unknown_regions,
        problems=problems,
        tally=tally,
    )
    for chunk in chunks(records, _chunk_size()):
        keys = [key_of(*item) for item in chunk]
        current = held(keys)
        for key, (town_id, info, record) in zip(keys, chunk, strict=True):
            if key in seen:
                problems.add(
                    record.row,
                    record.field,
                    _("%(town)s, “%(indicator)s”, %(period)s has a value earlier in the file.")
                    % {
                        "town": target.town_names[town_id],
                        "indicator": info.name,
                        "period": record.period.text,
                    },
                )
                continue
            seen.add(key)
            _count(preview, series, target, key, current.get(key), record, keep_versions)
        if progress:
            progress(tally.read, reading.expected)
    del seen
    mapping.report(
        tally,
        target,
        indicator=options.indicator,
        skip_unknown_regions=options.skip_unknown_regions,
        labels=reading.region_labels,
        problems=problems,
    )
    problems.raise_if_any()
    _require_towns(by, target, {town_id for town_id, _indicator in series})
    preview.read, preview.left_out, preview.missing = tally.read, tally.left_out, reading.missing()
    preview.left_out_regions = tally.left_out_regions(reading.region_labels)
    preview.left_out_region_count = len(tally.unmapped)
    preview.series = sorted(series.values(), key=lambda line: (line.town, line.indicator))
    return preview


def _count(preview, series, target, key, current: Held | None, record, keep_versions) -> None:
    town_id, indicator_id, _period = key
    line = series.get((town_id, indicator_id))
    start = record.period.start
    if line is None:
        line = series[(town_id, indicator_id)] = SeriesLine(
            town=target.town_names[town_id],
            indicator=target.indicator_names[indicator_id],
            first=record.period.text,
            last=record.period.text,
            _first_start=start,
            _last_start=start,
        )
    if start < line._first_start:
        line.first, line._first_start = record.period.text, start
    if start > line._last_start:
        line.last, line._last_start = record.period.text, start
    if current is not None and keep_versions:
        preview.versions[current.id] = current.version
    if current is None:
        preview.added += 1
        line.added += 1
        if len(preview.additions) < LISTED_ADDITIONS:
            preview.additions.append(_line(line, record, None))
    elif current.value == record.value and current.flags == record.flags:
        preview.unchanged += 1
        line.unchanged += 1
    else:
        preview.changed += 1
        line.changed += 1
        if len(preview.changes) < LISTED_CHANGES:
            preview.changes.append(_line(line, record, current))


def _line(line: SeriesLine, record: ObservationRecord, current: Held | None) -> ValueLine:
    return ValueLine(
        town=line.town,
        indicator=line.indicator,
        period=record.period.text,
        old_value=current.value if current else None,
        old_flags=current.flags if current else "",
        value=record.value,
        flags=record.flags,
    )
