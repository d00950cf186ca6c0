"""Candidate blocks and the occupancy ledger every stage of the optimiser shares.

A block is one application in one unit from one start week for its shortest stay there (the
longer of the application's and the unit's shortest stays, so blocks of one application may
differ in length). The value of a placement does not depend on its length, and every limit
only counts occupied weeks, so an optimum over shortest-stay blocks is an optimum of the whole
problem; stays are lengthened into free weeks afterwards (`lengthen`), up to the shorter of
the application's and the unit's longest stays.
"""

from dataclasses import dataclass

import numpy as np

from .model import Application, Problem, Unit


@dataclass
class Blocks:
    """All candidate blocks as parallel arrays, plus per-application lists of block indices."""

    application: np.ndarray  # int32 application index
    unit: np.ndarray  # int32 unit index
    start: np.ndarray  # int32 first week
    length: np.ndarray  # int32 shortest stay of the application in the unit
    value: np.ndarray  # float64 score + preference bonus
    by_application: list[list[int]]
    # by_application, each sorted for the greedy (filled in on first use).
    ordered: list[np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.application)


def unit_fits(application: Application, unit: Unit) -> bool:
    """Area, rent, category and zone: whether the unit could ever hold this application."""
    if unit.area_m2 < application.min_area_m2:
        return False
    rent_limit = application.max_rent_cents_per_month
    if rent_limit is not None and unit.rent_cents_per_month > rent_limit:
        return False
    if unit.allowed_categories is not None and application.category not in unit.allowed_categories:
        return False
    return application.zones is None or unit.zone in application.zones


def last_week(problem: Problem, application: Application) -> int:
    if application.latest_end_week is None:
        return problem.round.weeks - 1
    return application.latest_end_week


def longest_stay(problem: Problem, application: Application) -> int:
    return problem.round.weeks if application.max_weeks is None else application.max_weeks


def stay_limits(problem: Problem, application: Application, unit: Unit) -> tuple[int, int]:
    """(shortest, longest) stay of the application in the unit: both sides' limits at once."""
    shortest = max(application.min_weeks, unit.min_weeks)
    longest = longest_stay(problem, application)
    if unit.max_weeks is not None:
        longest = min(longest, unit.max_weeks)
    return shortest, longest


def stay_fits(problem: Problem, application: Application, unit: Unit) -> bool:
    """Whether some stay length suits both and its shortest fits between the applicant's dates."""
    shortest, longest = stay_limits(problem, application, unit)
    span = last_week(problem, application) - application.earliest_start_week + 1
    return shortest <= longest and shortest <= span


class Index:
    """Positions of ids, the units each application may use, bonuses and street/category keys."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.weeks = problem.round.weeks
        self.units = problem.units
        self.applications = problem.applications
        self.unit_position = {unit.id: i for i, unit in enumerate(self.units)}
        self.application_position = {a.id: i for i, a in enumerate(self.applications)}
        self.available = np.ones((len(self.units), self.weeks), dtype=bool)
        for i, unit in enumerate(self.units):
            if unit.available_weeks is not None:
                self.available[i] = [w in unit.available_weeks for w in range(self.weeks)]
        self.capacity = np.array([unit.capacity for unit in self.units], dtype=np.int32)
        streets = sorted({unit.street for unit in self.units})
        self.street_position = {street: i for i, street in enumerate(streets)}
        self.unit_street = np.array(
            [self.street_position[unit.street] for unit in self.units], dtype=np.int32
        )
        categories = sorted({a.category for a in self.applications})
        self.category_position = {category: i for i, category in enumerate(categories)}
        self.application_category = np.array(
            [self.category_position[a.category] for a in self.applications], dtype=np.int32
        )
        self.grant = np.array([a.grant_cents for a in self.applications], dtype=np.float64)
        self.pinned = {self.application_position[a]: self.unit_position[u] for a, u in problem.pins}
        forbidden = {
            (self.application_position[a], self.unit_position[u]) for a, u in problem.forbids
        }
        units_by_zone: dict[str, list[int]] = {}
        for i, unit in enumerate(self.units):
            units_by_zone.setdefault(unit.zone, []).append(i)
        self.candidate_units: list[list[int]] = []
        for a, application in enumerate(self.applications):
            if a in self.pinned:
                pool = [self.pinned[a]]
            elif application.zones is None:
                pool = range(len(self.units))
            else:
                pool = sorted(u for zone in application.zones for u in units_by_zone.get(zone, ()))
            self.candidate_units.append(
                [
                    u
                    for u in pool
                    if (a, u) not in forbidden
                    and unit_fits(application, self.units[u])
                    and stay_fits(problem, application, self.units[u])
                ]
            )

    def bonus(self, a: int, u: int) -> float:
        application = self.applications[a]
        unit_id = self.units[u].id
        if unit_id in application.preferred_units:
            return self.problem.round.preference_bonus / (
                application.preferred_units.index(unit_id) + 1
            )
        return 0.0

    def stay(self, a: int, u: int) -> tuple[int, int]:
        """(shortest, longest) stay of application a in unit u."""
        return stay_limits(self.problem, self.applications[a], self.units[u])

    def starts(self, a: int, u: int) -> list[int]:
        """First weeks of the shortest-stay blocks of application a in unit u."""
        application = self.applications[a]
        length = self.stay(a, u)[0]
        first, last = application.earliest_start_week, last_week(self.problem, application)
        row = self.available[u]
        return [s for s in range(first, last - length + 2) if row[s : s + length].all()]

    def blocks(self) -> Blocks:
        columns: list[tuple[int, int, int, int, float]] = []
        for a, application in enumerate(self.applications):
            for u in self.candidate_units[a]:
                value = application.score + self.bonus(a, u)
                length = self.stay(a, u)[0]
                for s in self.starts(a, u):
                    columns.append((a, u, s, length, value))
        by_application: list[list[int]] = [[] for _ in self.applications]
        for k, column in enumerate(columns):
            by_application[column[0]].append(k)
        array = np.array(columns, dtype=np.float64).reshape(-1, 5)
        return Blocks(
            application=array[:, 0].astype(np.int32),
            unit=array[:, 1].astype(np.int32),
            start=array[:, 2].astype(np.int32),
            length=array[:, 3].astype(np.int32),
            value=array[:, 4].copy(),
            by_application=by_application,
        )


class Occupancy:
    """Weeks used per unit and per street and category, and grants spent: the plan's ledger."""

    def __init__(self, index: Index) -> None:
        self.index = index
        round_ = index.problem.round
        self.unit_week = np.zeros((len(index.units), index.weeks), dtype=np.int32)
        self.street_week = np.zeros(
            (len(index.street_position), max(1, len(index.category_position)), index.weeks),
            dtype=np.int32,
        )
        self.category_limit = round_.max_per_category_per_street
        self.budget = round_.budget_cents
        self.spent = 0.0

    def fits(self, a: int, u: int, start: int, length: int, *, with_grant: bool = True) -> bool:
        index = self.index
        if start < 0 or start + length > index.weeks:
            return False
        if with_grant and self.budget is not None and self.spent + index.grant[a] > self.budget:
            return False
        weeks = slice(start, start + length)
        if not index.available[u, weeks].all():
            return False
        if (self.unit_week[u, weeks] >= index.capacity[u]).any():
            return False
        if self.category_limit is not None:
            street, category = index.unit_street[u], index.application_category[a]
            if (self.street_week[street, category, weeks] >= self.category_limit).any():
                return False
        return True

    def first_fit(self, a: int, blocks: Blocks, ks: np.ndarray, *, with_grant: bool = True) -> int:
        """The first of a's blocks `ks` that `fits`, or -1: one array step.

        Blocks may differ in length (units with their own shortest stays): each row looks at
        the longest one's weeks, and the weeks beyond a block's own length count as free.
        """
        if len(ks) == 0:
            return -1
        index = self.index
        if with_grant and self.budget is not None and self.spent + index.grant[a] > self.budget:
            return -1
        u = blocks.unit[ks]
        lengths = blocks.length[ks]
        longest = int(lengths.max())
        offsets = np.arange(longest)[None, :]
        weeks = blocks.start[ks][:, None] + offsets
        # Per block and week of its stay: inside the round, offered, a place free, and the
        # category under the street's limit.
        cell = weeks < index.weeks
        weeks = np.minimum(weeks, index.weeks - 1)
        cell &= index.available[u[:, None], weeks]
        cell &= self.unit_week[u[:, None], weeks] < index.capacity[u][:, None]
        if self.category_limit is not None:
            street = index.unit_street[u][:, None]
            cell &= self.street_week[street, index.application_category[a], weeks] < (
                self.category_limit
            )
        if int(lengths.min()) != longest:
            cell |= offsets >= lengths[:, None]
        ok = cell.all(axis=1)
        hits = np.flatnonzero(ok)
        return int(ks[hits[0]]) if len(hits) else -1

    def add(self, a: int, u: int, start: int, length: int, sign: int = 1) -> None:
        weeks = slice(start, start + length)
        self.unit_week[u, weeks] += sign
        street, category = self.index.unit_street[u], self.index.application_category[a]
        self.street_week[street, category, weeks] += sign
        self.spent += sign * self.index.grant[a]

    def remove(self, a: int, u: int, start: int, length: int) -> None:
        self.add(a, u, start, length, sign=-1)
