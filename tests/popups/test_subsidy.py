"""The subsidy's pure core: shares of a month rounded half up to cents, the gap is the owners'
cost minus what the pop-ups paid, and every total is the sum of its parts."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regrow.popups import subsidy
from regrow.popups.subsidy import Charge


def test_a_full_month_is_the_monthly_amount_and_a_part_is_pro_rata():
    lease = Charge(1, date(2027, 1, 1), date(2027, 3, 15), 40_000)
    assert subsidy.by_month(lease) == {
        date(2027, 1, 1): 40_000,
        date(2027, 2, 1): 40_000,
        # 15 of 31 days: 19 354.838… cents, rounded to 19 355.
        date(2027, 3, 1): 19_355,
    }


def test_shares_round_half_up_to_whole_cents():
    # 1 cent a month for 15 of 30 days is half a cent: up to 1; 14 days is 0.47: down to 0.
    assert subsidy.share(1, 15, 30) == 1
    assert subsidy.share(1, 14, 30) == 0
    # 3 cents for 1 of 2 days is 1.5: up to 2 (not to the even 2 by luck: 5 for 1 of 2 is 3).
    assert subsidy.share(3, 1, 2) == 2
    assert subsidy.share(5, 1, 2) == 3
    assert subsidy.share(100, 0, 31) == 0
    with pytest.raises(ValueError):
        subsidy.share(-1, 1, 30)


def test_february_of_a_leap_year_counts_its_29_days():
    stay = Charge(1, date(2028, 2, 15), date(2028, 2, 29), 2_900)
    assert subsidy.days_by_month(stay.starts_on, stay.ends_on) == {date(2028, 2, 1): 15}
    assert subsidy.by_month(stay) == {date(2028, 2, 1): 1_500}


def test_a_stay_across_the_new_year_is_split_by_calendar_month():
    assert subsidy.days_by_month(date(2026, 12, 20), date(2027, 1, 10)) == {
        date(2026, 12, 1): 12,
        date(2027, 1, 1): 10,
    }
    assert subsidy.days_by_month(date(2027, 1, 10), date(2027, 1, 9)) == {}


def test_the_gap_per_unit_and_month():
    leases = [Charge(1, date(2027, 2, 1), date(2027, 3, 31), 28_000)]
    stays = [
        Charge(1, date(2027, 2, 1), date(2027, 2, 14), 14_000),  # 14 of 28 days: 7 000
        Charge(1, date(2027, 2, 15), date(2027, 3, 31), 10_000),  # 5 000, then 10 000
        Charge(2, date(2027, 3, 1), date(2027, 3, 31), 3_000),  # a unit without a head lease
    ]
    accounts = subsidy.accounts(leases, stays)
    months = accounts.by_month()
    assert list(months) == [date(2027, 2, 1), date(2027, 3, 1)]
    assert (months[date(2027, 2, 1)].owner_cost_cents, months[date(2027, 2, 1)].gap_cents) == (
        28_000,
        16_000,
    )
    assert months[date(2027, 3, 1)].collected_cents == 13_000
    units = accounts.by_unit()
    assert units[1].gap_cents == 56_000 - 22_000
    assert units[2].gap_cents == -3_000  # paid more than it cost: a negative gap
    total = accounts.total()
    assert (total.owner_cost_cents, total.collected_cents, total.gap_cents) == (
        56_000,
        25_000,
        31_000,
    )


def test_the_fund_pays_a_positive_gap_and_the_grants():
    assert subsidy.fund_draw(10_000, 500) == 10_500
    assert subsidy.fund_draw(-10_000, 500) == 500


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 12, 31))


@st.composite
def charges(draw):
    start = draw(days)
    length = draw(st.integers(min_value=0, max_value=500))
    return Charge(
        draw(st.integers(min_value=1, max_value=4)),
        start,
        start + timedelta(days=length),
        draw(st.integers(min_value=0, max_value=5_000_000)),
    )


@given(st.lists(charges(), max_size=6), st.lists(charges(), max_size=12))
def test_totals_add_up_and_the_gap_is_cost_minus_collected(leases, stays):
    accounts = subsidy.accounts(leases, stays)
    total = accounts.total()
    for figures in [
        *accounts.cells.values(),
        *accounts.by_unit().values(),
        *accounts.by_month().values(),
    ]:
        assert figures.gap_cents == figures.owner_cost_cents - figures.collected_cents
    for grouped in (accounts.by_unit(), accounts.by_month()):
        assert sum(f.owner_cost_cents for f in grouped.values()) == total.owner_cost_cents
        assert sum(f.collected_cents for f in grouped.values()) == total.collected_cents
    assert total.owner_cost_cents == sum(sum(subsidy.by_month(lease).values()) for lease in leases)
    assert total.gap_cents == total.owner_cost_cents - total.collected_cents


@given(charges())
def test_each_months_share_is_within_half_a_cent_of_the_exact_figure(charge):
    exact_total = 0
    for month, covered in subsidy.days_by_month(charge.starts_on, charge.ends_on).items():
        month_days = subsidy.days_in_month(month)
        cents = subsidy.by_month(charge)[month]
        exact = charge.cents_per_month * covered / month_days
        assert abs(cents - exact) <= 0.5 + 1e-9
        exact_total += exact
    # The days covered are all the days of the charge, once each.
    assert sum(subsidy.days_by_month(charge.starts_on, charge.ends_on).values()) == (
        (charge.ends_on - charge.starts_on).days + 1
    )
    months = len(subsidy.by_month(charge))
    assert abs(sum(subsidy.by_month(charge).values()) - exact_total) <= 0.5 * months + 1e-6
