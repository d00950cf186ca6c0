"""Reads for the public pop-up calendar: a town's current and coming pop-ups (public fields only),
the rounds' events, grouped by week, and what publishing prefills to announce a round's call.

A pop-up is public when its sublease is not cancelled, its trader let it be shown
(`shown_publicly`) and its round is not a draft. Nothing here reads the trader's person: only the
business name and category of the application, and the sublease's own public fields.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, linebreaks
from django.utils.translation import gettext as _

from regrow.lib.dates import MONTHS_AFTER_TO, date_range
from regrow.lib.i18n import localized
from regrow.popups.choices import RoundStatus
from regrow.popups.models import Round, RoundEvent, Sublease
from regrow.towns.models import Town

# Pop-ups to a page of the calendar; the most the map and the feed hold.
PAGE_SIZE = 20
MAP_MAX_POPUPS = 500
FEED_MAX = 500
# The most rounds' events one page of the calendar lists.
EVENTS_MAX = 100
# The feed keeps what ended in the past year, as the events calendar does.
FEED_PAST = timedelta(days=365)
LIVE = (Sublease.Status.CONFIRMED, Sublease.Status.SIGNED)
# What a pop-up's public page, map, feed and API read of it, and nothing more.
PUBLIC_FIELDS = (
    "id",
    "starts_on",
    "ends_on",
    "public_descriptions",
    "opening_hours",
    "photo",
    "round_unit__round",
    "application__business_name",
    "application__category",
    "unit__display_address",
    "unit__latitude",
    "unit__longitude",
    "unit__floor_area_m2",
)


def public_popups(town: Town) -> QuerySet[Sublease]:
    """Every pop-up of the town anyone may see, past ones too, with only its public fields."""
    return (
        Sublease.objects.filter(round_unit__round__town=town, status__in=LIVE, shown_publicly=True)
        .exclude(round_unit__round__status=RoundStatus.DRAFT)
        .select_related("application", "unit", "round_unit")
        .only(*PUBLIC_FIELDS)
    )


def current_and_coming(town: Town, today: date) -> QuerySet[Sublease]:
    """Pop-ups open today or later, those already open first, then by their first day."""
    return (
        public_popups(town)
        .filter(ends_on__gte=today)
        .order_by("starts_on", "application__business_name", "id")
    )


def past_popups(town: Town, today: date, since: date) -> QuerySet[Sublease]:
    """Pop-ups that ended before today (and after `since`), the latest first."""
    return (
        public_popups(town)
        .filter(ends_on__lt=today, ends_on__gte=since)
        .order_by("-ends_on", "-id")
    )


def public_events(town: Town) -> QuerySet[RoundEvent]:
    return (
        RoundEvent.objects.filter(round__town=town)
        .exclude(round__status=RoundStatus.DRAFT)
        .select_related("round")
        .only("id", "titles", "starts_on", "ends_on", "round__id", "round__titles")
    )


def _not_over(today: date) -> Q:
    return Q(ends_on__gte=today) | Q(ends_on__isnull=True, starts_on__gte=today)


def coming_events(
    town: Town, today: date, *, after: date | None = None, until: date | None = None
) -> QuerySet[RoundEvent]:
    """The rounds' events not over by today, by first day; those whose week (see `week_of`)
    starts after `after` and ends by `until`, when given."""
    events = public_events(town).filter(_not_over(today))
    if after is not None:
        events = events.filter(starts_on__gt=after)
    if until is not None:
        events = events.filter(starts_on__lte=until)
    return events.order_by("starts_on", "id")


def past_events(town: Town, today: date, since: date) -> QuerySet[RoundEvent]:
    return (
        public_events(town)
        .exclude(_not_over(today))
        .filter(starts_on__gte=since)
        .order_by("-starts_on", "-id")
    )


def has_public_content(town: Town) -> bool:
    """Whether the town's Pop-up section has anything to show: a round open or closed whose
    programme has not ended, or a pop-up open now or coming. One query."""
    today = town.today()
    return (
        Round.objects.filter(town=town)
        .filter(
            Q(status__in=(RoundStatus.OPEN, RoundStatus.CLOSED), programme_ends_on__gte=today)
            | (
                ~Q(status=RoundStatus.DRAFT)
                & Q(
                    offered_units__subleases__status__in=LIVE,
                    offered_units__subleases__shown_publicly=True,
                    offered_units__subleases__ends_on__gte=today,
                )
            )
        )
        .exists()
    )


# Weeks


def week_of(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def first_open_week(starts_on: date, today: date) -> date:
    """The week a pop-up (or an event) is listed under: this week if it is already on."""
    return week_of(max(starts_on, today))


@dataclass
class Week:
    starts_on: date
    popups: list = field(default_factory=list)
    events: list = field(default_factory=list)

    @property
    def ends_on(self) -> date:
        return self.starts_on + timedelta(days=6)


def weeks(popups, events, today: date, *, with_this_week: bool = False) -> list[Week]:
    """Pop-ups and events under the week each is first on from today, earliest week first.
    With `with_this_week`, this week is there even when nothing is on."""
    grouped: dict[date, Week] = {}
    if with_this_week:
        grouped[week_of(today)] = Week(week_of(today))
    for popup in popups:
        monday = first_open_week(popup.starts_on, today)
        grouped.setdefault(monday, Week(monday)).popups.append(popup)
    for event in events:
        monday = first_open_week(event.starts_on, today)
        grouped.setdefault(monday, Week(monday)).events.append(event)
    return [grouped[monday] for monday in sorted(grouped)]


def events_bounds(
    last_week: date | None, previous_week: date | None, *, last: bool
) -> tuple[date | None, date | None]:
    """Which events a page of pop-ups lists, as (after, until) days for `coming_events`: those
    of the weeks from the one after the previous page's last week (`previous_week`) to this
    page's last week (to the end on the last page). Each event so lands on exactly one page."""
    after = previous_week + timedelta(days=6) if previous_week is not None else None
    until = None if last or last_week is None else last_week + timedelta(days=6)
    return after, until


# Public texts of a pop-up


def in_language(texts: dict | None, town: Town, language: str | None = None) -> str:
    """The text in the language asked for, else in the town's languages in their order, else
    any."""
    texts = texts or {}
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (language, *town.languages):
        if texts.get(code):
            return texts[code]
    return localized(texts)


def popup_label(popup: Sublease) -> str:
    """“Name (from 1 to 28 February 2027)”: a pop-up on the map."""
    days = date_range(popup.starts_on, popup.ends_on)
    return f"{popup.application.business_name} ({days})"


# The call for applications, for publishing (see apps.py publishing_sources)


def _deadline(day: date) -> str:
    return _("Apply until %(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": MONTHS_AFTER_TO[day.month - 1],
        "year": day.year,
    }


def call_announcement(round_: Round, language: str) -> dict:
    """The event that announces the round's call for applications, in `language` (the round's
    texts in it, else in the town's languages): the application window is its time, the round's
    public page its link. Publishing's editor opens prefilled with it."""
    town = round_.town
    if round_.status != RoundStatus.OPEN or round_.applications_close_on < town.today():
        # Whoever asks (the round's page, or publishing directly): a draft's or a closed
        # round's call is never announced.
        raise ValidationError(
            _("Only the call of an open round, before its deadline, can be published.")
        )
    zone = ZoneInfo(town.time_zone)
    with translation.override(language):
        title = in_language(round_.titles, town, language) or str(round_.pk)
        description = in_language(round_.descriptions, town, language)
        page = reverse("popups:round_public", kwargs={"slug": town.slug, "pk": round_.pk})
        programme = _("%(days)s the pop-up shops are open.") % {
            "days": date_range(round_.programme_starts_on, round_.programme_ends_on)
        }
        link = format_html('<a href="{}">{}</a>', page, _("Units, terms and how to apply"))
        paragraphs = [linebreaks(description, autoescape=True)] if description.strip() else []
        paragraphs += [format_html("<p>{}</p>", programme), format_html("<p>{}</p>", link)]
        return {
            "kind": "event",
            "title": (_("Call for pop-up shops: %(round)s") % {"round": title})[:200],
            "lead": f"{_deadline(round_.applications_close_on)}. {programme}",
            "body": "".join(paragraphs),
            "categories": [_("Pop-up shops")],
            "starts_at": datetime.combine(round_.applications_open_on, time(0, 0), tzinfo=zone),
            "ends_at": datetime.combine(round_.applications_close_on, time(23, 59), tzinfo=zone),
            "place_name": town.name,
        }
