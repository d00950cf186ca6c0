"""Dates in running text (`{% load dates %}`): `{{ day|since }}` gives “since 1 March 2026”."""

from django import template

from regrow.lib.dates import date_since

register = template.Library()


@register.filter
def since(day) -> str:
    """The phrase “since <day>” in the page's language and grammar; nothing without a day."""
    return date_since(day) if day else ""
