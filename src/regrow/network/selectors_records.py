"""Reads of a meeting's records: the agenda with its minutes, the decisions, the documents and
photos, the site visit's stops with their units, and the participants counted per partner.
Each returns what a page needs in a fixed number of queries, whatever the meeting's size."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from regrow.network.models import (
    AgendaItem,
    Decision,
    Meeting,
    MeetingDocument,
    Registration,
    SiteVisitStop,
)
from regrow.premises.models import Unit

PAGE_SIZE = 20
SEARCH_LIMIT = 20


def agenda_with_minutes(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The agenda in the order of the day (an item's parts after it), with who last wrote each
    item's minutes."""
    return (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("minutes_updated_by")
        .order_by("day", "starts_at", F("parent_id").asc(nulls_first=True), "order", "id")
    )


def agenda_item_of(meeting: Meeting, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("minutes_updated_by"), meeting=meeting, pk=pk
    )


def decisions_of(meeting: Meeting, *, removed: bool = False) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(meeting=meeting, removed_at__isnull=not removed)
        .select_related("agenda_item")
        .order_by("order", "id")
    )


def decision_of(meeting: Meeting, pk: int) -> Decision:
    return get_object_or_404(Decision.objects.select_related("agenda_item"), meeting=meeting, pk=pk)


def documents_of(meeting: Meeting, *, removed: bool = False) -> QuerySet[MeetingDocument]:
    return (
        MeetingDocument.objects.filter(meeting=meeting, removed_at__isnull=not removed)
        .select_related("agenda_item")
        .order_by("kind", "-uploaded_at", "-id")
    )


def document_of(meeting: Meeting, pk: int) -> MeetingDocument:
    return get_object_or_404(MeetingDocument, meeting=meeting, pk=pk)


def stops_of(meeting: Meeting, *, removed: bool = False) -> QuerySet[SiteVisitStop]:
    """The site visit's stops in route order, each with its unit (and the unit's town); with
    `removed`, the ones taken off the route instead, the last removed first."""
    stops = SiteVisitStop.objects.filter(
        meeting=meeting, removed_at__isnull=not removed
    ).select_related("unit__town")
    if removed:
        return stops.order_by("-removed_at", "-id")
    return stops.order_by("order", "id")


def stop_of(meeting: Meeting, pk: int, *, removed: bool = False) -> SiteVisitStop:
    """A stop on the route (with `removed`, one taken off it); 404 for any other."""
    return get_object_or_404(
        SiteVisitStop.objects.select_related("unit"),
        meeting=meeting,
        pk=pk,
        removed_at__isnull=not removed,
    )


def host_town_id(meeting: Meeting) -> int | None:
    return meeting.host.town_id if meeting.host_id else None


def units_to_visit(meeting: Meeting, query: str) -> list[Unit]:
    """The host town's units whose address holds `query` (at most SEARCH_LIMIT), leaving out the
    ones already on the route; none for a meeting without a host town."""
    town_id = host_town_id(meeting)
    query = " ".join((query or "").split())
    if town_id is None or not query:
        return []
    chosen = SiteVisitStop.objects.filter(meeting=meeting, removed_at__isnull=True).values(
        "unit_id"
    )
    units = (
        Unit.objects.filter(town_id=town_id, display_address__icontains=query)
        .exclude(pk__in=chosen)
        .only("pk", "display_address", "town_id", "latitude", "longitude")
    )
    return list(units[:SEARCH_LIMIT])


@dataclass(frozen=True)
class PartnerCount:
    name: str
    count: int


def participants_per_partner(meeting: Meeting) -> list[PartnerCount]:
    """How many registered for each partner (not cancelled): counts only, no names. People of
    no partner are counted under "other"."""
    rows = (
        Registration.objects.filter(meeting=meeting, cancelled_at__isnull=True)
        .values("partner_id", "partner__town__name")
        .annotate(count=Count("id"))
        .order_by("partner__town__name", "partner_id")
    )
    counts = [PartnerCount(row["partner__town__name"] or "", row["count"]) for row in rows]
    return sorted(counts, key=lambda one: (one.name == "", one.name))


@dataclass(frozen=True)
class RecordCounts:
    items: int
    minutes: int
    decisions: int
    documents: int
    photos: int
    stops: int


def record_counts(meeting: Meeting) -> RecordCounts:
    """What the meeting's records hold, for the meeting page's panel (four queries)."""
    agenda = AgendaItem.objects.filter(meeting=meeting).aggregate(
        items=Count("id"), minutes=Count("id", filter=~Q(minutes=""))
    )
    files = MeetingDocument.objects.filter(meeting=meeting, removed_at__isnull=True)
    kinds = dict(files.values_list("kind").annotate(count=Count("id")).order_by())
    return RecordCounts(
        items=agenda["items"],
        minutes=agenda["minutes"],
        decisions=Decision.objects.filter(meeting=meeting, removed_at__isnull=True).count(),
        documents=kinds.get(MeetingDocument.Kind.DOCUMENT, 0),
        photos=kinds.get(MeetingDocument.Kind.PHOTO, 0),
        stops=SiteVisitStop.objects.filter(meeting=meeting, removed_at__isnull=True).count(),
    )
