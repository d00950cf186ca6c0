"""A meeting as publishing's event (apps.py `publishing_sources`), and the times, place and
texts its event, its report's news draft and the members' calendar feed share.

Publishing sits above the network app (docs/architecture.md): the network never imports it.
What the meeting's pages need of publishing (what was published about a meeting, publishing
its event in several languages at once, drafting its report as news) publishing hands over
when it is ready (publishing/apps.py calls `connect_publishing`)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.translation import gettext as _

from regrow.lib.dates import MONTHS_AFTER_TO, date_range
from regrow.lib.i18n import localized, offered_language_codes
from regrow.network.models import AgendaItem, Meeting


@dataclass(frozen=True)
class MeetingTimes:
    """When a meeting takes place: from its agenda's first item to the end of its last, in
    the meeting's time zone (`timed`) when the agenda has items on its first and last days,
    else its days from the first to the last, all day."""

    starts_at: datetime
    ends_at: datetime
    timed: bool
    first_day: date
    last_day: date


def meeting_times(meeting: Meeting, items: list[AgendaItem] | None = None) -> MeetingTimes:
    """`items`: the meeting's agenda items if already read (else one query)."""
    if items is None:
        items = list(meeting.agenda_items.only("day", "starts_at", "duration_minutes"))
    zone = ZoneInfo(meeting.time_zone or settings.TIME_ZONE)
    # Timed only when the agenda covers the first and the last day: a two-day meeting whose
    # second day has no items yet would otherwise end on the first day.
    days = {item.day for item in items}
    if items and meeting.starts_on in days and meeting.ends_on in days:
        starts = min(datetime.combine(item.day, item.starts_at, tzinfo=zone) for item in items)
        ends = max(
            datetime.combine(item.day, item.starts_at, tzinfo=zone)
            + timedelta(minutes=item.duration_minutes)
            for item in items
        )
        return MeetingTimes(starts, ends, True, meeting.starts_on, meeting.ends_on)
    return MeetingTimes(
        datetime.combine(meeting.starts_on, time(0, 0), tzinfo=zone),
        datetime.combine(meeting.ends_on, time(23, 59), tzinfo=zone),
        False,
        meeting.starts_on,
        meeting.ends_on,
    )


def in_language(texts: dict | None, language: str) -> str:
    """The text in `language`, else in English, else in any language given."""
    return localized(texts, language)


def place_name(meeting: Meeting) -> str:
    """Where: the place's name, else the host town's, else "Online" for an online meeting."""
    if meeting.place_name:
        return meeting.place_name
    if meeting.host_id is not None:
        return meeting.host.town.name
    if meeting.online_url or meeting.kind == Meeting.Kind.ONLINE:
        return _("Online")
    return ""


def public_url(meeting: Meeting) -> str:
    """The meeting's public page (what, when, where, the agenda) in the active language."""
    return reverse(
        "network:meeting_public", kwargs={"slug": meeting.network.slug, "pk": meeting.pk}
    )


def titled_languages(meeting: Meeting, first: str | None = None) -> list[str]:
    """The offered languages the meeting has a title in (all offered if none), `first` first."""
    offered = offered_language_codes()
    found = [code for code in offered if (meeting.titles or {}).get(code)] or offered
    if first in found:
        found.remove(first)
        found.insert(0, first)
    return found


def meeting_event(meeting: Meeting, language: str) -> dict:
    """The event that announces the meeting, in `language` (its title and description in it,
    else in English or any language it has): its time from the agenda, its place, and a link
    to its public page with the agenda. Publishing's editor opens prefilled with it."""
    if meeting.cancelled_at is not None:
        raise ValidationError(_("A cancelled meeting is not announced."))
    when = meeting_times(meeting)
    with translation.override(language):
        title = in_language(meeting.titles, language) or str(meeting.pk)
        description = in_language(meeting.descriptions, language)
        where = place_name(meeting)
        days = date_range(when.first_day, when.last_day)
        lead = f"{meeting.get_kind_display()}. {days}."
        if where:
            lead = f"{meeting.get_kind_display()}, {where}. {days}."
        paragraphs = [linebreaks(description, autoescape=True)] if description.strip() else []
        # The place and address are the event's own fields: its page shows them. Not the
        # online meeting's address: it may hold a passcode, and the event is public (members
        # find it on the meeting's page and in their own calendar feed).
        link = format_html(
            '<a href="{}">{}</a>', public_url(meeting), _("The meeting's agenda, day by day")
        )
        paragraphs.append(format_html("<p>{}</p>", link))
        event = {
            "kind": "event",
            "title": title[:200],
            "lead": lead,
            "body": "".join(paragraphs),
            "categories": [_("Network meetings")],
            "starts_at": when.starts_at,
            "ends_at": when.ends_at,
            "place_name": where[:200],
            "place_address": meeting.address,
        }
    if meeting.latitude is not None and meeting.longitude is not None:
        event["latitude"] = meeting.latitude
        event["longitude"] = meeting.longitude
    return event


def report_news(meeting: Meeting, language: str, decisions: list) -> dict:
    """The news draft of the meeting's report in `language`: its report in that language and
    the decisions taken (what, who, by when)."""
    with translation.override(language):
        title = in_language(meeting.titles, language) or str(meeting.pk)
        where = place_name(meeting)
        days = date_range(meeting.starts_on, meeting.ends_on)
        body = [linebreaks(meeting.reports.get(language, ""), autoescape=True)]
        if decisions:
            body.append(format_html("<h2>{}</h2>", _("Decisions")))
            body.append(
                format_html(
                    "<ul>{}</ul>",
                    format_html_join("", "<li>{}</li>", ((_decision(d),) for d in decisions)),
                )
            )
        return {
            "title": (_("Report: %(meeting)s") % {"meeting": title})[:200],
            "lead": f"{where}. {days}." if where else f"{days}.",
            "body": "".join(body),
            "categories": [_("Network meetings")],
        }


def _decision(decision) -> str:
    if decision.due_on:
        return _("%(what)s (%(who)s, by %(day)s %(month)s %(year)s)") % {
            "what": decision.text,
            "who": decision.responsible,
            "day": decision.due_on.day,
            "month": MONTHS_AFTER_TO[decision.due_on.month - 1],
            "year": decision.due_on.year,
        }
    return _("%(what)s (%(who)s)") % {"what": decision.text, "who": decision.responsible}


# What publishing hands over (see the module's docstring). Each function returns plain dicts:
# {"pk", "language", "title", "url" (the public page, published ones only), "edit_url",
# "published"}.
#   published_about(model, *, publisher, pks=None, kind="event", drafts=False) -> {pk: [dict]}
#   publish_event(*, obj, by, languages) -> (list[dict], already: bool)
#   draft_news(*, obj, by, contents: {language: dict}) -> (list[dict], already: bool)
_publishing: dict[str, Callable] = {}


def connect_publishing(**functions: Callable) -> None:
    _publishing.update(functions)


def publishing(name: str) -> Callable:
    """One of the functions publishing handed over; LookupError if publishing is not installed."""
    try:
        return _publishing[name]
    except KeyError:
        raise LookupError(name) from None


def publishing_connected() -> bool:
    return bool(_publishing)
