"""The import's write: the file read again inside one transaction, chunk by chunk, each chunk's
observations locked, compared and written in a few bulk statements (premises' `bulk`)."""

from collections.abc import Callable, Mapping

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.indicators import caching
from regrow.indicators.formats import ImportRejected, Problems, RowError
from regrow.indicators.formats.records import MAX_SOURCE_LENGTH
from regrow.indicators.models import ImportBatch, Observation, ObservationChange
from regrow.indicators.services import bulkwrite, mapping
from regrow.indicators.services.existing import chunk_size, held
from regrow.indicators.services.imports import (
    ImportConflict,
    ImportOptions,
    chunks,
    key_of,
    observations_preview,
    read_file,
)
from regrow.lib.tabular.reading import pausing_cycle_collection
from regrow.premises.services import bulk
from regrow.towns.models import Town

_OBSERVATION_COLUMNS = (
    "town",
    "indicator",
    "period",
    "period_start",
    "granularity",
    "value",
    "flags",
    "source",
    "batch",
    "version",
)
_CHANGED_COLUMNS = ("value", "flags", "source", "batch")
_HISTORY_COLUMNS = (
    "observation",
    "old_value",
    "new_value",
    "old_flags",
    "new_flags",
    "old_source",
    "batch",
    "changed_at",
    "changed_by",
)


def _person(by):
    return by if getattr(by, "is_authenticated", False) else None


@pausing_cycle_collection
def observations_import(
    *,
    data: bytes,
    filename: str,
    options: ImportOptions,
    by,
    town: Town | None = None,
    read_versions: Mapping[int, int] | None = None,
    checking: Callable[[int, int], object] | None = None,
    writing: Callable[[int, int], object] | None = None,
) -> ImportBatch:
    """Import the file's values, all or nothing; the batch says what was done.

    The file is checked first (ImportRejected lists every problem), then written. With
    `read_versions` (observation id → version, from the preview), nothing is written if any
    observation the file replaces has changed since, or was added since: ImportConflict names
    each. `checking` and `writing` are called with (values done, values expected)."""
    batch = ImportBatch(
        created_by=_person(by),
        town=town,
        file_name=filename[:255],
        file_format=options.file_format,
        status=ImportBatch.Status.APPLIED,
    )
    try:
        preview = observations_preview(
            data=data,
            filename=filename,
            options=options,
            by=by,
            town=town,
            keep_versions=False,
            progress=checking,
        )
    except ImportConflict:
        raise
    except ImportRejected:
        _failed(batch, ImportBatch.Status.REJECTED)
        raise
    batch.file_format, batch.left_out = preview.file_format, preview.left_out
    target = mapping.target_for(town)
    versions = None if read_versions is None else {int(k): v for k, v in read_versions.items()}
    try:
        with transaction.atomic():
            batch.save()
            written = _write(data, filename, options, target, batch, by, versions, writing)
            caching.renew_after_commit(written)
    except ImportConflict:
        _failed(batch, ImportBatch.Status.CONFLICT)
        raise
    except IntegrityError:
        # Someone added a value of the file between this import's look-up and its insert.
        _failed(batch, ImportBatch.Status.CONFLICT)
        raise ImportConflict(
            [RowError(0, "file", _("Values of the file were added by someone else meanwhile."))]
        ) from None
    return batch


def _failed(batch: ImportBatch, status: str) -> None:
    batch.pk = None
    batch.added = batch.changed = batch.unchanged = 0
    batch.status = status
    batch.save()


def _conflict(target: mapping.Target, town_id: int, indicator_id: int, record) -> RowError:
    return RowError(
        record.row,
        record.field,
        _("The value of %(town)s, “%(indicator)s”, %(period)s changed after the file was checked.")
        % {
            "town": target.town_names[town_id],
            "indicator": target.indicator_names[indicator_id],
            "period": record.period.text,
        },
    )


def _write(data, filename, options, target, batch, by, read_versions, progress) -> set[int]:
    """Write the file's values; the ids of the towns whose values it added or changed."""
    problems = Problems()
    reading = read_file(data, filename, options, problems)
    tally = mapping.Tally()
    records = mapping.mapped(
        reading.records,
        target,
        indicator=options.indicator,
        skip_unknown_regions=options.skip_unknown_regions,
        problems=problems,
        tally=tally,
    )
    default_source = (options.source or reading.source or filename)[:MAX_SOURCE_LENGTH]
    person = _person(by)
    person_id = person.pk if person else None
    now = timezone.now()
    size = chunk_size()
    dates = {}  # each period's first day as the database takes it
    conflicts: list[RowError] = []
    written: set[int] = set()
    for chunk in chunks(records, size):
        keys = [key_of(*item) for item in chunk]
        current = held(keys, lock=True)
        new, updates, history, updated = [], [], [], {}
        for key, (town_id, info, record) in zip(keys, chunk, strict=True):
            row = current.get(key)
            checked = row is not None and read_versions is not None
            if checked and read_versions.get(row.id) != row.version:
                conflicts.append(_conflict(target, town_id, info.id, record))
                continue
            period = record.period
            source = record.source or default_source
            if row is None:
                start = dates.get(period.text)
                if start is None:
                    start = dates[period.text] = connection.ops.adapt_datefield_value(period.start)
                new.append(
                    (town_id, info.id, period.text, start, period.granularity.value,
                     record.value, record.flags, source, batch.pk, 1)
                )  # fmt: skip
                written.add(town_id)
            elif row.value == record.value and row.flags == record.flags:
                batch.unchanged += 1
            else:
                updates.append((row.id, row.version, record.value, record.flags, source, batch.pk))
                history.append(
                    (row.id, row.value, record.value, row.flags, record.flags, row.source,
                     batch.pk, now, person_id)
                )  # fmt: skip
                updated[row.id] = (town_id, info.id, record)
                written.add(town_id)
        if conflicts:
            continue  # nothing will be written: go on only to name every conflict
        bulkwrite.insert(Observation, _OBSERVATION_COLUMNS, new, batch_size=size)
        moved_on = bulkwrite.update_unchanged(
            Observation, _CHANGED_COLUMNS, updates, batch_size=size
        )
        conflicts += [_conflict(target, *updated[pk]) for pk in moved_on]
        rows = bulk.database_rows(ObservationChange, _HISTORY_COLUMNS, history)
        bulkwrite.insert(ObservationChange, _HISTORY_COLUMNS, rows, batch_size=size // 3)
        batch.added += len(new)
        batch.changed += len(updates)
        if progress:
            progress(tally.read, reading.expected)
    problems.raise_if_any()
    if conflicts:
        raise ImportConflict(conflicts)
    if progress:
        progress(tally.read, tally.read)
    ImportBatch.objects.filter(pk=batch.pk).update(
        added=batch.added, changed=batch.changed, unchanged=batch.unchanged
    )
    return written
