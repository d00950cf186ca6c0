"""Indicators over JSON: their definitions, and a town's observations a page at a time."""

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.indicators import derived, selectors
from regrow.indicators.models import Indicator, Observation
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can

router = Router(tags=["indicators"])


class IndicatorOut(Schema):
    code: str
    name: str = Field(description="In the language asked for (Accept-Language), else English")
    names: dict[str, str] = Field(description="The name in each language given")
    unit: str = Field(description="persons, percent, per_1000, count or eur")
    higher_is_better: bool | None = Field(description="null where neither way is good in itself")
    min_value: float | None = Field(description="The lowest valid value; null for no limit")
    max_value: float | None = Field(description="The highest valid value; null for no limit")
    definitions: dict[str, str] = Field(description="How it is counted, in each language given")
    source: str
    source_url: str
    public_by_default: bool
    derived: bool = Field(description="Computed by regrow from its own data, never imported")
    explanation: str = Field(description="For a derived indicator, how it is computed")
    documentation: str = Field(description="For a derived indicator, where it is defined")


class ObservationOut(Schema):
    indicator: str = Field(description="The indicator's code")
    period: str = Field(description="2019, 2019-Q3 or 2019-07")
    period_start: str = Field(description="The period's first day, YYYY-MM-DD")
    granularity: str = Field(description="year, quarter or month")
    value: float
    flags: str = Field(description="p provisional, e estimated, b break in series …; or empty")
    source: str


class ObservationPage(paging.PageOf):
    results: list[ObservationOut]


def _indicator_out(indicator: Indicator) -> dict:
    computed = derived.source(indicator.code) if indicator.derived else None
    return {
        "code": indicator.code,
        "name": indicator.name,
        "names": indicator.names,
        "unit": indicator.unit,
        "higher_is_better": indicator.higher_is_better,
        "min_value": None if indicator.min_value is None else float(indicator.min_value),
        "max_value": None if indicator.max_value is None else float(indicator.max_value),
        "definitions": indicator.definitions or {},
        "source": indicator.source,
        "source_url": indicator.source_url,
        "public_by_default": indicator.public_by_default,
        "derived": indicator.derived,
        "explanation": str(computed.explanation) if computed else "",
        "documentation": computed.documentation if computed else "",
    }


@router.get(
    "indicators",
    response=responses({200: list[IndicatorOut]}),
    openapi_extra=BUSY_HEADERS,
    auth=None,
    summary="Every indicator: its names, unit, valid range, definition and source",
)
def list_indicators(request):
    """The indicators every town of the network may follow, in their order."""
    paging.refuse_unknown(request)
    return [_indicator_out(indicator) for indicator in selectors.indicators()]


def _observation_out(observation: Observation) -> dict:
    return {
        "indicator": observation.indicator.code,
        "period": observation.period,
        "period_start": observation.period_start.isoformat(),
        "granularity": observation.granularity,
        "value": float(observation.value),
        "flags": observation.flags,
        "source": observation.source,
    }


@router.get(
    "towns/{slug}/observations",
    response=responses({200: ObservationPage}, 422),
    openapi_extra=BUSY_HEADERS,
    auth=None,
    summary="The town's observations, by indicator and in time, a page at a time",
)
def list_observations(
    request,
    slug: str,
    indicator: str | None = Query(None, description="Only this indicator's (its code)"),
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    """The town's recorded values (derived indicators are computed, not recorded). Anyone sees
    the indicators public by default; the town's members see every one. 20 to a page (at most
    100)."""
    paging.refuse_unknown(request, "indicator")
    town = get_object_or_404(Town, slug=slug)
    chosen = None
    if indicator is not None:
        chosen = Indicator.objects.filter(code=indicator).first()
        if chosen is None:
            raise HttpError(422, f"No indicator has the code {indicator!r}.")
    rows = selectors.town_observations(town, chosen)
    if not can(request.user, Action.VIEW_WORKSPACE, town):
        rows = rows.filter(indicator__public_by_default=True)
    current = paging.page_of(request, rows, page, page_size)
    return {
        **paging.links(request, current),
        "results": [_observation_out(observation) for observation in current.object_list],
    }
