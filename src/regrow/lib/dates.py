"""Dates in running text, in the grammatical case the sentence needs.

Django's DATE_FORMAT gives a date on its own: in Latvian the nominative "2026. gada 1. marts".
In a sentence Latvian needs another case: the genitive after "kopš" and "no" ("kopš 2026. gada
1. marta"), the dative after "līdz" ("līdz 26. novembrim") and the locative for the day on
which something happens ("Publicēts 2019. gada 4. februārī"). So each phrase is one message of
our catalogue with placeholders (translators may reorder them), and the month names come from
the catalogue too, under a context for the place they take in a phrase, where translators give
them the case their language needs there. Datetimes are shown in the active time zone (the
place's, see lib/places.py). No database here.
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext, pgettext_lazy

# Literal contexts, so that makemessages finds them.
MONTHS_AFTER_SINCE = (
    pgettext_lazy("month in a date after “since”", "January"),
    pgettext_lazy("month in a date after “since”", "February"),
    pgettext_lazy("month in a date after “since”", "March"),
    pgettext_lazy("month in a date after “since”", "April"),
    pgettext_lazy("month in a date after “since”", "May"),
    pgettext_lazy("month in a date after “since”", "June"),
    pgettext_lazy("month in a date after “since”", "July"),
    pgettext_lazy("month in a date after “since”", "August"),
    pgettext_lazy("month in a date after “since”", "September"),
    pgettext_lazy("month in a date after “since”", "October"),
    pgettext_lazy("month in a date after “since”", "November"),
    pgettext_lazy("month in a date after “since”", "December"),
)
# The first day of a period, after "from" (Latvian "no": genitive).
MONTHS_AFTER_FROM = (
    pgettext_lazy("month in a date after “from”", "January"),
    pgettext_lazy("month in a date after “from”", "February"),
    pgettext_lazy("month in a date after “from”", "March"),
    pgettext_lazy("month in a date after “from”", "April"),
    pgettext_lazy("month in a date after “from”", "May"),
    pgettext_lazy("month in a date after “from”", "June"),
    pgettext_lazy("month in a date after “from”", "July"),
    pgettext_lazy("month in a date after “from”", "August"),
    pgettext_lazy("month in a date after “from”", "September"),
    pgettext_lazy("month in a date after “from”", "October"),
    pgettext_lazy("month in a date after “from”", "November"),
    pgettext_lazy("month in a date after “from”", "December"),
)
# The last day of a period, after "to" or "until" (Latvian "līdz": dative).
MONTHS_AFTER_TO = (
    pgettext_lazy("month in a date after “to”", "January"),
    pgettext_lazy("month in a date after “to”", "February"),
    pgettext_lazy("month in a date after “to”", "March"),
    pgettext_lazy("month in a date after “to”", "April"),
    pgettext_lazy("month in a date after “to”", "May"),
    pgettext_lazy("month in a date after “to”", "June"),
    pgettext_lazy("month in a date after “to”", "July"),
    pgettext_lazy("month in a date after “to”", "August"),
    pgettext_lazy("month in a date after “to”", "September"),
    pgettext_lazy("month in a date after “to”", "October"),
    pgettext_lazy("month in a date after “to”", "November"),
    pgettext_lazy("month in a date after “to”", "December"),
)
# The day on which something happens, "on 4 February" (Latvian: locative, "4. februārī").
MONTHS_ON = (
    pgettext_lazy("month in a date on which something happens", "January"),
    pgettext_lazy("month in a date on which something happens", "February"),
    pgettext_lazy("month in a date on which something happens", "March"),
    pgettext_lazy("month in a date on which something happens", "April"),
    pgettext_lazy("month in a date on which something happens", "May"),
    pgettext_lazy("month in a date on which something happens", "June"),
    pgettext_lazy("month in a date on which something happens", "July"),
    pgettext_lazy("month in a date on which something happens", "August"),
    pgettext_lazy("month in a date on which something happens", "September"),
    pgettext_lazy("month in a date on which something happens", "October"),
    pgettext_lazy("month in a date on which something happens", "November"),
    pgettext_lazy("month in a date on which something happens", "December"),
)


def _local(value: date | datetime) -> date | datetime:
    """An aware datetime in the active time zone; a date or a naive datetime as it is."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _day(value: date | datetime) -> date:
    value = _local(value)
    return value.date() if isinstance(value, datetime) else value


def _time(value: datetime) -> str:
    # TIME_FORMAT of our format modules: "18.00" in Latvian, "18:00" in English.
    return date_format(_local(value), "TIME_FORMAT")


def _parts(value: date | datetime, months, prefix: str = "") -> dict[str, object]:
    day = _day(value)
    return {
        f"{prefix}day": day.day,
        f"{prefix}month": months[day.month - 1],
        f"{prefix}year": day.year,
    }


def date_since(day: date | datetime) -> str:
    """“since 1 March 2026” in the active language (Latvian: “kopš 2026. gada 1. marta”)."""
    phrase = pgettext(
        "a date after “since”, its month in the case “since” needs",
        "since %(day)s %(month)s %(year)s",
    )
    return phrase % _parts(day, MONTHS_AFTER_SINCE)


def date_on(day: date | datetime) -> str:
    """The day on which something happens, to put in a sentence: “4 February 2019”
    (Latvian: “2019. gada 4. februārī”, the locative that needs no preposition)."""
    phrase = pgettext(
        "a date on which something happens, its month in the case that needs",
        "%(day)s %(month)s %(year)s",
    )
    return phrase % _parts(day, MONTHS_ON)


def published_on(day: date | datetime) -> str:
    """“Published 4 February 2019” (Latvian: “Publicēts 2019. gada 4. februārī”)."""
    phrase = pgettext("when an article was published", "Published %(day)s %(month)s %(year)s")
    return phrase % _parts(day, MONTHS_ON)


def appears_on(moment: datetime) -> str:
    """When a scheduled entry goes public: “Appears on 4 February 2026 at 18:00”."""
    phrase = pgettext(
        "when a scheduled entry goes public",
        "Appears on %(day)s %(month)s %(year)s at %(time)s",
    )
    return phrase % {**_parts(moment, MONTHS_ON), "time": _time(moment)}


def date_range(start: date | datetime, end: date | datetime) -> str:
    """A period of days, its year (and month) given once where both ends share it:
    “From 1 January to 26 November 2026” (“No 2026. gada 1. janvāra līdz 26. novembrim”)."""
    first, last = _day(start), _day(end)
    if first == last:
        return date_on(first)
    if first.year != last.year:
        phrase = pgettext(
            "a period of days in different years",
            "From %(start_day)s %(start_month)s %(start_year)s "
            "to %(end_day)s %(end_month)s %(end_year)s",
        )
        return phrase % {
            **_parts(first, MONTHS_AFTER_FROM, "start_"),
            **_parts(last, MONTHS_AFTER_TO, "end_"),
        }
    if first.month != last.month:
        phrase = pgettext(
            "a period of days in one year",
            "From %(start_day)s %(start_month)s to %(end_day)s %(end_month)s %(year)s",
        )
        return phrase % {
            "start_day": first.day,
            "start_month": MONTHS_AFTER_FROM[first.month - 1],
            "end_day": last.day,
            "end_month": MONTHS_AFTER_TO[last.month - 1],
            "year": first.year,
        }
    phrase = pgettext(
        "a period of days in one month; the month in the case “to” needs",
        "From %(start_day)s to %(end_day)s %(month)s %(year)s",
    )
    return phrase % {
        "start_day": first.day,
        "end_day": last.day,
        "month": MONTHS_AFTER_TO[last.month - 1],
        "year": first.year,
    }


def event_when(start: datetime, end: datetime | None = None) -> str:
    """When an event takes place, in the active time zone: “4 February 2026 at 18:00”,
    “4 February 2026, 18:00 to 20:00” on one day, or from one day and time to another."""
    if end is None:
        phrase = pgettext(
            "when an event begins (it has no end)", "%(day)s %(month)s %(year)s at %(time)s"
        )
        return phrase % {**_parts(start, MONTHS_ON), "time": _time(start)}
    if _day(start) == _day(end):
        phrase = pgettext(
            "when an event takes place: one day, from one time to another",
            "%(day)s %(month)s %(year)s, %(start_time)s–%(end_time)s",  # noqa: RUF001 - a range of times
        )
        return phrase % {
            **_parts(start, MONTHS_ON),
            "start_time": _time(start),
            "end_time": _time(end),
        }
    phrase = pgettext(
        "when an event takes place: from a day and time to another day and time",
        "From %(start_day)s %(start_month)s %(start_year)s at %(start_time)s "
        "to %(end_day)s %(end_month)s %(end_year)s at %(end_time)s",
    )
    return phrase % {
        **_parts(start, MONTHS_AFTER_FROM, "start_"),
        "start_time": _time(start),
        **_parts(end, MONTHS_AFTER_TO, "end_"),
        "end_time": _time(end),
    }
