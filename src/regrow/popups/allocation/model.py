"""The optimiser's plain input and output: frozen dataclasses, picklable, no ORM.

Weeks are numbered 0 … `Round.weeks - 1` from the programme's first week; every week range
here is inclusive at both ends. Money is in integer cents, areas in m².
"""

from collections.abc import Hashable
from dataclasses import dataclass, field

Id = Hashable

STATUS_OPTIMAL = "optimal"  # proven best (relative gap under 1e-4)
STATUS_FEASIBLE = "feasible"  # a valid plan with a certified gap
STATUS_TIME_LIMIT = "time_limit"  # the solve was stopped; the plan is the greedy fallback
STATUS_INFEASIBLE = "infeasible"  # the pins cannot all hold at once; no plan


@dataclass(frozen=True)
class Unit:
    """A shop unit offered in the round, with the terms the round gives it."""

    id: Id
    area_m2: float
    rent_cents_per_month: int
    street: str
    zone: str = ""
    # None: any shop category may trade here.
    allowed_categories: frozenset[str] | None = None
    # How many pop-ups may share the unit in the same week.
    capacity: int = 1
    # None: every week of the round.
    available_weeks: frozenset[int] | None = None
    # The shortest and longest stay the unit takes, in weeks (None: no longest). A pop-up's
    # stay in it must keep both its own limits and the unit's.
    min_weeks: int = 1
    max_weeks: int | None = None


@dataclass(frozen=True)
class Application:
    """One application, reduced to what the allocation needs."""

    id: Id
    # The weighted jury score; the objective is the sum over placed applications.
    score: float
    category: str
    min_area_m2: float = 0.0
    max_rent_cents_per_month: int | None = None
    # Wanted units, best first; each earns a small bonus (Round.preference_bonus).
    preferred_units: tuple[Id, ...] = ()
    earliest_start_week: int = 0
    # The last week the pop-up may trade in (inclusive); None: the round's last week.
    latest_end_week: int | None = None
    min_weeks: int = 1
    max_weeks: int | None = None
    grant_cents: int = 0
    # Zones (towns, districts) the applicant accepts; None: any.
    zones: frozenset[str] | None = None


@dataclass(frozen=True)
class Round:
    weeks: int
    # None: no grant budget to respect.
    budget_cents: int | None = None
    # At most this many pop-ups of one category on one street in any week; None: no limit.
    max_per_category_per_street: int | None = None
    # Points for getting the first wanted unit; the k-th wanted unit earns bonus / k.
    preference_bonus: float = 0.0


@dataclass(frozen=True)
class Problem:
    round: Round
    units: tuple[Unit, ...]
    applications: tuple[Application, ...]
    # (application id, unit id): the application must get that unit.
    pins: tuple[tuple[Id, Id], ...] = ()
    # (application id, unit id): the application must not get that unit.
    forbids: tuple[tuple[Id, Id], ...] = ()

    def validate(self) -> None:
        """Raise ValueError naming the first inconsistent input (callers validate forms first)."""
        weeks = self.round.weeks
        if weeks < 1:
            raise ValueError("round.weeks must be at least 1")
        unit_ids = [unit.id for unit in self.units]
        application_ids = [application.id for application in self.applications]
        if len(set(unit_ids)) != len(unit_ids):
            raise ValueError("unit ids are not unique")
        if len(set(application_ids)) != len(application_ids):
            raise ValueError("application ids are not unique")
        for unit in self.units:
            if unit.capacity < 1:
                raise ValueError(f"unit {unit.id!r}: capacity must be at least 1")
            if unit.min_weeks < 1 or (
                unit.max_weeks is not None and unit.max_weeks < unit.min_weeks
            ):
                raise ValueError(f"unit {unit.id!r}: stay lengths are reversed")
        for application in self.applications:
            first, last = application.earliest_start_week, application.latest_end_week
            last = weeks - 1 if last is None else last
            shortest, longest = application.min_weeks, application.max_weeks
            if shortest < 1 or (longest is not None and longest < shortest):
                raise ValueError(f"application {application.id!r}: stay lengths are reversed")
            if first < 0 or last >= weeks or last < first:
                raise ValueError(f"application {application.id!r}: dates outside the round")
            if last - first + 1 < shortest:
                raise ValueError(f"application {application.id!r}: dates shorter than its stay")
            if application.grant_cents < 0 or application.score < 0:
                raise ValueError(f"application {application.id!r}: negative grant or score")
        known_units, known_applications = set(unit_ids), set(application_ids)
        for application_id, unit_id in (*self.pins, *self.forbids):
            if application_id not in known_applications or unit_id not in known_units:
                raise ValueError(f"a pin or forbid names an unknown id: {application_id!r}")
        pinned = [application_id for application_id, _unit in self.pins]
        if len(set(pinned)) != len(pinned):
            raise ValueError("an application is pinned to two units")


@dataclass(frozen=True)
class Placement:
    application_id: Id
    unit_id: Id
    start_week: int
    weeks: int
    # 0 … capacity-1: which of the unit's places it holds, the same in every week of its stay
    # (for an exclusion constraint on unit, slot and date range).
    slot: int = 0

    @property
    def end_week(self) -> int:
        return self.start_week + self.weeks - 1


@dataclass
class Stats:
    """How the plan was found; filled in while solving."""

    method: str = ""
    variables: int = 0
    constraints: int = 0
    nonzeros: int = 0
    components: int = 0
    seconds: float = 0.0
    peak_memory_mb: float = 0.0
    mip_nodes: int = 0
    # The budget price of the decomposition (points per cent of grant), 0 when not used.
    budget_price: float = 0.0
    # The LP relaxation's row prices of the whole model (empty after a decomposition): explain()
    # prices left-out applications with them instead of solving the LP again.
    row_prices: tuple[float, ...] = ()


@dataclass(frozen=True)
class Result:
    status: str
    placements: tuple[Placement, ...]
    # The sum of score and preference bonus over the placed applications.
    objective: float
    # A proven upper bound on any plan's objective; None when the solve was stopped.
    bound: float | None
    stats: Stats = field(default_factory=Stats)

    @property
    def gap(self) -> float | None:
        """Certified relative gap: (bound - objective) / bound, 0 for an empty round."""
        if self.bound is None:
            return None
        if self.bound <= 1e-9:
            return 0.0
        return max(0.0, (self.bound - self.objective) / self.bound)

    def placement_of(self, application_id: Id) -> Placement | None:
        for placement in self.placements:
            if placement.application_id == application_id:
                return placement
        return None
