"""Writes to one unit: add it, change its description, append a status to its history."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
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
    *, town: Town, by, status: str | None = None, status_on: date | None = None, **data
) -> Unit:
    require_coordinator(by, town)
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
