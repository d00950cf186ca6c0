"""The columns of a file of units as the import page lists them, in the page's language."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regrow.premises.formats.records import REQUIRED_COLUMNS, UNIT_COLUMNS, Column
from regrow.premises.formats.words import ENGLISH, in_english, listing, wording


@dataclass(frozen=True)
class ColumnGuide:
    """One column: its title in the page's language, its name in English files, whether a
    file must have it, and what it takes."""

    title: str
    name: str
    required: bool
    values: str


def _number(example: str) -> str:
    return number_format(Decimal(example))


def _descriptions() -> dict[str, str]:
    """What each column takes, in the active language (codes are added from the choices)."""
    date = _("A date, as YYYY-MM-DD or DD.MM.YYYY, not after today.")
    words = wording(ENGLISH if in_english() else get_language(), ())
    flag = _("%(yes)s or %(no)s; empty means %(no)s.") % {"yes": words.yes, "no": words.no}
    return {
        "external_id": _(
            "Your own identifier of the unit, at most 64 characters. An import updates the unit "
            "with the same identifier, or adds a new one."
        ),
        "street": _("Text, at most 120 characters."),
        "house_number": _("Text, at most 20 characters, such as 12a."),
        "postcode": _("Text, at most 20 characters."),
        "address": _("Text, at most 200 characters. If empty: the street and house number."),
        "latitude": _("Degrees, such as %(example)s. In GeoJSON files, the point instead.")
        % {"example": _number("57.4227")},
        "longitude": _("Degrees, such as %(example)s. In GeoJSON files, the point instead.")
        % {"example": _number("27.0461")},
        "floor_area_m2": _("Square metres, more than 0, such as %(example)s.")
        % {"example": _number("45.5")},
        "frontage_m": _("Metres, more than 0, or empty."),
        "floor": _("One of: %(codes)s. If empty: %(default)s."),
        "previous_use": _("One of: %(codes)s, or empty."),
        "permitted_uses": _("Any of: %(codes)s, separated by “|”."),
        "condition": _("One of: %(codes)s. If empty: %(default)s."),
        "step_free_access": flag,
        "power": flag,
        "water": flag,
        "heating": flag,
        "asking_rent_eur": _("Euros a month, such as %(example)s, or empty.")
        % {"example": _number("150.50")},
        "notes": _("Text, at most 2000 characters."),
        "listed_on": date
        + " "
        + _("If empty, a new unit is listed from its status date or today."),
        "status": _("One of: %(codes)s, or empty (the status stays as it is)."),
        "status_on": date + " " + _("If empty: today."),
        "owner": _("Exported for coordinators; an import leaves each unit's owner as it is."),
    }


def _values(column: Column, description: str) -> str:
    if column.choices is None:
        return description
    default = column.read(None) if column.read else None
    if default and not in_english():
        default = dict(column.choices.choices)[default]
    return description % {"codes": listing(column.choices), "default": default}


def column_guide() -> list[ColumnGuide]:
    """Every column of a file of units, described in the active language."""
    descriptions = _descriptions()
    return [
        ColumnGuide(
            title=str(column.title),
            name=column.name,
            required=column.name in REQUIRED_COLUMNS,
            values=_values(column, descriptions[column.name]),
        )
        for column in UNIT_COLUMNS
    ]
