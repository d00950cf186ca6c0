"""Writes of a meeting's site visit, by its organisers: the units of the host town's vacancy
register the visitors look at, in the order of the route, with a time and notes for each
(optimistic locking on `version`). Only the host town's units can be added. Taking a stop off
the route hides it with its notes (`removed_at`); it can be put back unless its unit was added
to the route again meanwhile."""

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.network.models import Meeting, SiteVisitStop
from regrow.network.services.minutes import plain_paragraphs, require_organiser
from regrow.premises.models import Unit

MAX_STOPS = 200


@transaction.atomic
def stop_add(*, meeting: Meeting, unit: Unit, by) -> SiteVisitStop:
    """Put the unit at the end of the route."""
    require_organiser(by, meeting)
    if meeting.host_id is None:
        raise ValidationError(
            {"unit": _("The meeting has no host town, so it has no vacancy register to visit.")}
        )
    if unit.town_id != meeting.host.town_id:
        raise ValidationError(
            {"unit": _("Only units of the host town's vacancy register can be visited.")}
        )
    stops = SiteVisitStop.objects.filter(meeting=meeting, removed_at__isnull=True)
    if stops.filter(unit=unit).exists():
        raise ValidationError({"unit": _("This unit is already on the route.")})
    if stops.count() >= MAX_STOPS:
        raise ValidationError({"unit": _("A site visit has at most 200 stops.")})
    # After every stop, removed ones too: one put back keeps its place.
    last = SiteVisitStop.objects.filter(meeting=meeting).aggregate(last=Max("order"))["last"]
    try:
        with transaction.atomic():
            return SiteVisitStop.objects.create(meeting=meeting, unit=unit, order=(last or 0) + 1)
    except IntegrityError:  # added by someone else a moment ago
        raise ValidationError({"unit": _("This unit is already on the route.")}) from None


@transaction.atomic
def stop_change(
    *,
    stop: SiteVisitStop,
    day: date | None,
    visited_at: time | None,
    notes: str,
    version: int,
    by,
) -> SiteVisitStop:
    meeting = stop.meeting
    require_organiser(by, meeting)
    _require_on_route(stop)
    if day is not None and day not in meeting.days():
        raise ValidationError({"day": _("Choose one of the meeting's days.")})
    stop.day, stop.visited_at, stop.notes = day, visited_at, plain_paragraphs(notes)
    stop.full_clean(exclude=["meeting", "unit"])
    stop.version = claim_version(
        SiteVisitStop,
        stop.pk,
        version,
        _(
            "Someone changed this stop while you were editing it. What you typed is kept: "
            "compare it with the stop as it is now and save again."
        ),
        day=day,
        visited_at=visited_at,
        notes=stop.notes,
    )
    return stop


@transaction.atomic
def stop_move(*, stop: SiteVisitStop, up: bool, by) -> None:
    """Swap the stop with the one before it (`up`) or after it on the route."""
    meeting = stop.meeting
    require_organiser(by, meeting)
    stops = list(
        SiteVisitStop.objects.select_for_update()
        .filter(meeting=meeting, removed_at__isnull=True)
        .order_by("order", "id")
        .only("pk", "order")
    )
    ids = [one.pk for one in stops]
    if stop.pk not in ids:
        return
    position = ids.index(stop.pk)
    other = position - 1 if up else position + 1
    if not 0 <= other < len(ids):
        return
    ids[position], ids[other] = ids[other], ids[position]
    for one in stops:
        one.order = ids.index(one.pk) + 1
    SiteVisitStop.objects.bulk_update(stops, ["order"])


def _require_on_route(stop: SiteVisitStop) -> None:
    if stop.removed_at is not None:
        raise ValidationError(_("This stop was taken off the route. Put it back first."))


def _stale_stop() -> str:
    return _(
        "Someone changed this stop after you opened the page. Reload it to see the stop as it "
        "is now."
    )


@transaction.atomic
def stop_remove(*, stop: SiteVisitStop, version: int, by) -> SiteVisitStop:
    """Take the stop off the route: it is hidden with its notes and can be put back."""
    require_organiser(by, stop.meeting)
    _require_on_route(stop)
    removed_at = timezone.now()
    stop.version = claim_version(
        SiteVisitStop, stop.pk, version, _stale_stop(), removed_at=removed_at
    )
    stop.removed_at = removed_at
    return stop


@transaction.atomic
def stop_restore(*, stop: SiteVisitStop, version: int, by) -> SiteVisitStop:
    """Put a removed stop back on the route where it was, with its time and notes; refused if
    its unit was added to the route again meanwhile."""
    meeting = stop.meeting
    require_organiser(by, meeting)
    if stop.removed_at is None:
        return stop
    on_route = SiteVisitStop.objects.filter(meeting=meeting, removed_at__isnull=True)
    if on_route.filter(unit_id=stop.unit_id).exists():
        raise ValidationError(_unit_back_message(stop))
    if on_route.count() >= MAX_STOPS:
        raise ValidationError(_("A site visit has at most 200 stops."))
    try:
        with transaction.atomic():
            stop.version = claim_version(
                SiteVisitStop, stop.pk, version, _stale_stop(), removed_at=None
            )
    except IntegrityError:  # its unit added again by someone else a moment ago
        raise ValidationError(_unit_back_message(stop)) from None
    stop.removed_at = None
    return stop


def _unit_back_message(stop: SiteVisitStop) -> str:
    return _(
        "%(address)s was added to the route again after this stop was taken off, so this stop "
        "cannot be put back. Copy its notes into the stop on the route if you need them."
    ) % {"address": stop.unit.display_address}
