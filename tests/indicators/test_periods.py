from datetime import date

import pytest

from regrow.indicators.periods import Granularity, PeriodCache, parse_period
from regrow.lib.tabular.problems import Invalid


@pytest.mark.parametrize(
    ("written", "text", "start", "granularity"),
    [
        ("2019", "2019", date(2019, 1, 1), Granularity.YEAR),
        (" 2019 ", "2019", date(2019, 1, 1), Granularity.YEAR),
        (2019, "2019", date(2019, 1, 1), Granularity.YEAR),
        (2019.0, "2019", date(2019, 1, 1), Granularity.YEAR),
        ("2019-Q3", "2019-Q3", date(2019, 7, 1), Granularity.QUARTER),
        ("2019Q3", "2019-Q3", date(2019, 7, 1), Granularity.QUARTER),
        ("2019K4", "2019-Q4", date(2019, 10, 1), Granularity.QUARTER),
        ("2019-q1", "2019-Q1", date(2019, 1, 1), Granularity.QUARTER),
        ("2019-07", "2019-07", date(2019, 7, 1), Granularity.MONTH),
        ("2019M07", "2019-07", date(2019, 7, 1), Granularity.MONTH),
        ("2019-7", "2019-07", date(2019, 7, 1), Granularity.MONTH),
        ("2019M12", "2019-12", date(2019, 12, 1), Granularity.MONTH),
    ],
)
def test_periods_are_kept_in_one_spelling(written, text, start, granularity):
    period = parse_period(written)
    assert (period.text, period.start, period.granularity) == (text, start, granularity)


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("2019-Q5", "quarter 5"),
        ("2019Q0", "quarter 0"),
        ("2019-13", "month 13"),
        ("2019M00", "month 0"),
        ("1799", "1800 to 2199"),
        ("19", "is not a period"),
        ("2019-07-01", "is not a period"),
        ("", "is not a period"),
        (None, "is not a period"),
        (True, "is not a period"),
        (["2019"], "is not a period"),
    ],
)
def test_periods_that_do_not_exist_are_refused_with_a_reason(written, says):
    with pytest.raises(Invalid) as refused:
        parse_period(written)
    assert says in refused.value.message


@pytest.mark.parametrize(
    ("written", "end"),
    [("2019", date(2019, 12, 31)), ("2020-Q1", date(2020, 3, 31)), ("2024-02", date(2024, 2, 29))],
)
def test_a_period_ends_on_its_last_day(written, end):
    assert parse_period(written).end == end


def test_the_cache_gives_one_period_object_for_each_spelling():
    parse = PeriodCache()
    assert parse("2019M07") is parse("2019M07")
    assert parse("2019M07") == parse("2019-07")
    with pytest.raises(Invalid):
        parse(["2019"])
