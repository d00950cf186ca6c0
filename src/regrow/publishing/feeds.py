"""RSS and Atom feeds per town or network and language; iCalendar for events."""

from datetime import timedelta

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from regrow.lib import places
from regrow.publishing import selectors
from regrow.publishing.html import plain_text
from regrow.publishing.models import Entry

FEED_SIZE = 30
# The events calendar: coming events and those of the past year, at most this many.
CALENDAR_SIZE = 100
CALENDAR_PAST = timedelta(days=365)


class NewsFeed(Feed):
    # One instance answers every request (and threads may share it): what belongs to a
    # request is kept on the place it returns, never on the feed.
    def get_object(self, request, slug):
        place = places.find_or_404(slug)
        place.feed_language = get_language()
        place.feed_home = request.build_absolute_uri(place.get_absolute_url())
        return place

    def title(self, place):
        return _("%(place)s: news") % {"place": place.name}

    def link(self, place):
        return f"/{place.feed_language}/{place.slug}/news/"

    def description(self, place):
        return _("News, events and projects of %(place)s") % {"place": place.name}

    # The feed's author, which Atom requires (RFC 4287, 4.1.1) of every entry that has none of
    # its own: the town or network that publishes it.
    def author_name(self, place):
        return place.name

    def author_link(self, place):
        return place.feed_home

    def items(self, place):
        return selectors.published(place, place.feed_language)[:FEED_SIZE]

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        # Feed readers take the description as HTML: the plain text is escaped for that.
        return escape(entry.lead or plain_text(entry.body)[:500])

    def item_link(self, entry):
        return entry.get_absolute_url()

    def item_pubdate(self, entry):
        return entry.publish_at

    def item_updateddate(self, entry):
        return entry.updated_at

    def item_author_name(self, entry):
        return entry.author.name if entry.author else None

    def item_categories(self, entry):
        return entry.categories


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


def _calendar_event(request: HttpRequest, entry: Entry) -> CalendarEvent:
    event = CalendarEvent()
    event.add("uid", f"entry-{entry.translation_group}@regrow")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", entry.starts_at)
    if entry.ends_at:
        event.add("dtend", entry.ends_at)
    event.add("summary", entry.title)
    event.add("description", entry.lead or plain_text(entry.body)[:1000])
    event.add("url", request.build_absolute_uri(entry.get_absolute_url()))
    location = ", ".join(part for part in [entry.place_name, entry.place_address] if part)
    if location or entry.online_url:
        event.add("location", location or entry.online_url)
    if entry.latitude is not None and entry.longitude is not None:
        event.add("geo", (float(entry.latitude), float(entry.longitude)))
    return event


def _calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//regrow//publishing//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def event_ics(request: HttpRequest, slug: str, entry: str) -> HttpResponse:
    place = places.find(slug)
    found = place and selectors.entry_for_reader(place, get_language(), entry, may_see_drafts=False)
    if not found or found.kind != Entry.Kind.EVENT:
        raise Http404
    calendar = _new_calendar(found.title)
    calendar.add_component(_calendar_event(request, found))
    return _calendar_response(calendar, f"{found.slug}.ics")


def events_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """Every coming event and those of the past year, at most CALENDAR_SIZE: a town with
    thousands of events over the years still gets a calendar in two queries and bounded time."""
    place = places.find_or_404(slug)
    language = get_language()
    calendar = _new_calendar(_("%(place)s: events") % {"place": place.name})
    entries = list(selectors.upcoming_events(place, language)[:CALENDAR_SIZE])
    if len(entries) < CALENDAR_SIZE:
        since = timezone.now() - CALENDAR_PAST
        past = selectors.past_events(place, language).filter(starts_at__gte=since)
        entries += past[: CALENDAR_SIZE - len(entries)]
    for entry in entries:
        calendar.add_component(_calendar_event(request, entry))
    return _calendar_response(calendar, f"{place.slug}-events.ics")
