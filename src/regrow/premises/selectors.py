"""Reads of the register: who may see which units, statuses on a day, and vacancy figures.

These functions are the single source of vacancy figures for the indicators.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from allauth.account.models import EmailAddress
from django.db.models import OuterRef, Q, QuerySet, Subquery

from regrow.premises import vacancy
from regrow.premises.formats.records import UnitRecord, record_of
from regrow.premises.geometry import ids_inside, polygon_from_geojson
from regrow.premises.models import ADDRESS_ORDER, Owner, OwnerContact, StatusChange, Unit, Zone
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
    return Unit.objects.filter(_owned_by(user)).select_related("town")


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


def public_units(town: Town, day: date, *, with_photos: bool = True) -> QuerySet[Unit]:
    """Units the town offers for use; only what anyone may see (no owner, no notes)."""
    units = units_with_status(
        town.units.filter(offered_publicly=True).only(*PUBLIC_UNIT_FIELDS), day
    )
    return units.prefetch_related("photos") if with_photos else units


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

    def unit_ids(self) -> set[int] | None:
        """None means every unit of the town (no filtering needed)."""
        units = Unit.objects.filter(town=self.town)
        if self.street:
            units = units.filter(street=self.street)
        if self.zone is None:
            return None if not self.street else set(units.values_list("id", flat=True))
        polygon = polygon_from_geojson(self.zone.geometry)
        return ids_inside(polygon, units.values_list("id", "latitude", "longitude"))


def changes_in(scope: Scope, until: date | None = None) -> list[vacancy.Change]:
    """The scope's status changes as plain data, sorted, in one query."""
    rows = StatusChange.objects.filter(unit__town=scope.town)
    if until is not None:
        rows = rows.filter(effective_on__lte=until)
    unit_ids = scope.unit_ids()
    if unit_ids is not None:
        rows = rows.filter(unit_id__in=unit_ids)
    values = rows.order_by("effective_on", "id").values_list(
        "unit_id", "effective_on", "status", "id"
    )
    return [vacancy.Change(*row) for row in values.iterator(chunk_size=10_000)]


def vacancy_rate_at(scope: Scope, day: date) -> vacancy.Rate:
    statuses = vacancy.statuses_on(changes_in(scope, until=day), day)
    return vacancy.rate_of(statuses.values())


def vacancy_series(scope: Scope, first: date, last: date) -> list[tuple[date, vacancy.Rate]]:
    """The rate at the end of every month from `first` to `last`."""
    days = vacancy.month_ends(first, last)
    return vacancy.series(changes_in(scope, until=days[-1]), days)


@dataclass(frozen=True)
class EmptyUnit:
    unit: Unit
    status: str
    since: date
    days: int


def empty_units_on(scope: Scope, day: date) -> list[EmptyUnit]:
    """Units vacant or partly vacant on `day`, longest empty first."""
    by_unit: dict[int, list[vacancy.Change]] = {}
    for change in changes_in(scope, until=day):
        by_unit.setdefault(change.unit_id, []).append(change)
    spells = {}
    for unit_id, changes in by_unit.items():
        since = vacancy.empty_since(changes, day)
        if since is not None:
            spells[unit_id] = (changes[-1].status, since)
    units = Unit.objects.in_bulk(list(spells))
    rows = [
        EmptyUnit(unit=units[unit_id], status=status, since=since, days=(day - since).days)
        for unit_id, (status, since) in spells.items()
    ]
    return sorted(rows, key=lambda row: (-row.days, row.unit.display_address))


def vacancy_report(scope: Scope, start: date, end: date) -> vacancy.PeriodReport:
    changes = changes_in(scope, until=end)
    unit_ids = {change.unit_id for change in changes}
    rents = dict(
        Unit.objects.filter(pk__in=unit_ids).values_list("id", "asking_rent_cents_per_month")
    )
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
