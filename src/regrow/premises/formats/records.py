"""A unit as a row of a file: its columns, how a cell becomes a clean value, and the Unit fields.

UnitRecord is the one list of a unit's columns. Each of its fields (but `row`) names its column
and how a cell becomes its value; the checker, the CSV, XLSX and GeoJSON writers, the export of
the register and the import all follow it. A new column is one line there (and a Unit field).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter
from typing import Any

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Invalid
from regrow.lib.tabular.values import as_text, code, date_value, flag, number, shown, text
from regrow.premises.choices import Condition, Floor, ShopCategory, Status

_MICRODEGREE = Decimal("0.000001")
_HUNDREDTH = Decimal("0.01")
_ONE = Decimal(1)
# The largest values the database columns hold.
_MAX_FLOOR_AREA = Decimal("99999.99")
_MAX_FRONTAGE = Decimal("9999.99")
_MAX_RENT_EUR = Decimal("21474836.47")


def _coordinate(limit: int) -> Callable[[object], Decimal]:
    def convert(raw: object) -> Decimal:
        value = number(raw)
        if value is None:
            raise Invalid(_("This is required, but it is empty."))
        if not -limit <= value <= limit:
            raise Invalid(
                _("%(value)s is outside the range from -%(limit)s to %(limit)s.")
                % {"value": shown(raw), "limit": limit}
            )
        return value.quantize(_MICRODEGREE, rounding=ROUND_HALF_UP)

    return convert


def _hundredths(value: Decimal, maximum: Decimal) -> Decimal | None:
    """`value` rounded to 2 decimals, or None if it is not more than 0 once rounded."""
    if value <= 0:
        return None
    if value > maximum:
        raise Invalid(
            _("%(value)s is more than the largest allowed, %(max)s.")
            % {"value": value, "max": maximum}
        )
    rounded = value.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
    return rounded if rounded > 0 else None


def _floor_area(raw: object) -> Decimal:
    value = number(raw)
    if value is None:
        raise Invalid(_("This is required, but it is empty."))
    area = _hundredths(value, _MAX_FLOOR_AREA)
    if area is None:
        raise Invalid(_("The floor area must be more than 0 m²."))
    return area


def _frontage(raw: object) -> Decimal | None:
    value = number(raw)
    if value is None:
        return None
    frontage = _hundredths(value, _MAX_FRONTAGE)
    if frontage is None:
        raise Invalid(_("The frontage must be more than 0 m, or left empty."))
    return frontage


def _rent_cents(raw: object) -> int | None:
    value = number(raw)
    if value is None:
        return None
    if value < 0:
        raise Invalid(_("The rent cannot be less than 0."))
    if value > _MAX_RENT_EUR:
        raise Invalid(
            _("%(value)s is more than the largest allowed, %(max)s.")
            % {"value": value, "max": _MAX_RENT_EUR}
        )
    return int((value * 100).quantize(_ONE, rounding=ROUND_HALF_UP))


def euros(cents: int | None) -> Decimal | None:
    """Cents as euros, exactly, for files that show money in euros."""
    return None if cents is None else Decimal(cents).scaleb(-2)


_USES = frozenset(ShopCategory.values)
_USES_LISTING = ", ".join(ShopCategory.values)
_USE_SEPARATORS = re.compile(r"[|,]")


def _uses(raw: object) -> tuple[str, ...]:
    if raw is None or raw == "":
        return ()
    if isinstance(raw, list):
        parts = [as_text(part) for part in raw]
    else:
        parts = _USE_SEPARATORS.split(as_text(raw))
    codes = {part.strip().lower() for part in parts if part.strip()}
    unknown = sorted(codes - _USES)
    if unknown:
        raise Invalid(
            _("%(values)s: not a known use. Use codes from: %(codes)s, separated by “|”.")
            % {"values": ", ".join(f"“{code}”" for code in unknown), "codes": _USES_LISTING}
        )
    return tuple(sorted(codes))


@dataclass(frozen=True)
class Column:
    """Where one field of a UnitRecord stands in a file."""

    name: str  # in the header, or the GeoJSON property
    attribute: str  # of UnitRecord, and of Unit if `on_unit`
    read: Callable[[object], object]  # a cell to the clean value; raises Invalid
    write: Callable[[Any], object] | None  # the value to what the file shows, if not itself
    on_unit: bool


def _column(
    read: Callable[[object], object],
    *,
    name: str = "",
    write: Callable[[Any], object] | None = None,
    on_unit: bool = True,
) -> dict:
    """The metadata of a UnitRecord field held in the column `name` (its own name if not given)."""
    return {"column": (name, read, write, on_unit)}


@dataclass(frozen=True)
class UnitRecord:
    """One checked unit from a file (or for a file), with the row it came from."""

    row: int
    external_id: str = field(metadata=_column(text(64, required=True)))
    street: str = field(metadata=_column(text(120, required=True)))
    house_number: str = field(metadata=_column(text(20)))
    postcode: str = field(metadata=_column(text(20)))
    # Empty in a file: the checker makes it from the street and house number.
    display_address: str = field(metadata=_column(text(200), name="address"))
    latitude: Decimal = field(metadata=_column(_coordinate(90)))
    longitude: Decimal = field(metadata=_column(_coordinate(180)))
    floor_area_m2: Decimal = field(metadata=_column(_floor_area))
    frontage_m: Decimal | None = field(metadata=_column(_frontage))
    floor: str = field(metadata=_column(code(Floor.values, default=Floor.GROUND.value)))
    previous_use: str = field(metadata=_column(code(ShopCategory.values, default="")))
    # A tuple here (records are frozen); a list on a Unit.
    permitted_uses: tuple[str, ...] = field(metadata=_column(_uses))
    condition: str = field(metadata=_column(code(Condition.values, default=Condition.READY.value)))
    step_free_access: bool = field(metadata=_column(flag))
    has_power: bool = field(metadata=_column(flag, name="power"))
    has_water: bool = field(metadata=_column(flag, name="water"))
    has_heating: bool = field(metadata=_column(flag, name="heating"))
    asking_rent_cents_per_month: int | None = field(
        metadata=_column(_rent_cents, name="asking_rent_eur", write=euros)
    )
    notes: str = field(metadata=_column(text(2000)))
    listed_on: date | None = field(metadata=_column(date_value))
    # The unit's status on a day belongs to its history, not to the Unit.
    status: str | None = field(metadata=_column(code(Status.values, default=None), on_unit=False))
    status_on: date | None = field(metadata=_column(date_value, on_unit=False))


def _columns() -> tuple[Column, ...]:
    columns = []
    for record_field in fields(UnitRecord):
        if "column" in record_field.metadata:
            name, read, write, on_unit = record_field.metadata["column"]
            columns.append(
                Column(name or record_field.name, record_field.name, read, write, on_unit)
            )
    return tuple(columns)


# In the order of the files, which is also the order problems are found within a row.
UNIT_COLUMNS = _columns()
COLUMNS: tuple[str, ...] = tuple(column.name for column in UNIT_COLUMNS)
KNOWN_COLUMNS = frozenset(COLUMNS)
REQUIRED_COLUMNS = ("external_id", "street", "floor_area_m2", "latitude", "longitude")
# In GeoJSON the position comes from the Point geometry, not from properties.
REQUIRED_PROPERTIES = ("external_id", "street", "floor_area_m2")
# The fields a UnitRecord shares with a Unit, under the same names.
UNIT_FIELDS: tuple[str, ...] = tuple(column.attribute for column in UNIT_COLUMNS if column.on_unit)


def _empty_values() -> dict[str, object]:
    values = {}
    for column in UNIT_COLUMNS:
        try:
            values[column.name] = column.read(None)
        except Invalid:
            continue  # required: an empty cell is a problem to report
    return values


# What an empty cell means in each optional column.
EMPTY_VALUES = _empty_values()
_ATTRIBUTES_OF_COLUMNS = attrgetter(*(column.attribute for column in UNIT_COLUMNS))
_WRITES = tuple((index, column.write) for index, column in enumerate(UNIT_COLUMNS) if column.write)


def file_values(record: UnitRecord) -> list[object]:
    """The record's values in the order of COLUMNS, as a file shows them (rent in euros)."""
    values = list(_ATTRIBUTES_OF_COLUMNS(record))
    for index, write in _WRITES:
        values[index] = write(values[index])
    return values


def record_of(unit, *, row: int, status: str | None, status_on: date | None) -> UnitRecord:
    """A Unit (or anything with its fields) as a record, with its status on some day."""
    values = {name: getattr(unit, name) for name in UNIT_FIELDS}
    values["permitted_uses"] = tuple(sorted(unit.permitted_uses))
    return UnitRecord(row=row, status=status, status_on=status_on, **values)


def unit_values(record: UnitRecord) -> dict[str, object]:
    """The record's values as Unit fields, by name (its status is not one)."""
    values = {name: getattr(record, name) for name in UNIT_FIELDS}
    values["permitted_uses"] = list(record.permitted_uses)
    return values
