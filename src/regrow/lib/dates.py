"""Dates in running text, in the grammatical case the sentence needs.

Django's DATE_FORMAT gives a date on its own: in Latvian the nominative "2026. gada 1. marts".
After "kopš" (since) Latvian needs the genitive, "2026. gada 1. marta", so the phrase and the
month names come from our own catalogue, where translators can give them the right case.
"""

from datetime import date

from django.utils.translation import pgettext, pgettext_lazy

_CONTEXT = "month in a date after “since”"
MONTHS_AFTER_SINCE = (
    pgettext_lazy(_CONTEXT, "January"),
    pgettext_lazy(_CONTEXT, "February"),
    pgettext_lazy(_CONTEXT, "March"),
    pgettext_lazy(_CONTEXT, "April"),
    pgettext_lazy(_CONTEXT, "May"),
    pgettext_lazy(_CONTEXT, "June"),
    pgettext_lazy(_CONTEXT, "July"),
    pgettext_lazy(_CONTEXT, "August"),
    pgettext_lazy(_CONTEXT, "September"),
    pgettext_lazy(_CONTEXT, "October"),
    pgettext_lazy(_CONTEXT, "November"),
    pgettext_lazy(_CONTEXT, "December"),
)


def date_since(day: date) -> str:
    """“since 1 March 2026” in the active language (Latvian: “kopš 2026. gada 1. marta”)."""
    phrase = pgettext(
        "a date after “since”; %(month)s is the month name in the case “since” needs",
        "since %(day)s %(month)s %(year)s",
    )
    return phrase % {"day": day.day, "month": MONTHS_AFTER_SINCE[day.month - 1], "year": day.year}
