"""Towns' series of indicators as plain points: the recorded observations in one query whatever
the number of towns, indicators and years, and derived indicators computed by the apps that own
their data (derived.py) over the last DERIVED_YEARS years, a fixed number of queries a town."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from regrow.indicators import derived
from regrow.indicators.figures import POPULATION, Point
from regrow.indicators.models import Indicator, Observation
from regrow.indicators.periods import Granularity, Period, year_period
from regrow.towns.models import Town

# How many years (this one included) a derived indicator is computed for on a page.
DERIVED_YEARS = 10

Key = tuple[int, str]  # (town id, indicator code)


def derived_periods(today: date, years: int = DERIVED_YEARS) -> list[Period]:
    return [year_period(year) for year in range(today.year - years + 1, today.year + 1)]


def recorded_points(
    towns: Sequence[Town], indicators: Sequence[Indicator]
) -> dict[Key, list[Point]]:
    """The towns' observations of the indicators, in time: one query."""
    codes = {indicator.pk: indicator.code for indicator in indicators}
    found: dict[Key, list[Point]] = defaultdict(list)
    if not towns or not codes:
        return found
    rows = (
        Observation.objects.filter(town__in=list(towns), indicator__in=list(codes))
        .order_by("period_start", "period")
        .values_list(
            "town_id", "indicator_id", "period", "period_start", "granularity", "value", "flags",
            "source",
        )
    )  # fmt: skip
    periods: dict[str, Period] = {}
    for town_id, indicator_id, text, start, granularity, value, flags, source in rows:
        period = periods.get(text)
        if period is None:
            period = periods[text] = Period(text, start, Granularity(granularity))
        found[(town_id, codes[indicator_id])].append(Point(period, value, flags, source))
    return found


def derived_points(town: Town, indicator: Indicator, today: date | None = None) -> list[Point]:
    """A derived indicator's values of the last DERIVED_YEARS years that have one."""
    today = today or town.today()
    values = derived.series(town, indicator.code, derived_periods(today), today)
    return [Point(period, value) for period, value in values if value is not None]


def points_of(
    towns: Sequence[Town], indicators: Sequence[Indicator], today: date | None = None
) -> dict[Key, list[Point]]:
    """Every town's points of every indicator: recorded ones in one query, derived ones
    computed (a fixed number of queries for each town and derived indicator)."""
    recorded = [indicator for indicator in indicators if not indicator.derived]
    found = recorded_points(towns, recorded)
    for indicator in indicators:
        if indicator.derived:
            for town in towns:
                found[(town.pk, indicator.code)] = derived_points(town, indicator, today)
    return found


def population_by_year(towns: Iterable[Town]) -> dict[int, dict[int, Decimal]]:
    """Each town's yearly population: town id → {year: people}; one query."""
    result: dict[int, dict[int, Decimal]] = defaultdict(dict)
    rows = Observation.objects.filter(
        town__in=list(towns), indicator__code=POPULATION, granularity=Granularity.YEAR
    ).values_list("town_id", "period_start", "value")
    for town_id, start, value in rows:
        result[town_id][start.year] = value
    return result
