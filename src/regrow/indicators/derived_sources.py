"""The derived indicators of the register and the pop-up programme, through their own selectors.

They belong in PremisesConfig and PopupsConfig as `indicator_sources()` (see derived.py); until
those apps declare them, IndicatorsConfig declares them here, calling the same selectors.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from importlib import import_module, util

from django.utils.translation import gettext_lazy as _

from regrow.towns.models import Town

PERCENT_PLACES = Decimal("0.01")


def vacancy_rate_percent(town: Town, first: date, last: date) -> Decimal | None:
    """The register's vacancy rate on the period's last day, in % (docs/vacancy.md)."""
    from regrow.premises.selectors import Scope, vacancy_rate_at

    rate = vacancy_rate_at(Scope(town=town), last).rate
    if rate is None:
        return None
    return (Decimal(repr(rate)) * 100).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


def _conversion_rate():
    """popups.figures.conversion_rate where the pop-up programme has it."""
    if util.find_spec("regrow.popups.figures") is None:
        return None
    return getattr(import_module("regrow.popups.figures"), "conversion_rate", None)


def popup_conversion_percent(town: Town, first: date, last: date) -> Decimal | None:
    """Pop-ups that stayed ÷ pop-ups that opened in the period, in %."""
    rate = _conversion_rate()(town, (first, last)).rate
    if rate is None:
        return None
    return (rate * 100).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


def sources() -> list[dict]:
    found = [
        {
            "code": "vacancy_rate",
            "compute": vacancy_rate_percent,
            "explanation": _(
                "Empty units ÷ usable units of the town's register on the period's last day; a "
                "partly vacant unit counts as half, unusable units are not counted."
            ),
            "documentation": "docs/vacancy.md",
        }
    ]
    if _conversion_rate() is not None:
        found.append(
            {
                "code": "popup_conversion_rate",
                "compute": popup_conversion_percent,
                "explanation": _(
                    "Pop-ups that stayed as permanent tenants ÷ pop-ups that opened in the "
                    "period (cancelled ones not counted)."
                ),
                "documentation": "src/regrow/popups/figures.py",
            }
        )
    return found
