"""Units as GeoJSON Features: one shape for the export file, the JSON API and the public map.

Each output chooses its properties; the Feature around them (a Point at the unit's longitude
and latitude, in that order) is built here only. A property that several outputs carry has one
name and meaning in all of them: the name of the register's file column
(premises/formats/records.py, documented on the import page), so that the API's GeoJSON can be
imported back as it is and the public map reads the same words.
"""

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Protocol

from regrow.lib.dates import date_since
from regrow.premises.choices import Status


class Located(Protocol):
    latitude: Decimal
    longitude: Decimal


def unit_feature(unit: Located, properties: dict, *, feature_id: object = None) -> dict:
    """A GeoJSON Point Feature at the unit's position (a Unit or a UnitRecord)."""
    feature: dict = {"type": "Feature"}
    if feature_id is not None:
        feature["id"] = feature_id
    feature["geometry"] = {
        "type": "Point",
        "coordinates": [float(unit.longitude), float(unit.latitude)],
    }
    feature["properties"] = properties
    return feature


def feature_collection(features: Iterable[dict]) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def units_collection(
    units: Iterable[Located],
    properties: Callable[[Located], dict],
    *,
    with_ids: bool = False,
) -> dict:
    """A FeatureCollection of the units, each with `properties(unit)` (and its pk as Feature id)."""
    return feature_collection(
        unit_feature(unit, properties(unit), feature_id=unit.pk if with_ids else None)
        for unit in units
    )


# The Unit's (and the JSON API's) field names that the files name otherwise.
FILE_NAMES = {
    "display_address": "address",
    "has_power": "power",
    "has_water": "water",
    "has_heating": "heating",
    "asking_rent_cents_per_month": "asking_rent_eur",
    "status_since": "status_on",
}


def euros(cents: int | None) -> float | None:
    return None if cents is None else cents / 100


def file_named(values: dict) -> dict:
    """A unit's values under the Unit's names, renamed (and rent in euros) as the files have
    them, numbers as JSON numbers, days in ISO form and empty text as null (as the files
    write them); other names are kept."""
    named = {}
    for name, value in values.items():
        if name == "asking_rent_cents_per_month":
            value = euros(value)
        elif isinstance(value, Decimal):
            value = float(value)
        elif isinstance(value, date):
            value = value.isoformat()
        elif value == "":
            value = None
        named[FILE_NAMES.get(name, name)] = value
    return named


def public_properties(unit) -> dict:
    """What anyone may see of an offered unit on the map: no owner, no notes, no ids of files.

    Reads only selectors.PUBLIC_UNIT_FIELDS, the `status_now` annotation and the
    `available_since` day that selectors.public_units adds.
    """
    since = unit.available_since
    return {
        "id": unit.pk,
        "address": unit.display_address,
        "floor_area_m2": float(unit.floor_area_m2),
        # Codes as in the files, and the words for people beside them.
        "floor": unit.floor,
        "floor_label": unit.get_floor_display(),
        "condition": unit.condition,
        "condition_label": unit.get_condition_display(),
        "permitted_uses": unit.permitted_uses,
        "permitted_use_labels": [str(label) for label in unit.permitted_use_labels],
        "step_free_access": unit.step_free_access,
        "asking_rent_eur": euros(unit.asking_rent_cents_per_month),
        "status": unit.status_now,
        "status_label": str(Status(unit.status_now).label),
        "available_since": since.isoformat() if since else None,
        "available_since_text": date_since(since) if since else "",
    }
