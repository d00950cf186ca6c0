"""The register as GeoJSON: a FeatureCollection of Points, one unit each, columns as properties."""

import json
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Unpack

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Problems, rejected
from regrow.lib.tabular.reading import column_key, pausing_cycle_collection
from regrow.premises.features import feature_collection, unit_feature
from regrow.premises.formats.checker import REPORTED, Checks, UnitChecker, UnitRecords
from regrow.premises.formats.records import (
    COLUMNS,
    KNOWN_COLUMNS,
    REQUIRED_PROPERTIES,
    UnitRecord,
    file_values,
    header,
    header_aliases,
    titles,
)
from regrow.premises.formats.words import ENGLISH

_UNSEEN = object()
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_JSON_NUMBERS = frozenset({int, Decimal})
# Records a problem the reader found: (row, field, message).
_Report = Callable[[int, str, str], None]


def _reject_constant(name: str) -> object:
    raise ValueError(name)  # NaN and Infinity are not JSON, and not places


def features_of(data: bytes, *, parse_float: Callable[[str], object]) -> Iterator[object]:
    """The `features` of a GeoJSON FeatureCollection, or ImportRejected saying what is wrong.

    Each feature is parsed only when it is reached, so a large file never stands in memory as
    one tree of objects (100,000 units made 250 MB of it). A problem with the file as a whole
    may therefore come after some features: callers collect theirs, and this one wins.
    """
    try:
        text = data.decode(json.detect_encoding(data), "surrogatepass")
        decoder = json.JSONDecoder(parse_float=parse_float, parse_constant=_reject_constant)
        collection = yield from _collection(text, decoder)
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
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise rejected(
            _("The file is not a GeoJSON FeatureCollection. Export the layer as GeoJSON.")
        )
    if collection.get("features") is not _STREAMED:
        raise rejected(_("The FeatureCollection has no list of “features”."))


# Stands for the list of features in what _collection returns: its items went one by one.
_STREAMED = object()


def _collection(text: str, decoder: json.JSONDecoder) -> Generator[object, None, object]:
    """Yield the items of the top-level object's "features" list one by one, then return the
    document with _STREAMED in their place. Anything but an object is decoded whole."""
    position = _space(text, 0)
    if not text.startswith("{", position):
        document, position = decoder.raw_decode(text, position)
        _end(text, position)
        return document
    document: dict[str, object] = {}
    position = _space(text, position + 1)
    if text.startswith("}", position):
        _end(text, position + 1)
        return document
    while True:
        if not text.startswith('"', position):
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, position
            )
        key, position = decoder.raw_decode(text, position)
        position = _space(text, position)
        if not text.startswith(":", position):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, position)
        position = _space(text, position + 1)
        if key == "features" and key not in document and text.startswith("[", position):
            position = yield from _items(text, position, decoder)
            document[key] = _STREAMED
        else:
            # A second "features" replaces _STREAMED, and the file is refused.
            document[key], position = decoder.raw_decode(text, position)
        position = _space(text, position)
        if text.startswith("}", position):
            _end(text, position + 1)
            return document
        if not text.startswith(",", position):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
        position = _space(text, position + 1)


def _items(text: str, position: int, decoder: json.JSONDecoder) -> Generator[object, None, int]:
    """Yield the items of the list that starts at `position`; return where it ends."""
    position = _space(text, position + 1)
    if text.startswith("]", position):
        return position + 1
    while True:
        item, position = decoder.raw_decode(text, position)
        yield item
        position = _space(text, position)
        if text.startswith("]", position):
            return position + 1
        if not text.startswith(",", position):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
        position = _space(text, position + 1)


def _space(text: str, position: int) -> int:
    return _WHITESPACE.match(text, position).end()


def _end(text: str, position: int) -> None:
    position = _space(text, position)
    if position != len(text):
        raise json.JSONDecodeError("Extra data", text, position)


class _Properties:
    """Which column each property is, whatever language the file names them in, and the name
    the file first gives each column."""

    def __init__(self) -> None:
        self.aliases = header_aliases()
        self.columns: dict[str, str | None] = {}  # property name -> column (cached)
        self.names: dict[str, str] = {}  # column -> property name, as the file spells it

    def known_values(self, properties: dict) -> dict[str, object]:
        """The properties that are known columns, by column."""
        values: dict[str, object] = {}
        for key, value in properties.items():
            column = self.columns.get(key, _UNSEEN)
            if column is _UNSEEN:
                column = self.aliases.get(column_key(key))
                column = self.columns[key] = column if column in KNOWN_COLUMNS else None
                if column is not None:
                    self.names.setdefault(column, str(key).strip())
            if column is not None and column not in values:
                values[column] = value
        return values


def _point(row: int, geometry: object, report: _Report) -> tuple[object, object]:
    """The (latitude, longitude) of a Point geometry, or REPORTED twice after a problem."""
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        report(
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
    report(
        row,
        "geometry",
        _("The point's coordinates must be two numbers: [longitude, latitude]."),
    )
    return REPORTED, REPORTED


def _values(row: int, feature: object, names: _Properties, report: _Report) -> dict | None:
    """The feature's values by column, or None if it is no feature at all."""
    if not isinstance(feature, dict):
        report(row, "file", _("This feature is not a GeoJSON Feature object."))
        return None
    properties = feature.get("properties")
    if properties is None:
        properties = {}
    elif not isinstance(properties, dict):
        report(row, "properties", _("The feature's properties must be an object."))
        properties = {}
    values = names.known_values(properties)
    values["latitude"], values["longitude"] = _point(row, feature.get("geometry"), report)
    return values


@pausing_cycle_collection
def read_geojson(
    data: bytes,
    *,
    filename: str = "",
    **checks: Unpack[Checks],
) -> UnitRecords:
    """Every unit in a GeoJSON FeatureCollection, or ImportRejected listing every problem.

    Each feature is checked as it is parsed, and only its record kept (see features_of).
    """
    problems = Problems()
    # The reader's own problems, kept apart too: if a required property is missing from every
    # feature, they are reported with that alone, not with the same problem in every row.
    file_problems = Problems()

    def report(row: int, field: str, message: str) -> None:
        problems.add(row, field, message)
        file_problems.add(row, field, message)

    names = _Properties()
    # The checker reads the names as the file's properties come.
    checker = UnitChecker(problems=problems, names=names.names, **checks)
    unseen = set(REQUIRED_PROPERTIES)
    any_features, records = False, UnitRecords(names=names.names)
    # Decimal keeps coordinates exactly as written; binary floats would not.
    for row, feature in enumerate(features_of(data, parse_float=Decimal), start=1):
        values = _values(row, feature, names, report)
        if values is None:
            continue
        any_features = True
        if unseen:
            unseen.difference_update(values)
        record = checker.check(row, values)
        if record is not None:
            records.append(record)
    missing = [column for column in REQUIRED_PROPERTIES if column in unseen] if any_features else []
    shown = titles()
    for column in missing:
        message = _("The file has no “%(title)s” property (or “%(column)s”).")
        file_problems.add(1, column, message % {"title": shown[column], "column": column})
    if missing:
        file_problems.raise_if_any()
    problems.raise_if_any()
    return records


# Every column but the position, which is the Point geometry's.
_PROPERTIES = tuple(
    index for index, column in enumerate(COLUMNS) if column not in {"latitude", "longitude"}
)


def _text_or_null(value: str) -> str | None:
    return value or None


# A file value as JSON, by its type: numbers as numbers, dates in ISO form, empty text as null.
# (Exact for numbers: every register value has at most 9 significant digits, which floats print
# back.) Other values (true, false, null) are JSON as they are.
_AS_JSON = {Decimal: float, str: _text_or_null, tuple: list, date: date.isoformat}


def _properties(record: UnitRecord, names: list[tuple[int, str]], language: str) -> dict:
    values = file_values(record, language)
    properties = {}
    for index, name in names:
        value = values[index]
        as_json = _AS_JSON.get(type(value))
        properties[name] = value if as_json is None else as_json(value)
    return properties


def write_geojson(records: Iterable[UnitRecord], language: str = ENGLISH) -> bytes:
    """The records as a GeoJSON FeatureCollection in UTF-8, with typed properties named (and
    codes written) in `language`."""
    shown = header(language)
    names = [(index, shown[index]) for index in _PROPERTIES]
    document = feature_collection(
        unit_feature(record, _properties(record, names, language)) for record in records
    )
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
