"""Reads for the network's meetings: the coming and the past ones, the partners a person may
organise a meeting for, and a meeting's agenda by day with its nested items. Each in a bounded
number of queries, whatever the number of meetings or items."""

from dataclasses import dataclass, field
from datetime import date, time

from django.db.models import QuerySet

from regrow.network.models import AgendaItem, Meeting, Network, Partner
from regrow.towns.permissions import Action, can

PAGE_SIZE = 20


def meetings_of(network: Network) -> QuerySet[Meeting]:
    return Meeting.objects.filter(network=network).select_related("host__town")


def coming_meetings(network: Network, today: date) -> QuerySet[Meeting]:
    """Meetings not over yet (their last day today or later), the soonest first."""
    return meetings_of(network).filter(ends_on__gte=today).order_by("starts_on", "id")


def past_meetings(network: Network, today: date) -> QuerySet[Meeting]:
    """Meetings that are over, the latest first."""
    return meetings_of(network).filter(ends_on__lt=today).order_by("-starts_on", "-id")


def may_organise(user, network: Network, host: Partner | None) -> bool:
    """May `user` organise a meeting of `network` hosted by `host` (None: no host town)?
    Asked of an unsaved meeting, the same question can() answers for a saved one."""
    return can(user, Action.ORGANISE_MEETING, Meeting(network=network, host=host))


def hosts_for(user, network: Network) -> tuple[bool, list[Partner]]:
    """Whether `user` may organise a meeting with no host (the network lead and lead expert),
    and the partners whose meetings they may organise (every partner for those two, their own
    partner for a partner's coordinator)."""
    partners = list(network.partners.select_related("town").order_by("town__name"))
    any_host = may_organise(user, network, None)
    if any_host:
        return True, partners
    return False, [partner for partner in partners if may_organise(user, network, partner)]


def may_create(user, network: Network) -> bool:
    any_host, partners = hosts_for(user, network)
    return any_host or bool(partners)


MINUTES_A_DAY = 24 * 60


def minutes_of(value: time) -> int:
    return value.hour * 60 + value.minute


def item_minutes(item: AgendaItem) -> tuple[int, int]:
    """When the item starts and ends, in minutes from its day's midnight (the end may lie past
    midnight, 1440 and more, for an item the services refuse)."""
    start = minutes_of(item.starts_at)
    return start, start + (item.duration_minutes or 0)


def clock_of(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def span(item: AgendaItem) -> str:
    """“09:30-10:15” (with an en dash)."""
    start, end = item_minutes(item)
    return f"{clock_of(start)}–{clock_of(end)}"  # noqa: RUF001 - a range of times


@dataclass
class Day:
    day: date
    number: int
    items: list[AgendaItem] = field(default_factory=list)


def agenda_items(meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.agenda_items.order_by("day", "order", "starts_at", "id"))


def agenda_of(meeting: Meeting, items: list[AgendaItem] | None = None) -> list[Day]:
    """The meeting's days, each with its items in order, every item with `parts` (its nested
    items in order), `span` (“09:30-10:15”). One query; items on a day the meeting no longer
    has are kept under their own day, after the meeting's days."""
    items = agenda_items(meeting) if items is None else items
    days = {day: Day(day, number) for number, day in enumerate(meeting.days(), start=1)}
    by_pk = {item.pk: item for item in items}
    for item in items:
        item.parts = []
        item.span = span(item)
    for item in items:
        parent = by_pk.get(item.parent_id)
        if parent is not None:
            parent.parts.append(item)
            continue
        if item.day not in days:
            days[item.day] = Day(item.day, 0)
        days[item.day].items.append(item)
    return sorted(days.values(), key=lambda found: found.day)


def top_level_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items another may be nested under."""
    return meeting.agenda_items.filter(parent__isnull=True).order_by("day", "order", "starts_at")
