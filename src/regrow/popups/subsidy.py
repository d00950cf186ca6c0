"""The subsidy of a pop-up round, in integer cents: what the intermediary pays the owners under
the head leases against what it collects from the pop-ups under their subleases. Pure: plain
dataclasses in, plain figures out; no database.

Each head lease (owner agreement) costs its monthly rent plus service charges for every day of
its term, whether a pop-up is in the unit or not: the intermediary owes the owner the whole term.
Each pop-up pays its sublease's monthly rent plus service charges for the days of its stay.

Rounding, stated once: a monthly amount is shared out by calendar month. For one agreement or
one sublease and one month, its share is

    monthly amount * days of the month it covers / days in that month,

rounded half up to whole cents (a full month is exactly the monthly amount). Only these shares
are rounded; every total (per unit, per month, per round, per fund) is a sum of them, so the
totals add up exactly, and the gap is always the owners' cost minus what was collected.

A fund pays a round's gap where it is positive (a round whose pop-ups pay more than its owners
get draws nothing from it, and does not add to it) and the round's grants, approved or paid and
not cancelled.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class Charge:
    """A monthly amount owed for a run of days, both ends included: a head lease (to the owner)
    or a sublease (from the pop-up), on one offered unit."""

    unit: int
    starts_on: date
    ends_on: date
    cents_per_month: int


def month_of(day: date) -> date:
    """The first day of the day's month, which names the month."""
    return day.replace(day=1)


def days_in_month(month: date) -> int:
    return calendar.monthrange(month.year, month.month)[1]


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def share(cents_per_month: int, days: int, month_days: int) -> int:
    """`days` of a month of `month_days` days at `cents_per_month`, rounded half up to cents."""
    if cents_per_month < 0 or days < 0 or month_days <= 0:
        raise ValueError("amounts and days cannot be negative")
    # Half up in integers: floor(x + 1/2) with x = amount * days / month_days.
    return (2 * cents_per_month * days + month_days) // (2 * month_days)


def days_by_month(starts_on: date, ends_on: date) -> dict[date, int]:
    """How many days of each calendar month the run of days covers (empty if it ends first)."""
    days: dict[date, int] = {}
    month = month_of(starts_on)
    while month <= ends_on:
        last = month.replace(day=days_in_month(month))
        covered = (min(last, ends_on) - max(month, starts_on)).days + 1
        if covered > 0:
            days[month] = covered
        month = next_month(month)
    return days


def by_month(charge: Charge) -> dict[date, int]:
    """The charge's rounded share of each month it covers."""
    return {
        month: share(charge.cents_per_month, days, days_in_month(month))
        for month, days in days_by_month(charge.starts_on, charge.ends_on).items()
    }


@dataclass
class Figures:
    """What the owners cost and what the pop-ups paid, in cents; the gap is the difference."""

    owner_cost_cents: int = 0
    collected_cents: int = 0

    @property
    def gap_cents(self) -> int:
        return self.owner_cost_cents - self.collected_cents

    def add(self, other: "Figures") -> None:
        self.owner_cost_cents += other.owner_cost_cents
        self.collected_cents += other.collected_cents


@dataclass
class Accounts:
    """The figures per (unit, month), with their sums per unit, per month and in all."""

    cells: dict[tuple[int, date], Figures] = field(default_factory=dict)

    def by_unit(self) -> dict[int, Figures]:
        units: dict[int, Figures] = {}
        for (unit, _month), figures in self.cells.items():
            units.setdefault(unit, Figures()).add(figures)
        return units

    def by_month(self) -> dict[date, Figures]:
        months: dict[date, Figures] = {}
        for (_unit, month), figures in sorted(self.cells.items(), key=lambda item: item[0][1]):
            months.setdefault(month, Figures()).add(figures)
        return months

    def total(self) -> Figures:
        total = Figures()
        for figures in self.cells.values():
            total.add(figures)
        return total


def accounts(leases: Iterable[Charge], stays: Iterable[Charge]) -> Accounts:
    """The owners' cost (head leases) against what the pop-ups pay (stays), per unit and month."""
    result = Accounts()
    for lease in leases:
        for month, cents in by_month(lease).items():
            result.cells.setdefault((lease.unit, month), Figures()).owner_cost_cents += cents
    for stay in stays:
        for month, cents in by_month(stay).items():
            result.cells.setdefault((stay.unit, month), Figures()).collected_cents += cents
    return result


def fund_draw(gap_cents: int, grants_cents: int) -> int:
    """What a round takes from its fund: its gap where positive, and its grants."""
    return max(gap_cents, 0) + grants_cents
