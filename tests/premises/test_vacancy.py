"""The vacancy arithmetic, on plain data (no database)."""

from datetime import date

from regrow.premises.choices import Status
from regrow.premises.vacancy import (
    Change,
    Moves,
    empty_since,
    month_ends,
    period_report,
    rate_of,
    rate_of_counts,
    series,
    series_of_moves,
    sort_changes,
    statuses_on,
)

V, P, OCC, U, POP = (
    Status.VACANT,
    Status.PARTLY_VACANT,
    Status.OCCUPIED,
    Status.UNUSABLE,
    Status.POPUP,
)


def test_rate_counts_partly_vacant_as_half_and_leaves_out_unusable():
    rate = rate_of([V, P, OCC, OCC, U, POP])
    assert rate.usable == 5 and rate.counted == 6
    assert rate.empty == 1.5
    assert rate.percent == 30.0


def test_rate_of_nothing_is_unknown_not_zero():
    assert rate_of([]).rate is None


def test_latest_change_on_or_before_the_day_wins_and_later_same_day_entries_correct_earlier():
    changes = sort_changes(
        [
            Change(1, date(2024, 1, 1), OCC, 1),
            Change(1, date(2024, 3, 1), V, 2),
            Change(1, date(2024, 3, 1), P, 3),  # a correction the same day
            Change(2, date(2024, 6, 1), V, 4),
        ]
    )
    assert statuses_on(changes, date(2024, 2, 28)) == {1: OCC}
    assert statuses_on(changes, date(2024, 3, 1)) == {1: P}
    assert statuses_on(changes, date(2024, 6, 1)) == {1: P, 2: V}


def test_month_ends_cover_leap_years_and_year_ends():
    assert month_ends(date(2023, 12, 5), date(2024, 2, 1)) == [
        date(2023, 12, 31),
        date(2024, 1, 31),
        date(2024, 2, 29),
    ]


def test_series_matches_the_rate_computed_day_by_day():
    changes = sort_changes(
        [
            Change(1, date(2024, 1, 10), OCC, 1),
            Change(2, date(2024, 1, 15), V, 2),
            Change(3, date(2024, 2, 2), P, 3),
            Change(2, date(2024, 3, 20), POP, 4),
            Change(1, date(2024, 4, 1), U, 5),
        ]
    )
    days = month_ends(date(2024, 1, 1), date(2024, 5, 1))
    for day, rate in series(changes, days):
        assert rate == rate_of(statuses_on(changes, day).values()), day
    assert [rate.percent for _day, rate in series(changes, days)] == [50.0, 50.0, 16.7, 25.0, 25.0]


def test_rate_of_counts_is_the_rate_of_as_many_statuses():
    counts = {V: 3, P: 2, OCC: 4, U: 1, POP: 0}
    statuses = [status for status, units in counts.items() for _ in range(units)]
    assert rate_of_counts(counts) == rate_of(statuses)
    assert rate_of_counts(counts).empty == 4.0 and rate_of_counts(counts).usable == 9


def test_series_of_moves_equals_the_series_of_the_changes_themselves():
    changes = sort_changes(
        [
            Change(1, date(2023, 11, 3), OCC, 1),  # before the months shown
            Change(2, date(2023, 12, 30), V, 2),
            Change(1, date(2024, 1, 10), V, 3),
            Change(1, date(2024, 1, 20), P, 4),  # two moves within a month: only the net one
            Change(3, date(2024, 3, 2), U, 5),  # a new unit, in a month after a quiet one
            Change(2, date(2024, 3, 2), POP, 6),
        ]
    )
    days = month_ends(date(2024, 1, 1), date(2024, 3, 1))
    moves = [
        Moves(date(2024, 1, 1), OCC, V, 1),
        Moves(date(2024, 1, 1), V, P, 1),
        Moves(date(2024, 3, 1), None, U, 1),
        Moves(date(2024, 3, 1), V, POP, 1),
    ]
    before = {OCC: 1, V: 1}
    assert series_of_moves(before, moves, days) == series(changes, days)
    assert [rate.percent for _day, rate in series_of_moves(before, moves, days)] == [
        75.0,
        75.0,
        25.0,
    ]


def test_empty_since_is_the_start_of_the_current_spell():
    changes = sort_changes(
        [
            Change(1, date(2020, 1, 1), V, 1),
            Change(1, date(2021, 1, 1), OCC, 2),
            Change(1, date(2022, 5, 1), V, 3),
            Change(1, date(2023, 1, 1), P, 4),
        ]
    )
    assert empty_since(changes, date(2020, 6, 1)) == date(2020, 1, 1)
    assert empty_since(changes, date(2021, 6, 1)) is None
    assert empty_since(changes, date(2024, 1, 1)) == date(2022, 5, 1)


def test_period_report_counts_unit_months_and_rent_lost():
    changes = sort_changes(
        [
            Change(1, date(2023, 1, 1), V, 1),  # empty all of 2024
            Change(2, date(2024, 7, 1), P, 2),  # partly empty from July: half of 184 days
            Change(3, date(2024, 1, 1), OCC, 3),
        ]
    )
    report = period_report(
        changes, date(2024, 1, 1), date(2024, 12, 31), {1: 30_000, 2: 10_000, 3: 99_999}
    )
    assert report.units_empty == 2
    assert [row.unit_id for row in report.units] == [1, 2]
    assert report.units[0].empty_days == 366
    assert report.units[1].empty_days == 92
    assert report.unit_months_empty == round((366 + 92) / (365.25 / 12), 2)
    assert report.units[0].rent_lost_cents == round(30_000 * 366 / (365.25 / 12))
    assert report.rent_lost_cents == sum(row.rent_lost_cents for row in report.units)
