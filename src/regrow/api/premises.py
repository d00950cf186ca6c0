"""The vacancy register over JSON: units, their history, and vacancy figures."""

from datetime import date
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, create_model

from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.fields import Boolean, Integer, IsoDate, Number
from regrow.premises import features, listing, selectors, services
from regrow.premises.models import StatusChange, Unit, Zone
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can

router = Router(tags=["register"])
# The most units one page of the list may hold (about 0.3 MB of JSON).
MAX_PAGE_SIZE = 500


# The fields of a unit's files (formats.records.UNIT_FIELDS) and whether it is offered; a test
# keeps them in step. (A docstring here would become the schema's description in the OpenAPI.)
class UnitIn(Schema):
    external_id: str
    street: str
    house_number: str = ""
    postcode: str = ""
    display_address: str = ""
    latitude: Number
    longitude: Number
    floor_area_m2: Number
    frontage_m: Number | None = None
    floor: str = "ground"
    previous_use: str = ""
    permitted_uses: list[str] = []
    condition: str = "ready"
    step_free_access: Boolean = False
    has_power: Boolean = False
    has_water: Boolean = False
    has_heating: Boolean = False
    asking_rent_cents_per_month: Integer | None = None
    notes: str = ""
    listed_on: IsoDate | None = None
    offered_publicly: Boolean = False


class UnitOut(UnitIn):
    id: int
    version: int
    status: str | None = Field(None, description="Status today (derived from the history)")
    status_since: date | None = None


# A change names only what it changes. Not the external id (the key that imports match
# units by) nor the day the unit was listed (its whole history is dated against it).
_NOT_CHANGED_BY_PATCH = frozenset({"external_id", "listed_on"})


def _not_documented_as_default(schema: dict) -> None:
    schema.pop("default", None)


# Each field may be left out, but keeps its type: `null` is accepted only where the unit may
# hold nothing (pydantic does not check a default, so leaving a field out is not `null`). A
# `null` house number was a 500 when the database refused it; now it is a 422 naming the field.
UnitPatch = create_model(
    "UnitPatch",
    __base__=Schema,
    version=(
        Integer,
        Field(description="The version you read; a newer one on the server is a 409"),
    ),
    **{
        name: (
            # pydantic keeps a field's Annotated constraints apart from its type: put them back.
            Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation,
            Field(None, json_schema_extra=_not_documented_as_default),
        )
        for name, field in UnitIn.model_fields.items()
        if name not in _NOT_CHANGED_BY_PATCH
    },
)


class StatusIn(Schema):
    status: str
    effective_on: IsoDate
    use_category: str = ""
    note: str = ""


class StatusOut(Schema):
    id: int
    status: str
    effective_on: date
    use_category: str
    source: str
    note: str
    recorded_at: str


class FeatureCollection(Schema):
    """A GeoJSON FeatureCollection (RFC 7946) of Point Features, each with its unit's id."""

    model_config = ConfigDict(extra="allow")  # e.g. a "bbox", which GeoJSON allows
    type: Literal["FeatureCollection"]
    features: list[dict[str, Any]]


class RatePoint(Schema):
    day: date
    vacancy_rate_percent: float | None
    empty_units: float
    usable_units: int


def _town(request, slug: str) -> Town:
    town = get_object_or_404(Town, slug=slug)
    if not can(request.auth, Action.CHANGE_TOWN, town):
        raise PermissionDenied
    return town


def _unit_out(unit: Unit) -> dict:
    data = {name: getattr(unit, name) for name in UnitOut.model_fields if hasattr(unit, name)}
    data["status"] = getattr(unit, "status_now", None)
    data["status_since"] = getattr(unit, "status_since", None)
    return data


def _geojson_properties(unit: Unit) -> dict:
    """The unit as the API shows it, less the position that the Feature's geometry holds,
    named as the register's GeoJSON files name the same fields (features.FILE_NAMES)."""
    properties = _unit_out(unit)
    del properties["latitude"], properties["longitude"]
    return features.file_named(properties)


class UnitPage(Schema):
    count: int = Field(description="How many units the town has, on every page")
    next: str | None = Field(description="The next page's address; null on the last page")
    previous: str | None = Field(description="The previous page's address; null on the first")
    results: list[UnitOut]


def _page_link(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _refuse_unknown_parameters(request, known: set[str]) -> None:
    """422 for a query parameter the operation does not take: a misspelt `page_size` would
    otherwise pass unnoticed and give a page of the default size."""
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise HttpError(422, f"Unknown query parameter: {', '.join(unknown)}")


@router.get(
    "towns/{slug}/units",
    response=responses({200: UnitPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="Units of the town, a page at a time, with today's status",
)
def list_units(
    request,
    slug: str,
    page: int = Query(1, ge=1, description="Which page, from 1; past the last one is a 404"),
    page_size: int = Query(
        listing.PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Units to a page"
    ),
):
    """The town's units sorted by street and house number (2, 4, 11, 11a, 12), 50 to a page
    unless `page_size` (at most 500) says otherwise. `count` is the number of units in all;
    `next` and `previous` are the addresses of the neighbouring pages (null where there is
    none): follow `next` until it is null to read them all."""
    _refuse_unknown_parameters(request, {"page", "page_size"})
    town = _town(request, slug)
    units = selectors.register_units(town, town.today())
    try:
        current = listing.page_of(units, page, page_size)
    except EmptyPage:
        raise HttpError(404, "There is no such page.") from None
    return {
        "count": current.paginator.count,
        "next": _page_link(request, page + 1) if current.has_next() else None,
        "previous": _page_link(request, page - 1) if current.has_previous() else None,
        "results": [_unit_out(unit) for unit in current.object_list],
    }


@router.get(
    "towns/{slug}/units.geojson",
    response=responses({200: FeatureCollection}),
    openapi_extra=BUSY_HEADERS,
    summary="Units of the town as a GeoJSON FeatureCollection",
)
def units_geojson(request, slug: str):
    """Properties are named as in the register's GeoJSON export, so that this file can be
    imported back: `address`, `power`, `water`, `heating`, `asking_rent_eur` (in euros) and
    `status_on` where the list of units says `display_address`, `has_power`, `has_water`,
    `has_heating`, `asking_rent_cents_per_month` and `status_since`."""
    town = _town(request, slug)
    return features.units_collection(
        selectors.register_units(town, town.today()), _geojson_properties, with_ids=True
    )


@router.post(
    "towns/{slug}/units",
    response=responses({201: UnitOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="Add a unit",
)
def create_unit(request, slug: str, payload: UnitIn):
    town = _town(request, slug)
    data = payload.dict()
    if data["listed_on"] is None:
        data.pop("listed_on")
    unit = services.unit_create(town=town, by=request.auth, **data)
    return Status(201, _unit_out(unit))


def _unit(request, slug: str, pk: int) -> Unit:
    return get_object_or_404(Unit, town=_town(request, slug), pk=pk)


@router.get(
    "towns/{slug}/units/{pk}",
    response=responses({200: UnitOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="One unit",
)
def get_unit(request, slug: str, pk: int):
    unit = _unit(request, slug, pk)
    return _unit_out(
        selectors.units_with_status(Unit.objects.filter(pk=unit.pk), unit.town.today()).get()
    )


@router.patch(
    "towns/{slug}/units/{pk}",
    response=responses({200: UnitOut}, 409, 422),
    openapi_extra=BUSY_HEADERS,
    summary="Change a unit",
)
def patch_unit(request, slug: str, pk: int, payload: UnitPatch):
    unit = _unit(request, slug, pk)
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version")
    # A stale version raises ConcurrentEditError: a 409 (api/errors.py).
    unit = services.unit_update(unit=unit, by=request.auth, version=version, **changes)
    return Status(200, _unit_out(unit))


def _status_out(change: StatusChange) -> dict:
    return {
        "id": change.pk,
        "status": change.status,
        "effective_on": change.effective_on,
        "use_category": change.use_category,
        "source": change.source,
        "note": change.note,
        "recorded_at": change.recorded_at.isoformat(),
    }


@router.get(
    "towns/{slug}/units/{pk}/statuses",
    response=responses({200: list[StatusOut]}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A unit's status history",
)
def unit_history(request, slug: str, pk: int):
    return [_status_out(change) for change in selectors.status_history(_unit(request, slug, pk))]


@router.post(
    "towns/{slug}/units/{pk}/statuses",
    response=responses({201: StatusOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="Record a status (append-only)",
)
def record_status(request, slug: str, pk: int, payload: StatusIn):
    unit = _unit(request, slug, pk)
    change = services.unit_record_status(unit=unit, by=request.auth, **payload.dict())
    return Status(201, _status_out(change))


@router.get(
    "towns/{slug}/vacancy/series",
    response=responses({200: list[RatePoint]}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="Vacancy rate at the end of each month (town, street or zone)",
)
def vacancy_series(
    request,
    slug: str,
    first: IsoDate,
    last: IsoDate | None = None,
    street: str | None = None,
    zone: int | None = None,
):
    _refuse_unknown_parameters(request, {"first", "last", "street", "zone"})
    town = _town(request, slug)
    last = min(last or town.today(), town.today())
    if first > last:
        raise HttpError(422, "first must be on or before last")
    scope = selectors.Scope(
        town, street=street, zone=get_object_or_404(Zone, town=town, pk=zone) if zone else None
    )
    return [
        {
            "day": day,
            "vacancy_rate_percent": rate.percent,
            "empty_units": rate.empty,
            "usable_units": rate.usable,
        }
        for day, rate in selectors.vacancy_series(scope, first, last)
    ]
