"""The network's meetings on its public site: the "meetings" section lists the meetings
published as the network's events (coming ones first, then past ones; 20 to a page), and
each has a public page with what, when and where and its agenda by day. Nothing of who
registered or attended, no minutes, no goals, no presenters' names. A meeting that was not
published as an event has no public page (404)."""

from datetime import datetime, timedelta

from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regrow.lib import places
from regrow.lib.pagecache import cached_for_anonymous
from regrow.network import meeting_events
from regrow.network.models import AgendaItem, Meeting, Network

PAGE_SIZE = 20
# What the public pages read of a meeting, and nothing more.
PUBLIC_FIELDS = (
    "id",
    "network",
    "kind",
    "host",
    "titles",
    "descriptions",
    "starts_on",
    "ends_on",
    "time_zone",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "online_url",
    "cancelled_at",
    "host__town__name",
)


def _published(network: Network, pks=None) -> dict[int, list[dict]]:
    """The meetings' published events, by meeting: one query."""
    if not meeting_events.publishing_connected():
        return {}
    about = meeting_events.publishing("published_about")
    return about(Meeting, publisher=network, pks=pks)


def has_public_meetings(place) -> bool:
    return isinstance(place, Network) and bool(_published(place))


def _event_in_language(events: list[dict]) -> dict | None:
    language = get_language()
    return next((event for event in events if event["language"] == language), None) or (
        events[0] if events else None
    )


def public_meetings(network: Network, pks, today):
    """The meetings of `pks`, those not over yet first (soonest first), then the past ones
    (latest first)."""
    return (
        Meeting.objects.filter(network=network, pk__in=list(pks))
        .select_related("host__town")
        .only(*PUBLIC_FIELDS)
        .annotate(
            is_past=Case(
                When(ends_on__lt=today, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            coming_on=Case(When(ends_on__gte=today, then=F("starts_on")), default=None),
        )
        .order_by("is_past", F("coming_on").asc(nulls_last=True), "-starts_on", "id")
    )


def meetings_section(request: HttpRequest, place) -> HttpResponse:
    """The network's published meetings, 20 to a page. Three queries."""
    if not isinstance(place, Network):
        raise Http404
    published = _published(place)
    today = timezone.localdate()
    page = Paginator(public_meetings(place, published, today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for meeting in page:
        meeting.event = _event_in_language(published.get(meeting.pk, []))
        meeting.where = meeting_events.place_name(meeting)
    context = {
        "place": place,
        "network": place,
        "section": "meetings",
        "section_title": _("Meetings"),
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "today": today,
    }
    return render(request, "network/meetings/public_list.html", context)


def _agenda_by_day(items: list[AgendaItem]) -> list[tuple]:
    """[(day, [(item, [its parts])])] in the agenda's order."""
    children: dict[int, list] = {}
    for item in items:
        start = datetime.combine(item.day, item.starts_at)
        item.ends_at = (start + timedelta(minutes=item.duration_minutes)).time()
    for item in items:
        if item.parent_id is not None:
            children.setdefault(item.parent_id, []).append(item)
    days: dict = {}
    for item in items:
        if item.parent_id is None:
            days.setdefault(item.day, []).append((item, children.get(item.pk, [])))
    return sorted(days.items())


@cached_for_anonymous
def meeting_public(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One published meeting: what, when, where (with a map link), its agenda by day. Five
    queries."""
    network = places.find_or_404(slug)
    if not isinstance(network, Network):
        raise Http404
    published = _published(network, pks=[pk])
    if pk not in published:
        raise Http404
    meeting = get_object_or_404(
        Meeting.objects.select_related("host__town").only(*PUBLIC_FIELDS),
        pk=pk,
        network=network,
    )
    items = list(
        AgendaItem.objects.filter(meeting=meeting).only(
            "id", "parent_id", "day", "starts_at", "duration_minutes", "titles", "room", "order"
        )
    )
    context = {
        "place": network,
        "network": network,
        "section": "meetings",
        "meeting": meeting,
        "where": meeting_events.place_name(meeting),
        "times": meeting_events.meeting_times(meeting, items),
        "agenda": _agenda_by_day(items),
        "event": _event_in_language(published[pk]),
    }
    return render(request, "network/meetings/public_meeting.html", context)
