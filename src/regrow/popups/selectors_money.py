"""A round's money read from the database: the subsidy (popups/subsidy.py does the sums) and the
grants, per unit, per month and in all; a fund's draw by its rounds. A fixed number of queries
however many rounds, units, pop-ups and grants."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from regrow.popups import subsidy
from regrow.popups.models import Fund, Grant, Round, RoundUnit, Sublease

# Grants that count against the budget, the largest grant and the fund: all but cancelled.
LIVE_GRANTS = (Grant.Status.APPROVED, Grant.Status.PAID)


@dataclass(frozen=True)
class UnitMoney:
    """One offered unit of the round: its head lease's cost, what its pop-ups paid, the gap,
    and the grants of its pop-ups."""

    round_unit_id: int
    address: str
    agreement_status: str | None  # None: no head lease recorded for the unit
    popups: int
    owner_cost_cents: int
    collected_cents: int
    gap_cents: int
    grants_approved_cents: int
    grants_paid_cents: int


@dataclass(frozen=True)
class MonthMoney:
    """One calendar month (`month` is its first day); grants by the month they were approved
    and, for the paid ones, paid."""

    month: date
    owner_cost_cents: int
    collected_cents: int
    gap_cents: int
    grants_approved_cents: int
    grants_paid_cents: int


@dataclass(frozen=True)
class RoundMoney:
    """A round's accounts in cents. `grants_approved_cents` counts every grant not cancelled
    (the paid ones too): it is what the grant budget has spent; `grants_paid_cents` the paid
    ones only. gap = owner cost - collected (negative where the pop-ups paid more)."""

    round_id: int
    grant_budget_cents: int
    max_grant_cents: int
    owner_cost_cents: int
    collected_cents: int
    gap_cents: int
    grants_approved_cents: int
    grants_paid_cents: int
    by_unit: tuple[UnitMoney, ...]
    by_month: tuple[MonthMoney, ...]

    @property
    def budget_left_cents(self) -> int:
        return self.grant_budget_cents - self.grants_approved_cents

    @property
    def fund_draw_cents(self) -> int:
        """What the round takes from its fund: the gap where positive, and the grants."""
        return subsidy.fund_draw(self.gap_cents, self.grants_approved_cents)


def _grant_sums(rows, key) -> tuple[dict, dict]:
    approved: dict = {}
    paid: dict = {}
    for row in rows:
        approved_key = key(row, row["approved_on"])
        approved[approved_key] = approved.get(approved_key, 0) + row["amount_cents"]
        if row["status"] == Grant.Status.PAID:
            paid_key = key(row, row["paid_on"] or row["approved_on"])
            paid[paid_key] = paid.get(paid_key, 0) + row["amount_cents"]
    return approved, paid


def rounds_money(rounds: Iterable[Round]) -> dict[int, RoundMoney]:
    """Each round's money by its id, in three queries for all of them."""
    rounds = list(rounds)
    ids = [round_.pk for round_ in rounds]
    offers = list(
        RoundUnit.objects.filter(round_id__in=ids)
        .select_related("unit", "agreement")
        .order_by("unit__street", "unit__house_number_sort", "unit__display_address", "id")
    )
    stays = list(
        Sublease.objects.filter(round_unit__round_id__in=ids)
        .exclude(status=Sublease.Status.CANCELLED)
        .values_list(
            "round_unit_id",
            "starts_on",
            "ends_on",
            "rent_cents_per_month",
            "service_charges_cents_per_month",
        )
    )
    grants = list(
        Grant.objects.filter(sublease__round_unit__round_id__in=ids, status__in=LIVE_GRANTS).values(
            "sublease__round_unit_id", "status", "amount_cents", "approved_on", "paid_on"
        )
    )
    round_of = {offer.pk: offer.round_id for offer in offers}
    leases = []
    for offer in offers:
        agreement = getattr(offer, "agreement", None)
        if agreement is not None:
            leases.append(
                subsidy.Charge(
                    offer.pk,
                    agreement.starts_on,
                    agreement.ends_on,
                    agreement.rent_cents_per_month + agreement.service_charges_cents_per_month,
                )
            )
    charges = [subsidy.Charge(unit, a, b, rent + charges) for unit, a, b, rent, charges in stays]
    accounts = subsidy.accounts(leases, charges)
    popups: dict[int, int] = {}
    for unit, *_rest in stays:
        popups[unit] = popups.get(unit, 0) + 1
    unit_approved, unit_paid = _grant_sums(grants, lambda row, _day: row["sublease__round_unit_id"])
    month_approved, month_paid = _grant_sums(
        grants, lambda row, day: (round_of[row["sublease__round_unit_id"]], subsidy.month_of(day))
    )
    per_unit = accounts.by_unit()
    months: dict[int, dict[date, subsidy.Figures]] = {pk: {} for pk in ids}
    for (unit, month), figures in accounts.cells.items():
        months[round_of[unit]].setdefault(month, subsidy.Figures()).add(figures)
    for round_id, month in [*month_approved, *month_paid]:
        months[round_id].setdefault(month, subsidy.Figures())
    result = {}
    for round_ in rounds:
        units = tuple(
            _unit_money(offer, per_unit, popups, unit_approved, unit_paid)
            for offer in offers
            if offer.round_id == round_.pk
        )
        by_month = tuple(
            MonthMoney(
                month=month,
                owner_cost_cents=figures.owner_cost_cents,
                collected_cents=figures.collected_cents,
                gap_cents=figures.gap_cents,
                grants_approved_cents=month_approved.get((round_.pk, month), 0),
                grants_paid_cents=month_paid.get((round_.pk, month), 0),
            )
            for month, figures in sorted(months[round_.pk].items())
        )
        owner = sum(unit.owner_cost_cents for unit in units)
        collected = sum(unit.collected_cents for unit in units)
        result[round_.pk] = RoundMoney(
            round_id=round_.pk,
            grant_budget_cents=round_.grant_budget_cents,
            max_grant_cents=round_.max_grant_cents,
            owner_cost_cents=owner,
            collected_cents=collected,
            gap_cents=owner - collected,
            grants_approved_cents=sum(unit.grants_approved_cents for unit in units),
            grants_paid_cents=sum(unit.grants_paid_cents for unit in units),
            by_unit=units,
            by_month=by_month,
        )
    return result


def _unit_money(offer, per_unit, popups, approved, paid) -> UnitMoney:
    figures = per_unit.get(offer.pk, subsidy.Figures())
    agreement = getattr(offer, "agreement", None)
    return UnitMoney(
        round_unit_id=offer.pk,
        address=offer.unit.display_address,
        agreement_status=agreement.status if agreement is not None else None,
        popups=popups.get(offer.pk, 0),
        owner_cost_cents=figures.owner_cost_cents,
        collected_cents=figures.collected_cents,
        gap_cents=figures.gap_cents,
        grants_approved_cents=approved.get(offer.pk, 0),
        grants_paid_cents=paid.get(offer.pk, 0),
    )


def round_money(round_: Round) -> RoundMoney:
    """The round's accounts: the subsidy per unit and per month, and its grants."""
    return rounds_money([round_])[round_.pk]


@dataclass(frozen=True)
class FundMoney:
    """A fund's total, what each of its rounds drew (grants and the rent gap) and what is left
    (negative: overspent)."""

    fund: Fund
    drawn_cents: int
    rounds: tuple[tuple[Round, RoundMoney], ...]

    @property
    def left_cents(self) -> int:
        return self.fund.total_cents - self.drawn_cents


def fund_rounds(fund: Fund) -> QuerySet:
    return fund.rounds.order_by("-programme_starts_on", "-id")


def fund_money(fund: Fund, *, without: Round | None = None) -> FundMoney:
    """The fund's draw by all its rounds (but `without`), in four queries."""
    rounds = fund_rounds(fund)
    if without is not None:
        rounds = rounds.exclude(pk=without.pk)
    rounds = list(rounds)
    money = rounds_money(rounds)
    drawn = sum(figures.fund_draw_cents for figures in money.values())
    return FundMoney(fund, drawn, tuple((round_, money[round_.pk]) for round_ in rounds))


def funds_drawn(funds: Iterable[Fund]) -> dict[int, int]:
    """What the rounds of each fund drew from it, by fund id, in four queries."""
    funds = list(funds)
    rounds = list(Round.objects.filter(fund__in=funds))
    money = rounds_money(rounds)
    drawn = {fund.pk: 0 for fund in funds}
    for round_ in rounds:
        drawn[round_.fund_id] += money[round_.pk].fund_draw_cents
    return drawn


def town_funds(town) -> QuerySet:
    return Fund.objects.filter(town=town).order_by("name", "id")


def round_popups(round_: Round) -> QuerySet:
    """The round's pop-ups (subleases not cancelled) by unit and first day, each with its
    grants (all of them, cancelled too) in one more query."""
    return (
        Sublease.objects.filter(round_unit__round=round_)
        .exclude(status=Sublease.Status.CANCELLED)
        .select_related("application", "unit")
        .prefetch_related(
            Prefetch(
                "grants",
                queryset=Grant.objects.select_related("approved_by", "paid_by").order_by(
                    "approved_on", "id"
                ),
            )
        )
        .order_by("unit__street", "unit__house_number_sort", "starts_on", "id")
    )


def granted_cents(grants: Iterable[Grant]) -> int:
    """The sum of the grants not cancelled."""
    return sum(grant.amount_cents for grant in grants if grant.status in LIVE_GRANTS)


def round_grants(round_: Round) -> QuerySet:
    """Every grant of the round's pop-ups, by day approved."""
    return (
        Grant.objects.filter(sublease__round_unit__round=round_)
        .select_related("sublease__application", "sublease__unit")
        .order_by("approved_on", "id")
    )
