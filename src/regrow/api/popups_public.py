"""A town's pop-ups over JSON for anyone: those open now and coming, with their public fields only
(what the public calendar shows: never the trader's person, the shop idea or the rent)."""

from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.popups import selectors_calendar as selectors
from regrow.popups.models import Sublease
from regrow.towns.models import Town

router = Router(tags=["pop-ups"])


class PublicPopupOut(Schema):
    id: int
    round: int = Field(description="The round's id (see /api/rounds/{round_id})")
    business_name: str
    category: str = Field(description="The shop category's code: food, fashion, crafts …")
    sells: dict[str, str] = Field(description="What it sells, in each language given")
    opening_hours: str = Field(description="As the pop-up gives them; empty if not given")
    starts_on: date
    ends_on: date
    address: str = Field(description="The unit's address")
    latitude: float
    longitude: float
    photo: str | None = Field(description="The photo's address; null without one")


class PublicPopupPage(paging.PageOf):
    results: list[PublicPopupOut]


def _popup_out(request, popup: Sublease) -> dict:
    unit = popup.unit
    return {
        "id": popup.pk,
        "round": popup.round_unit.round_id,
        "business_name": popup.application.business_name,
        "category": popup.application.category,
        "sells": popup.public_descriptions or {},
        "opening_hours": popup.opening_hours,
        "starts_on": popup.starts_on,
        "ends_on": popup.ends_on,
        "address": unit.display_address,
        "latitude": float(unit.latitude),
        "longitude": float(unit.longitude),
        "photo": request.build_absolute_uri(popup.photo.url) if popup.photo else None,
    }


@router.get(
    "towns/{slug}/popups",
    response=responses({200: PublicPopupPage}, 422),
    openapi_extra=BUSY_HEADERS,
    auth=None,
    summary="The town's pop-ups open now and coming, with their public fields",
)
def list_public_popups(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    """Pop-ups not cancelled that their traders let be shown and that end today or later (in the
    town's time zone), those already open first, then by first day: what the public calendar
    lists. 20 to a page (at most 100)."""
    paging.refuse_unknown(request)
    town = get_object_or_404(Town, slug=slug)
    popups = selectors.current_and_coming(town, town.today())
    current = paging.page_of(request, popups, page, page_size)
    return {
        **paging.links(request, current),
        "results": [_popup_out(request, popup) for popup in current.object_list],
    }
