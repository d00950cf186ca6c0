"""Importing a file of units: create or update them by external id, and add their statuses.

An import reads what it needs of the register first, outside any transaction, and works out what
to write; then it writes in one short transaction, in bulk, all or nothing (on SQLite a write
transaction keeps every other writer waiting). It never overwrites a unit that changed after it
was read: a unit is updated only if it is still at the version read, by the coordinator's
preview or else by the import itself. If any is not, nothing is written and ImportConflict names
them.
"""

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from regrow.lib import pagecache
from regrow.lib.tabular.reading import pausing_cycle_collection
from regrow.premises.choices import Source
from regrow.premises.formats import ImportRejected, RowError, UnitRecord
from regrow.premises.formats.records import UNIT_FIELDS, unit_values
from regrow.premises.models import StatusChange, Unit
from regrow.premises.services import bulk
from regrow.premises.services.permissions import require_coordinator
from regrow.towns.models import Town

# What an import writes to a unit it knows (found by its external id, which stays as it is).
WRITTEN_FIELDS: tuple[str, ...] = tuple(name for name in UNIT_FIELDS if name != "external_id")
_LISTED_ON = WRITTEN_FIELDS.index("listed_on")
# Every column of a new unit or status change: the file's values, the rest the models' defaults.
# Not the address's sort key, which the database works out itself (Unit.house_number_sort).
_UNIT_COLUMNS = tuple(
    field.name
    for field in Unit._meta.concrete_fields
    if not field.primary_key and not field.generated
)
_STATUS_COLUMNS = (
    "unit",
    *(f.name for f in StatusChange._meta.concrete_fields if not f.primary_key and f.name != "unit"),
)
# Rows fetched at a time while reading the register.
_CHUNK = 10_000


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    statuses_added: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


class ImportConflict(ImportRejected):
    """Units of the file changed in the register after it was read; nothing was written."""


def units_versions(*, town: Town, external_ids: Iterable[str]) -> dict[str, int]:
    """The version of each of these units that the register holds now (a preview keeps it):
    an import of them must find every unit it updates still at this version."""
    wanted = set(external_ids)
    rows = town.units.values_list("external_id", "version").iterator(chunk_size=_CHUNK)
    return {external_id: version for external_id, version in rows if external_id in wanted}


@dataclass
class _Plan:
    """What an import will write, worked out from the register before its transaction opens;
    the rows are in the form the database takes (bulk.database_rows)."""

    new_units: list[tuple] = field(default_factory=list)
    # The unit's id, its version read, and WRITTEN_FIELDS' new values.
    changed: list[tuple] = field(default_factory=list)
    unchanged: int = 0
    # The ids of the file's units already in the register, by external id.
    ids: dict[str, int] = field(default_factory=dict)
    statuses: list[tuple] = field(default_factory=list)
    # The status changes of new units, whose ids come once they are written: (external id, row).
    new_statuses: list[tuple[str, tuple]] = field(default_factory=list)


@pausing_cycle_collection  # the import makes hundreds of thousands of objects and no cycles
def units_import(
    *,
    town: Town,
    records: list[UnitRecord],
    by,
    read_versions: Mapping[str, int] | None = None,
    today: date | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> ImportSummary:
    """Create or update units by external id, and add their statuses; all or nothing.

    `read_versions`: the version of each unit of the file that the coordinator's preview saw
    (units_versions); without it, the versions the import reads before it writes. Re-importing
    the same records changes nothing. `progress(done, total)` is called as units are written.
    """
    require_coordinator(by, town)
    today = today or town.today()
    plan = _plan(town, records, today, read_versions, by)
    try:
        with transaction.atomic():
            _write(plan, records, progress)
            # The import writes in bulk, past the model signals that renew a town's cached
            # pages after a unit changes: its public map would stay stale for minutes.
            transaction.on_commit(lambda: pagecache.place_changed(town.slug))
    except IntegrityError:
        # Someone else added a unit of the file, or removed one, after the import read them.
        now = set(town.units.values_list("external_id", flat=True))
        meanwhile = (now ^ plan.ids.keys()) & {record.external_id for record in records}
        if not meanwhile:
            raise
        raise ImportConflict(_changed_meanwhile(records, meanwhile)) from None
    if progress:
        progress(len(records), len(records))
    return ImportSummary(
        created=len(plan.new_units),
        updated=len(plan.changed),
        unchanged=plan.unchanged,
        statuses_added=len(plan.statuses),
    )


def units_import_preview(
    *, town: Town, records: list[UnitRecord], by, today: date | None = None
) -> ImportSummary:
    """What importing the records would do now, with nothing written: how many units are new,
    changed and unchanged, and how many statuses would be recorded. Raises ImportRejected for
    what only the register can tell is wrong, as the import would."""
    require_coordinator(by, town)
    plan = _plan(town, records, today or town.today(), None, by)
    return ImportSummary(
        created=len(plan.new_units),
        updated=len(plan.changed),
        unchanged=plan.unchanged,
        statuses_added=len(plan.statuses) + len(plan.new_statuses),
    )


def _plan(
    town: Town,
    records: list[UnitRecord],
    today: date,
    read_versions: Mapping[str, int] | None,
    by,
) -> _Plan:
    """Compare the file with the register, which is read here, and prepare every row to write.
    Raises ImportConflict if the preview is out of date, and ImportRejected for what only the
    register can tell is wrong."""
    plan = _Plan()
    changed, listed_on = _compare(town, records, read_versions, plan)
    errors = _check_against_register(records, plan.ids, listed_on, today)
    if errors:
        raise ImportRejected(errors)
    plan.changed = bulk.database_rows(Unit, ("id", "version", *WRITTEN_FIELDS), changed)
    new = [record for record in records if record.external_id not in plan.ids]
    plan.new_units = bulk.database_rows(Unit, _UNIT_COLUMNS, _new_unit_rows(town, new, today))
    status = _defaults(StatusChange(source=Source.IMPORT, recorded_by=_person(by)), _STATUS_COLUMNS)
    known = _statuses_of_known_units(town, records, plan.ids, today, status)
    plan.statuses = bulk.database_rows(StatusChange, _STATUS_COLUMNS, known)
    new = [record for record in new if record.status]
    rows = bulk.database_rows(
        StatusChange, _STATUS_COLUMNS, (_status_row(status, None, r, today) for r in new)
    )
    plan.new_statuses = list(zip([record.external_id for record in new], rows, strict=True))
    return plan


def _compare(
    town: Town, records: list[UnitRecord], read_versions: Mapping[str, int] | None, plan: _Plan
) -> tuple[list[tuple], dict[int, date]]:
    """Find the file's units in the register (plan.ids) and count those unchanged; return the
    changed ones (id, version read, new values) and every known unit's listing day after the
    import. Raises ImportConflict for units that moved on since the preview."""
    by_external_id = {record.external_id: record for record in records}
    changed, listed_on, moved_on = [], {}, set()
    rows = town.units.values_list("external_id", "id", "version", *WRITTEN_FIELDS)
    for external_id, pk, version, *current in rows.iterator(chunk_size=_CHUNK):
        record = by_external_id.get(external_id)
        if record is None:
            continue
        plan.ids[external_id] = pk
        if read_versions is not None and read_versions.get(external_id) != version:
            moved_on.add(external_id)
            continue
        values = _written_values(record, current[_LISTED_ON])
        listed_on[pk] = values[_LISTED_ON]
        if values == tuple(current):
            plan.unchanged += 1
        else:
            changed.append((pk, version, *values))
    if read_versions is not None:
        # Removed from the register since the preview.
        moved_on |= {external_id for external_id in read_versions if external_id not in plan.ids}
        moved_on &= by_external_id.keys()
    if moved_on:
        raise ImportConflict(_changed_meanwhile(records, moved_on))
    return changed, listed_on


def _write(plan: _Plan, records: list[UnitRecord], progress) -> None:
    """Run the plan's statements (in the caller's transaction); raise ImportConflict if a unit
    it updates has moved on since it was read."""
    ids = dict(bulk.insert(Unit, _UNIT_COLUMNS, plan.new_units, ("external_id", "id")))

    def written(updated: int) -> None:
        if progress:
            progress(len(ids) + updated, len(records))

    written(0)
    moved_on = bulk.update_unchanged(Unit, WRITTEN_FIELDS, plan.changed, progress=written)
    if moved_on:
        external_ids = {pk: external_id for external_id, pk in plan.ids.items()}
        raise ImportConflict(_changed_meanwhile(records, {external_ids[pk] for pk in moved_on}))
    plan.statuses += [(ids[external_id], *row[1:]) for external_id, row in plan.new_statuses]
    bulk.insert(StatusChange, _STATUS_COLUMNS, plan.statuses)


def _person(by):
    return by if getattr(by, "is_authenticated", False) else None


def _defaults(instance, columns: tuple[str, ...]) -> dict[str, object]:
    """What a new row holds where the file says nothing: the model's defaults, by field."""
    meta = instance._meta
    return {name: getattr(instance, meta.get_field(name).attname) for name in columns}


def _new_unit_rows(town: Town, records: list[UnitRecord], today: date) -> Iterator[list]:
    defaults = _defaults(Unit(town=town), _UNIT_COLUMNS)
    for record in records:
        values = defaults | unit_values(record)
        if values["listed_on"] is None:
            # Not in the file: a new unit is listed from its status date.
            values["listed_on"] = min(record.status_on or today, today)
        yield [values[name] for name in _UNIT_COLUMNS]


def _status_row(defaults: dict, unit_id: int | None, record: UnitRecord, today: date) -> list:
    values = defaults | {
        "unit": unit_id,
        "effective_on": record.status_on or today,
        "status": record.status,
    }
    return [values[name] for name in _STATUS_COLUMNS]


def _written_values(record: UnitRecord, listed_on: date) -> tuple:
    values = unit_values(record)
    if values["listed_on"] is None:
        # Not in the file: a known unit keeps its own.
        values["listed_on"] = listed_on
    return tuple(values[name] for name in WRITTEN_FIELDS)


def _statuses_of_known_units(
    town: Town, records: list[UnitRecord], ids: dict[str, int], today: date, defaults: dict
) -> list[list]:
    """The status changes to add to units already in the register: those the history does not
    already say (a unit's status on a day is its latest entry on or before that day)."""
    histories: dict[int, tuple[list[date], list[str]]] = {}
    wanted = set(ids.values())
    rows = (
        StatusChange.objects.filter(unit__town=town)
        .order_by("unit_id", "effective_on", "id")
        .values_list("unit_id", "effective_on", "status")
    )
    for unit_id, effective_on, status in rows.iterator(chunk_size=_CHUNK):
        if unit_id in wanted:
            days, statuses = histories.setdefault(unit_id, ([], []))
            days.append(effective_on)
            statuses.append(status)
    changes = []
    for record in records:
        unit_id = ids.get(record.external_id)
        if unit_id is None or not record.status:
            continue
        effective_on = record.status_on or today
        days, statuses = histories.get(unit_id, ((), ()))
        earlier = bisect_right(days, effective_on)
        if earlier and statuses[earlier - 1] == record.status:
            continue  # already so on that day: re-imports add nothing
        changes.append(_status_row(defaults, unit_id, record, today))
    return changes


def _changed_meanwhile(records: list[UnitRecord], external_ids: set[str]) -> list[RowError]:
    return [
        RowError(
            row=record.row,
            field="external_id",
            message=_("The unit %(id)s was changed in the register after the file was checked.")
            % {"id": record.external_id},
        )
        for record in records
        if record.external_id in external_ids
    ]


def _check_against_register(
    records: list[UnitRecord], ids: dict[str, int], listed_on: dict[int, date], today: date
) -> list[RowError]:
    """What only the register can tell: a status dated before an existing unit was listed."""
    errors = []
    for record in records:
        unit_id = ids.get(record.external_id)
        if unit_id is None or not record.status:
            continue
        effective_on = record.status_on or today
        if effective_on < listed_on[unit_id]:
            errors.append(
                RowError(
                    row=record.row,
                    field="status_on",
                    message=_("%(date)s is before the unit was listed on %(listed)s.")
                    % {"date": effective_on.isoformat(), "listed": listed_on[unit_id].isoformat()},
                )
            )
    return errors
