from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def plain_number(value: Decimal | None) -> str:
    """A value in the page's locale without the zeros its four decimal places add: 17 234, 12,5."""
    if value is None:
        return "—"
    return number_format(value.normalize(), use_l10n=True, force_grouping=True)
