"""The network's meetings over JSON, with the meeting pages' permissions: a network's members
read its meetings a page at a time (`count`, `next`, `previous`, `results`; the latest first,
or only those not over yet with `coming=true`) and one meeting with its agenda by day, each
item with its start and end as ISO date-times in the meeting's time zone and as local clock
times, its parts nested under it. A network one may not enter is a 403; a network or meeting
that is not there (a meeting of another network too) a 404."""

import zoneinfo
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.network import selectors_meetings as selectors
from regrow.network.models import AgendaItem, Meeting, Network
from regrow.towns.permissions import Action, can

router = Router(tags=["meetings"])


class MeetingOut(Schema):
    id: int
    kind: str = Field(description="transnational, thematic, local_group, site_visit or online")
    kind_name: str = Field(description="The kind in the language of the request")
    title: str = Field(description="In the language of the request, else another one given")
    titles: dict[str, str] = Field(description="The title in each language it was given in")
    host: str | None = Field(description="The host partner town's slug; null when none")
    host_name: str | None
    starts_on: date
    ends_on: date
    time_zone: str = Field(description="The agenda's times are local time of this zone")
    place_name: str
    address: str
    latitude: float | None
    longitude: float | None
    online_url: str
    registration_closes_at: datetime | None
    cancelled: bool


class ItemOut(Schema):
    id: int
    title: str
    titles: dict[str, str]
    starts_at: datetime = Field(description="ISO date-time with the meeting's UTC offset")
    ends_at: datetime
    local_start: str = Field(description="Local clock time, 09:30")
    local_end: str
    duration_minutes: int
    presenter: str
    room: str = Field(description="Empty: the plenary room")
    parts: list["ItemOut"] = Field(description="The item's nested items (one level)")


class DayOut(Schema):
    day: date
    number: int = Field(description="The meeting's day, from 1")
    items: list[ItemOut]


class MeetingDetailOut(MeetingOut):
    description: str
    descriptions: dict[str, str]
    days: list[DayOut]


class MeetingPage(paging.PageOf):
    results: list[MeetingOut]


def _network(request, slug: str) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if not can(request.auth, Action.VIEW_NETWORK, network):
        raise PermissionDenied
    return network


def _meeting_out(meeting: Meeting) -> dict:
    host = meeting.host
    return {
        "id": meeting.pk,
        "kind": meeting.kind,
        "kind_name": meeting.get_kind_display(),
        "title": meeting.title,
        "titles": meeting.titles,
        "host": host.town.slug if host else None,
        "host_name": host.town.name if host else None,
        "starts_on": meeting.starts_on,
        "ends_on": meeting.ends_on,
        "time_zone": meeting.time_zone,
        "place_name": meeting.place_name,
        "address": meeting.address,
        "latitude": None if meeting.latitude is None else float(meeting.latitude),
        "longitude": None if meeting.longitude is None else float(meeting.longitude),
        "online_url": meeting.online_url,
        "registration_closes_at": meeting.registration_closes_at,
        "cancelled": meeting.cancelled_at is not None,
    }


def _item_out(item: AgendaItem, zone) -> dict:
    start, end = selectors.item_minutes(item)
    midnight = datetime.combine(item.day, datetime.min.time())
    return {
        "id": item.pk,
        "title": item.title,
        "titles": item.titles,
        "starts_at": timezone.make_aware(midnight + timedelta(minutes=start), zone),
        "ends_at": timezone.make_aware(midnight + timedelta(minutes=end), zone),
        "local_start": selectors.clock_of(start),
        "local_end": selectors.clock_of(end),
        "duration_minutes": item.duration_minutes,
        "presenter": item.presenter,
        "room": item.room,
        "parts": [_item_out(part, zone) for part in item.parts],
    }


@router.get(
    "networks/{slug}/meetings",
    response=responses({200: MeetingPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The meetings of a network, the latest first (or the coming ones, soonest first)",
)
def list_meetings(
    request,
    slug: str,
    coming: bool = False,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request, "coming")
    network = _network(request, slug)
    today = timezone.localdate()
    meetings = (
        selectors.coming_meetings(network, today)
        if coming
        else selectors.meetings_of(network).order_by("-starts_on", "-id")
    )
    current = paging.page_of(request, meetings, page, page_size)
    return {**paging.links(request, current), "results": [_meeting_out(m) for m in current]}


@router.get(
    "networks/{slug}/meetings/{meeting_id}",
    response=responses({200: MeetingDetailOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A meeting of a network with its agenda by day, nested items under their item",
)
def get_meeting(request, slug: str, meeting_id: int):
    paging.refuse_unknown(request)
    network = _network(request, slug)
    meeting = get_object_or_404(selectors.meetings_of(network), pk=meeting_id)
    zone = zoneinfo.ZoneInfo(meeting.time_zone)
    days = [
        {
            "day": day.day,
            "number": day.number,
            "items": [_item_out(item, zone) for item in day.items],
        }
        for day in selectors.agenda_of(meeting)
    ]
    return {
        **_meeting_out(meeting),
        "description": meeting.description,
        "descriptions": meeting.descriptions,
        "days": days,
    }
