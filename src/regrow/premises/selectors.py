"""Reads of the register: who may see which units, statuses on a day, and vacancy figures.

These functions are the single source of vacancy figures for the indicators.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from allauth.account.models import EmailAddress
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)

from regrow.premises import vacancy
from regrow.premises.formats.records import UnitRecord, record_of
from regrow.premises.geometry import ids_inside, polygon_from_geojson
from regrow.premises.models import (
    ADDRESS_ORDER,
    Owner,
    OwnerContact,
    StatusChange,
    Unit,
    UnitPhoto,
    Zone,
)
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can


def ordered_by_address(units: QuerySet[Unit]) -> QuerySet[Unit]:
    """Units by street, then house number as a number, then as written (2, 4, 11, 11a, 12),
    sorted by the database so that a page of them can be cut from the list."""
    return units.order_by(*ADDRESS_ORDER)


def units_with_status(queryset: QuerySet[Unit], day: date) -> QuerySet[Unit]:
    """Annotate each unit with `status_now`: its status on `day` (None before its first entry)."""
    latest = StatusChange.objects.filter(unit=OuterRef("pk"), effective_on__lte=day).order_by(
        "-effective_on", "-id"
    )
    return queryset.annotate(
        status_now=Subquery(latest.values("status")[:1]),
        status_since=Subquery(latest.values("effective_on")[:1]),
    )


def register_units(town: Town, day: date) -> QuerySet[Unit]:
    """The town's units for its coordinators, with owner and status on `day`, in one query."""
    return units_with_status(town.units.select_related("owner"), day)


def _owned_by(user) -> Q:
    """Owner records that are `user`'s: linked to the account, or carrying one of the user's
    verified e-mail addresses (so an invited owner sees their units without further steps)."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    verified = EmailAddress.objects.filter(user=user, verified=True).values("email")
    return Q(owner__user=user) | Q(owner__email__in=verified, owner__email__gt="")


def units_of_owner(user) -> QuerySet[Unit]:
    """The user's units with their current status (`status_now`, `status_since`), whether the
    public map shows them now (`on_public_map`: offered and vacant, as in public_units) and
    `photos_waiting`, how many of their photos a coordinator has still to approve."""
    # No status is dated after its town's today, so the latest entry is the current one
    # whatever each town's time zone.
    units = units_with_status(Unit.objects.filter(_owned_by(user)).select_related("town"), date.max)
    shown = Q(offered_publicly=True, status_now__in=vacancy.EMPTY_STATUSES)
    waiting = Q(photos__approval=UnitPhoto.Approval.PENDING)
    return units.annotate(
        on_public_map=ExpressionWrapper(shown, output_field=BooleanField()),
        photos_waiting=Count("photos", filter=waiting),
    )


# What the public map page and features.public_properties read: nothing about owners or notes.
PUBLIC_UNIT_FIELDS = (
    "id",
    "town_id",
    "display_address",
    "street",
    "house_number",
    "latitude",
    "longitude",
    "floor_area_m2",
    "floor",
    "permitted_uses",
    "previous_use",
    "condition",
    "step_free_access",
    "asking_rent_cents_per_month",
)


def public_units(town: Town, day: date, *, with_photos: bool = True) -> list[Unit]:
    """Units the town offers that are vacant or partly vacant on `day`, each with
    `available_since` (the day its spell of emptiness began) and, if asked, `public_photos`
    (the approved ones). Only what anyone may see: no owner, no notes. Three queries."""
    offered = town.units.filter(offered_publicly=True)
    units = units_with_status(offered.only(*PUBLIC_UNIT_FIELDS), day).filter(
        status_now__in=vacancy.EMPTY_STATUSES
    )
    if with_photos:
        approved = UnitPhoto.objects.filter(approval=UnitPhoto.Approval.APPROVED)
        units = units.prefetch_related(Prefetch("photos", approved, to_attr="public_photos"))
    units = list(units)
    changes = StatusChange.objects.filter(unit__in=offered, effective_on__lte=day)
    by_unit: dict[int, list[vacancy.Change]] = {}
    for row in changes.order_by("unit_id", "effective_on", "id").values_list(
        "unit_id", "effective_on", "status", "id"
    ):
        by_unit.setdefault(row[0], []).append(vacancy.Change(*row))
    for unit in units:
        unit.available_since = vacancy.empty_since(by_unit.get(unit.pk, []), day)
    return units


def has_public_units(town: Town) -> bool:
    """Whether the town offers any unit on its public map today (one query)."""
    offered = town.units.filter(offered_publicly=True).only("pk")
    return (
        units_with_status(offered, town.today())
        .filter(status_now__in=vacancy.EMPTY_STATUSES)
        .exists()
    )


def may_edit_unit(user, unit: Unit) -> bool:
    """Coordinators of the town, or the unit's owner (for its description)."""
    if can(user, Action.CHANGE_TOWN, unit.town):
        return True
    if not unit.owner_id:
        return False
    return Unit.objects.filter(_owned_by(user), pk=unit.pk).exists()


def owners_for(user, town: Town) -> QuerySet[Owner]:
    if not can(user, Action.CHANGE_TOWN, town):
        return Owner.objects.none()
    return town.owners.all()


@dataclass(frozen=True)
class Scope:
    """Which units a figure is about: the whole town, one street, or one zone."""

    town: Town
    street: str | None = None
    zone: Zone | None = None

    def units(self) -> QuerySet[Unit]:
        units = Unit.objects.filter(town=self.town)
        if self.street:
            units = units.filter(street=self.street)
        if self.zone is None:
            return units
        return units.filter(pk__in=self._zone_unit_ids)

    @cached_property
    def _zone_unit_ids(self) -> set[int]:
        """Read once per scope: a page asks for several figures of the same zone."""
        units = Unit.objects.filter(town=self.town)
        if self.street:
            units = units.filter(street=self.street)
        polygon = polygon_from_geojson(self.zone.geometry)
        return ids_inside(polygon, units.values_list("id", "latitude", "longitude"))


def changes_in(scope: Scope, until: date | None = None) -> list[vacancy.Change]:
    """The scope's status changes as plain data, sorted, in one query."""
    rows = StatusChange.objects.filter(unit__in=scope.units())
    if until is not None:
        rows = rows.filter(effective_on__lte=until)
    values = rows.order_by("effective_on", "id").values_list(
        "unit_id", "effective_on", "status", "id"
    )
    return [vacancy.Change(*row) for row in values.iterator(chunk_size=10_000)]


def _changes_up_to(day: date) -> QuerySet[StatusChange]:
    """The changes of the unit of the outer query up to `day`, newest first."""
    return StatusChange.objects.filter(unit=OuterRef("pk"), effective_on__lte=day).order_by(
        "-effective_on", "-id"
    )


def status_counts_on(scope: Scope, day: date) -> dict[str, int]:
    """How many of the scope's units hold each status on `day`, counted by the database."""
    status = Subquery(_changes_up_to(day).values("status")[:1])
    rows = scope.units().annotate(status=status).values("status").annotate(units=Count("id"))
    return {row["status"]: row["units"] for row in rows.order_by() if row["status"]}


def vacancy_rate_at(scope: Scope, day: date) -> vacancy.Rate:
    return vacancy.rate_of_counts(status_counts_on(scope, day))


class _YearMonth(Func):
    """A date's "2024-03", by the database alone (TruncMonth calls back into Python on SQLite)."""

    template = "TO_CHAR(%(expressions)s, 'YYYY-MM')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="SUBSTR(%(expressions)s, 1, 7)")


def moves_between(scope: Scope, first: date, last: date) -> list[vacancy.Moves]:
    """The status changes from `first` to `last`, counted by month, previous status and status."""
    earlier = StatusChange.objects.filter(
        Q(effective_on__lt=OuterRef("effective_on")) | Q(id__lt=OuterRef("id")),
        unit_id=OuterRef("unit_id"),
        effective_on__lte=OuterRef("effective_on"),
    ).order_by("-effective_on", "-id")
    rows = (
        StatusChange.objects.filter(unit__in=scope.units(), effective_on__range=(first, last))
        .annotate(month=_YearMonth("effective_on"), previous=Subquery(earlier.values("status")[:1]))
        .values("month", "previous", "status")
        .annotate(units=Count("id"))
        .order_by()
    )
    return [
        vacancy.Moves(
            month=date.fromisoformat(f"{row['month']}-01"),
            previous=row["previous"],
            status=row["status"],
            units=row["units"],
        )
        for row in rows
    ]


def vacancy_series(scope: Scope, first: date, last: date) -> list[tuple[date, vacancy.Rate]]:
    """The rate at the end of every month from `first` to `last`, in two queries whatever the
    length of the history before `first`."""
    days = vacancy.month_ends(first, last)
    start = days[0].replace(day=1)
    before = status_counts_on(scope, start - timedelta(days=1))
    return vacancy.series_of_moves(before, moves_between(scope, start, days[-1]), days)


def units_empty_since(units: QuerySet[Unit], day: date) -> QuerySet[Unit]:
    """The units vacant or partly vacant on `day`, each with `status_now` and `empty_since`: the
    day of its first empty status that no other status followed (see vacancy.empty_since)."""
    used_later = StatusChange.objects.filter(
        Q(effective_on__gt=OuterRef("effective_on"))
        | Q(effective_on=OuterRef("effective_on"), id__gt=OuterRef("id")),
        unit_id=OuterRef("unit_id"),
        effective_on__lte=day,
    ).exclude(status__in=vacancy.EMPTY_STATUSES)
    spell = (
        _changes_up_to(day).filter(status__in=vacancy.EMPTY_STATUSES).filter(~Exists(used_later))
    )
    return (
        units.annotate(status_now=Subquery(_changes_up_to(day).values("status")[:1]))
        .filter(status_now__in=vacancy.EMPTY_STATUSES)
        .annotate(
            empty_since=Subquery(spell.order_by("effective_on", "id").values("effective_on")[:1])
        )
    )


@dataclass(frozen=True)
class EmptyUnit:
    unit: Unit
    status: str
    since: date
    days: int


def empty_units_on(
    scope: Scope, day: date, *, offset: int = 0, limit: int | None = None
) -> list[EmptyUnit]:
    """Units vacant or partly vacant on `day`, longest empty first, then by address; `limit`
    of them from `offset`, in one query."""
    units = units_empty_since(scope.units(), day).order_by("empty_since", *ADDRESS_ORDER)
    if limit is not None:
        units = units[offset : offset + limit]
    return [
        EmptyUnit(
            unit=unit,
            status=unit.status_now,
            since=unit.empty_since,
            days=(day - unit.empty_since).days,
        )
        for unit in units
    ]


class EmptyUnitsPages:
    """The empty units on a day as a list for a Paginator: its length is known beforehand
    (from status_counts_on) and each page it cuts is one query."""

    def __init__(self, scope: Scope, day: date, count: int):
        self.scope, self.day, self.count = scope, day, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, page: slice) -> list[EmptyUnit]:
        return empty_units_on(self.scope, self.day, offset=page.start, limit=page.stop - page.start)


def vacancy_report(scope: Scope, start: date, end: date) -> vacancy.PeriodReport:
    """Emptiness over [start, end]: reads the changes of the period and each unit's last change
    before it, never the older history."""
    last_before = StatusChange.objects.filter(unit=OuterRef("pk"), effective_on__lt=start)
    last_before = last_before.order_by("-effective_on", "-id").values("id")[:1]
    units = scope.units()
    rows = StatusChange.objects.filter(
        Q(unit__in=units, effective_on__range=(start, end))
        | Q(id__in=units.annotate(change=Subquery(last_before)).values("change"))
    )
    values = rows.order_by("effective_on", "id").values_list(
        "unit_id", "effective_on", "status", "id"
    )
    changes = [vacancy.Change(*row) for row in values]
    rents = dict(units.values_list("id", "asking_rent_cents_per_month"))
    return vacancy.period_report(changes, start, end, rents)


def streets_of(town: Town) -> list[str]:
    return list(town.units.order_by("street").values_list("street", flat=True).distinct())


def status_history(unit: Unit) -> QuerySet[StatusChange]:
    return unit.status_changes.select_related("recorded_by").order_by("-effective_on", "-id")


def units_by_external_id(town: Town, external_ids: Iterable[str]) -> dict[str, Unit]:
    return {unit.external_id: unit for unit in town.units.filter(external_id__in=external_ids)}


def register_records(town: Town, day: date) -> list[UnitRecord]:
    """The register as file records (for export), with each unit's status on `day` and its
    owner's name (for the coordinators only: the public map never reads it)."""
    units = units_with_status(town.units.select_related("owner"), day)
    return [
        record_of(
            unit,
            row=row,
            status=unit.status_now,
            status_on=unit.status_since,
            owner_name=unit.owner.name if unit.owner else "",
        )
        for row, unit in enumerate(units, start=2)
    ]


def street_units_in_order(town: Town, street: str, day: date) -> list[Unit]:
    """The street's units in walking order: 2 before 10, 11a after 11."""
    return list(ordered_by_address(units_with_status(town.units.filter(street=street), day)))


def streets_with_counts(town: Town) -> list[tuple[str, int]]:
    from django.db.models import Count

    rows = town.units.values("street").annotate(units=Count("id")).order_by("street")
    return [(row["street"], row["units"]) for row in rows]


def owners_to_contact(town: Town) -> list[Owner]:
    """The town's owners, those with the soonest next step first (then those with none)."""
    from django.db.models import Count

    latest = OwnerContact.objects.filter(owner=OuterRef("pk")).order_by("-contacted_on", "-id")
    owners = town.owners.annotate(
        unit_count=Count("units", distinct=True),
        next_step=Subquery(latest.values("next_step")[:1]),
        next_step_on=Subquery(latest.values("next_step_on")[:1]),
        last_contact_on=Subquery(latest.values("contacted_on")[:1]),
    )
    return sorted(
        owners, key=lambda o: (o.next_step_on is None, o.next_step_on or date.max, o.name)
    )
