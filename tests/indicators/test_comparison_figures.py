"""What a series says and how a comparison transforms it: plain data, no database."""

from datetime import date
from decimal import Decimal

import pytest

from regrow.indicators import figures
from regrow.indicators.figures import Judgement, Point
from regrow.indicators.periods import (
    Period,
    month_period,
    parse_period,
    quarter_period,
    year_period,
)


def points(values: dict[str, object], flags: str = "") -> list[Point]:
    return [Point(parse_period(text), Decimal(str(value)), flags) for text, value in values.items()]


def yearly(first: int, values: list[object]) -> list[Point]:
    return points({str(first + index): value for index, value in enumerate(values)})


def test_the_latest_value_and_its_change_over_one_and_five_years_judged_by_the_indicator():
    series = yearly(2018, [9000, 8940, 8880, 8820, 8760, 8700, 8650])
    summary = figures.summary(series, higher_is_better=True)
    assert summary.latest.value == 8650 and summary.latest.period.text == "2024"
    one, five = summary.one_year, summary.five_years
    assert (one.since.period.text, one.absolute, one.relative) == ("2023", -50, Decimal("-0.0057"))
    assert one.judgement == Judgement.WORSE
    assert (five.since.period.text, five.absolute) == ("2019", -290)
    # Unemployment falling is good news.
    assert figures.summary(series, higher_is_better=False).one_year.judgement == Judgement.BETTER
    # An indicator with no good direction says only that it changed.
    assert figures.summary(series, higher_is_better=None).one_year.judgement == Judgement.NEUTRAL
    flat = figures.summary(yearly(2023, [5, 5]), higher_is_better=True)
    assert flat.one_year.judgement == Judgement.SAME


def test_a_change_is_none_where_the_earlier_period_has_no_value():
    summary = figures.summary(yearly(2022, [1, 2, 3]), higher_is_better=True)
    assert summary.one_year is not None and summary.five_years is None
    gap = figures.summary(points({"2020": 4, "2024": 5}), higher_is_better=True)
    assert gap.one_year is None and gap.five_years is None


def test_a_change_from_a_negative_value_keeps_its_direction():
    migration = figures.summary(points({"2023": -50, "2024": -80}), higher_is_better=True)
    assert migration.one_year.relative == Decimal("-0.6000")
    assert migration.one_year.judgement == Judgement.WORSE
    from_zero = figures.summary(points({"2023": 0, "2024": 8}), higher_is_better=True)
    assert from_zero.one_year.relative is None and from_zero.one_year.absolute == 8


def test_the_peak_and_the_fall_since_it_and_none_while_the_latest_is_the_peak():
    summary = figures.summary(yearly(1975, [31000, 32000, 32000, 25000, 18000]), True)
    assert summary.peak.period.text == "1977"  # the last time at the highest value
    assert summary.since_peak.absolute == -14000
    assert summary.since_peak.relative == Decimal("-0.4375")
    rising = figures.summary(yearly(2020, [1, 2, 3]), True)
    assert rising.peak is rising.latest and rising.since_peak is None


def test_the_yearly_rate_of_change_is_compound():
    # Altena: 32,000 in 1975, 18,000 in 2014: 39 years.
    rate = figures.compound_rate(
        Point(year_period(1975), Decimal(32000)), Point(year_period(2014), Decimal(18000))
    )
    assert rate == Decimal("-0.0146")
    assert Decimal(32000) * (1 + rate) ** 39 == pytest.approx(Decimal(18000), rel=Decimal("0.005"))
    # Months count as parts of a year.
    monthly = figures.compound_rate(
        Point(month_period(2023, 1), Decimal(100)), Point(month_period(2023, 7), Decimal(110))
    )
    assert monthly == Decimal("0.2100")
    same_year = Point(year_period(2020), Decimal(5))
    assert figures.compound_rate(same_year, same_year) is None
    assert figures.compound_rate(Point(year_period(2019), Decimal(-5)), same_year) is None


def test_a_series_of_years_and_months_is_summed_up_in_the_granularity_it_is_kept_in_now():
    mixed = points({"2022": 900, "2023": 950, "2024-01": 80, "2024-02": 85, "2023-02": 70})
    summary = figures.summary(mixed, higher_is_better=True)
    assert [point.period.text for point in summary.points] == ["2023-02", "2024-01", "2024-02"]
    assert summary.one_year.since.period.text == "2023-02"
    assert figures.shifted(quarter_period(2024, 3), 5).text == "2019-Q3"
    assert figures.shifted(month_period(2024, 7), 1).text == "2023-07"


def test_per_1000_divides_counts_by_the_population_of_the_same_year():
    assert figures.per_1000_applies("enterprises", "count")
    assert figures.per_1000_applies("net_migration", "persons")
    assert not figures.per_1000_applies("population", "persons")
    assert not figures.per_1000_applies("registered_unemployment", "percent")
    values = figures.per_1000(
        points({"2023": 600, "2024": 620, "2024-06": 10}),
        {2023: Decimal(8000), 2024: Decimal(0)},
    )
    assert values == {"2023": Decimal("75.00"), "2024": None, "2024-06": None}


def test_an_index_sets_the_base_years_value_to_100():
    series = yearly(2000, [200, 180, 150])
    assert figures.indexed(series, 2001) == {
        "2000": Decimal("111.1"),
        "2001": Decimal("100.0"),
        "2002": Decimal("83.3"),
    }
    assert figures.indexed(series, 1999) is None  # no value in the base year
    assert figures.indexed(yearly(2000, [-5, 3]), 2000) is None  # an index of a negative base
    months = points({"2023-01": 90, "2023-02": 110, "2024-01": 120})
    assert figures.indexed(months, 2023)["2024-01"] == Decimal("120.0")  # the mean of 2023: 100


def test_the_default_base_year_is_the_first_year_every_town_has():
    altena = yearly(1975, [32000] * 50)
    aluksne = yearly(2005, [9000] * 20)
    assert figures.first_common_year([altena, aluksne]) == 2005
    assert figures.first_common_year([altena, yearly(1960, [1, 2])]) == 1975
    assert figures.first_common_year([]) is None


def test_the_periods_of_a_comparison_are_every_towns_in_time_once():
    found = figures.periods_of([yearly(2001, [1, 2]), yearly(2000, [3, 4])])
    assert found == [year_period(2000), year_period(2001), year_period(2002)]
    assert found[0] == Period("2000", date(2000, 1, 1), year_period(2000).granularity)
