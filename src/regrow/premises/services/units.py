"""Writes to one unit: add it, change its description, append a status to its history."""

import uuid
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.premises.choices import Source
from regrow.premises.models import StatusChange, Unit
from regrow.premises.selectors import may_edit_unit
from regrow.premises.services.permissions import require_coordinator
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


@transaction.atomic
def unit_create(
    *,
    town: Town,
    by,
    status: str | None = None,
    status_on: date | None = None,
    status_note: str = "",
    status_use_category: str = "",
    **data,
) -> Unit:
    """Add a unit, and its first status if given.

    Without a `listed_on` day the unit is in the register since its first status's day (or
    today); without an `external_id` it gets one of its own, such as "U-000123".
    """
    require_coordinator(by, town)
    if data.get("listed_on") is None:
        data.pop("listed_on", None)
        if status and status_on:
            data["listed_on"] = status_on
    elif status and status_on and status_on < data["listed_on"]:
        raise ValidationError(
            {
                "listed_on": _(
                    "The first status is dated %(date)s; the unit must be in the register "
                    "since that day or earlier."
                )
                % {"date": formats.localize_input(status_on)}
            }
        )
    unit = Unit(town=town, **data)
    if not unit.display_address:
        unit.display_address = f"{unit.street} {unit.house_number}".strip()
    made_up_id = not unit.external_id
    if made_up_id:
        # A stand-in until the row's own number is known; it never leaves this transaction.
        unit.external_id = f"new-{uuid.uuid4().hex}"
    unit.full_clean()
    unit.save()
    if made_up_id:
        unit.external_id = _new_external_id(unit)
        unit.save(update_fields=["external_id"])
    if status:
        unit_record_status(
            unit=unit,
            status=status,
            effective_on=status_on or unit.listed_on,
            by=by,
            use_category=status_use_category,
            note=status_note,
        )
    return unit


def _new_external_id(unit: Unit) -> str:
    """ "U-" and the unit's row number: readable, and unique in the town, since no two units
    share a row (an imported id of the same form is stepped over)."""
    base = candidate = f"U-{unit.pk:06d}"
    taken = set(
        unit.town.units.filter(external_id__startswith=base)
        .exclude(pk=unit.pk)
        .values_list("external_id", flat=True)
    )
    number = 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


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
                % {"date": formats.localize_input(unit.listed_on)}
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
    require_coordinator(by, unit.town)
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
