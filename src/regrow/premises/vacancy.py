"""Vacancy arithmetic over plain data: no database here (see selectors.py for the queries).

Definitions (also in docs/vacancy.md):
- A unit's status on a day is its latest status change effective on or before that day; among
  changes of the same day, the one recorded last wins. A unit with no change yet is not counted.
- The vacancy rate is empty units ÷ usable units. Usable units are all counted units except
  those marked unusable. A vacant unit counts as 1 empty unit, a partly vacant one as ½; units
  occupied, let again, or used by a pop-up count as 0 (a pop-up is in use while it runs).
- A unit-month is 365.25 / 12 days; rent lost is asking rent times months empty (half for
  partly vacant units).
"""

import calendar
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from regrow.premises.choices import EXCLUDED_FROM_RATE, VACANCY_WEIGHT, Status

DAYS_PER_MONTH = 365.25 / 12
EMPTY_STATUSES = frozenset({Status.VACANT, Status.PARTLY_VACANT})


@dataclass(frozen=True)
class Change:
    """One status change, as the arithmetic needs it. Sort key: (effective_on, sequence)."""

    unit_id: int
    effective_on: date
    status: str
    sequence: int = 0  # the order of recording (the row id), breaking ties within a day


@dataclass(frozen=True)
class Rate:
    empty: float  # vacant units, partly vacant ones counting ½
    usable: int
    counted: int  # units with a status that day, unusable ones included

    @property
    def rate(self) -> float | None:
        return self.empty / self.usable if self.usable else None

    @property
    def percent(self) -> float | None:
        return None if self.rate is None else round(self.rate * 100, 1)


def units_empty(counts: Mapping[str, int]) -> int:
    """How many units are vacant or partly vacant (each counts 1 here, whatever its weight)."""
    return sum(counts.get(status, 0) for status in EMPTY_STATUSES)


def sort_changes(changes: Iterable[Change]) -> list[Change]:
    return sorted(changes, key=lambda change: (change.effective_on, change.sequence))


def rate_of(statuses: Iterable[str]) -> Rate:
    return rate_of_counts(Counter(statuses))


def rate_of_counts(counts: Mapping[str, int]) -> Rate:
    """The rate from how many units hold each status (as the database counts them)."""
    empty = 0.0
    usable = counted = 0
    for status, units in counts.items():
        counted += units
        if status in EXCLUDED_FROM_RATE:
            continue
        usable += units
        empty += VACANCY_WEIGHT[status] * units
    return Rate(empty=empty, usable=usable, counted=counted)


def statuses_on(changes: Sequence[Change], day: date) -> dict[int, str]:
    """Each unit's status on `day`; `changes` sorted by sort_changes()."""
    current: dict[int, str] = {}
    for change in changes:
        if change.effective_on > day:
            break
        current[change.unit_id] = change.status
    return current


def month_ends(first: date, last: date) -> list[date]:
    """The last day of every month from `first`'s month to `last`'s month."""
    days = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        days.append(date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def series(changes: Sequence[Change], days: Sequence[date]) -> list[tuple[date, Rate]]:
    """The rate on each of `days` (ascending), in one pass over the sorted changes."""
    current: dict[int, str] = {}
    empty = 0.0
    usable = counted = 0
    position = 0
    result = []
    for day in days:
        while position < len(changes) and changes[position].effective_on <= day:
            change = changes[position]
            position += 1
            before = current.get(change.unit_id)
            if before is None:
                counted += 1
            elif before not in EXCLUDED_FROM_RATE:
                usable -= 1
                empty -= VACANCY_WEIGHT[before]
            if change.status not in EXCLUDED_FROM_RATE:
                usable += 1
                empty += VACANCY_WEIGHT[change.status]
            current[change.unit_id] = change.status
        result.append((day, Rate(empty=round(empty, 6), usable=usable, counted=counted)))
    return result


@dataclass(frozen=True)
class Moves:
    """How many units moved from one status to another by changes made in one month."""

    month: date  # its first day
    previous: str | None  # None: the unit's first status
    status: str
    units: int


def series_of_moves(
    before: Mapping[str, int], moves: Iterable[Moves], days: Sequence[date]
) -> list[tuple[date, Rate]]:
    """The rate at each of `days` (month ends, ascending), from the status counts before the
    first month and the moves of the months shown: the same figures as series(), without
    reading the whole history (every change of a unit within a month but the last one is
    undone by the next, so only the net moves of a month matter at its end)."""
    pending = sorted(moves, key=lambda move: move.month)
    counts = Counter(before)
    position = 0
    result = []
    for day in days:
        while position < len(pending) and pending[position].month <= day:
            move = pending[position]
            position += 1
            if move.previous is not None:
                counts[move.previous] -= move.units
            counts[move.status] += move.units
        result.append((day, rate_of_counts(counts)))
    return result


def empty_since(unit_changes: Sequence[Change], day: date) -> date | None:
    """When the unit's current spell of being (partly) vacant began, or None if not empty on `day`.

    `unit_changes` are one unit's changes, sorted.
    """
    since = None
    for change in unit_changes:
        if change.effective_on > day:
            break
        # A spell of emptiness starts at its first empty entry and ends at a non-empty one.
        since = (since or change.effective_on) if change.status in EMPTY_STATUSES else None
    return since


@dataclass(frozen=True)
class UnitEmptiness:
    unit_id: int
    empty_days: float  # partly vacant days count ½
    rent_lost_cents: int


@dataclass(frozen=True)
class PeriodReport:
    start: date
    end: date
    units_empty: int  # units empty (or partly) on at least one day of the period
    unit_months_empty: float
    rent_lost_cents: int
    units: list[UnitEmptiness]


def period_report(
    changes: Sequence[Change], start: date, end: date, rents: dict[int, int | None]
) -> PeriodReport:
    """How much emptiness the period [start, end] (both days included) saw, and its rent cost."""
    by_unit: dict[int, list[Change]] = {}
    for change in changes:
        by_unit.setdefault(change.unit_id, []).append(change)
    rows = []
    stop = end + timedelta(days=1)
    for unit_id, unit_changes in by_unit.items():
        weighted_days = 0.0
        # Each change holds from its day until the next change of the unit.
        for index, change in enumerate(unit_changes):
            weight = VACANCY_WEIGHT.get(change.status, 0.0)
            if not weight:
                continue
            following = unit_changes[index + 1 :]
            until = next(
                (c.effective_on for c in following if c.effective_on > change.effective_on), stop
            )
            if any(c.effective_on == change.effective_on for c in following):
                continue  # superseded the same day
            overlap = (min(until, stop) - max(change.effective_on, start)).days
            if overlap > 0:
                weighted_days += overlap * weight
        if weighted_days:
            rent = rents.get(unit_id) or 0
            rows.append(
                UnitEmptiness(
                    unit_id=unit_id,
                    empty_days=weighted_days,
                    rent_lost_cents=round(rent * weighted_days / DAYS_PER_MONTH),
                )
            )
    rows.sort(key=lambda row: row.empty_days, reverse=True)
    return PeriodReport(
        start=start,
        end=end,
        units_empty=len(rows),
        unit_months_empty=round(sum(row.empty_days for row in rows) / DAYS_PER_MONTH, 2),
        rent_lost_cents=sum(row.rent_lost_cents for row in rows),
        units=rows,
    )
