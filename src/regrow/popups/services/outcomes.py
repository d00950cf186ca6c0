"""A pop-up's outcome: days open, visitors, sales, and whether it stayed as a permanent tenant.

Staying writes the register: "let" (from the pop-up programme) is appended to the unit's status
history from `stayed_from`, so the town centre's vacancy rate moves by itself. The history is
append-only, so a changed date or an unset "stayed" appends the status the unit had without the
stay. The history arithmetic is plain (let_days, reverted_days); the writes follow it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regrow.lib.concurrency import ConcurrentEditError, claim_version
from regrow.lib.dates import date_on, date_range, date_since
from regrow.popups.models import Outcome, SalesBand, Sublease
from regrow.popups.services.rounds import renew_public_pages, require_coordinator
from regrow.premises.choices import Source, Status
from regrow.premises.models import StatusChange, Unit

# A permanent lease signed for later than this is a plan, not yet an outcome.
LONGEST_LEAD = timedelta(days=366)
MAX_VISITORS = 10_000_000
MAX_LEASE_MONTHS = 600

OUTCOME_FIELDS = (
    "days_open",
    "visitors_estimate",
    "sales_band",
    "stayed",
    "stayed_from",
    "lease_rent_cents_per_month",
    "lease_months",
    "lease_notes",
)
LEASE_FIELDS = ("lease_rent_cents_per_month", "lease_months")


@dataclass(frozen=True)
class Entry:
    """One entry of a unit's status history, as the arithmetic needs it."""

    day: date
    sequence: int  # the row id: among entries of one day, the one recorded last wins
    status: str
    source: str


def _latest(history: Iterable[Entry], day: date, skip: Callable[[Entry], bool]) -> Entry | None:
    candidates = [entry for entry in history if entry.day <= day and not skip(entry)]
    return max(candidates, key=lambda entry: (entry.day, entry.sequence), default=None)


def status_on(history: Iterable[Entry], day: date, skip=lambda entry: False) -> str | None:
    """The unit's status on `day`: its latest entry up to then (leaving out `skip`'s)."""
    entry = _latest(history, day, skip)
    return entry.status if entry else None


def _programme_let(since: date) -> Callable[[Entry], bool]:
    """An entry "let" the programme appended for a stay from `since` (or a later day)."""
    return lambda entry: (
        entry.status == Status.LET and entry.source == Source.POPUP_PROGRAMME and entry.day >= since
    )


def let_days(history: list[Entry], stayed_from: date) -> list[date]:
    """The days on which "let" is to be appended for a stay from `stayed_from`: that day, and
    each later day on which the programme itself had planned another status (the day after a
    pop-up's last, when the unit was to be as before) — unless the unit is let then already.
    Other later entries (a survey's) stand: they were seen after the stay began."""
    planned = sorted(
        {
            entry.day
            for entry in history
            if entry.day > stayed_from
            and entry.source == Source.POPUP_PROGRAMME
            and entry.status != Status.LET
        }
    )
    return [day for day in [stayed_from, *planned] if status_on(history, day) != Status.LET]


def reverted_days(history: list[Entry], stayed_from: date) -> list[tuple[date, str]]:
    """What to append when a stay from `stayed_from` is undone: on each day where the
    programme's "let" is the last word, the status the unit would have without it."""
    ours = _programme_let(stayed_from)
    reverted = []
    for day in sorted({entry.day for entry in history if ours(entry)}):
        latest = _latest(history, day, lambda entry: False)
        if latest is None or latest.day != day or not ours(latest):
            continue  # something recorded after the stay's entry stands
        before = status_on(history, day, skip=ours)
        if before and before != Status.LET:
            reverted.append((day, before))
    return reverted


def _history(unit: Unit) -> list[Entry]:
    return [
        Entry(day, pk, status, source)
        for day, pk, status, source in StatusChange.objects.filter(unit=unit).values_list(
            "effective_on", "pk", "status", "source"
        )
    ]


def _append(unit: Unit, status: str, day: date, by, note: str) -> None:
    StatusChange.objects.create(
        unit=unit,
        status=status,
        effective_on=max(day, unit.listed_on),
        source=Source.POPUP_PROGRAMME,
        note=note,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )


def record_stay(unit: Unit, stayed_from: date, *, by, name: str) -> None:
    for day in let_days(_history(unit), stayed_from):
        _append(
            unit, Status.LET, day, by, _("%(name)s stayed as a permanent tenant") % {"name": name}
        )


def undo_stay(unit: Unit, stayed_from: date, *, by, name: str) -> None:
    note = _("%(name)s did not stay after all: correction") % {"name": name}
    for day, status in reverted_days(_history(unit), stayed_from):
        _append(unit, status, day, by, note)


def stay_days(sublease: Sublease) -> int:
    return (sublease.ends_on - sublease.starts_on).days + 1


def _holder(sublease: Sublease, stayed_from: date) -> str | None:
    """Why the pop-up cannot stay from `stayed_from`: another live allocation holds the unit
    then or later, or another pop-up already stayed in it."""
    other = (
        Sublease.objects.filter(unit_id=sublease.unit_id, ends_on__gte=stayed_from)
        .exclude(pk=sublease.pk)
        .exclude(status=Sublease.Status.CANCELLED)
        .select_related("application")
        .order_by("starts_on", "id")
        .first()
    )
    if other is not None:
        return _(
            "%(days)s this unit is allocated to %(name)s, so no pop-up can become its permanent "
            "tenant on %(day)s. Choose a day after that stay, or cancel that allocation first."
        ) % {
            "name": other.application.business_name,
            "days": date_range(other.starts_on, other.ends_on),
            "day": date_on(stayed_from),
        }
    stayed = (
        Outcome.objects.filter(sublease__unit_id=sublease.unit_id, stayed=True)
        .exclude(sublease=sublease)
        .exclude(sublease__status=Sublease.Status.CANCELLED)
        .select_related("sublease__application")
        .first()
    )
    if stayed is not None:
        return _("%(name)s already stayed in this unit as its permanent tenant %(since)s.") % {
            "name": stayed.sublease.application.business_name,
            "since": date_since(stayed.stayed_from),
        }
    return None


def validate_outcome(sublease: Sublease, values: dict, today: date) -> None:
    """Every refusal of an outcome's values, each naming its field."""
    errors: dict[str, str] = {}
    days = stay_days(sublease)
    if values.get("days_open") is not None and values["days_open"] > days:
        errors["days_open"] = ngettext(
            "The pop-up's stay has %(count)d day; it cannot have been open on more.",
            "The pop-up's stay has %(count)d days; it cannot have been open on more.",
            days,
        ) % {"count": days}
    visitors = values.get("visitors_estimate")
    if visitors is not None and visitors > MAX_VISITORS:
        errors["visitors_estimate"] = _("That is more visitors than a pop-up can have.")
    if values.get("sales_band") and values["sales_band"] not in SalesBand.values:
        errors["sales_band"] = _("Choose one of the sales bands.")
    months = values.get("lease_months")
    if values.get("stayed") and months is not None and not 1 <= months <= MAX_LEASE_MONTHS:
        errors["lease_months"] = _("A lease runs from 1 to 600 months.")
    stayed_from = values.get("stayed_from")
    if values.get("stayed"):
        if stayed_from is None:
            errors["stayed_from"] = _("Give the day from which it is a permanent tenant.")
        elif stayed_from < sublease.starts_on:
            errors["stayed_from"] = _(
                "The pop-up opened %(day)s: it cannot have stayed from an earlier day."
            ) % {"day": date_on(sublease.starts_on)}
        elif stayed_from > today + LONGEST_LEAD:
            errors["stayed_from"] = _(
                "A lease that starts more than a year ahead is not an outcome yet."
            )
        else:
            held = _holder(sublease, stayed_from)
            if held:
                errors["stayed_from"] = held
    if errors:
        raise ValidationError(errors)


def _normalised(values: dict) -> dict:
    unknown = set(values) - set(OUTCOME_FIELDS)
    if unknown:
        raise TypeError(f"outcome_save() got unknown fields: {', '.join(sorted(unknown))}")
    values = {name: values.get(name) for name in OUTCOME_FIELDS}
    values["stayed"] = bool(values["stayed"])
    values["sales_band"] = values["sales_band"] or ""
    values["lease_notes"] = (values["lease_notes"] or "").strip()
    if not values["stayed"]:
        # The new lease's terms mean nothing without the stay.
        values.update(stayed_from=None, lease_notes="", **dict.fromkeys(LEASE_FIELDS))
    return values


@transaction.atomic
def outcome_save(*, sublease: Sublease, by, version: int, **values) -> Outcome:
    """Record or change the pop-up's outcome, made from version `version` of it (0: none yet;
    a stale one is refused with ConcurrentEditError). Staying, or no longer staying, or a new
    date appends to the unit's status history."""
    town = sublease.round_unit.round.town
    require_coordinator(by, town)
    if sublease.status == Sublease.Status.CANCELLED:
        raise ValidationError(_("This allocation was cancelled: it has no outcome."))
    today = town.today()
    if sublease.starts_on > today:
        raise ValidationError(
            _("The pop-up opens %(day)s; record its outcome once it has opened.")
            % {"day": date_on(sublease.starts_on)}
        )
    values = _normalised(values)
    # One pop-up at a time may decide about a unit: its status history is shared.
    unit = Unit.objects.select_for_update().get(pk=sublease.unit_id)
    validate_outcome(sublease, values, today)
    outcome = Outcome.objects.filter(sublease=sublease).first()
    stale = _("Someone else changed this outcome meanwhile. Reload the page and enter yours again.")
    if outcome is None:
        if version:
            raise ConcurrentEditError(stale)
        outcome = Outcome(sublease=sublease)
        before_stayed, before_from = False, None
    else:
        before_stayed, before_from = outcome.stayed, outcome.stayed_from
        outcome.version = claim_version(Outcome, outcome.pk, version, stale)
    for name, value in values.items():
        setattr(outcome, name, value)
    outcome.recorded_by = by
    outcome.full_clean(exclude=["sublease"])
    try:
        with transaction.atomic():
            outcome.save()
    except IntegrityError:  # another coordinator recorded the first outcome just now
        raise ConcurrentEditError(stale) from None
    name = sublease.application.business_name
    moved = (before_stayed, before_from) != (outcome.stayed, outcome.stayed_from)
    if before_stayed and moved:
        undo_stay(unit, before_from, by=by, name=name)
    if outcome.stayed and moved:
        record_stay(unit, outcome.stayed_from, by=by, name=name)
    if moved:
        renew_public_pages(town)
    return outcome
