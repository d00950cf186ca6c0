"""Dates in running text (`{% load dates %}`), in the case their sentence needs (lib/dates.py).

`{{ day|since }}` “since 1 March 2026”, `{{ day|on_day }}` “4 February 2019” (Latvian locative),
`{{ entry.publish_at|published_on }}`, `{{ entry.publish_at|appears_on }}`,
`{% date_range start end %}` and `{% event_when starts ends %}`. Each gives nothing without a day.
"""

from django import template

from regrow.lib import dates

register = template.Library()


@register.filter
def since(day) -> str:
    """The phrase “since <day>” in the page's language and grammar; nothing without a day."""
    return dates.date_since(day) if day else ""


@register.filter
def on_day(day) -> str:
    """The day on which something happens, for a sentence: “4 February 2019”."""
    return dates.date_on(day) if day else ""


@register.filter
def published_on(day) -> str:
    """“Published 4 February 2019”."""
    return dates.published_on(day) if day else ""


@register.filter
def appears_on(moment) -> str:
    """“Appears on 4 February 2026 at 18:00”."""
    return dates.appears_on(moment) if moment else ""


@register.simple_tag
def date_range(start, end) -> str:
    """“From 1 January to 26 November 2026”."""
    return dates.date_range(start, end) if start and end else ""


@register.simple_tag
def event_when(start, end=None) -> str:
    """“4 February 2026 at 18:00”, or the event's span."""
    return dates.event_when(start, end or None) if start else ""
