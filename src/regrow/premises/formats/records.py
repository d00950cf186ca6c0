"""A unit as a row of a file: its columns, and how each column's cell becomes a clean value."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Invalid
from regrow.lib.tabular.values import as_text, code, date_value, flag, number, shown, text
from regrow.premises.choices import Condition, Floor, ShopCategory, Status


@dataclass(frozen=True)
class UnitRecord:
    """One checked unit from a file (or for a file), with the row it came from."""

    row: int
    external_id: str
    street: str
    house_number: str
    postcode: str
    display_address: str
    latitude: Decimal
    longitude: Decimal
    floor_area_m2: Decimal
    frontage_m: Decimal | None
    floor: str
    previous_use: str
    permitted_uses: tuple[str, ...]
    condition: str
    step_free_access: bool
    has_power: bool
    has_water: bool
    has_heating: bool
    asking_rent_cents_per_month: int | None
    notes: str
    listed_on: date | None
    status: str | None
    status_on: date | None


COLUMNS: tuple[str, ...] = (
    "external_id",
    "street",
    "house_number",
    "postcode",
    "address",
    "latitude",
    "longitude",
    "floor_area_m2",
    "frontage_m",
    "floor",
    "previous_use",
    "permitted_uses",
    "condition",
    "step_free_access",
    "power",
    "water",
    "heating",
    "asking_rent_eur",
    "notes",
    "listed_on",
    "status",
    "status_on",
)
KNOWN_COLUMNS = frozenset(COLUMNS)
REQUIRED_COLUMNS = ("external_id", "street", "floor_area_m2", "latitude", "longitude")
# In GeoJSON the position comes from the Point geometry, not from properties.
REQUIRED_PROPERTIES = ("external_id", "street", "floor_area_m2")

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


# Column name -> converter, in the order problems are found within a row.
CONVERTERS: dict[str, Callable[[object], object]] = {
    "external_id": text(64, required=True),
    "street": text(120, required=True),
    "house_number": text(20),
    "postcode": text(20),
    "address": text(200),
    "latitude": _coordinate(90),
    "longitude": _coordinate(180),
    "floor_area_m2": _floor_area,
    "frontage_m": _frontage,
    "floor": code(Floor.values, default=Floor.GROUND.value),
    "previous_use": code(ShopCategory.values, default=""),
    "permitted_uses": _uses,
    "condition": code(Condition.values, default=Condition.READY.value),
    "step_free_access": flag,
    "power": flag,
    "water": flag,
    "heating": flag,
    "asking_rent_eur": _rent_cents,
    "notes": text(2000),
    "listed_on": date_value,
    "status": code(Status.values, default=None),
    "status_on": date_value,
}


def _empty_values() -> dict[str, object]:
    values = {}
    for column, convert in CONVERTERS.items():
        try:
            values[column] = convert(None)
        except Invalid:
            continue  # required: an empty cell is a problem to report
    return values


# What an empty cell means in each optional column.
EMPTY_VALUES = _empty_values()
