"""Whether an application could fit an offered unit at all: area, rent, category, stay lengths
and dates. Plain data, no database: the application form, its service and the allocation use it.
"""

from dataclasses import dataclass
from datetime import date

# A month of rent phases, in weeks (52 weeks / 12 months, rounded up): month 2 starts in week 5.
WEEKS_A_MONTH = 4.345

AREA = "area"
RENT = "rent"
CATEGORY = "category"
STAY = "stay"
DATES = "dates"
# In the order the form explains them.
REASONS = (AREA, RENT, CATEGORY, STAY, DATES)


@dataclass(frozen=True)
class Offer:
    """An offered unit's terms as the fit check needs them."""

    id: object
    area_m2: float
    # (from week or month, rent in cents), the first from 1.
    phases: tuple[tuple[int, int], ...]
    rent_per_m2: bool = False
    phases_in_weeks: bool = False
    min_stay_weeks: int = 1
    max_stay_weeks: int = 52
    # Empty: every category.
    allowed_categories: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Need:
    """What an application asks for."""

    category: str
    min_area_m2: float = 0.0
    max_rent_cents_per_month: int | None = None
    earliest_start_on: date | None = None
    latest_end_on: date | None = None
    min_stay_weeks: int = 1
    max_stay_weeks: int = 52


def phase_start_week(offer: Offer, starts_at: int) -> int:
    """The stay's week (1 = the first) in which a phase begins."""
    if offer.phases_in_weeks:
        return starts_at
    return 1 + int((starts_at - 1) * WEEKS_A_MONTH)


def monthly_rent_cents(offer: Offer, *, weeks: int) -> int:
    """The highest rent a month the pop-up pays during a stay of `weeks` weeks."""
    amounts = [amount for start, amount in offer.phases if phase_start_week(offer, start) <= weeks]
    highest = max(amounts, default=0)
    if offer.rent_per_m2:
        return round(highest * offer.area_m2)
    return highest


def stay_rent_cents(offer: Offer, *, weeks: int) -> int:
    """What a stay of `weeks` weeks pays in all: each week at the phase then in force (a
    month's amount spread over WEEKS_A_MONTH weeks; nothing before the first phase)."""
    starts = sorted((phase_start_week(offer, start), amount) for start, amount in offer.phases)
    total = 0.0
    for week in range(1, weeks + 1):
        in_force = [amount for start, amount in starts if start <= week]
        if in_force:
            total += in_force[-1] / WEEKS_A_MONTH
    if offer.rent_per_m2:
        total *= offer.area_m2
    return round(total)


def average_monthly_rent_cents(offer: Offer, *, weeks: int) -> int:
    """The stay's rent a month on average: what a sublease charges for each of its days, so
    that a stay that runs into a dearer phase (Melgaço: three months free, then €1/m²) pays
    exactly its phases in all."""
    if weeks <= 0:
        return 0
    return round(stay_rent_cents(offer, weeks=weeks) * WEEKS_A_MONTH / weeks)


def stay_weeks(need: Need, offer: Offer) -> int | None:
    """The shortest stay both sides accept, or None if their stay lengths do not overlap."""
    shortest = max(need.min_stay_weeks, offer.min_stay_weeks)
    longest = min(need.max_stay_weeks, offer.max_stay_weeks)
    return shortest if shortest <= longest else None


def available_weeks(need: Need) -> int | None:
    """Whole weeks between the earliest start and the latest end (both days included)."""
    if need.earliest_start_on is None or need.latest_end_on is None:
        return None
    return ((need.latest_end_on - need.earliest_start_on).days + 1) // 7


def misfits(need: Need, offer: Offer) -> list[str]:
    """Why the offer cannot hold the application (REASONS codes); empty when it fits."""
    reasons = []
    if offer.area_m2 < need.min_area_m2:
        reasons.append(AREA)
    weeks = stay_weeks(need, offer)
    rent = monthly_rent_cents(offer, weeks=weeks or need.min_stay_weeks)
    if need.max_rent_cents_per_month is not None and rent > need.max_rent_cents_per_month:
        reasons.append(RENT)
    if offer.allowed_categories and need.category not in offer.allowed_categories:
        reasons.append(CATEGORY)
    if weeks is None:
        reasons.append(STAY)
    else:
        available = available_weeks(need)
        if available is not None and available < weeks:
            reasons.append(DATES)
    return reasons


def fitting(need: Need, offers: list[Offer]) -> list[Offer]:
    """The offers that could hold the application, in the given order."""
    return [offer for offer in offers if not misfits(need, offer)]


def reasons_for_none(need: Need, offers: list[Offer]) -> list[str]:
    """When no offer fits: every reason that rules out at least one offer, in REASONS order
    (empty when some offer fits, or when nothing is offered)."""
    found: set[str] = set()
    for offer in offers:
        problems = misfits(need, offer)
        if not problems:
            return []
        found.update(problems)
    return [reason for reason in REASONS if reason in found]
