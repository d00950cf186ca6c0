"""A pop-up round's report over JSON, read-only, for the coordinators of the round's town: the
funnel with its rates, unit-weeks offered and used, the money and the cost per pop-up that
stayed, the vacancy of the round's streets before, during and after; and the town's rounds side
by side, a page at a time. The same figures as the report's page (popups/selectors_report.py);
the definitions are in popups/figures.py."""

from datetime import date
from decimal import Decimal

from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.popups_jury import round_for, town_for
from regrow.api.premises import _refuse_unknown_parameters
from regrow.popups.selectors_report import RoundFigures, compared_rounds, figures_of, round_report
from regrow.towns.permissions import Action

router = Router(tags=["pop-up report"])


def _fraction(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class StepOut(Schema):
    step: str = Field(description="enquiries, applications, accepted, opened or stayed")
    count: int
    rate: float | None = Field(
        description="Of the step before, a fraction rounded to 4 places; null for the first "
        "step or after a step of 0"
    )


class UnitWeeksOut(Schema):
    offered_days: int = Field(description="Days of offered units, once for each place a unit has")
    used_days: int = Field(description="Days of the pop-ups")
    offered_weeks: float = Field(description="offered_days ÷ 7, to one decimal")
    used_weeks: float
    share_used: float | None = Field(description="used ÷ offered; null when nothing was offered")


class MoneyOut(Schema):
    owner_cost_cents: int = Field(description="Paid to the owners under the head leases")
    collected_cents: int = Field(description="Collected from the pop-ups under their subleases")
    gap_cents: int = Field(description="The subsidy: owner cost - collected (may be negative)")
    grants_approved_cents: int = Field(description="Grants not cancelled, the paid ones too")
    grants_paid_cents: int
    cost_cents: int = Field(
        description="What the round draws from its fund: the gap where "
        "positive and the grants approved"
    )
    cost_per_stayed_cents: int | None = Field(
        description="cost ÷ pop-ups that stayed, half up to whole cents; null when none stayed"
    )


class RoundOut(Schema):
    id: int
    title: str
    status: str
    programme_starts_on: date
    programme_ends_on: date


class FiguresOut(Schema):
    round: RoundOut
    funnel: list[StepOut]
    conversion_rate: float | None = Field(description="Pop-ups that stayed ÷ those that opened")
    unit_weeks: UnitWeeksOut
    money: MoneyOut


class VacancyOut(Schema):
    when: str = Field(description="before, during or after the programme")
    day: date | None = Field(description="The day of the rate; null while it is still to come")
    rate: float | None = Field(description="Empty ÷ usable units, a fraction; null without units")
    empty: float | None = Field(description="Empty units, a partly vacant one counting ½")
    usable: int | None


class ReportOut(FiguresOut):
    streets: list[str] = Field(description="The streets of the round's offered units")
    vacancy: list[VacancyOut]


class ComparisonPage(paging.PageOf):
    results: list[FiguresOut]


def _figures_out(one: RoundFigures) -> dict:
    round_, funnel, weeks, money = one.round, one.funnel, one.unit_weeks, one.money
    return {
        "round": {
            "id": round_.pk,
            "title": round_.title,
            "status": round_.status,
            "programme_starts_on": round_.programme_starts_on,
            "programme_ends_on": round_.programme_ends_on,
        },
        "funnel": [
            {"step": step.code, "count": step.count, "rate": _fraction(step.rate)}
            for step in funnel.steps
        ],
        "conversion_rate": _fraction(funnel.conversion),
        "unit_weeks": {
            "offered_days": weeks.offered_days,
            "used_days": weeks.used_days,
            "offered_weeks": float(weeks.offered),
            "used_weeks": float(weeks.used),
            "share_used": _fraction(weeks.share_used),
        },
        "money": {
            "owner_cost_cents": money.owner_cost_cents,
            "collected_cents": money.collected_cents,
            "gap_cents": money.gap_cents,
            "grants_approved_cents": money.grants_approved_cents,
            "grants_paid_cents": money.grants_paid_cents,
            "cost_cents": one.cost_cents,
            "cost_per_stayed_cents": one.cost_per_stayed_cents,
        },
    }


@router.get(
    "towns/{slug}/rounds/{round_id}/report",
    response=responses({200: ReportOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round report's figures: funnel, unit-weeks, money, the streets' vacancy",
)
def report(request, slug: str, round_id: int):
    _refuse_unknown_parameters(request, set())
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    found = round_report(round_)
    return {
        **_figures_out(found),
        "streets": found.streets,
        "vacancy": [
            {
                "when": row.code,
                "day": row.day,
                "rate": None if row.rate is None else row.rate.rate,
                "empty": None if row.rate is None else row.rate.empty,
                "usable": None if row.rate is None else row.rate.usable,
            }
            for row in found.vacancy
        ],
    }


@router.get(
    "towns/{slug}/rounds-compared",
    response=responses({200: ComparisonPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The town's rounds (not drafts) side by side, newest programme first, a page at a time",
)
def compared(
    request,
    slug: str,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    town = town_for(request, slug, Action.CHANGE_TOWN)
    current = paging.page_of(request, compared_rounds(town), page, page_size)
    return {
        **paging.links(request, current),
        "results": [_figures_out(one) for one in figures_of(town, list(current.object_list))],
    }
