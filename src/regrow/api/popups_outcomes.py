"""A pop-up round's pop-ups over JSON, read-only, for the coordinators of the round's town:
each pop-up with its unit and days, how many care entries are open, its mid-round review, its
outcome (and whether it stayed) and the trader's feedback; one pop-up's care log. Without the
coordinator role in the town: 403; no such round or pop-up: 404."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.popups_jury import round_for
from regrow.popups import selectors_care
from regrow.popups.models import Sublease
from regrow.popups.services.feedback import feedback_state
from regrow.popups.services.outcomes import stay_days
from regrow.towns.permissions import Action

router = Router(tags=["pop-up outcomes"])


class CareCountOut(Schema):
    open: int = Field(description="Entries not resolved yet")
    total: int


class ReviewOut(Schema):
    reviewed_on: date
    footfall: str = Field(description="low, medium or high")
    on_track: bool = Field(description="On track to stay as a tenant")
    going_well: str
    to_improve: str


class OutcomeOut(Schema):
    days_open: int | None
    visitors_estimate: int | None
    sales_band: str = Field(description="under_500, 500_2000, 2000_5000, over_5000 or empty")
    stayed: bool = Field(description="Stayed as a permanent tenant")
    stayed_from: date | None
    lease_rent_cents_per_month: int | None
    lease_months: int | None
    lease_notes: str
    updated_at: datetime


class FeedbackOut(Schema):
    state: str = Field(description="none, sent, expired or answered")
    sent_at: datetime | None
    expires_at: datetime | None
    answered_at: datetime | None
    satisfaction: int | None = Field(description="1 to 5; null until answered")
    would_recommend: bool | None
    plans: str = Field(description="stay, elsewhere, online, stop, undecided or empty")
    what_worked: str
    what_to_change: str


class PopupOut(Schema):
    id: int = Field(description="The sublease's id")
    application: int
    business_name: str
    category: str
    unit: int = Field(description="The register's unit")
    address: str
    starts_on: date
    ends_on: date
    days: int = Field(description="Days from the first to the last, both counted")
    care: CareCountOut
    mid_review: ReviewOut | None
    outcome: OutcomeOut | None
    feedback: FeedbackOut


class PopupPage(paging.PageOf):
    results: list[PopupOut]


def _fields(item, schema, *leave_out: str) -> dict | None:
    if item is None:
        return None
    return {name: getattr(item, name) for name in schema.model_fields if name not in leave_out}


def _feedback(item, now) -> dict:
    state = feedback_state(item, now)
    if item is None:
        return {
            "state": state,
            **dict.fromkeys(["sent_at", "expires_at", "answered_at", "satisfaction"]),
            "would_recommend": None,
            "plans": "",
            "what_worked": "",
            "what_to_change": "",
        }
    return {**_fields(item, FeedbackOut, "state"), "state": state}


def _popup_out(sublease: Sublease, now) -> dict:
    one = selectors_care.one
    return {
        "id": sublease.pk,
        "application": sublease.application_id,
        "business_name": sublease.application.business_name,
        "category": sublease.application.category,
        "unit": sublease.unit_id,
        "address": sublease.unit.display_address,
        "starts_on": sublease.starts_on,
        "ends_on": sublease.ends_on,
        "days": stay_days(sublease),
        "care": {"open": sublease.care_open, "total": sublease.care_total},
        "mid_review": _fields(one(sublease, "mid_review"), ReviewOut),
        "outcome": _fields(one(sublease, "outcome"), OutcomeOut),
        "feedback": _feedback(one(sublease, "feedback"), now),
    }


@router.get(
    "towns/{slug}/rounds/{round_id}/popups",
    response=responses({200: PopupPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's pop-ups with their care, review, outcome and feedback (coordinators)",
)
def popups(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    """Cancelled subleases are left out. In the order of their first day."""
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    current = paging.page_of(request, selectors_care.live_popups(round_), page, page_size)
    now = timezone.now()
    return {
        **paging.links(request, current),
        "results": [_popup_out(sublease, now) for sublease in current.object_list],
    }


class CareEntryOut(Schema):
    id: int
    happened_on: date
    kind: str = Field(description="issue, complaint, visit or other")
    description: str
    resolved_on: date | None = Field(description="null while the entry is open")
    recorded_at: datetime


class CarePage(paging.PageOf):
    results: list[CareEntryOut]


@router.get(
    "towns/{slug}/rounds/{round_id}/popups/{sublease_id}/care",
    response=responses({200: CarePage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="One pop-up's care log, the open entries first, then the latest (coordinators)",
)
def care_log(
    request,
    slug: str,
    round_id: int,
    sublease_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    sublease = get_object_or_404(
        Sublease.objects.exclude(status=Sublease.Status.CANCELLED),
        round_unit__round=round_,
        pk=sublease_id,
    )
    current = paging.page_of(request, selectors_care.care_log(sublease), page, page_size)
    return {
        **paging.links(request, current),
        "results": [_fields(entry, CareEntryOut) for entry in current.object_list],
    }
