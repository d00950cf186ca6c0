"""The register as GeoJSON: a FeatureCollection of Points, one unit each, columns as properties."""

import json
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Problems, rejected
from regrow.lib.tabular.reading import column_key, pausing_cycle_collection
from regrow.premises.features import feature_collection, unit_feature
from regrow.premises.formats.checker import REPORTED, UnitChecker
from regrow.premises.formats.records import (
    KNOWN_COLUMNS,
    REQUIRED_PROPERTIES,
    UnitRecord,
    euros,
)

_UNSEEN = object()
_JSON_NUMBERS = frozenset({int, Decimal})


def _reject_constant(name: str) -> object:
    raise ValueError(name)  # NaN and Infinity are not JSON, and not places


def features_of(data: bytes, *, parse_float: Callable[[str], object]) -> list:
    """The `features` of a GeoJSON FeatureCollection, or ImportRejected saying what is wrong."""
    try:
        document = json.loads(data, parse_float=parse_float, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise rejected(
            _(
                "The file is not valid JSON: the problem is at line %(line)s, column %(column)s. "
                "Export it again, or check it with a GeoJSON validator."
            )
            % {"line": error.lineno, "column": error.colno}
        ) from None
    except (ValueError, RecursionError):
        raise rejected(
            _("The file is not valid JSON in UTF-8. Export it again as GeoJSON.")
        ) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise rejected(
            _("The file is not a GeoJSON FeatureCollection. Export the layer as GeoJSON.")
        )
    features = document.get("features")
    if not isinstance(features, list):
        raise rejected(_("The FeatureCollection has no list of “features”."))
    return features


def _known_values(properties: dict, names: dict) -> dict[str, object]:
    """The properties that are known columns, by their normalised names (`names` caches these)."""
    values: dict[str, object] = {}
    for key, value in properties.items():
        column = names.get(key, _UNSEEN)
        if column is _UNSEEN:
            name = column_key(key)
            column = names[key] = name if name in KNOWN_COLUMNS else None
        if column is not None and column not in values:
            values[column] = value
    return values


def _point(row: int, geometry: object, problems: Problems) -> tuple[object, object]:
    """The (latitude, longitude) of a Point geometry, or REPORTED twice after a problem."""
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        problems.add(
            row,
            "geometry",
            _("The feature has no Point geometry; every unit needs a point where it is."),
        )
        return REPORTED, REPORTED
    coordinates = geometry.get("coordinates")
    if isinstance(coordinates, list) and len(coordinates) == 2:
        longitude, latitude = coordinates
        # Exact types: JSON true and false are ints to isinstance, but no coordinates.
        if type(longitude) in _JSON_NUMBERS and type(latitude) in _JSON_NUMBERS:
            return latitude, longitude
    problems.add(
        row,
        "geometry",
        _("The point's coordinates must be two numbers: [longitude, latitude]."),
    )
    return REPORTED, REPORTED


@pausing_cycle_collection
def read_geojson(
    data: bytes,
    *,
    filename: str = "",
    today: date,
    centre: tuple[Decimal, Decimal] | None = None,
    max_distance_km: float = 50.0,
) -> list[UnitRecord]:
    """Every unit in a GeoJSON FeatureCollection, or ImportRejected listing every problem."""
    # Decimal keeps coordinates exactly as written; binary floats would not.
    features = features_of(data, parse_float=Decimal)
    problems = Problems()
    names: dict = {}
    rows: list[tuple[int, dict[str, object]]] = []
    for row, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            problems.add(row, "file", _("This feature is not a GeoJSON Feature object."))
            continue
        properties = feature.get("properties")
        if properties is None:
            properties = {}
        elif not isinstance(properties, dict):
            problems.add(row, "properties", _("The feature's properties must be an object."))
            properties = {}
        values = _known_values(properties, names)
        values["latitude"], values["longitude"] = _point(row, feature.get("geometry"), problems)
        rows.append((row, values))
    missing = [
        column
        for column in REQUIRED_PROPERTIES
        if rows and not any(column in values for _row, values in rows)
    ]
    for column in missing:
        problems.add(1, column, _("The file has no “%(column)s” property.") % {"column": column})
    if missing:
        # Without a whole property there is no point checking feature after feature for it.
        problems.raise_if_any()
    checker = UnitChecker(
        problems=problems, today=today, centre=centre, max_distance_km=max_distance_km
    )
    records = []
    for row, values in rows:
        record = checker.check(row, values)
        if record is not None:
            records.append(record)
    problems.raise_if_any()
    return records


def _json_number(value: Decimal | None) -> float | None:
    # Exact: every register value has at most 9 significant digits, which floats print back.
    return None if value is None else float(value)


def _properties(record: UnitRecord) -> dict:
    return {
        "external_id": record.external_id,
        "street": record.street,
        "house_number": record.house_number or None,
        "postcode": record.postcode or None,
        "address": record.display_address or None,
        "floor_area_m2": _json_number(record.floor_area_m2),
        "frontage_m": _json_number(record.frontage_m),
        "floor": record.floor or None,
        "previous_use": record.previous_use or None,
        "permitted_uses": list(record.permitted_uses),
        "condition": record.condition or None,
        "step_free_access": record.step_free_access,
        "power": record.has_power,
        "water": record.has_water,
        "heating": record.has_heating,
        "asking_rent_eur": _json_number(euros(record.asking_rent_cents_per_month)),
        "notes": record.notes or None,
        "listed_on": record.listed_on.isoformat() if record.listed_on else None,
        "status": record.status or None,
        "status_on": record.status_on.isoformat() if record.status_on else None,
    }


def write_geojson(records: Iterable[UnitRecord]) -> bytes:
    """The records as a GeoJSON FeatureCollection in UTF-8, with typed properties."""
    document = feature_collection(unit_feature(record, _properties(record)) for record in records)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
