"""Reads for the register's list and map: filters, counts by status, pages and map points.

Selectors (see selectors.py), kept apart by area. Each page of the register costs the same few
queries whatever the size of the town: one counts the units by status, from which the list's
length is known; one cuts a page of ids from the sorted list; one reads those units.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain, repeat

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce, NullIf, Round

from regrow.premises import vacancy
from regrow.premises.choices import Status
from regrow.premises.geometry import ids_inside, polygon_from_geojson
from regrow.premises.models import StatusChange, Unit, Zone
from regrow.premises.selectors import ordered_by_address, units_with_status
from regrow.towns.models import Town

# Units on a page of the register (and of the API's list): a screen or two on a phone.
PAGE_SIZE = 50
# The filter's value, and the counts' key, for units with no status yet.
NO_STATUS = "none"
# Every status in the order the page counts them, then units with none.
STATUS_KEYS = (*Status.values, NO_STATUS)
# The register's map draws at most this many points (20,000 units make about 0.5 MB of data).
MAP_MAX_UNITS = 25_000
# Map points are in hundred-thousandths of a degree: within about a metre.
MAP_PER_DEGREE = 100_000


@dataclass(frozen=True)
class RegisterFilter:
    """What a coordinator narrowed the register to; an empty value selects every unit."""

    status: str = ""  # a Status, or NO_STATUS
    street: str = ""
    zone: Zone | None = None
    use: str = ""  # a ShopCategory: the use now, or the last one before the unit emptied
    offered: bool | None = None

    @property
    def narrows(self) -> bool:
        """Whether any filter but the status is set (the counts by status follow those)."""
        return bool(self.street or self.zone or self.use or self.offered is not None)


def filtered_units(town: Town, day: date, filters: RegisterFilter) -> QuerySet[Unit]:
    """The town's units that every filter but the status selects, with `status_now` and
    `status_since` on `day`."""
    units = town.units.all()
    if filters.street:
        units = units.filter(street=filters.street)
    if filters.offered is not None:
        units = units.filter(offered_publicly=filters.offered)
    if filters.zone is not None:
        polygon = polygon_from_geojson(filters.zone.geometry)
        inside = ids_inside(polygon, units.values_list("id", "latitude", "longitude"))
        units = units.filter(pk__in=inside)
    units = units_with_status(units, day)
    if filters.use:
        # A status names the use while the unit is in use; an empty unit is known by its last.
        latest = StatusChange.objects.filter(unit=OuterRef("pk"), effective_on__lte=day)
        use_now = Subquery(latest.order_by("-effective_on", "-id").values("use_category")[:1])
        units = units.annotate(
            use=Coalesce(NullIf(use_now, Value("")), NullIf(F("previous_use"), Value("")))
        ).filter(use=filters.use)
    return units


def with_status(units: QuerySet[Unit], status: str) -> QuerySet[Unit]:
    """Units of filtered_units holding `status` (NO_STATUS: none yet); all for ""."""
    if status == NO_STATUS:
        return units.filter(status_now__isnull=True)
    return units.filter(status_now=status) if status else units


def status_counts(units: QuerySet[Unit]) -> dict[str, int]:
    """How many of these units (from filtered_units) hold each status, in STATUS_KEYS' order
    and with every key; one query."""
    rows = units.values("status_now").annotate(units=Count("pk")).order_by()
    found = {row["status_now"] or NO_STATUS: row["units"] for row in rows}
    return {key: found.get(key, 0) for key in STATUS_KEYS}


def rate_of_counts(counts: dict[str, int]) -> vacancy.Rate:
    """The vacancy rate of units counted by status_counts (those with no status do not count)."""
    statuses = (repeat(status, count) for status, count in counts.items() if status != NO_STATUS)
    return vacancy.rate_of(chain.from_iterable(statuses))


class _SortedIds:
    """The ids of a sorted queryset, for a Paginator that knows their number beforehand: saves
    the COUNT, and each page is cut by the database."""

    def __init__(self, units: QuerySet[Unit], count: int):
        self.units, self._count = units, count

    def count(self) -> int:
        return self._count

    def __getitem__(self, page: slice) -> list[int]:
        return list(self.units.values_list("pk", flat=True)[page])


def units_in_order(units: QuerySet[Unit], ids: Sequence[int]) -> list[Unit]:
    """These units (by id) in the order of `ids`."""
    by_id = units.filter(pk__in=ids).in_bulk()
    return [by_id[pk] for pk in ids if pk in by_id]


def page_of(units: QuerySet[Unit], number: int, per_page: int = PAGE_SIZE) -> Page:
    """Page `number` of `units` in address order (Paginator.page: EmptyPage past the last one).
    Three queries whatever the page: the count, the page's ids, its units."""
    ids = ordered_by_address(units).values_list("pk", flat=True)
    page = Paginator(ids, per_page).page(number)
    page.object_list = units_in_order(units, page.object_list)
    return page


@dataclass
class RegisterPage:
    counts: dict[str, int]  # by status, for the units the filters but the status select
    rate: vacancy.Rate  # of those units
    page: Page  # its object_list: the page's units, with owner, status_now, status_since


def register_page(
    town: Town, day: date, filters: RegisterFilter, number: object, per_page: int = PAGE_SIZE
) -> RegisterPage:
    """One page of the register, sorted by address; `number` as typed (a bad one gives the
    first page, one past the end the last). Four queries."""
    units = filtered_units(town, day, filters)
    counts = status_counts(units)
    total = counts[filters.status] if filters.status else sum(counts.values())
    chosen = ordered_by_address(with_status(units, filters.status))
    page = Paginator(_SortedIds(chosen, total), per_page).get_page(number)
    # The page's statuses are looked up for its own units only, not for every unit before it.
    rows = units_with_status(town.units.select_related("owner"), day)
    page.object_list = units_in_order(rows, page.object_list)
    return RegisterPage(counts=counts, rate=rate_of_counts(counts), page=page)


@dataclass
class MapPoints:
    statuses: tuple[str, ...]  # what each point's status number means (-1: no status)
    points: list[tuple[int, int, int, int]]  # id, latitude, longitude (MAP_PER_DEGREE), status
    total: int  # units selected; more than len(points) if the map's limit cut them


def _plain_rows(query: QuerySet) -> list[tuple]:
    """The rows of a values_list query of numbers and text, as the database driver gives them:
    Django's per-value conversions took longer than the query for 20,000 map points."""
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def map_points(town: Town, day: date, filters: RegisterFilter) -> MapPoints:
    """The filtered units as points for the register's map: no more than MAP_MAX_UNITS, and
    only what a point needs; one query (two when the limit cuts)."""
    units = with_status(filtered_units(town, day, filters), filters.status).order_by("pk")
    # Whole numbers of MAP_PER_DEGREE: read and written faster than decimals or floats.
    units = units.annotate(
        lat=Cast(Round(F("latitude") * MAP_PER_DEGREE), IntegerField()),
        lon=Cast(Round(F("longitude") * MAP_PER_DEGREE), IntegerField()),
    )
    rows = _plain_rows(units.values_list("pk", "lat", "lon", "status_now")[: MAP_MAX_UNITS + 1])
    total = len(rows) if len(rows) <= MAP_MAX_UNITS else units.count()
    number = {status: index for index, status in enumerate(Status.values)}
    points = [(pk, lat, lon, number.get(status, -1)) for pk, lat, lon, status in rows]
    return MapPoints(statuses=tuple(Status.values), points=points[:MAP_MAX_UNITS], total=total)
