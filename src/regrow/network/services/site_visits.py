"""Writes of a meeting's site visit, by its organisers: the units of the host town's vacancy
register the visitors look at, in the order of the route, with a time and notes for each
(optimistic locking on `version`). Only the host town's units can be added."""

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
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
    stops = SiteVisitStop.objects.filter(meeting=meeting)
    if stops.filter(unit=unit).exists():
        raise ValidationError({"unit": _("This unit is already on the route.")})
    if stops.count() >= MAX_STOPS:
        raise ValidationError({"unit": _("A site visit has at most 200 stops.")})
    last = stops.aggregate(last=Max("order"))["last"]
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
        .filter(meeting=meeting)
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


@transaction.atomic
def stop_remove(*, stop: SiteVisitStop, by) -> None:
    """Take the stop off the route (its notes with it: the page asks first)."""
    require_organiser(by, stop.meeting)
    SiteVisitStop.objects.filter(pk=stop.pk).delete()
