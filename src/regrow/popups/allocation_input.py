"""A round as the optimiser takes it, and the optimiser's weeks back as days.

Weeks are counted from the programme's first day: week w runs from day 7w to day 7w + 6 (the
last week may be cut short by the programme's end). An application may start in the first
week that begins on or after its earliest start, and end with the last week that is over by
its latest end (or the programme's last week, when that is its latest end).

Fit rules the optimiser does not know (the rent a stay reaches through the rent phases, area,
category; see `fit.misfits`) become forbidden pairs, so its plans and reasons keep them.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch

from regrow.popups import allocation, fit
from regrow.popups.choices import ApplicationStatus
from regrow.popups.jury import ranking
from regrow.popups.models import PairingRule, RentPhase, Round, Sublease, WantedUnit
from regrow.popups.selectors import fit_offers


def weeks_of(starts_on: date, ends_on: date) -> int:
    """How many weeks (the last perhaps short) a programme from starts_on to ends_on holds."""
    return max(1, ((ends_on - starts_on).days + 7) // 7)


def first_week(programme_start: date, day: date) -> int:
    """The first week that begins on or after `day`."""
    return max(0, -(-(day - programme_start).days // 7))


def last_week(programme_start: date, programme_end: date, day: date) -> int:
    """The last week over by `day` (inclusive); the programme's last when `day` is its end."""
    weeks = weeks_of(programme_start, programme_end)
    if day >= programme_end:
        return weeks - 1
    return min(weeks - 1, ((day - programme_start).days + 1) // 7 - 1)


def days_of(round_: Round, start_week: int, weeks: int) -> tuple[date, date]:
    """The first and last day of a stay of `weeks` weeks from `start_week`."""
    starts_on = round_.programme_starts_on + timedelta(days=7 * start_week)
    ends_on = round_.programme_starts_on + timedelta(days=7 * (start_week + weeks) - 1)
    return starts_on, min(ends_on, round_.programme_ends_on)


@dataclass
class RoundInput:
    """The round's Problem with what the pages need beside it."""

    problem: allocation.Problem
    applications: dict[int, object]  # id → Application (the ranked, submitted ones)
    offers: dict[int, object]  # id → RoundUnit with its unit
    scores: dict[int, float]
    # Applications left out before solving, with the reason code ("dates": no whole stay fits
    # between their dates within the programme).
    not_posed: dict[int, str] = field(default_factory=dict)


def budget_of(round_: Round) -> tuple[int | None, int]:
    """(the budget the plan must keep, the largest grant a pop-up gets); no budget: no grants."""
    if round_.grant_budget_cents <= 0:
        return None, 0
    return round_.grant_budget_cents, round_.max_grant_cents


def grant_of(round_: Round, requested_cents: int) -> int:
    budget, largest = budget_of(round_)
    if budget is None:
        return 0
    return min(requested_cents, largest) if largest else requested_cents


def _booked_weeks(round_: Round, offers, weeks: int) -> dict[int, frozenset[int] | None]:
    """Per offer, the weeks it is still free: other rounds' live subleases of the same unit may
    already hold every place in some weeks (one query)."""
    units = {offer.unit_id: offer for offer in offers}
    taken: dict[int, list[int]] = {offer.pk: [0] * weeks for offer in offers}
    start, end = round_.programme_starts_on, round_.programme_ends_on
    others = (
        Sublease.objects.filter(unit_id__in=units, starts_on__lte=end, ends_on__gte=start)
        .exclude(status=Sublease.Status.CANCELLED)
        .exclude(round_unit__round=round_)
        .values_list("unit_id", "starts_on", "ends_on")
    )
    for unit_id, starts_on, ends_on in others:
        offer = units[unit_id]
        first = max(0, (starts_on - start).days // 7)
        last = min(weeks - 1, (ends_on - start).days // 7)
        for week in range(first, last + 1):
            taken[offer.pk][week] += 1
    return {
        offer.pk: (
            None
            if not any(taken[offer.pk])
            else frozenset(w for w in range(weeks) if taken[offer.pk][w] < offer.capacity)
        )
        for offer in offers
    }


def round_input(round_: Round, *, rules=None) -> RoundInput:
    """The round's submitted applications and offered units as a Problem (a bounded number of
    queries: ranking, offers, phases, wanted units, rules, other rounds' subleases)."""
    weeks = weeks_of(round_.programme_starts_on, round_.programme_ends_on)
    offers = list(
        round_.offered_units.select_related("unit").prefetch_related(
            Prefetch("phases", queryset=RentPhase.objects.order_by("starts_at"))
        )
    )
    fit_by_id = {offer.id: offer for offer in fit_offers(round_)}
    free = _booked_weeks(round_, offers, weeks)
    units = tuple(
        allocation.Unit(
            id=offer.pk,
            area_m2=float(offer.unit.floor_area_m2),
            # The rent a stay reaches is checked per pair (fit.misfits) and forbidden there.
            rent_cents_per_month=0,
            street=offer.unit.street.strip().casefold(),
            capacity=offer.capacity,
            available_weeks=free[offer.pk],
            min_weeks=offer.min_stay_weeks,
            max_weeks=offer.max_stay_weeks,
        )
        for offer in offers
    )
    ranked = ranking(round_)
    wanted: dict[int, list[int]] = {}
    for application_id, offer_id in (
        WantedUnit.objects.filter(
            application__round=round_, application__status=ApplicationStatus.SUBMITTED
        )
        .order_by("application_id", "rank")
        .values_list("application_id", "round_unit_id")
    ):
        wanted.setdefault(application_id, []).append(offer_id)
    if rules is None:
        rules = list(
            PairingRule.objects.filter(round=round_).values_list(
                "application_id", "round_unit_id", "kind"
            )
        )
    budget, _largest = budget_of(round_)
    start, end = round_.programme_starts_on, round_.programme_ends_on
    problem_applications, not_posed, forbids = [], {}, set()
    from regrow.popups.services.applications import need_of

    for row in ranked:
        application = row.application
        first = first_week(start, max(start, application.earliest_start_on))
        last = last_week(start, end, min(end, application.latest_end_on))
        shortest = application.min_stay_weeks or 1
        if last < first or last - first + 1 < shortest:
            not_posed[application.pk] = "dates"
            continue
        need = need_of(application)
        for offer_id, offer in fit_by_id.items():
            if fit.misfits(need, offer):
                forbids.add((application.pk, offer_id))
        problem_applications.append(
            allocation.Application(
                id=application.pk,
                score=float(row.score or 0),
                category=application.category,
                preferred_units=tuple(wanted.get(application.pk, ())),
                earliest_start_week=first,
                latest_end_week=last,
                min_weeks=shortest,
                max_weeks=max(shortest, application.max_stay_weeks or shortest),
                grant_cents=grant_of(round_, application.requested_grant_cents),
            )
        )
    posed = {application.id for application in problem_applications}
    offer_ids = {offer.pk for offer in offers}
    pins = []
    for application_id, offer_id, kind in rules:
        if application_id not in posed or offer_id not in offer_ids:
            continue
        if kind == PairingRule.Kind.PIN:
            pins.append((application_id, offer_id))
            forbids.discard((application_id, offer_id))
        else:
            forbids.add((application_id, offer_id))
    problem = allocation.Problem(
        round=allocation.Round(
            weeks=weeks,
            budget_cents=budget,
            max_per_category_per_street=round_.max_same_category_per_street,
            preference_bonus=float(round_.preference_bonus),
        ),
        units=units,
        applications=tuple(problem_applications),
        pins=tuple(pins),
        forbids=tuple(sorted(forbids)),
    )
    return RoundInput(
        problem=problem,
        applications={row.application.pk: row.application for row in ranked},
        offers={offer.pk: offer for offer in offers},
        scores={row.application.pk: float(row.score or 0) for row in ranked},
        not_posed=not_posed,
    )
