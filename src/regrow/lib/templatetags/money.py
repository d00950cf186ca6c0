"""Euro amounts (`{% load money %}`): `{{ unit.asking_rent_eur|euros }}` “114,00 €”,
`{{ row.rent_lost_cents|euros_from_cents:0 }}` “1 930 €”; nothing for no amount."""

from django import template

from regrow.lib import money

register = template.Library()


@register.filter
def euros(amount, decimals=2) -> str:
    return "" if amount is None or amount == "" else money.euros(amount, int(decimals))


@register.filter
def euros_from_cents(cents, decimals=2) -> str:
    return "" if cents is None or cents == "" else money.euros_from_cents(cents, int(decimals))
