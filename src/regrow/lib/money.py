"""Euro amounts in the page's language: “114,00 €” in Latvian, “€114.00” in English.

The number comes from the language's format module (decimal comma or point, thousands
separated: a no-break space in Latvian, a comma in English); where the euro sign goes is a
message of our catalogue, so each language puts it where its readers expect it. No database.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import pgettext


def euros(amount, decimals: int = 2) -> str:
    """An amount in euros, `decimals` places after the point (0: whole euros, rounded)."""
    value = Decimal(str(amount)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    number = number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return pgettext("an amount of money; %(amount)s is the number", "€%(amount)s") % {
        "amount": number
    }


def euros_from_cents(cents: int, decimals: int = 2) -> str:
    """An amount stored in cents (as the register stores money), in euros."""
    return euros(Decimal(cents) / 100, decimals)
