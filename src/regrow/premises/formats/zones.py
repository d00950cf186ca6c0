"""Named zones (a town centre, a high street) from a GeoJSON file of polygons."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from shapely.errors import GEOSException
from shapely.geometry import shape
from shapely.validation import explain_validity

from regrow.lib.tabular.problems import Invalid, Problems
from regrow.lib.tabular.values import text
from regrow.premises.formats.geojson import features_of


@dataclass(frozen=True)
class ZoneRecord:
    """One checked zone from a file, with its position in the file."""

    row: int
    name: str
    geometry: dict


def _zone_geometry(geometry: object) -> dict:
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        raise Invalid(_("A zone must be a GeoJSON Polygon or MultiPolygon."))
    try:
        polygon = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, GEOSException):
        raise Invalid(_("The zone's coordinates cannot be read.")) from None
    if polygon.is_empty or not polygon.is_valid:
        raise Invalid(
            _("The zone's outline crosses itself or encloses no area (%(reason)s).")
            % {"reason": explain_validity(polygon) if not polygon.is_empty else "empty"}
        )
    min_x, min_y, max_x, max_y = polygon.bounds
    if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
        raise Invalid(_("The zone's coordinates are outside longitude and latitude ranges."))
    return {"type": geometry["type"], "coordinates": geometry["coordinates"]}


_zone_name = text(120, required=True)


def read_zones(data: bytes) -> list[ZoneRecord]:
    """Named zones from a GeoJSON FeatureCollection of polygons; all or nothing, like units."""
    # Plain floats: the geometry is stored as JSON, which cannot hold Decimals.
    features = features_of(data, parse_float=float)
    problems = Problems()
    first_row_of: dict[str, int] = {}
    records = []
    for row, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            problems.add(row, "file", _("This feature is not a GeoJSON Feature object."))
            continue
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            properties = {}
        by_name = {str(key).strip().lower(): value for key, value in properties.items()}
        name = geometry = None
        try:
            name = _zone_name(by_name.get("name"))
        except Invalid as problem:
            problems.add(row, "name", problem.message)
        try:
            geometry = _zone_geometry(feature.get("geometry"))
        except Invalid as problem:
            problems.add(row, "geometry", problem.message)
        if name and first_row_of.setdefault(name, row) != row:
            problems.add(
                row,
                "name",
                _("“%(name)s” is also used in row %(first)s; every zone needs its own name.")
                % {"name": name, "first": first_row_of[name]},
            )
        elif name and geometry:
            records.append(ZoneRecord(row=row, name=name, geometry=geometry))
    problems.raise_if_any()
    return records
