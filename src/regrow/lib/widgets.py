"""Date and time fields typed in the page's language, not the browser's.

A browser draws `<input type="date">` in its own language: a Latvian page in an English
browser asked for mm/dd/yyyy. These are text inputs instead, showing and taking the active
language's first input format (regrow/formats/: Latvian 26.11.2026, English 2026-11-26), with
that format written beside the field. Django's date fields take ISO dates in every language.
"""

from django import forms
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy

# strftime directive → what the hint says for it (lazy: translated when the hint is made).
_HINT_PARTS = {
    "%d": pgettext_lazy("day in a date format hint", "DD"),
    "%m": pgettext_lazy("month in a date format hint", "MM"),
    "%Y": pgettext_lazy("year in a date format hint", "YYYY"),
    "%y": pgettext_lazy("two-digit year in a date format hint", "YY"),
    "%H": pgettext_lazy("hours in a time format hint", "hh"),
    "%M": pgettext_lazy("minutes in a time format hint", "mm"),
    "%S": pgettext_lazy("seconds in a time format hint", "ss"),
}


def format_hint(strftime_format: str) -> str:
    """How to type a date in `strftime_format`, in the active language: "%d.%m.%Y" is
    "DD.MM.YYYY" in English and "dd.mm.gggg" in Latvian."""
    hint = strftime_format
    for directive, letters in _HINT_PARTS.items():
        hint = hint.replace(directive, str(letters))
    return hint


class _LocalInput:
    """A text input in the active language's format, with that format written after it."""

    input_type = "text"

    def active_format(self) -> str:
        return formats.get_format(self.format_key)[0]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        if widget_attrs.get("id"):
            # Read out after the label, with any help text and error the field already has.
            described_by = widget_attrs.get("aria-describedby", "")
            widget_attrs["aria-describedby"] = f"{described_by} {widget_attrs['id']}_format".strip()
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        final_id = (attrs or {}).get("id") or self.attrs.get("id")
        if not final_id:
            return html
        hint = format_html(
            '<span class="format-hint" id="{}_format">{}</span>',
            final_id,
            format_hint(self.active_format()),
        )
        return mark_safe(html + hint)  # noqa: S308 -- both parts are escaped HTML


class LocalDateInput(_LocalInput, forms.DateInput):
    """A date as the page's language writes it, typed on a phone's number pad."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})


class LocalDateTimeInput(_LocalInput, forms.DateTimeInput):
    """A date and time as the page's language writes them (26.11.2026 18:30 in Latvian)."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
