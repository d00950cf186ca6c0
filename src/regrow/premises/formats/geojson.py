"""The register as GeoJSON: a FeatureCollection of Points, one unit each, columns as properties."""

import json
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Unpack

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Problems, rejected
from regrow.lib.tabular.reading import column_key, pausing_cycle_collection
from regrow.premises.features import feature_collection, unit_feature
from regrow.premises.formats.checker import REPORTED, Checks, check_rows
from regrow.premises.formats.records import (
    COLUMNS,
    KNOWN_COLUMNS,
    REQUIRED_PROPERTIES,
    UnitRecord,
    file_values,
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
    **checks: Unpack[Checks],
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
    return check_rows(rows, problems, **checks)


# Every column but the position, which is the Point geometry's: (index, name).
_PROPERTIES = tuple(
    (index, column)
    for index, column in enumerate(COLUMNS)
    if column not in {"latitude", "longitude"}
)


def _text_or_null(value: str) -> str | None:
    return value or None


# A file value as JSON, by its type: numbers as numbers, dates in ISO form, empty text as null.
# (Exact for numbers: every register value has at most 9 significant digits, which floats print
# back.) Other values (true, false, null) are JSON as they are.
_AS_JSON = {Decimal: float, str: _text_or_null, tuple: list, date: date.isoformat}


def _properties(record: UnitRecord) -> dict:
    values = file_values(record)
    properties = {}
    for index, column in _PROPERTIES:
        value = values[index]
        as_json = _AS_JSON.get(type(value))
        properties[column] = value if as_json is None else as_json(value)
    return properties


def write_geojson(records: Iterable[UnitRecord]) -> bytes:
    """The records as a GeoJSON FeatureCollection in UTF-8, with typed properties."""
    document = feature_collection(unit_feature(record, _properties(record)) for record in records)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
