"""The derived indicators of the register and the pop-up programme, through their own selectors.

They belong in PremisesConfig and PopupsConfig as `indicator_sources()` (see derived.py); until
those apps declare them, IndicatorsConfig declares them here, calling the same selectors.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from importlib import import_module, util

from django.utils.translation import gettext_lazy as _

from regrow.indicators.periods import Period
from regrow.towns.models import Town

PERCENT_PLACES = Decimal("0.01")


def _percent(rate: float | None) -> Decimal | None:
    if rate is None:
        return None
    return (Decimal(repr(rate)) * 100).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


def vacancy_rate_percent(town: Town, first: date, last: date) -> Decimal | None:
    """The register's vacancy rate on the period's last day, in % (docs/vacancy.md)."""
    from regrow.premises.selectors import Scope, vacancy_rate_at

    return _percent(vacancy_rate_at(Scope(town=town), last).rate)


def vacancy_rate_series(town: Town, periods: Sequence[Period], today: date) -> list[Decimal | None]:
    """The rate on each period's last day (today for the period under way): the register's
    monthly series for the months that are over (two queries), one query for today's."""
    from regrow.premises.selectors import Scope, vacancy_rate_at, vacancy_series

    if not periods:
        return []
    scope = Scope(town=town)
    last_month_over = today.replace(day=1) - timedelta(days=1)
    first = min(period.start for period in periods)
    month_ends = {}
    if first <= last_month_over:
        month_ends = {day: rate.rate for day, rate in vacancy_series(scope, first, last_month_over)}
    values = []
    for period in periods:
        day = min(period.end, today)
        if day in month_ends:
            values.append(_percent(month_ends[day]))
        else:
            values.append(_percent(vacancy_rate_at(scope, day).rate))
    return values


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


def popup_conversion_series(
    town: Town, periods: Sequence[Period], today: date
) -> list[Decimal | None]:
    """Each period's conversion rate; one query for all of them while no pop-up opened in the
    whole span (the rate of each is then unknown too), else one a period."""
    if not periods:
        return []
    first = min(period.start for period in periods)
    last = min(max(period.end for period in periods), today)
    if _conversion_rate()(town, (first, last)).opened == 0:
        return [None] * len(periods)
    return [popup_conversion_percent(town, p.start, min(p.end, today)) for p in periods]


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
            "compute_series": vacancy_rate_series,
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
                "documentation": "docs/popups-figures.md",
                "compute_series": popup_conversion_series,
            }
        )
    return found
