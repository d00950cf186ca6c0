"""Derived indicators: computed by the apps that own their data, always current, never stored.

The dependency points one way: indicators calls the apps, the apps never import indicators. An
app declares `indicator_sources()` on its AppConfig, returning the keyword arguments of
`register()` for each indicator it computes:

    class PremisesConfig(AppConfig):
        def indicator_sources(self):
            return [{
                "code": "vacancy_rate",                  # an Indicator with derived=True
                "compute": vacancy_rate_percent,  # (town, first day, last day) -> Decimal
                "explanation": _("Empty units ÷ usable units …"),
                "documentation": "docs/vacancy.md",
            }]

Indicators collects them when it is ready (`discover()`). A value is computed for the days of a
period that have come (a period not begun has none); None where there is nothing to count. A
source may also give `compute_series` ((town, periods, today) -> one value a period): the same
values in a fixed number of queries, where one a period would be too many for a chart.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.apps import apps

from regrow.indicators.periods import Period
from regrow.towns.models import Town

Compute = Callable[[Town, date, date], Decimal | None]
ComputeSeries = Callable[[Town, Sequence[Period], date], list[Decimal | None]]


@dataclass(frozen=True)
class DerivedSource:
    code: str
    compute: Compute
    explanation: str = ""
    documentation: str = ""  # a path in the repository's docs, or an address
    compute_series: ComputeSeries | None = None


_registry: dict[str, DerivedSource] = {}


def register(
    *,
    code: str,
    compute: Compute,
    explanation: str = "",
    documentation: str = "",
    compute_series: ComputeSeries | None = None,
):
    _registry[code] = DerivedSource(code, compute, explanation, documentation, compute_series)


def unregister(code: str) -> None:
    _registry.pop(code, None)


def discover() -> None:
    """Register what every installed app computes through its AppConfig's
    `indicator_sources()`."""
    for config in apps.get_app_configs():
        hook = getattr(config, "indicator_sources", None)
        if callable(hook):
            for arguments in hook():
                register(**arguments)


def source(code: str) -> DerivedSource | None:
    return _registry.get(code)


def codes() -> list[str]:
    return sorted(_registry)


def value_in(town: Town, code: str, period: Period, today: date | None = None) -> Decimal | None:
    """The indicator's value for the town in `period` (up to today, in the town's time)."""
    derived = _registry.get(code)
    today = today or town.today()
    if derived is None or period.start > today:
        return None
    return derived.compute(town, period.start, min(period.end, today))


def series(
    town: Town, code: str, periods: Iterable[Period], today: date | None = None
) -> list[tuple[Period, Decimal | None]]:
    """Each period's value (None for periods not begun), through the source's
    `compute_series` where it has one."""
    today = today or town.today()
    periods = list(periods)
    derived = _registry.get(code)
    if derived is None or derived.compute_series is None:
        return [(period, value_in(town, code, period, today)) for period in periods]
    begun = [period for period in periods if period.start <= today]
    values = dict(zip(begun, derived.compute_series(town, begun, today), strict=True))
    return [(period, values.get(period)) for period in periods]
