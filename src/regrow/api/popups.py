"""Pop-up rounds over JSON, read-only: a town's public rounds and one round's units and terms."""

from datetime import date

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.premises import _page_link, _refuse_unknown_parameters
from regrow.popups import selectors
from regrow.popups.models import Round, RoundUnit
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
