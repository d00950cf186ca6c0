"""The pop-up programme's derived figures: a round's funnel, the conversion rate and unit-weeks
offered and used. One selector each, read by the round report and by the indicators app, never
typed in twice; plain dataclasses and Decimals out, a fixed number of queries whatever the size.

Definitions (the report's page says them too):
- A pop-up is a sublease that is not cancelled.
- The funnel: enquiries (Round.enquiries, counted by the coordinator) → applications (submitted,
  accepted or rejected: drafts and withdrawn ones are not counted) → accepted (pop-ups) → opened
  (pop-ups whose first day has come, in the town's time) → stayed (opened pop-ups whose outcome
  says they stayed as permanent tenants). A step's rate is its count ÷ the step before.
- The conversion rate of a period: pop-ups that stayed ÷ pop-ups that opened, among the pop-ups
  whose first day lies in the period [start, end] (both included) and has come.
- Unit-weeks: a unit's day counts once for each pop-up it holds at once (its capacity). Offered:
  every unit offered in a round that is not a draft, over the round's programme; used: every
  pop-up's days. Both cut to the period. Weeks are days ÷ 7.
- Rates are fractions (0.4375 is 43.75 %), rounded half up to four places; weeks half up to one
  place. A rate over nothing is None, not zero.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import Application, Round, RoundUnit, Sublease
from regrow.premises import vacancy
from regrow.premises.models import Unit
from regrow.premises.selectors import units_with_status
from regrow.towns.models import Town

Period = tuple[date, date]  # [start, end], both days included

# Applications that count in the funnel: submitted, and decided either way.
COUNTED_APPLICATIONS = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.REJECTED,
)
FUNNEL_STEPS = ("enquiries", "applications", "accepted", "opened", "stayed")
# "After the programme": this many days after its last day (or today, until that day comes).
DAYS_AFTER = 90
RATE_PLACES = Decimal("0.0001")
WEEK_PLACES = Decimal("0.1")


def ratio(part: int, whole: int) -> Decimal | None:
    """part ÷ whole as a fraction rounded half up to four places; None when whole is 0."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def weeks(days: int) -> Decimal:
    return (Decimal(days) / 7).quantize(WEEK_PLACES, rounding=ROUND_HALF_UP)


# --- The funnel ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    code: str  # one of FUNNEL_STEPS
    count: int
    rate: Decimal | None  # of the step before; None for the first step or after a 0


@dataclass(frozen=True)
class Funnel:
    enquiries: int = 0
    applications: int = 0
    accepted: int = 0
    opened: int = 0
    stayed: int = 0

    @property
    def steps(self) -> list[Step]:
        counts = [getattr(self, code) for code in FUNNEL_STEPS]
        return [
            Step(code, count, None if index == 0 else ratio(count, counts[index - 1]))
            for index, (code, count) in enumerate(zip(FUNNEL_STEPS, counts, strict=True))
        ]

    @property
    def conversion(self) -> Decimal | None:
        """Stayed ÷ opened: the same figure as conversion_rate() gives for a period."""
        return ratio(self.stayed, self.opened)


def _live(subleases):
    return subleases.exclude(status=Sublease.Status.CANCELLED)


def funnels(rounds: Sequence[Round], today: date | None = None) -> dict[int, Funnel]:
    """Each round's funnel by its id, in two queries for any number of rounds (of one town:
    `today` is its today unless given)."""
    if not rounds:
        return {}
    today = today or rounds[0].town.today()
    ids = [round_.pk for round_ in rounds]
    applications = dict(
        Application.objects.filter(round__in=ids, status__in=COUNTED_APPLICATIONS)
        .values("round")
        .annotate(count=Count("id"))
        .order_by()
        .values_list("round", "count")
    )
    opened = Q(starts_on__lte=today)
    pop_ups = {
        row["round_unit__round"]: row
        for row in _live(Sublease.objects.filter(round_unit__round__in=ids))
        .values("round_unit__round")
        .annotate(
            accepted=Count("id"),
            opened=Count("id", filter=opened),
            stayed=Count("id", filter=opened & Q(outcome__stayed=True)),
        )
        .order_by()
    }
    result = {}
    for round_ in rounds:
        row = pop_ups.get(round_.pk, {})
        result[round_.pk] = Funnel(
            enquiries=round_.enquiries,
            applications=applications.get(round_.pk, 0),
            accepted=row.get("accepted", 0),
            opened=row.get("opened", 0),
            stayed=row.get("stayed", 0),
        )
    return result


def round_funnel(round_: Round, today: date | None = None) -> Funnel:
    return funnels([round_], today)[round_.pk]


# --- The conversion rate ------------------------------------------------------------------


@dataclass(frozen=True)
class ConversionRate:
    period: Period
    opened: int
    stayed: int

    @property
    def rate(self) -> Decimal | None:
        return ratio(self.stayed, self.opened)


def conversion_rate(town: Town, period: Period) -> ConversionRate:
    """Stayed ÷ opened for the town's pop-ups that opened in `period`: one query."""
    start, end = period
    last = min(end, town.today())
    counts = _live(
        Sublease.objects.filter(round_unit__round__town=town, starts_on__range=(start, last))
    ).aggregate(opened=Count("id"), stayed=Count("id", filter=Q(outcome__stayed=True)))
    return ConversionRate(period=period, opened=counts["opened"], stayed=counts["stayed"])


# --- Unit-weeks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitWeeks:
    offered_days: int = 0
    used_days: int = 0

    @property
    def offered(self) -> Decimal:
        return weeks(self.offered_days)

    @property
    def used(self) -> Decimal:
        return weeks(self.used_days)

    @property
    def share_used(self) -> Decimal | None:
        return ratio(self.used_days, self.offered_days)

    def __add__(self, other: "UnitWeeks") -> "UnitWeeks":
        return UnitWeeks(self.offered_days + other.offered_days, self.used_days + other.used_days)


def days_within(first: date, last: date, period: Period | None) -> int:
    """How many days of [first, last] lie in `period` (all of them without one)."""
    if period is not None:
        first, last = max(first, period[0]), min(last, period[1])
    return max((last - first).days + 1, 0)


def count_unit_weeks(
    offers: Iterable[tuple[int, date, date, int]],
    stays: Iterable[tuple[int, date, date]],
    period: Period | None,
) -> dict[int, UnitWeeks]:
    """Unit-weeks by round from plain rows: offers (round, programme's first and last day,
    capacity) and pop-ups' stays (round, first and last day), cut to `period` if any."""
    offered: dict[int, int] = defaultdict(int)
    used: dict[int, int] = defaultdict(int)
    for round_id, first, last, capacity in offers:
        offered[round_id] += days_within(first, last, period) * capacity
    for round_id, first, last in stays:
        used[round_id] += days_within(first, last, period)
    return {
        round_id: UnitWeeks(offered[round_id], used[round_id])
        for round_id in sorted(offered.keys() | used.keys())
    }


def unit_weeks_by_round(
    town: Town, period: Period | None = None, rounds: Sequence[Round] | None = None
) -> dict[int, UnitWeeks]:
    """Unit-weeks of the town's rounds (or of `rounds`) by round id, cut to `period` (without
    one, each round's own programme and pop-ups): two queries."""
    offers = RoundUnit.objects.filter(round__town=town).exclude(round__status=RoundStatus.DRAFT)
    stays = _live(Sublease.objects.filter(round_unit__round__town=town))
    if rounds is not None:
        offers = offers.filter(round__in=[round_.pk for round_ in rounds])
        stays = stays.filter(round_unit__round__in=[round_.pk for round_ in rounds])
    if period is not None:
        start, end = period
        offers = offers.filter(
            round__programme_starts_on__lte=end, round__programme_ends_on__gte=start
        )
        stays = stays.filter(starts_on__lte=end, ends_on__gte=start)
    return count_unit_weeks(
        offers.values_list(
            "round_id", "round__programme_starts_on", "round__programme_ends_on", "capacity"
        ),
        stays.values_list("round_unit__round_id", "starts_on", "ends_on"),
        period,
    )


def unit_weeks(town: Town, period: Period) -> UnitWeeks:
    """The town's unit-weeks offered and used in `period`, over all its rounds: two queries."""
    return sum(unit_weeks_by_round(town, period).values(), UnitWeeks())


# --- The vacancy of a round's streets -------------------------------------------------------


@dataclass(frozen=True)
class StreetVacancy:
    code: str  # before, during or after
    day: date | None  # None: that day has not come yet
    rate: vacancy.Rate | None


def vacancy_days(round_: Round, today: date) -> list[tuple[str, date | None]]:
    """The day before the programme, its middle day and DAYS_AFTER days after its end (or today,
    until then); a day still to come is None."""
    start, end = round_.programme_starts_on, round_.programme_ends_on
    days = {
        "before": start - timedelta(days=1),
        "during": start + timedelta(days=(end - start).days // 2),
        "after": min(end + timedelta(days=DAYS_AFTER), today) if today > end else None,
    }
    return [(code, day if day is not None and day <= today else None) for code, day in days.items()]


def street_vacancy(round_: Round, today: date | None = None) -> list[StreetVacancy]:
    """The vacancy rate of every unit on the streets of the round's offered units, before,
    during and after the programme: a query for each day that has come."""
    today = today or round_.town.today()
    streets = RoundUnit.objects.filter(round=round_).values("unit__street")
    units = Unit.objects.filter(town_id=round_.town_id, street__in=streets)
    result = []
    for code, day in vacancy_days(round_, today):
        rate = None
        if day is not None:
            rows = (
                units_with_status(units, day)
                .values("status_now")
                .annotate(units=Count("id"))
                .order_by()
            )
            counts = {row["status_now"]: row["units"] for row in rows if row["status_now"]}
            rate = vacancy.rate_of_counts(counts)
        result.append(StreetVacancy(code, day, rate))
    return result


def round_streets(round_: Round) -> list[str]:
    return list(
        Unit.objects.filter(popup_offers__round=round_)
        .order_by("street")
        .values_list("street", flat=True)
        .distinct()
    )
