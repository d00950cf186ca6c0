"""Writes to the register. Each is atomic and validates before it saves."""

from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.lib.images import prepared_photo
from regrow.premises import selectors
from regrow.premises.choices import Source
from regrow.premises.formats import ImportRejected, RowError, UnitRecord
from regrow.premises.models import (
    Owner,
    OwnerContact,
    StatusChange,
    Survey,
    Unit,
    UnitPhoto,
    Zone,
)
from regrow.premises.selectors import may_edit_unit
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can

# What an owner may correct about their own unit; the rest is the coordinator's.
OWNER_EDITABLE_FIELDS = frozenset(
    {
        "floor_area_m2",
        "frontage_m",
        "floor",
        "condition",
        "step_free_access",
        "has_power",
        "has_water",
        "has_heating",
        "asking_rent_cents_per_month",
        "notes",
    }
)


def _require_coordinator(user, town: Town) -> None:
    if not can(user, Action.CHANGE_TOWN, town):
        raise PermissionDenied


@transaction.atomic
def unit_create(
    *, town: Town, by, status: str | None = None, status_on: date | None = None, **data
) -> Unit:
    _require_coordinator(by, town)
    unit = Unit(town=town, **data)
    if not unit.display_address:
        unit.display_address = f"{unit.street} {unit.house_number}".strip()
    unit.full_clean()
    unit.save()
    if status:
        unit_record_status(
            unit=unit, status=status, effective_on=status_on or unit.listed_on, by=by
        )
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, by, version: int, **changes) -> Unit:
    """Save changes made to version `version` of the unit; refuse if it has moved on since."""
    if not may_edit_unit(by, unit):
        raise PermissionDenied
    if not can(by, Action.CHANGE_TOWN, unit.town):
        forbidden = set(changes) - OWNER_EDITABLE_FIELDS
        if forbidden:
            raise PermissionDenied
    for name, value in changes.items():
        setattr(unit, name, value)
    unit.full_clean(exclude=["town", "owner"])
    claim_version(
        Unit,
        unit.pk,
        version,
        _(
            "Someone else saved this unit while you were editing it. Your changes were "
            "not saved; they are still in the form. Reload the unit to see theirs."
        ),
        **{name: getattr(unit, name) for name in changes},
    )
    unit.refresh_from_db()
    return unit


def _check_status_date(unit: Unit, effective_on: date) -> None:
    if effective_on > unit.town.today():
        raise ValidationError({"effective_on": _("A status cannot be dated in the future.")})
    if effective_on < unit.listed_on:
        raise ValidationError(
            {
                "effective_on": _(
                    "The unit has been in the register only since %(date)s; "
                    "date the status on or after that day."
                )
                % {"date": unit.listed_on.isoformat()}
            }
        )


@transaction.atomic
def unit_record_status(
    *,
    unit: Unit,
    status: str,
    effective_on: date,
    by,
    source: str = Source.REGISTER,
    use_category: str = "",
    note: str = "",
) -> StatusChange:
    """Append a status to the unit's history (a correction is just a later entry)."""
    _require_coordinator(by, unit.town)
    _check_status_date(unit, effective_on)
    change = StatusChange(
        unit=unit,
        status=status,
        effective_on=effective_on,
        source=source,
        use_category=use_category,
        note=note,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    change.full_clean()
    change.save()
    return change


@transaction.atomic
def unit_add_photo(*, unit: Unit, upload, alt_text: str, by) -> UnitPhoto:
    """Store a checked, resized photo of the unit without its metadata."""
    if not may_edit_unit(by, unit):
        raise PermissionDenied
    if not alt_text.strip():
        raise ValidationError({"alt_text": _("Describe the photo for people who cannot see it.")})
    prepared = prepared_photo(upload)
    photo = UnitPhoto(unit=unit, alt_text=alt_text.strip(), uploaded_by=by)
    photo.image.save(prepared.name, prepared, save=False)
    photo.full_clean()
    photo.save()
    return photo


@transaction.atomic
def owner_save(*, town: Town, by, owner: Owner | None = None, **data) -> Owner:
    """Create or change an owner; a new outreach status restarts its date."""
    _require_coordinator(by, town)
    owner = owner or Owner(town=town)
    if owner.town_id != town.pk:
        raise PermissionDenied
    status_before = owner.outreach_status if owner.pk else None
    for name, value in data.items():
        setattr(owner, name, value)
    if owner.outreach_status != status_before and "outreach_status_on" not in data:
        owner.outreach_status_on = town.today()
    owner.full_clean()
    owner.save()
    return owner


@transaction.atomic
def owner_log_contact(*, owner: Owner, by, **data) -> OwnerContact:
    """Add an entry to the owner's contact log; it may move the outreach status on."""
    _require_coordinator(by, owner.town)
    contact = OwnerContact(owner=owner, contacted_by=by, **data)
    contact.full_clean()
    contact.save()
    if contact.outreach_status and contact.outreach_status != owner.outreach_status:
        owner.outreach_status = contact.outreach_status
        owner.outreach_status_on = contact.contacted_on
        owner.save(update_fields=["outreach_status", "outreach_status_on"])
    return contact


@transaction.atomic
def zone_save(*, town: Town, name: str, geometry: dict, by) -> Zone:
    _require_coordinator(by, town)
    zone = Zone.objects.filter(town=town, name=name).first() or Zone(town=town, name=name)
    zone.geometry = geometry
    zone.full_clean()
    zone.save()
    return zone


@transaction.atomic
def zones_import(*, town: Town, data: bytes, by) -> list[Zone]:
    """Create or replace the zones of a GeoJSON file by name; all or nothing."""
    from regrow.premises.formats import read_zones

    _require_coordinator(by, town)
    return [
        zone_save(town=town, name=record.name, geometry=record.geometry, by=by)
        for record in read_zones(data)
    ]


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    statuses_added: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


# UnitRecord fields stored on Unit under the same name.
_UNIT_FIELDS = [
    f.name
    for f in fields(UnitRecord)
    if f.name not in {"row", "status", "status_on", "permitted_uses"}
]


def _unit_values(record: UnitRecord) -> dict:
    values = {name: getattr(record, name) for name in _UNIT_FIELDS}
    values["permitted_uses"] = list(record.permitted_uses)
    if values["listed_on"] is None:
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
    _require_coordinator(by, town)
    today = today or town.today()
    summary = ImportSummary()
    with transaction.atomic():
        existing = {
            unit.external_id: unit
            # Every compared field must be loaded here, or Django fetches it unit by unit.
            for unit in Unit.objects.filter(town=town).only(
                *_UNIT_FIELDS, "permitted_uses", "id", "version"
            )
        }
        latest = _latest_statuses(town)
        errors = _check_against_register(records, existing, today)
        if errors:
            raise ImportRejected(errors)
        to_create, to_update = [], []
        for record in records:
            values = _unit_values(record)
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
            Unit.objects.bulk_update(
                to_update, [*_UNIT_FIELDS, "permitted_uses", "version"], batch_size=batch_size
            )
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


@transaction.atomic
def survey_record(
    *,
    town: Town,
    street: str,
    surveyed_on: date,
    seen: dict[int, str],
    by,
    photos: dict | None = None,
) -> tuple[Survey, int]:
    """Record a street survey: each unit seen with a status other than its status that day gets
    a new history entry dated on the survey day; photos taken on the way are added to their units.
    All or nothing. Returns the survey and the number of status changes."""
    _require_coordinator(by, town)
    if surveyed_on > town.today():
        raise ValidationError({"surveyed_on": _("A survey cannot be dated in the future.")})
    units = {unit.pk: unit for unit in town.units.filter(street=street, pk__in=list(seen))}
    unknown = set(seen) - set(units)
    if unknown:
        raise ValidationError(_("Some units are not on this street any more; reload the page."))
    early = [unit.display_address for unit in units.values() if unit.listed_on > surveyed_on]
    if early:
        raise ValidationError(
            _("These units were not yet in the register on the survey day: %(units)s.")
            % {"units": ", ".join(sorted(early))}
        )
    survey = Survey.objects.create(
        town=town, street=street, surveyed_on=surveyed_on, recorded_by=by
    )
    before = {
        unit.pk: unit.status_now
        for unit in selectors.units_with_status(town.units.filter(pk__in=list(units)), surveyed_on)
    }
    changes = [
        StatusChange(
            unit=units[unit_id],
            effective_on=surveyed_on,
            status=status,
            source=Source.SURVEY,
            survey=survey,
            recorded_by=by,
        )
        for unit_id, status in seen.items()
        if status and status != before.get(unit_id)
    ]
    for change in changes:
        change.full_clean()
    StatusChange.objects.bulk_create(changes)
    for unit_id, upload in (photos or {}).items():
        unit = units[unit_id]
        alt_text = _("%(address)s, photographed in a street survey on %(date)s") % {
            "address": unit.display_address,
            "date": surveyed_on.isoformat(),
        }
        try:
            unit_add_photo(unit=unit, upload=upload, alt_text=alt_text, by=by)
        except ValidationError as error:
            raise ValidationError(
                _("Photo of %(address)s: %(problem)s")
                % {"address": unit.display_address, "problem": " ".join(error.messages)}
            ) from error
    return survey, len(changes)
