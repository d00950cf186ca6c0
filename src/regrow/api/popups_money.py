"""A pop-up round's money over JSON, read-only, for the coordinators of the round's town: its
figures (grant budget used and left, the owners' cost, what the pop-ups paid, the rent gap, the
fund), the same per unit and per month a page at a time, the round's grants, and the town's
funds. Amounts in integer cents; a month's share of a monthly amount is rounded half up to
cents (see popups/subsidy.py), every total a sum of those shares."""

from datetime import date

from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.popups_jury import round_for, town_for
from regrow.api.premises import _refuse_unknown_parameters
from regrow.popups import selectors_money as selectors
from regrow.towns.permissions import Action

router = Router(tags=["pop-up money"])

ROUNDING = (
    "Each head lease costs its monthly rent plus service charges for every day of its term; "
    "each pop-up pays its sublease's for the days of its stay. A month's share is the monthly "
    "amount times the days covered divided by the month's days, rounded half up to whole cents; "
    "totals are sums of these shares."
)


class FundOut(Schema):
    id: int
    name: str
    kind: str = Field(description="budget_line or grant_programme")
    total_cents: int
    drawn_cents: int = Field(description="What all its rounds drew: grants and positive gaps")
    left_cents: int = Field(description="Total less drawn; negative when overspent")


class MoneyOut(Schema):
    grant_budget_cents: int
    max_grant_cents: int = Field(description="The most one pop-up may get in all")
    grants_approved_cents: int = Field(description="Grants not cancelled, the paid ones too")
    grants_paid_cents: int
    budget_left_cents: int
    owner_cost_cents: int = Field(description="Rent and service charges owed under head leases")
    collected_cents: int = Field(description="Rent and service charges the pop-ups pay")
    gap_cents: int = Field(description="owner_cost_cents - collected_cents")
    fund_draw_cents: int = Field(description="What the round takes from its fund")
    fund: FundOut | None = Field(description="The fund that pays for the round; null for none")
    rounding: str


def _fund_out(fund, money: selectors.FundMoney) -> dict:
    return {
        "id": fund.pk,
        "name": fund.name,
        "kind": fund.kind,
        "total_cents": fund.total_cents,
        "drawn_cents": money.drawn_cents,
        "left_cents": money.left_cents,
    }


MONEY_FIELDS = [
    "grant_budget_cents",
    "max_grant_cents",
    "grants_approved_cents",
    "grants_paid_cents",
    "budget_left_cents",
    "owner_cost_cents",
    "collected_cents",
    "gap_cents",
    "fund_draw_cents",
]


@router.get(
    "towns/{slug}/rounds/{round_id}/money",
    response=responses({200: MoneyOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's money: grant budget, owners' cost, what pop-ups paid, gap and fund",
)
def money(request, slug: str, round_id: int):
    _refuse_unknown_parameters(request, set())
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    figures = selectors.round_money(round_)
    fund = round_.fund
    return {
        **{name: getattr(figures, name) for name in MONEY_FIELDS},
        "fund": _fund_out(fund, selectors.fund_money(fund)) if fund else None,
        "rounding": ROUNDING,
    }


class UnitMoneyOut(Schema):
    offer: int = Field(description="The offered unit's id")
    address: str
    agreement_status: str | None = Field(
        description="The head lease's: proposed, signed or ended; null without one"
    )
    popups: int
    owner_cost_cents: int
    collected_cents: int
    gap_cents: int
    grants_approved_cents: int
    grants_paid_cents: int


class UnitMoneyPage(paging.PageOf):
    results: list[UnitMoneyOut]


def _row(item, names) -> dict:
    return {name: getattr(item, name) for name in names}


@router.get(
    "towns/{slug}/rounds/{round_id}/money/units",
    response=responses({200: UnitMoneyPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's money per offered unit, a page at a time",
)
def money_units(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    current = paging.page_of(request, selectors.round_money(round_).by_unit, page, page_size)
    names = [name for name in UnitMoneyOut.model_fields if name != "offer"]
    return {
        **paging.links(request, current),
        "results": [
            {"offer": unit.round_unit_id, **_row(unit, names)} for unit in current.object_list
        ],
    }


class MonthMoneyOut(Schema):
    month: date = Field(description="The month's first day")
    owner_cost_cents: int
    collected_cents: int
    gap_cents: int
    grants_approved_cents: int = Field(description="Grants approved in the month")
    grants_paid_cents: int = Field(description="Grants paid in the month")


class MonthMoneyPage(paging.PageOf):
    results: list[MonthMoneyOut]


@router.get(
    "towns/{slug}/rounds/{round_id}/money/months",
    response=responses({200: MonthMoneyPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's money per calendar month, a page at a time",
)
def money_months(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    current = paging.page_of(request, selectors.round_money(round_).by_month, page, page_size)
    names = list(MonthMoneyOut.model_fields)
    return {
        **paging.links(request, current),
        "results": [_row(month, names) for month in current.object_list],
    }


class GrantOut(Schema):
    id: int
    sublease: int
    business_name: str
    address: str
    amount_cents: int
    purpose: str = Field(description="fitting_out, equipment, marketing, rent or other")
    description: str
    status: str = Field(description="approved, paid or cancelled")
    approved_on: date
    paid_on: date | None
    has_evidence: bool = Field(description="Whether a receipt or invoice was uploaded")


class GrantPage(paging.PageOf):
    results: list[GrantOut]


@router.get(
    "towns/{slug}/rounds/{round_id}/grants",
    response=responses({200: GrantPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's grants (cancelled ones too), by day approved, a page at a time",
)
def grants(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    current = paging.page_of(request, selectors.round_grants(round_), page, page_size)
    return {
        **paging.links(request, current),
        "results": [
            {
                "id": grant.pk,
                "sublease": grant.sublease_id,
                "business_name": grant.sublease.application.business_name,
                "address": grant.sublease.unit.display_address,
                "amount_cents": grant.amount_cents,
                "purpose": grant.purpose,
                "description": grant.description,
                "status": grant.status,
                "approved_on": grant.approved_on,
                "paid_on": grant.paid_on,
                "has_evidence": bool(grant.evidence),
            }
            for grant in current.object_list
        ],
    }


class FundPage(paging.PageOf):
    results: list[FundOut]


@router.get(
    "towns/{slug}/funds",
    response=responses({200: FundPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The town's funds with what their rounds drew, a page at a time (coordinators)",
)
def funds(
    request,
    slug: str,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    town = town_for(request, slug, Action.CHANGE_TOWN)
    current = paging.page_of(request, selectors.town_funds(town), page, page_size)
    drawn = selectors.funds_drawn(current.object_list)
    return {
        **paging.links(request, current),
        "results": [
            {
                "id": fund.pk,
                "name": fund.name,
                "kind": fund.kind,
                "total_cents": fund.total_cents,
                "drawn_cents": drawn[fund.pk],
                "left_cents": fund.total_cents - drawn[fund.pk],
            }
            for fund in current.object_list
        ],
    }
