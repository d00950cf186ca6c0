"""The public pop-up calendar: a town's current and coming pop-ups by week with the rounds'
events, on a map and as an iCalendar feed; and the coordinator's button that announces an open
round's call for applications through publishing's prefilled editor."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from regrow.lib.i18n import offered_language_codes
from regrow.popups import selectors_calendar as selectors
from regrow.popups.choices import RoundStatus
from regrow.popups.models import Round
from regrow.popups.views import coordinated_round
from regrow.premises import features
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can


def _town(slug: str) -> Town:
    return get_object_or_404(Town, slug=slug)


def _described(popups, town: Town) -> list:
    """Each pop-up with what it sells in the page's language and its category's name."""
    for popup in popups:
        popup.sells = selectors.in_language(popup.public_descriptions, town)
        popup.category_label = popup.application.get_category_display()
    return popups


def _feed_urls(request: HttpRequest, slug: str) -> tuple[str, str]:
    """The feed's address to subscribe to (webcal://) and to download (https://)."""
    address = request.build_absolute_uri(reverse("popups:calendar_ics", kwargs={"slug": slug}))
    return "webcal://" + address.split("://", 1)[1], address


def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """This week's pop-ups first, then the coming weeks', 20 to a page; each page lists the
    rounds' events of its weeks. Four or five queries, however many pop-ups there are."""
    town = _town(slug)
    today = town.today()
    coming = selectors.current_and_coming(town, today)
    page = Paginator(coming, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    popups = _described(list(page.object_list), town)
    previous_week = None
    if page.number > 1:
        before = coming[page.start_index() - 2]  # the previous page's last pop-up
        previous_week = selectors.first_open_week(before.starts_on, today)
    last_week = selectors.first_open_week(popups[-1].starts_on, today) if popups else None
    after, until = selectors.events_bounds(last_week, previous_week, last=not page.has_next())
    events = selectors.coming_events(town, today, after=after, until=until)
    subscribe, download = _feed_urls(request, slug)
    context = {
        "place": town,
        "town": town,
        "section": "popups",
        "page": page,
        "weeks": selectors.weeks(
            popups, events[: selectors.EVENTS_MAX], today, with_this_week=page.number == 1
        ),
        "this_week": selectors.week_of(today),
        "next_week": selectors.week_of(today) + timedelta(days=7),
        "subscribe_url": subscribe,
        "download_url": download,
        "description": _(
            "The pop-up shops open in %(town)s this week and in the coming weeks, on a map and "
            "as a calendar to subscribe to."
        )
        % {"town": town.name},
    }
    return render(request, "popups/calendar.html", context)


def _map_properties(popups: list) -> dict:
    """A unit on the map with its pop-ups, in the words the register's map uses."""
    unit = popups[0].unit
    return {
        "address": unit.display_address,
        "floor_area_m2": float(unit.floor_area_m2),
        "asking_rent_eur": None,
        "status_label": "; ".join(selectors.popup_label(popup) for popup in popups),
    }


def calendar_geojson(request: HttpRequest, slug: str) -> JsonResponse:
    """The units of the current and coming pop-ups (at most 500 pop-ups), one point a unit."""
    town = _town(slug)
    by_unit: dict[int, list] = {}
    for popup in selectors.current_and_coming(town, town.today())[: selectors.MAP_MAX_POPUPS]:
        by_unit.setdefault(popup.unit_id, []).append(popup)
    collection = features.feature_collection(
        features.unit_feature(popups[0].unit, _map_properties(popups), feature_id=unit_id)
        for unit_id, popups in by_unit.items()
    )
    return JsonResponse(collection, content_type="application/geo+json")


def _popup_component(popup, town: Town, page_url: str) -> CalendarEvent:
    """A pop-up as an all-day event over its days, at its unit: public fields only."""
    event = CalendarEvent()
    event.add("uid", f"popup-{popup.pk}@regrow")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", popup.starts_on)
    event.add("dtend", popup.ends_on + timedelta(days=1))  # all-day: the day after the last
    event.add("summary", _("Pop-up: %(name)s") % {"name": popup.application.business_name})
    lines = [popup.sells, popup.category_label]
    if popup.opening_hours:
        lines.append(_("Opening hours: %(hours)s") % {"hours": popup.opening_hours})
    event.add("description", "\n".join(line for line in lines if line))
    event.add("location", popup.unit.display_address)
    event.add("geo", (float(popup.unit.latitude), float(popup.unit.longitude)))
    event.add("url", page_url)
    return event


def _event_component(round_event, request: HttpRequest, town: Town) -> CalendarEvent:
    """A round's event, all day over its days, linked to the round's public page."""
    event = CalendarEvent()
    event.add("uid", f"popup-event-{round_event.pk}@regrow")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", round_event.starts_on)
    last = round_event.ends_on or round_event.starts_on
    event.add("dtend", last + timedelta(days=1))
    event.add("summary", round_event.title)
    event.add("description", round_event.round.title)
    event.add("location", town.name)
    page = reverse("popups:round_public", kwargs={"slug": town.slug, "pk": round_event.round_id})
    event.add("url", request.build_absolute_uri(page))
    return event


def _coming_then_past(coming, past, most: int) -> list:
    found = list(coming[:most])
    if len(found) < most:
        found += list(past[: most - len(found)])
    return found


def calendar_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The pop-ups and the rounds' events as iCalendar: the coming ones and those of the past
    year, at most 500 of each, in five queries."""
    town = _town(slug)
    today = town.today()
    since = today - selectors.FEED_PAST
    popups = _coming_then_past(
        selectors.current_and_coming(town, today),
        selectors.past_popups(town, today, since),
        selectors.FEED_MAX,
    )
    events = _coming_then_past(
        selectors.coming_events(town, today),
        selectors.past_events(town, today, since),
        selectors.FEED_MAX,
    )
    feed = Calendar()
    feed.add("prodid", "-//regrow//popups//EN")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", _("%(town)s: pop-up shops") % {"town": town.name})
    page_url = request.build_absolute_uri(reverse("popups:calendar", kwargs={"slug": slug}))
    for popup in _described(popups, town):
        feed.add_component(_popup_component(popup, town, page_url))
    for round_event in events:
        feed.add_component(_event_component(round_event, request, town))
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{town.slug}-popups.ics"'
    return response


@login_required
@require_POST
def publish_call(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Announce an open round's call. "Publish now" hands the same POST on (307) to publishing,
    which publishes the event in all the town's languages at once; a language opens publishing's
    editor prefilled from the round (apps.py `publishing_sources`) in that language instead."""
    round_ = coordinated_round(request, slug, pk)
    town = round_.town
    if not can(request.user, Action.PUBLISH, town):
        raise PermissionDenied
    everywhere = request.POST.get("publish") == "now"
    language = request.POST.get("language", "")
    if not everywhere and (
        language not in town.languages or language not in offered_language_codes()
    ):
        messages.error(request, _("Choose one of the town's languages."))
        return redirect("popups:round", slug=slug, pk=pk)
    if round_.status != RoundStatus.OPEN or round_.applications_close_on < town.today():
        messages.error(
            request, _("Only the call of an open round, before its deadline, can be published.")
        )
        return redirect("popups:round", slug=slug, pk=pk)
    source = {"slug": town.slug, "source": Round._meta.label_lower, "pk": round_.pk}
    try:
        # By name only: popups never imports publishing (docs/architecture.md).
        if everywhere:
            # 307 keeps the method and the form (its CSRF token too): publishing checks again.
            target = reverse("publishing:publish_from", kwargs=source)
            return HttpResponseRedirect(target, status=307)
        with translation.override(language):
            editor = reverse("publishing:write_from", kwargs=source)
    except NoReverseMatch:
        raise Http404 from None
    return HttpResponseRedirect(editor, status=303)
