"""A pop-up round's allocation over JSON, read-only, for the coordinators of the round's town:
the latest solve (its state and the plan it found, a page of placements and of the applications
left out, each with business names and unit addresses) and the round's subleases."""

from datetime import date, datetime

from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.popups_jury import round_for
from regrow.api.premises import _refuse_unknown_parameters
from regrow.popups.models import AllocationRun, Round, RoundUnit, Sublease
from regrow.popups.services import allocation as allocation_service
from regrow.popups.services.outcomes import stay_days
from regrow.towns.permissions import Action

router = Router(tags=["pop-up allocation"])


def _business_names(round_: Round, ids) -> dict[int, str]:
    """The round's applications' business names by id (an erased application has none)."""
    ids = {pk for pk in ids if isinstance(pk, int)}
    if not ids:
        return {}
    return dict(round_.applications.filter(pk__in=ids).values_list("pk", "business_name"))


def _addresses(round_: Round, ids) -> dict[int, str]:
    """The round's offered units' addresses by id."""
    ids = {pk for pk in ids if isinstance(pk, int)}
    if not ids:
        return {}
    return dict(
        RoundUnit.objects.filter(round=round_, pk__in=ids).values_list(
            "pk", "unit__display_address"
        )
    )


class RunOut(Schema):
    id: int
    state: str = Field(description="queued, running, done, failed or confirmed")
    requested_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    error: str = Field(description="Why the run failed; empty otherwise")
    current: bool = Field(
        description="Asked for on the round as it is now (a later change makes a plan stale)"
    )
    status: str | None = Field(
        description="The plan's: optimal, feasible, time_limit or infeasible; null before"
    )
    objective: float | None
    bound: float | None = Field(description="A proven upper bound of the objective")
    gap: float | None = Field(description="How far the plan may be from the best, a fraction")
    seconds: float | None
    method: str | None
    placements: int = Field(description="How many applications the plan places")
    left_out: int = Field(description="How many it leaves out (each with its reasons)")


class AllocationOut(Schema):
    run: RunOut | None = Field(description="The latest run; null while none was asked for")


def _number(value) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _run_out(round_: Round, run: AllocationRun) -> dict:
    result = run.result if isinstance(run.result, dict) else {}
    return {
        "id": run.pk,
        "state": run.state,
        "requested_at": run.requested_at,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "error": run.error,
        "current": run.round_version == round_.version,
        "status": result.get("status"),
        "objective": _number(result.get("objective")),
        "bound": _number(result.get("bound")),
        "gap": _number(result.get("gap")),
        "seconds": _number(result.get("seconds")),
        "method": result.get("method"),
        "placements": len(result.get("placements") or []),
        "left_out": len(result.get("left_out") or []),
    }


@router.get(
    "towns/{slug}/rounds/{round_id}/allocation",
    response=responses({200: AllocationOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's latest allocation run: its state and the plan's figures",
)
def allocation(request, slug: str, round_id: int):
    """The plan's placements and the applications it leaves out come a page at a time from
    `allocation/placements` and `allocation/left-out`."""
    _refuse_unknown_parameters(request, set())
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    run = allocation_service.latest_run(round_)
    return {"run": _run_out(round_, run) if run is not None else None}


def _plan_list(round_: Round, key: str) -> tuple[int | None, list[dict]]:
    run = allocation_service.latest_run(round_)
    if run is None or not isinstance(run.result, dict):
        return (run.pk if run else None), []
    return run.pk, [item for item in run.result.get(key) or [] if isinstance(item, dict)]


class PlacementOut(Schema):
    application: int
    business_name: str | None = Field(description="null for an application since erased")
    offer: int = Field(description="The offered unit's id")
    address: str | None
    slot: int = Field(description="Which of the unit's places (0 up to its capacity - 1)")
    starts_on: date
    ends_on: date
    weeks: int


class PlacementPage(paging.PageOf):
    run: int | None = Field(description="The run the plan comes from; null without one")
    results: list[PlacementOut]


@router.get(
    "towns/{slug}/rounds/{round_id}/allocation/placements",
    response=responses({200: PlacementPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The latest plan's placements, a page at a time",
)
def placements(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    run_id, items = _plan_list(round_, "placements")
    current = paging.page_of(request, items, page, page_size)
    rows = current.object_list
    names = _business_names(round_, [row.get("application") for row in rows])
    addresses = _addresses(round_, [row.get("offer") for row in rows])
    return {
        **paging.links(request, current),
        "run": run_id,
        "results": [
            {
                **{name: row.get(name) for name in PlacementOut.model_fields},
                "business_name": names.get(row.get("application")),
                "address": addresses.get(row.get("offer")),
            }
            for row in rows
        ],
    }


class NamedApplication(Schema):
    id: int
    business_name: str | None


class HolderOut(Schema):
    offer: int = Field(description="A unit the application could have had")
    address: str | None
    applications: list[NamedApplication] = Field(description="Who holds it in the plan")


class LeftOutOut(Schema):
    application: int
    business_name: str | None
    codes: list[str] = Field(description="The reasons, as codes")
    holders: list[HolderOut]
    streets: list[str] = Field(description="Streets already full of its shop category")
    remaining_budget_cents: int | None
    cost_at_least: float | None
    cost_at_most: float | None


class LeftOutPage(paging.PageOf):
    run: int | None
    results: list[LeftOutOut]


def _holders(row: dict) -> list[tuple[int, list[int]]]:
    holders = []
    for holder in row.get("holders") or []:
        if isinstance(holder, list | tuple) and len(holder) == 2:
            holders.append((holder[0], list(holder[1] or [])))
    return holders


@router.get(
    "towns/{slug}/rounds/{round_id}/allocation/left-out",
    response=responses({200: LeftOutPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The applications the latest plan leaves out, with its reasons, a page at a time",
)
def left_out(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    run_id, items = _plan_list(round_, "left_out")
    current = paging.page_of(request, items, page, page_size)
    rows = current.object_list
    application_ids = [row.get("application") for row in rows]
    offer_ids = []
    for row in rows:
        for offer, holders in _holders(row):
            offer_ids.append(offer)
            application_ids.extend(holders)
    names = _business_names(round_, application_ids)
    addresses = _addresses(round_, offer_ids)
    return {
        **paging.links(request, current),
        "run": run_id,
        "results": [
            {
                **{name: row.get(name) for name in LeftOutOut.model_fields},
                "codes": list(row.get("codes") or []),
                "streets": list(row.get("streets") or []),
                "business_name": names.get(row.get("application")),
                "holders": [
                    {
                        "offer": offer,
                        "address": addresses.get(offer),
                        "applications": [
                            {"id": pk, "business_name": names.get(pk)} for pk in holders
                        ],
                    }
                    for offer, holders in _holders(row)
                ],
            }
            for row in rows
        ],
    }


class RoundSubleaseOut(Schema):
    id: int
    application: NamedApplication
    offer: int
    address: str
    slot: int
    starts_on: date
    ends_on: date
    days: int = Field(description="Days from the first to the last, both counted")
    rent_cents_per_month: int
    service_charges_cents_per_month: int
    grant_cents: int
    status: str = Field(description="confirmed, signed or cancelled")
    confirmed_at: datetime


class SubleasePage(paging.PageOf):
    results: list[RoundSubleaseOut]


SUBLEASE_FIELDS = [
    "id",
    "slot",
    "starts_on",
    "ends_on",
    "rent_cents_per_month",
    "service_charges_cents_per_month",
    "grant_cents",
    "status",
    "confirmed_at",
]


@router.get(
    "towns/{slug}/rounds/{round_id}/subleases",
    response=responses({200: SubleasePage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's subleases, by unit and first day (its coordinators)",
)
def subleases(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.CHANGE_TOWN)
    rows = (
        Sublease.objects.filter(round_unit__round=round_)
        .select_related("unit", "application")
        .order_by("unit__street", "unit__house_number_sort", "starts_on", "id")
    )
    current = paging.page_of(request, rows, page, page_size)
    return {
        **paging.links(request, current),
        "results": [
            {
                **{name: getattr(sublease, name) for name in SUBLEASE_FIELDS},
                "application": {
                    "id": sublease.application_id,
                    "business_name": sublease.application.business_name,
                },
                "offer": sublease.round_unit_id,
                "address": sublease.unit.display_address,
                "days": stay_days(sublease),
            }
            for sublease in current.object_list
        ],
    }
