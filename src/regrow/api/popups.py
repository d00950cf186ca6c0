"""Pop-up rounds over JSON, read-only: a town's public rounds, one round's units and terms (also
a page at a time), and the signed-in person's own applications."""

from datetime import date, datetime

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.premises import _page_link, _refuse_unknown_parameters
from regrow.popups import selectors
from regrow.popups.choices import ApplicationStatus
from regrow.popups.models import Application, Round, RoundUnit, WantedUnit
from regrow.popups.services.outcomes import stay_days
from regrow.towns.models import Town

router = Router(tags=["pop-ups"])
MAX_PAGE_SIZE = 100


class RoundOut(Schema):
    id: int
    town: str = Field(description="The town's slug")
    titles: dict[str, str] = Field(description="The title in each language given")
    descriptions: dict[str, str]
    rules: dict[str, str]
    status: str
    applications_open_on: date
    applications_close_on: date
    programme_starts_on: date
    programme_ends_on: date
    grant_budget_cents: int
    max_grant_cents: int
    max_same_category_per_street: int


class RoundPage(Schema):
    count: int = Field(description="How many public rounds the town has, on every page")
    next: str | None = Field(description="The next page's address; null on the last page")
    previous: str | None = Field(description="The previous page's address; null on the first")
    results: list[RoundOut]


class PhaseOut(Schema):
    starts_at: int = Field(description="The week or month of a stay (1 = the first) it starts")
    amount_cents: int


class OfferOut(Schema):
    id: int
    unit_id: int
    address: str
    latitude: float
    longitude: float
    floor_area_m2: float
    rent_basis: str = Field(description="per_month, or per_m2 (per m² a month)")
    phase_unit: str = Field(description="week or month: what the phases' starts_at count")
    rent_phases: list[PhaseOut]
    service_charges_cents_per_month: int
    min_stay_weeks: int
    max_stay_weeks: int
    allowed_categories: list[str] = Field(description="Empty: every category")
    capacity: int = Field(description="How many pop-ups may share the unit at once")


class RoundDetail(RoundOut):
    criteria: list[dict] = Field(description="Each criterion's names and weight")
    events: list[dict] = Field(description="Each event's titles, first and last day")
    units: list[OfferOut] = Field(description="The units offered, in address order (at most 500)")


def _round_out(round_: Round, slug: str) -> dict:
    data = {name: getattr(round_, name) for name in RoundOut.model_fields if name != "town"}
    data["town"] = slug
    return data


def _offer_out(offer: RoundUnit) -> dict:
    unit = offer.unit
    return {
        "id": offer.pk,
        "unit_id": unit.pk,
        "address": unit.display_address,
        "latitude": float(unit.latitude),
        "longitude": float(unit.longitude),
        "floor_area_m2": float(unit.floor_area_m2),
        "rent_basis": offer.rent_basis,
        "phase_unit": offer.phase_unit,
        "rent_phases": [
            {"starts_at": phase.starts_at, "amount_cents": phase.amount_cents}
            for phase in offer.phases.all()
        ],
        "service_charges_cents_per_month": offer.service_charges_cents_per_month,
        "min_stay_weeks": offer.min_stay_weeks,
        "max_stay_weeks": offer.max_stay_weeks,
        "allowed_categories": offer.allowed_categories,
        "capacity": offer.capacity,
    }


@router.get(
    "towns/{slug}/rounds",
    response=responses({200: RoundPage}, 422),
    openapi_extra=BUSY_HEADERS,
    auth=None,
    summary="The town's public pop-up rounds, newest programme first",
)
def list_rounds(
    request,
    slug: str,
    page: int = Query(1, ge=1, description="Which page, from 1; past the last one is a 404"),
    page_size: int = Query(20, ge=1, le=MAX_PAGE_SIZE, description="Rounds to a page"),
):
    """Rounds that are open, closed or allocated (drafts are not public), 20 to a page."""
    _refuse_unknown_parameters(request, {"page", "page_size"})
    town = get_object_or_404(Town, slug=slug)
    try:
        current = Paginator(selectors.public_rounds(town), page_size).page(page)
    except EmptyPage:
        raise HttpError(404, "There is no such page.") from None
    return {
        "count": current.paginator.count,
        "next": _page_link(request, page + 1) if current.has_next() else None,
        "previous": _page_link(request, page - 1) if current.has_previous() else None,
        "results": [_round_out(round_, slug) for round_ in current.object_list],
    }


@router.get(
    "rounds/{round_id}",
    response=responses({200: RoundDetail}, 422),
    openapi_extra=BUSY_HEADERS,
    auth=None,
    summary="A public round with its criteria, events, and units on their terms",
)
def get_round(request, round_id: int):
    _refuse_unknown_parameters(request, set())
    round_ = get_object_or_404(Round.objects.select_related("town"), pk=round_id)
    if not round_.is_public:
        raise Http404
    offers = selectors.offers_with_terms(round_)[: selectors.MAP_MAX_UNITS]
    return {
        **_round_out(round_, round_.town.slug),
        "criteria": [
            {"names": criterion.names, "weight": float(criterion.weight)}
            for criterion in round_.criteria.all()
        ],
        "events": [
            {"titles": event.titles, "starts_on": event.starts_on, "ends_on": event.ends_on}
            for event in round_.events.all()
        ],
        "units": [_offer_out(offer) for offer in offers],
    }


class OfferPage(paging.PageOf):
    results: list[OfferOut]


@router.get(
    "rounds/{round_id}/units",
    response=responses({200: OfferPage}, 422),
    openapi_extra=BUSY_HEADERS,
    auth=None,
    summary="A public round's offered units on their terms, a page at a time",
)
def list_round_units(
    request, round_id: int, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    """The units the round offers, in address order, 20 to a page (at most 100): what its
    public page lists. Drafts are not public (404)."""
    paging.refuse_unknown(request)
    round_ = get_object_or_404(Round, pk=round_id)
    if not round_.is_public:
        raise Http404
    current = paging.page_of(request, selectors.offers_with_terms(round_), page, page_size)
    return {
        **paging.links(request, current),
        "results": [_offer_out(offer) for offer in current.object_list],
    }


class ApplicationRoundOut(Schema):
    id: int
    town: str = Field(description="The town's slug")
    titles: dict[str, str]
    status: str
    programme_starts_on: date
    programme_ends_on: date


class WantedOut(Schema):
    rank: int = Field(description="1: the most wanted")
    offer: int = Field(description="The offered unit's id (as in the round's units)")
    address: str


class MySubleaseOut(Schema):
    id: int
    offer: int = Field(description="The offered unit's id")
    address: str
    starts_on: date
    ends_on: date
    days: int = Field(description="Days from the first to the last, both counted")
    status: str = Field(description="confirmed, signed or cancelled")
    rent_cents_per_month: int
    service_charges_cents_per_month: int
    grant_cents: int


class MyApplicationOut(Schema):
    id: int
    round: ApplicationRoundOut
    status: str = Field(description="draft, submitted, withdrawn, accepted or rejected")
    business_name: str
    category: str
    idea: str
    experience: str
    min_area_m2: float
    max_rent_cents_per_month: int | None
    earliest_start_on: date
    latest_end_on: date
    min_stay_weeks: int
    max_stay_weeks: int
    requested_grant_cents: int
    created_at: datetime
    submitted_at: datetime | None
    decision: str | None = Field(description="accepted or rejected; null until decided")
    decided_at: datetime | None
    wanted: list[WantedOut] = Field(description="The units asked for, most wanted first")
    sublease: MySubleaseOut | None = Field(description="The pop-up's sublease, once confirmed")


class MyApplicationPage(paging.PageOf):
    results: list[MyApplicationOut]


DECISIONS = (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED)
APPLICATION_FIELDS = [
    "id",
    "status",
    "business_name",
    "category",
    "idea",
    "experience",
    "max_rent_cents_per_month",
    "earliest_start_on",
    "latest_end_on",
    "min_stay_weeks",
    "max_stay_weeks",
    "requested_grant_cents",
    "created_at",
    "submitted_at",
    "decided_at",
]


def _sublease_out(application: Application) -> dict | None:
    sublease = getattr(application, "sublease", None)
    if sublease is None:
        return None
    return {
        "id": sublease.pk,
        "offer": sublease.round_unit_id,
        "address": sublease.unit.display_address,
        "starts_on": sublease.starts_on,
        "ends_on": sublease.ends_on,
        "days": stay_days(sublease),
        "status": sublease.status,
        "rent_cents_per_month": sublease.rent_cents_per_month,
        "service_charges_cents_per_month": sublease.service_charges_cents_per_month,
        "grant_cents": sublease.grant_cents,
    }


def _my_application_out(application: Application) -> dict:
    round_ = application.round
    return {
        **{name: getattr(application, name) for name in APPLICATION_FIELDS},
        "round": {
            "id": round_.pk,
            "town": round_.town.slug,
            "titles": round_.titles,
            "status": round_.status,
            "programme_starts_on": round_.programme_starts_on,
            "programme_ends_on": round_.programme_ends_on,
        },
        "min_area_m2": float(application.min_area_m2),
        "decision": application.status if application.status in DECISIONS else None,
        "wanted": [
            {
                "rank": item.rank,
                "offer": item.round_unit_id,
                "address": item.round_unit.unit.display_address,
            }
            for item in application.wanted.all()
        ],
        "sublease": _sublease_out(application),
    }


@router.get(
    "me/popup-applications",
    response=responses({200: MyApplicationPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The signed-in person's own pop-up applications, newest round first",
)
def my_applications(request, page: int = paging.PageNumber, page_size: int = paging.PageSize):
    """Drafts included: they are the applicant's own. 20 to a page (at most 100)."""
    paging.refuse_unknown(request)
    applications = (
        selectors.applications_of(request.auth)
        .select_related("sublease__unit")
        .prefetch_related(
            Prefetch(
                "wanted",
                queryset=WantedUnit.objects.select_related("round_unit__unit").order_by("rank"),
            )
        )
    )
    current = paging.page_of(request, applications, page, page_size)
    return {
        **paging.links(request, current),
        "results": [_my_application_out(application) for application in current.object_list],
    }
