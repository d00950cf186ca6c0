"""What a series of observations says, and a comparison's values. Plain data, no database.

A town's series: its latest value, the change over one and five years and whether that is good
for the indicator (`higher_is_better`), the peak and the fall since it, and the compound yearly
rate of change from the first value to the latest. A comparison of towns: the values as they
are, per 1,000 inhabitants (count indicators divided by the population of the same year), or
indexed to a base year (its value = 100; for quarters and months the base is the mean of the
base year's values).
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from regrow.indicators.periods import (
    Granularity,
    Period,
    month_period,
    quarter_period,
    year_period,
)

RATE_PLACES = Decimal("0.0001")  # a fraction: 0.0123 is 1.23 %
PER_1000_PLACES = Decimal("0.01")
INDEX_PLACES = Decimal("0.1")
# Units that count something, so that dividing by the population means something.
COUNT_UNITS = frozenset({"persons", "count"})
POPULATION = "population"


class Judgement(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    NEUTRAL = "neutral"  # changed, but neither way is good or bad in itself


class Mode(StrEnum):
    ABSOLUTE = "absolute"
    PER_1000 = "per_1000"
    INDEXED = "indexed"


@dataclass(frozen=True, slots=True)
class Point:
    period: Period
    value: Decimal
    flags: str = ""
    source: str = ""


def judge(difference: Decimal, higher_is_better: bool | None) -> Judgement:
    if difference == 0:
        return Judgement.SAME
    if higher_is_better is None:
        return Judgement.NEUTRAL
    return Judgement.BETTER if (difference > 0) == higher_is_better else Judgement.WORSE


@dataclass(frozen=True)
class Change:
    since: Point
    to: Point
    judgement: Judgement

    @property
    def absolute(self) -> Decimal:
        return self.to.value - self.since.value

    @property
    def relative(self) -> Decimal | None:
        """The change as a fraction of the earlier value (of its size, so that a fall from -50
        to -80 is -60 %); None from 0."""
        if self.since.value == 0:
            return None
        return (self.absolute / abs(self.since.value)).quantize(RATE_PLACES, ROUND_HALF_UP)


def change(since: Point, to: Point, higher_is_better: bool | None) -> Change:
    return Change(since, to, judge(to.value - since.value, higher_is_better))


def shifted(period: Period, years: int) -> Period:
    """The same period `years` earlier (2024-Q3 → 2023-Q3 for one year)."""
    year = period.start.year - years
    if period.granularity == Granularity.QUARTER:
        return quarter_period(year, (period.start.month + 2) // 3)
    if period.granularity == Granularity.MONTH:
        return month_period(year, period.start.month)
    return year_period(year)


def months_between(first: Period, last: Period) -> int:
    return (last.start.year - first.start.year) * 12 + last.start.month - first.start.month


def compound_rate(first: Point, last: Point) -> Decimal | None:
    """The yearly rate that, compounded, leads from `first` to `last` (a fraction); None over
    less than a year's span or for values that are not both positive."""
    years = months_between(first.period, last.period) / 12
    if years <= 0 or first.value <= 0 or last.value <= 0:
        return None
    rate = math.exp(math.log(float(last.value) / float(first.value)) / years) - 1
    return Decimal(repr(rate)).quantize(RATE_PLACES, ROUND_HALF_UP)


def main_granularity(points: Sequence[Point]) -> Granularity | None:
    """The granularity of the latest point: a series mixing years and months is shown in the
    one it is kept in now."""
    if not points:
        return None
    return max(points, key=lambda point: (point.period.start, point.period.text)).period.granularity


def of_granularity(points: Iterable[Point], granularity: Granularity | None) -> list[Point]:
    """The points of one granularity, in time."""
    kept = [point for point in points if point.period.granularity == granularity]
    return sorted(kept, key=lambda point: point.period.start)


@dataclass(frozen=True)
class Summary:
    points: list[Point]  # in time, of one granularity
    latest: Point | None = None
    first: Point | None = None
    one_year: Change | None = None
    five_years: Change | None = None
    peak: Point | None = None
    since_peak: Change | None = None  # None while the latest value is the peak
    yearly_rate: Decimal | None = None  # compound, from the first value to the latest


def summary(points: Iterable[Point], higher_is_better: bool | None) -> Summary:
    points = list(points)
    points = of_granularity(points, main_granularity(points))
    if not points:
        return Summary(points=[])
    latest, first = points[-1], points[0]
    by_period = {point.period.text: point for point in points}

    def over(years: int) -> Change | None:
        earlier = by_period.get(shifted(latest.period, years).text)
        return change(earlier, latest, higher_is_better) if earlier else None

    # The most recent of equal highest values: the fall is measured from the last time there.
    peak = max(reversed(points), key=lambda point: point.value)
    return Summary(
        points=points,
        latest=latest,
        first=first,
        one_year=over(1),
        five_years=over(5),
        peak=peak,
        since_peak=None if peak is latest else change(peak, latest, higher_is_better),
        yearly_rate=compound_rate(first, latest),
    )


# --- Comparisons --------------------------------------------------------------------------


def per_1000_applies(code: str, unit: str) -> bool:
    """Counts of people or things, except the population itself."""
    return unit in COUNT_UNITS and code != POPULATION


def per_1000(
    points: Iterable[Point], population: Mapping[int, Decimal]
) -> dict[str, Decimal | None]:
    """Each value per 1,000 inhabitants of the same year; None where the population of that
    year is not known (or is 0)."""
    result = {}
    for point in points:
        people = population.get(point.period.start.year)
        result[point.period.text] = (
            (point.value * 1000 / people).quantize(PER_1000_PLACES, ROUND_HALF_UP)
            if people
            else None
        )
    return result


def base_value(points: Iterable[Point], base_year: int) -> Decimal | None:
    """The value of the base year: the year's own, or the mean of its quarters or months."""
    values = [point.value for point in points if point.period.start.year == base_year]
    if not values:
        return None
    return sum(values, Decimal(0)) / len(values)


def indexed(points: Sequence[Point], base_year: int) -> dict[str, Decimal] | None:
    """Each value as an index of the base year's (= 100); None without a base year value above
    zero (an index of a negative or zero base says nothing)."""
    base = base_value(points, base_year)
    if base is None or base <= 0:
        return None
    return {
        point.period.text: (point.value * 100 / base).quantize(INDEX_PLACES, ROUND_HALF_UP)
        for point in points
    }


def first_common_year(series: Sequence[Sequence[Point]]) -> int | None:
    """The first year in which every series has a value; else the first series' first year."""
    years = [{point.period.start.year for point in points} for points in series if points]
    if not years:
        return None
    common = set.intersection(*years)
    return min(common) if common else min(years[0])


def periods_of(series: Iterable[Iterable[Point]]) -> list[Period]:
    """Every period of the series, in time, once."""
    found = {point.period.text: point.period for points in series for point in points}
    return sorted(found.values(), key=lambda period: (period.start, period.text))
