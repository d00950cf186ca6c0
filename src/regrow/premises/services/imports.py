"""Importing a file of units: create or update them by external id, and add their statuses."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from regrow.premises.choices import Source
from regrow.premises.formats import ImportRejected, RowError, UnitRecord
from regrow.premises.formats.records import UNIT_FIELDS, unit_values
from regrow.premises.models import StatusChange, Unit
from regrow.premises.services.permissions import require_coordinator
from regrow.towns.models import Town


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    statuses_added: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _values(record: UnitRecord) -> dict:
    values = unit_values(record)
    if values["listed_on"] is None:
        # Not in the file: a new unit is listed from its status date, a known one keeps its own.
        values.pop("listed_on")
    return values


def units_import(
    *,
    town: Town,
    records: list[UnitRecord],
    by,
    today: date | None = None,
    progress=None,
    batch_size: int = 2000,
) -> ImportSummary:
    """Create or update units by external id, and add their statuses; all or nothing.

    Re-importing the same records changes nothing. `progress(done, total)` is called as batches
    are written.
    """
    require_coordinator(by, town)
    today = today or town.today()
    summary = ImportSummary()
    with transaction.atomic():
        existing = {
            unit.external_id: unit
            # Every compared field must be loaded here, or Django fetches it unit by unit.
            for unit in Unit.objects.filter(town=town).only(*UNIT_FIELDS, "id", "version")
        }
        latest = _latest_statuses(town)
        errors = _check_against_register(records, existing, today)
        if errors:
            raise ImportRejected(errors)
        to_create, to_update = [], []
        for record in records:
            values = _values(record)
            unit = existing.get(record.external_id)
            if unit is None:
                unit = Unit(town=town, **values)
                if "listed_on" not in values:
                    unit.listed_on = min(record.status_on or today, today)
                to_create.append(unit)
                existing[record.external_id] = unit
            elif any(getattr(unit, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(unit, name, value)
                unit.version += 1
                to_update.append(unit)
            else:
                summary.unchanged += 1
        for start in range(0, len(to_create), batch_size):
            Unit.objects.bulk_create(to_create[start : start + batch_size], batch_size=batch_size)
            if progress:
                progress(min(start + batch_size, len(to_create)), len(records))
        if to_update:
            Unit.objects.bulk_update(to_update, [*UNIT_FIELDS, "version"], batch_size=batch_size)
        summary.created, summary.updated = len(to_create), len(to_update)
        if to_create and to_create[0].pk is None:
            # Backends that do not return ids from bulk inserts: read them back.
            ids = dict(
                Unit.objects.filter(
                    town=town, external_id__in=[u.external_id for u in to_create]
                ).values_list("external_id", "id")
            )
            for unit in to_create:
                unit.pk = unit.id = ids[unit.external_id]
        recorded_by = by if getattr(by, "is_authenticated", False) else None
        new_changes = []
        for record in records:
            if not record.status:
                continue
            unit = existing[record.external_id]
            effective_on = record.status_on or today
            previous = latest.get(unit.pk)
            if previous and previous[1] == record.status and previous[0] <= effective_on:
                continue  # already recorded: re-imports add nothing
            new_changes.append(
                StatusChange(
                    unit_id=unit.pk,
                    effective_on=effective_on,
                    status=record.status,
                    source=Source.IMPORT,
                    recorded_by=recorded_by,
                )
            )
        StatusChange.objects.bulk_create(new_changes, batch_size=batch_size)
        summary.statuses_added = len(new_changes)
        if progress:
            progress(len(records), len(records))
    return summary


def _latest_statuses(town: Town) -> dict[int, tuple[date, str]]:
    latest: dict[int, tuple[date, str]] = {}
    rows = (
        StatusChange.objects.filter(unit__town=town)
        .order_by("effective_on", "id")
        .values_list("unit_id", "effective_on", "status")
    )
    for unit_id, effective_on, status in rows.iterator(chunk_size=10_000):
        latest[unit_id] = (effective_on, status)
    return latest


def _check_against_register(
    records: list[UnitRecord], existing: dict[str, Unit], today: date
) -> list[RowError]:
    """What only the register can tell: a status dated before an existing unit was listed."""
    errors = []
    for record in records:
        unit = existing.get(record.external_id)
        if unit is None or not record.status:
            continue
        listed_on = record.listed_on or unit.listed_on
        effective_on = record.status_on or today
        if effective_on < listed_on:
            errors.append(
                RowError(
                    row=record.row,
                    field="status_on",
                    message=_("%(date)s is before the unit was listed on %(listed)s.")
                    % {"date": effective_on.isoformat(), "listed": listed_on.isoformat()},
                )
            )
    return errors
