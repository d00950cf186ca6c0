"""The round report's figures, and the town's rounds side by side: the funnel, unit-weeks, money
and cost per pop-up that stayed, and (for one round) its streets' vacancy. The page, its PDF and
DOCX and the API all read these, so they always agree.

What a round cost the town is what it draws from its fund (popups/selectors_money.py): the
subsidy where positive (what the intermediary paid the owners less what it collected from the
pop-ups) plus the grants approved, paid or not (cancelled ones not counted). Cost per pop-up that
stayed: that ÷ the pop-ups that stayed, in whole cents rounded half up; none while none stayed.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.paginator import Page, Paginator

from regrow.popups import figures
from regrow.popups.choices import RoundStatus
from regrow.popups.models import Round
from regrow.popups.selectors_money import RoundMoney, rounds_money
from regrow.towns.models import Town

# Rounds side by side on one page of the comparison.
ROUNDS_PER_PAGE = 10


def per_stayed_cents(cost_cents: int, stayed: int) -> int | None:
    """The cost shared among the pop-ups that stayed, rounded half up to whole cents."""
    if not stayed:
        return None
    return int((Decimal(cost_cents) / stayed).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class RoundFigures:
    """What the comparison shows of a round; the report shows it and more."""

    round: Round
    funnel: figures.Funnel
    unit_weeks: figures.UnitWeeks
    money: RoundMoney

    @property
    def cost_cents(self) -> int:
        return self.money.fund_draw_cents

    @property
    def cost_per_stayed_cents(self) -> int | None:
        return per_stayed_cents(self.cost_cents, self.funnel.stayed)


@dataclass(frozen=True)
class RoundReport(RoundFigures):
    streets: list[str]
    vacancy: list[figures.StreetVacancy]


def figures_of(town: Town, rounds: list[Round]) -> list[RoundFigures]:
    """The figures of some of the town's rounds, in seven queries for any number of them."""
    funnels = figures.funnels(rounds, town.today())
    unit_weeks = figures.unit_weeks_by_round(town, rounds=rounds)
    money = rounds_money(rounds)
    return [
        RoundFigures(
            round=round_,
            funnel=funnels[round_.pk],
            unit_weeks=unit_weeks.get(round_.pk, figures.UnitWeeks()),
            money=money[round_.pk],
        )
        for round_ in rounds
    ]


def round_report(round_: Round) -> RoundReport:
    """Everything the round's report shows, in a bounded number of queries."""
    town = round_.town
    (one,) = figures_of(town, [round_])
    return RoundReport(
        round=one.round,
        funnel=one.funnel,
        unit_weeks=one.unit_weeks,
        money=one.money,
        streets=figures.round_streets(round_),
        vacancy=figures.street_vacancy(round_, town.today()),
    )


def compared_rounds(town: Town):
    """The town's rounds that are not drafts, newest programme first."""
    return (
        Round.objects.filter(town=town)
        .exclude(status=RoundStatus.DRAFT)
        .select_related("town")
        .order_by("-programme_starts_on", "-id")
    )


def rounds_compared(town: Town, page_number) -> tuple[Page, list[RoundFigures]]:
    """One page of the town's rounds with their figures, ROUNDS_PER_PAGE at most."""
    page = Paginator(compared_rounds(town), ROUNDS_PER_PAGE).get_page(page_number)
    return page, figures_of(town, list(page.object_list))
