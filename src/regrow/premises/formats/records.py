"""A unit as a row of a file: its columns, how a cell becomes a clean value, and the Unit fields.

UnitRecord is the one list of a unit's columns. Each of its fields (but `row`) names its column,
its title in people's languages, and how a cell becomes its value; the checker, the CSV, XLSX
and GeoJSON writers, the export of the register, the import and the import page's list of
columns all follow it. A new column is one line there (and a Unit field).
"""

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter
from typing import Any

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext_lazy

from regrow.lib.tabular.problems import Invalid
from regrow.lib.tabular.values import date_value, number, shown, text
from regrow.premises.choices import Condition, Floor, ShopCategory, Status
from regrow.premises.formats.words import (
    ENGLISH,
    Wording,
    choice,
    flag,
    in_english,
    per_offered_languages,
    several,
    word_map,
    wording,
)

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


@dataclass(frozen=True)
class Column:
    """Where one field of a UnitRecord stands in a file."""

    name: str  # in the header of an English file, or the GeoJSON property
    attribute: str  # of UnitRecord, and of Unit if `on_unit`
    title: Promise  # in the header of a file in another language, and on the import page
    read: Callable[[object], object] | None  # a cell to the clean value; None: never imported
    write: Callable[[Any], object] | None  # the value to what the file shows, if not itself
    on_unit: bool
    choices: type[TextChoices] | None  # whose labels a file in another language writes


def _column(
    read: Callable[[object], object] | None,
    *,
    title: Promise,
    name: str = "",
    write: Callable[[Any], object] | None = None,
    on_unit: bool = True,
    choices: type[TextChoices] | None = None,
) -> dict:
    """The metadata of a UnitRecord field held in the column `name` (its own name if not given)."""
    return {"column": (name, title, read, write, on_unit, choices)}


@dataclass(frozen=True)
class UnitRecord:
    """One checked unit from a file (or for a file), with the row it came from."""

    row: int
    external_id: str = field(
        metadata=_column(text(64, required=True), title=pgettext_lazy("file column", "External id"))
    )
    street: str = field(
        metadata=_column(text(120, required=True), title=pgettext_lazy("file column", "Street"))
    )
    house_number: str = field(
        metadata=_column(text(20), title=pgettext_lazy("file column", "House number"))
    )
    postcode: str = field(
        metadata=_column(text(20), title=pgettext_lazy("file column", "Postcode"))
    )
    # Empty in a file: the checker makes it from the street and house number.
    display_address: str = field(
        metadata=_column(text(200), name="address", title=pgettext_lazy("file column", "Address"))
    )
    latitude: Decimal = field(
        metadata=_column(_coordinate(90), title=pgettext_lazy("file column", "Latitude"))
    )
    longitude: Decimal = field(
        metadata=_column(_coordinate(180), title=pgettext_lazy("file column", "Longitude"))
    )
    floor_area_m2: Decimal = field(
        metadata=_column(_floor_area, title=pgettext_lazy("file column", "Floor area, m²"))
    )
    frontage_m: Decimal | None = field(
        metadata=_column(_frontage, title=pgettext_lazy("file column", "Frontage, m"))
    )
    floor: str = field(
        metadata=_column(
            choice(Floor, default=Floor.GROUND.value),
            title=pgettext_lazy("file column", "Floor"),
            choices=Floor,
        )
    )
    previous_use: str = field(
        metadata=_column(
            choice(ShopCategory, default=""),
            title=pgettext_lazy("file column", "Previous use"),
            choices=ShopCategory,
        )
    )
    # A tuple here (records are frozen); a list on a Unit.
    permitted_uses: tuple[str, ...] = field(
        metadata=_column(
            several(ShopCategory),
            title=pgettext_lazy("file column", "Permitted uses"),
            choices=ShopCategory,
        )
    )
    condition: str = field(
        metadata=_column(
            choice(Condition, default=Condition.READY.value),
            title=pgettext_lazy("file column", "Condition"),
            choices=Condition,
        )
    )
    step_free_access: bool = field(
        metadata=_column(flag, title=pgettext_lazy("file column", "Step-free access"))
    )
    has_power: bool = field(
        metadata=_column(flag, name="power", title=pgettext_lazy("file column", "Power"))
    )
    has_water: bool = field(
        metadata=_column(flag, name="water", title=pgettext_lazy("file column", "Water"))
    )
    has_heating: bool = field(
        metadata=_column(flag, name="heating", title=pgettext_lazy("file column", "Heating"))
    )
    asking_rent_cents_per_month: int | None = field(
        metadata=_column(
            _rent_cents,
            name="asking_rent_eur",
            write=euros,
            title=pgettext_lazy("file column", "Asking rent, EUR a month"),
        )
    )
    notes: str = field(metadata=_column(text(2000), title=pgettext_lazy("file column", "Notes")))
    listed_on: date | None = field(
        metadata=_column(date_value, title=pgettext_lazy("file column", "In the register since"))
    )
    # The unit's status on a day belongs to its history, not to the Unit.
    status: str | None = field(
        metadata=_column(
            choice(Status, default=None),
            on_unit=False,
            title=pgettext_lazy("file column", "Status"),
            choices=Status,
        )
    )
    status_on: date | None = field(
        metadata=_column(
            date_value, on_unit=False, title=pgettext_lazy("file column", "Status since")
        )
    )
    # Exported for the coordinators, never imported: a name is no safe key to an owner.
    owner_name: str = field(
        default="",
        metadata=_column(
            None, name="owner", on_unit=False, title=pgettext_lazy("file column", "Owner")
        ),
    )


def _columns() -> tuple[Column, ...]:
    columns = []
    for record_field in fields(UnitRecord):
        if "column" in record_field.metadata:
            name, title, read, write, on_unit, choices = record_field.metadata["column"]
            name = name or record_field.name
            columns.append(Column(name, record_field.name, title, read, write, on_unit, choices))
    return tuple(columns)


# In the order of the files, which is also the order problems are found within a row.
UNIT_COLUMNS = _columns()
COLUMNS: tuple[str, ...] = tuple(column.name for column in UNIT_COLUMNS)
# The columns an import reads.
READ_COLUMNS = tuple(column for column in UNIT_COLUMNS if column.read is not None)
KNOWN_COLUMNS = frozenset(column.name for column in READ_COLUMNS)
REQUIRED_COLUMNS = ("external_id", "street", "floor_area_m2", "latitude", "longitude")
# In GeoJSON the position comes from the Point geometry, not from properties.
REQUIRED_PROPERTIES = ("external_id", "street", "floor_area_m2")
# The fields a UnitRecord shares with a Unit, under the same names.
UNIT_FIELDS: tuple[str, ...] = tuple(column.attribute for column in UNIT_COLUMNS if column.on_unit)


def _empty_values() -> dict[str, object]:
    values = {}
    for column in READ_COLUMNS:
        try:
            values[column.name] = column.read(None)
        except Invalid:
            continue  # required: an empty cell is a problem to report
    return values


# What an empty cell means in each optional column.
EMPTY_VALUES = _empty_values()
_ATTRIBUTES_OF_COLUMNS = attrgetter(*(column.attribute for column in UNIT_COLUMNS))
_WRITES = tuple((index, column.write) for index, column in enumerate(UNIT_COLUMNS) if column.write)


_CHOICES = tuple(
    dict.fromkeys(column.choices for column in UNIT_COLUMNS if column.choices is not None)
)
_LABELLED = tuple(
    (index, column.choices) for index, column in enumerate(UNIT_COLUMNS) if column.choices
)


def file_values(record: UnitRecord, language: str = ENGLISH) -> list[object]:
    """The record's values in the order of COLUMNS, as a file shows them (rent in euros), with
    codes as a file in `language` writes them (English: the codes)."""
    values = list(_ATTRIBUTES_OF_COLUMNS(record))
    for index, write in _WRITES:
        values[index] = write(values[index])
    if language != ENGLISH:
        labels = wording(language, _CHOICES).labels
        for index, choices in _LABELLED:
            value, label = values[index], labels[choices]
            if isinstance(value, tuple):
                values[index] = tuple(label[code] for code in value)
            elif value:
                values[index] = label[value]
    return values


_header_words = per_offered_languages(
    lambda languages: word_map(((column.name, column.title) for column in READ_COLUMNS), languages)
)


def header_aliases() -> dict[str, str]:
    """Every header an import takes (column names, and titles in every offered language), as
    lib.tabular.reading.column_key spells it, and its column's name."""
    return _header_words().codes


def titles() -> dict[str, str]:
    """How the active language names each column, by column name (in English, by its name)."""
    if in_english():
        return {column.name: column.name for column in UNIT_COLUMNS}
    return {column.name: str(column.title) for column in UNIT_COLUMNS}


def header(language: str = ENGLISH) -> list[str]:
    """The header of a file in `language`: the column names in English, else their titles."""
    if language == ENGLISH:
        return list(COLUMNS)
    with override(language):
        return [str(column.title) for column in UNIT_COLUMNS]


def file_wording(language: str) -> Wording:
    """How a file in `language` writes codes, yes and no, and numbers."""
    return wording(language, _CHOICES)


def record_of(
    unit, *, row: int, status: str | None, status_on: date | None, owner_name: str = ""
) -> UnitRecord:
    """A Unit (or anything with its fields) as a record, with its status on some day."""
    values = {name: getattr(unit, name) for name in UNIT_FIELDS}
    values["permitted_uses"] = tuple(sorted(unit.permitted_uses))
    return UnitRecord(
        row=row, status=status, status_on=status_on, owner_name=owner_name or "", **values
    )


def unit_values(record: UnitRecord) -> dict[str, object]:
    """The record's values as Unit fields, by name (its status is not one)."""
    values = {name: getattr(record, name) for name in UNIT_FIELDS}
    values["permitted_uses"] = list(record.permitted_uses)
    return values
