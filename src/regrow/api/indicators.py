"""Indicators over JSON: their definitions, a town's observations a page at a time, and the
comparison of an indicator between a town and the towns of its networks."""

from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.premises import _refuse_unknown_parameters
from regrow.indicators import derived, figures, selectors, selectors_pages, visibility
from regrow.indicators.figures import Mode
from regrow.indicators.models import Indicator, Observation
from regrow.indicators.periods import FIRST_YEAR, LAST_YEAR
from regrow.lib import places
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
    the indicators the town shows on its site (public by default, unless the town chose
    otherwise); the town's members see every one. 20 to a page (at most 100)."""
    paging.refuse_unknown(request, "indicator")
    town = get_object_or_404(Town, slug=slug)
    chosen = None
    if indicator is not None:
        chosen = Indicator.objects.filter(code=indicator).first()
        if chosen is None:
            raise HttpError(422, f"No indicator has the code {indicator!r}.")
    rows = selectors.town_observations(town, chosen)
    if not can(request.user, Action.VIEW_WORKSPACE, town):
        shown = visibility.public_indicators(town, selectors.indicators())
        rows = rows.filter(indicator__in=[indicator.pk for indicator in shown])
    current = paging.page_of(request, rows, page, page_size)
    return {
        **paging.links(request, current),
        "results": [_observation_out(observation) for observation in current.object_list],
    }


class ComparisonLineOut(Schema):
    town: str = Field(description="The town's web address (slug)")
    name: str
    values: list[float | None] = Field(
        description="One value a period, in the order of `periods`; null where there is none"
    )
    missing: str = Field(
        description="Why the line has no values: 'values' (none recorded), 'base' (no value "
        "above zero in the base year), 'population' (no population to divide by); or empty"
    )


class ComparisonOut(Schema):
    indicator: str = Field(description="The indicator's code")
    town: str = Field(description="The town compared (the first line)")
    mode: str = Field(description="absolute, per_1000 or indexed")
    base_year: int | None = Field(description="The year whose value is 100; null unless indexed")
    unit: str = Field(
        description="What the values are: the indicator's unit, 'per_1000' or 'index'"
    )
    periods: list[str] = Field(description="The periods, in time: 2019, 2019-Q3 or 2019-07")
    lines: list[ComparisonLineOut] = Field(description="The town first, then the others asked")


def _comparison_out(comparison: selectors_pages.Comparison) -> dict:
    unit = {Mode.PER_1000: "per_1000", Mode.INDEXED: "index"}.get(
        comparison.mode, comparison.indicator.unit
    )
    periods = [period.text for period in comparison.periods]
    return {
        "indicator": comparison.indicator.code,
        "town": comparison.town.slug,
        "mode": comparison.mode.value,
        "base_year": comparison.base_year if comparison.mode == Mode.INDEXED else None,
        "unit": unit,
        "periods": periods,
        "lines": [
            {
                "town": line.town.slug,
                "name": line.town.name,
                "values": [
                    None if (value := line.values.get(text)) is None else float(value)
                    for text in periods
                ],
                "missing": line.missing,
            }
            for line in comparison.lines
        ],
    }


OTHER_TOWNS = Query(
    None,
    description="The other towns (their web addresses), repeated; without it the first "
    f"{selectors_pages.DEFAULT_PEERS} of the town's networks, as the page shows",
)
COMPARISON_PARAMETERS = {"towns", "mode", "base"}


@router.get(
    "towns/{slug}/indicators/{code}/comparison",
    response=responses({200: ComparisonOut}, 422),
    openapi_extra=BUSY_HEADERS,
    auth=None,
    summary="An indicator in the town and the towns of its networks: as recorded, per 1,000 "
    "inhabitants or indexed to a base year",
)
def compare(
    request,
    slug: str,
    code: str,
    towns: list[str] | None = OTHER_TOWNS,
    mode: Literal["absolute", "per_1000", "indexed"] = Query(
        "absolute", description="per_1000 only for counts (persons, count), not the population"
    ),
    base: int | None = Query(
        None,
        ge=FIRST_YEAR,
        le=LAST_YEAR,
        description="indexed: the year whose value is 100; without it the first year every "
        "town has a value",
    ),
):
    """The comparison the indicator page shows: a line a town, a value a period. Anyone
    compares the indicators a town shows on its site; a town's members also its others. Another
    town appears only where the reader may see its values of the indicator."""
    _refuse_unknown_parameters(request, COMPARISON_PARAMETERS)
    town = get_object_or_404(Town, slug=slug)
    places.activate_time_zone(town)
    indicator = get_object_or_404(Indicator, code=code)
    if not visibility.may_see(request.user, town, indicator):
        raise HttpError(403, "This town does not show this indicator.")
    if mode == Mode.PER_1000 and not figures.per_1000_applies(indicator.code, indicator.unit):
        raise HttpError(422, "Per 1,000 inhabitants is given only for counts of people or things.")
    candidates = selectors_pages.comparable_towns(request.user, town, indicator)
    if towns is None:
        others = candidates[: selectors_pages.DEFAULT_PEERS]
    else:
        by_slug = {candidate.slug: candidate for candidate in candidates}
        unknown = [name for name in towns if name not in by_slug]
        if unknown:
            raise HttpError(
                422,
                f"Not a town of {town.slug}'s networks that shows this indicator: "
                + ", ".join(unknown),
            )
        if len(set(towns)) > selectors_pages.MAX_PEERS:
            raise HttpError(422, f"At most {selectors_pages.MAX_PEERS} other towns at once.")
        others = [by_slug[name] for name in dict.fromkeys(towns)]
    comparison = selectors_pages.comparison(town, indicator, others, Mode(mode), base)
    return _comparison_out(comparison)
