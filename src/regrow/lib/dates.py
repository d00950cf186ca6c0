"""Dates in running text, in the grammatical case the sentence needs.

Django's DATE_FORMAT gives a date on its own: in Latvian the nominative "2026. gada 1. marts".
After "kopš" (since) Latvian needs the genitive, "2026. gada 1. marta", so the phrase and the
month names come from our own catalogue, where translators can give them the right case.
"""

from datetime import date

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


def date_since(day: date) -> str:
    """“since 1 March 2026” in the active language (Latvian: “kopš 2026. gada 1. marta”)."""
    phrase = pgettext(
        "a date after “since”, its month in the case “since” needs",
        "since %(day)s %(month)s %(year)s",
    )
    return phrase % {"day": day.day, "month": MONTHS_AFTER_SINCE[day.month - 1], "year": day.year}
