"""Reads of indicators and observations: lists for pages and the API, and the export."""

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from regrow.indicators.models import ImportBatch, Indicator, Observation
from regrow.towns.models import Town

_EXPORT_CHUNK = 10_000


def indicators() -> QuerySet[Indicator]:
    return Indicator.objects.order_by("order", "code")


def town_code(town: Town) -> str:
    """The code a file names the town by: its LAU code, else its national code, else its web
    address (imports find a town by any of the three)."""
    return town.lau_code or town.national_code or town.slug


def town_observations(town: Town, indicator: Indicator | None = None) -> QuerySet[Observation]:
    """The town's observations, by indicator and then in time, with their indicator."""
    rows = Observation.objects.filter(town=town).select_related("indicator")
    if indicator is not None:
        rows = rows.filter(indicator=indicator)
    return rows.order_by("indicator__order", "indicator__code", "period_start", "period")


def export_rows(
    towns: Iterable[Town], indicator_codes: Iterable[str] | None = None
) -> Iterator[tuple]:
    """(town code, indicator code, period, value, flags, source) of the towns' observations, in
    one query read in chunks."""
    towns = list(towns)
    codes = {town.pk: town_code(town) for town in towns}
    rows = Observation.objects.filter(town__in=towns)
    if indicator_codes is not None:
        rows = rows.filter(indicator__code__in=list(indicator_codes))
    values = rows.order_by(
        "town__name", "indicator__order", "indicator__code", "period_start", "period"
    ).values_list("town_id", "indicator__code", "period", "value", "flags", "source")
    for town_id, *rest in values.iterator(chunk_size=_EXPORT_CHUNK):
        yield (codes[town_id], *rest)


def recent_imports(town: Town, count: int = 10) -> list[ImportBatch]:
    return list(
        ImportBatch.objects.filter(town=town)
        .select_related("created_by")
        .order_by("-created_at")[:count]
    )
