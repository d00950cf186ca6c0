"""Writes of the network's meetings: a new meeting, a change to one (refused when its agenda
has items on days the change would drop, naming them), cancelling one and taking that back.
Nothing is deleted. The network lead and the lead expert organise any meeting; a partner's
coordinators those their town hosts (ORGANISE_MEETING)."""

import zoneinfo
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from regrow.lib import pagecache
from regrow.lib.concurrency import claim_version
from regrow.network.models import Meeting, Network, Partner
from regrow.network.selectors_meetings import may_organise
from regrow.towns.permissions import Action, can

VALUES = (
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
    "registration_closes_at",
)
TEXTS = ("place_name", "address", "online_url", "time_zone")
# A meeting is a few days; a longer span is a typing mistake.
LONGEST_DAYS = 14
# A meeting's days lie from this many years before the network started (2000 when that is not
# known) to this many years after it ended or after today, whichever is later: a day further
# away is a typing mistake (and one at the calendar's very end breaks the calendar feed).
YEARS_BEFORE, YEARS_AFTER = 5, 10
EARLIEST_UNKNOWN = date(2000, 1, 1)


def _years_later(day: date, years: int) -> date:
    year = min(max(day.year + years, date.min.year), date.max.year)
    return date(year, day.month, min(day.day, 28) if day.month == 2 else day.day)


def days_allowed(network: Network) -> tuple[date, date]:
    """The first and the last day a meeting of the network may have."""
    first = (
        _years_later(network.started_on, -YEARS_BEFORE) if network.started_on else EARLIEST_UNKNOWN
    )
    today = timezone.localdate()
    last = max(network.ended_on or today, today)
    return first, _years_later(last, YEARS_AFTER)


def require_organise(user, meeting: Meeting) -> None:
    if not can(user, Action.ORGANISE_MEETING, meeting):
        raise PermissionDenied(_("Only the meeting's organisers may change it."))


def public_changed(meeting: Meeting) -> None:
    """Once the write commits, the network's public pages (the meeting's own, its list) are
    rendered afresh for anonymous readers too (lib/pagecache)."""
    network = meeting._state.fields_cache.get("network")
    if network is not None:
        slug = network.slug
    else:
        slug = Network.objects.filter(pk=meeting.network_id).values_list("slug", flat=True).first()
    if slug:
        transaction.on_commit(lambda: pagecache.place_changed(slug))


def _require_host(user, network: Network, host: Partner | None) -> None:
    if not may_organise(user, network, host):
        if host is None:
            raise ValidationError(
                {"host": _("Choose your partner town: you organise the meetings it hosts.")}
            )
        message = _("You may not organise a meeting hosted by %(town)s.")
        raise ValidationError({"host": message % {"town": host.town.name}})


def _texts(texts: dict | None) -> dict:
    return {code: text.strip() for code, text in (texts or {}).items() if (text or "").strip()}


def _check(network: Network, values: dict) -> dict:
    values = {name: values.get(name) for name in VALUES}
    for name in TEXTS:
        values[name] = (values[name] or "").strip()
    values["titles"] = _texts(values["titles"])
    values["descriptions"] = _texts(values["descriptions"])
    problems = {}
    if not values["titles"]:
        problems["titles"] = _("Give the meeting a title in at least one language.")
    host = values["host"]
    if host is not None and host.network_id != network.pk:
        problems["host"] = _("Choose a partner town of this network.")
    if values["kind"] == Meeting.Kind.ONLINE and not values["online_url"]:
        problems["online_url"] = _("Give the address where the online meeting takes place.")
    if not values["time_zone"]:
        values["time_zone"] = host.town.time_zone if host is not None else "Europe/Riga"
    try:
        zoneinfo.ZoneInfo(values["time_zone"])
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        problems["time_zone"] = _("Choose a time zone from the list.")
    starts_on, ends_on = values["starts_on"], values["ends_on"]
    first, last = days_allowed(network)
    for name in ("starts_on", "ends_on"):
        day = values[name]
        if day and not first <= day <= last:
            problems[name] = _("Choose a day from %(first)s to %(last)s.") % {
                "first": date_format(first, "SHORT_DATE_FORMAT"),
                "last": date_format(last, "SHORT_DATE_FORMAT"),
            }
    if starts_on and ends_on and not problems.keys() & {"starts_on", "ends_on"}:
        if ends_on < starts_on:
            problems["ends_on"] = _("A meeting cannot end before it starts.")
        elif (ends_on - starts_on).days >= LONGEST_DAYS:
            problems["ends_on"] = _("A meeting lasts at most %(days)s days.") % {
                "days": LONGEST_DAYS
            }
    if (values["latitude"] is None) != (values["longitude"] is None):
        missing = "longitude" if values["longitude"] is None else "latitude"
        problems[missing] = _("Give both the latitude and the longitude, or neither.")
    if problems:
        raise ValidationError(problems)
    return values


def _items_outside(meeting: Meeting, starts_on, ends_on) -> None:
    """Refuse days that would leave agenda items outside the meeting, naming them."""
    outside = list(
        meeting.agenda_items.exclude(day__gte=starts_on, day__lte=ends_on).order_by(
            "day", "order", "starts_at"
        )
    )
    if outside:
        names = ", ".join(
            f"“{item.title}” ({date_format(item.day, 'SHORT_DATE_FORMAT')})" for item in outside[:5]
        )
        if len(outside) > 5:
            names += ", …"
        raise ValidationError(
            {
                "starts_on": _(
                    "The agenda has items on days the meeting would no longer have: %(items)s. "
                    "Move or remove them first."
                )
                % {"items": names}
            }
        )


@transaction.atomic
def meeting_save(
    *,
    network: Network,
    by,
    meeting: Meeting | None = None,
    version: int | None = None,
    **values,
) -> Meeting:
    """A new meeting of `network`, or a change to `meeting` (`version`: the one the form
    started from; an older one is refused)."""
    if meeting is not None:
        require_organise(by, meeting)
        if meeting.network_id != network.pk:
            raise PermissionDenied(_("This meeting belongs to another network."))
    values = _check(network, values)
    if meeting is None or values["host"] != meeting.host:
        _require_host(by, network, values["host"])
    if meeting is None:
        meeting = Meeting(network=network, created_by=by, **values)
        meeting.full_clean()
        meeting.save()
        return meeting
    _items_outside(meeting, values["starts_on"], values["ends_on"])
    for name, value in values.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    meeting.version = claim_version(
        Meeting,
        meeting.pk,
        -1 if version is None else version,
        _("Someone changed this meeting after you opened it. Reload the page to see their change."),
        **values,
    )
    public_changed(meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by, version: int | None, cancel: bool = True) -> Meeting:
    """Cancel the meeting (its page and agenda stay), or take the cancellation back."""
    require_organise(by, meeting)
    cancelled_at = timezone.now() if cancel else None
    meeting.version = claim_version(
        Meeting,
        meeting.pk,
        -1 if version is None else version,
        _("Someone changed this meeting after you opened it. Reload the page to see their change."),
        cancelled_at=cancelled_at,
    )
    meeting.cancelled_at = cancelled_at
    public_changed(meeting)
    return meeting
