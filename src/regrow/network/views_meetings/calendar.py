"""The network's meetings as an iCalendar feed for its members. A calendar app cannot sign in,
so each member has a private address with a token (MeetingFeed, made on the first visit of the
feed's page); making a new address ends the old one. The feed answers 404 for an unknown
token, and for one whose person is no longer a member; addresses that keep guessing are
refused for an hour (counted in the cache, as popups/throttle.py does)."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from regrow.accounts.addresses import request_address
from regrow.network import meeting_events
from regrow.network.models import AgendaItem, Meeting, MeetingFeed
from regrow.network.views_members import network_for
from regrow.towns.permissions import Action, can

# The most meetings one feed holds (the latest first, then reversed): a network has dozens.
FEED_MAX = 500
# Unknown tokens one address may try in an hour before every try is refused.
GUESSES_PER_HOUR = 20
GUESS_WINDOW = 3600
# The time zones' rules (VTIMEZONE) cover the meetings' days with a year to spare each side,
# within 1970 to 30 years from now (the further, the longer the rules: a day mistyped long ago
# must not make every feed large).
ZONE_MARGIN = timedelta(days=366)
ZONE_EARLIEST = date(1970, 1, 1)
ZONE_YEARS_AHEAD = timedelta(days=366 * 30)


def _feed_urls(request: HttpRequest, feed: MeetingFeed) -> tuple[str, str]:
    """The feed's address to subscribe to (webcal://) and to download (https://)."""
    address = request.build_absolute_uri(
        reverse(
            "network:meeting_calendar_feed",
            kwargs={"slug": feed.network.slug, "token": feed.token},
        )
    )
    return "webcal://" + address.split("://", 1)[1], address


@login_required
def meeting_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """The person's private address of the network's meetings (made on the first visit)."""
    network = network_for(request, slug)
    feed, _created = MeetingFeed.objects.get_or_create(network=network, user=request.user)
    feed.network = network
    subscribe, download = _feed_urls(request, feed)
    context = {
        "place": network,
        "network": network,
        "feed": feed,
        "subscribe_url": subscribe,
        "download_url": download,
    }
    return render(request, "network/meetings/calendar.html", context)


@login_required
@require_POST
def meeting_calendar_renew(request: HttpRequest, slug: str) -> HttpResponse:
    """A new private address; the old one answers nothing from now on."""
    network = network_for(request, slug)
    with transaction.atomic():
        MeetingFeed.objects.filter(network=network, user=request.user).delete()
        MeetingFeed.objects.create(network=network, user=request.user)
    messages.success(
        request,
        _(
            "Your calendar has a new address; the old one no longer works. Subscribe to the "
            "new one in your calendar app."
        ),
    )
    return redirect("network:meeting_calendar", slug=slug)


def _guess_key(request: HttpRequest) -> str | None:
    address = request_address(request)
    return f"network:meeting-feed:guess:{address}" if address else None


def _guessing(request: HttpRequest) -> bool:
    key = _guess_key(request)
    return key is not None and (cache.get(key) or 0) >= GUESSES_PER_HOUR


def _count_guess(request: HttpRequest) -> None:
    key = _guess_key(request)
    if key is None:
        return
    cache.add(key, 0, GUESS_WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, GUESS_WINDOW)


def _location(meeting: Meeting) -> str:
    parts = [meeting_events.place_name(meeting), meeting.address]
    return ", ".join(part for part in parts if part)


def _component(meeting: Meeting, items: list, request: HttpRequest, now) -> CalendarEvent:
    """A meeting: timed from its agenda where it has one, else all day over its days."""
    event = CalendarEvent()
    event.add("uid", f"network-meeting-{meeting.pk}@regrow")
    event.add("dtstamp", now)
    when = meeting_events.meeting_times(meeting, items)
    if when.timed:
        event.add("dtstart", when.starts_at)
        event.add("dtend", when.ends_at)
    else:
        event.add("dtstart", meeting.starts_on)
        event.add("dtend", meeting.ends_on + timedelta(days=1))  # all day: the day after
    event.add("summary", meeting.title)
    page = request.build_absolute_uri(meeting.get_absolute_url())
    lines = [meeting.get_kind_display(), meeting.description]
    if meeting.online_url:
        lines.append(_("Online: %(url)s") % {"url": meeting.online_url})
    lines.append(page)
    event.add("description", "\n\n".join(line for line in lines if line))
    location = _location(meeting)
    if location:
        event.add("location", location)
    if meeting.latitude is not None and meeting.longitude is not None:
        event.add("geo", (float(meeting.latitude), float(meeting.longitude)))
    event.add("url", page)
    if meeting.cancelled_at is not None:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def _shifted(day: date, by: timedelta) -> date:
    try:
        return day + by
    except OverflowError:
        return date.max if by > timedelta(0) else date.min


def _zone_span(first: date, last: date, today: date) -> tuple[date, date]:
    """The days the feed's VTIMEZONEs cover: `first` to `last` with a margin, kept within
    ZONE_EARLIEST and ZONE_YEARS_AHEAD."""
    latest = today + ZONE_YEARS_AHEAD
    start = min(max(_shifted(first, -ZONE_MARGIN), ZONE_EARLIEST), latest - ZONE_MARGIN)
    end = max(min(_shifted(last, ZONE_MARGIN), latest), start + ZONE_MARGIN)
    return start, end


@never_cache
def meeting_calendar_feed(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The network's meetings as iCalendar for the member whose address it is. Four queries."""
    if _guessing(request):
        return HttpResponse(
            _("Too many wrong addresses were tried from here. Try again in an hour."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
    feed = (
        MeetingFeed.objects.select_related("network", "user")
        .filter(token=token, network__slug=slug)
        .first()
    )
    if feed is None:
        _count_guess(request)
        raise Http404
    network, user = feed.network, feed.user
    if not user.is_active or not can(user, Action.VIEW_NETWORK, network):
        raise Http404
    meetings = list(
        Meeting.objects.filter(network=network)
        .select_related("host__town", "network")
        .order_by("-starts_on", "-id")[:FEED_MAX]
    )
    items: dict[int, list] = {}
    for item in AgendaItem.objects.filter(meeting__in=meetings).only(
        "id", "meeting_id", "day", "starts_at", "duration_minutes"
    ):
        items.setdefault(item.meeting_id, []).append(item)
    calendar = Calendar()
    calendar.add("prodid", "-//regrow//network meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("%(network)s: meetings") % {"network": network.name})
    now = timezone.now()
    days = []
    for meeting in reversed(meetings):
        try:
            component = _component(meeting, items.get(meeting.pk, []), request, now)
        except OverflowError:
            continue  # days at the calendar's very end (refused now, meetings_save): left out
        calendar.add_component(component)
        days += [meeting.starts_on, meeting.ends_on]
    if days:
        # RFC 5545: every TZID the events use has its VTIMEZONE in the calendar.
        calendar.add_missing_timezones(*_zone_span(min(days), max(days), now.date()))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{network.slug}-meetings.ics"'
    return response
