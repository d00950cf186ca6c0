"""Zones as shapely polygons, and which units lie inside them."""

from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _
from shapely import contains_xy
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry


class GeometryError(ValueError):
    pass


def polygon_from_geojson(geometry: dict) -> BaseGeometry:
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        raise GeometryError(_("A zone must be a GeoJSON Polygon or MultiPolygon."))
    try:
        polygon = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError) as error:
        raise GeometryError(_("The zone's coordinates cannot be read.")) from error
    if polygon.is_empty or not polygon.is_valid:
        raise GeometryError(_("The zone's outline crosses itself or encloses no area."))
    min_x, min_y, max_x, max_y = polygon.bounds
    if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
        raise GeometryError(_("The zone's coordinates are outside longitude and latitude ranges."))
    return polygon


def ids_inside(polygon: BaseGeometry, points: Iterable[tuple[int, Decimal, Decimal]]) -> set[int]:
    """The ids of the (id, latitude, longitude) points that lie inside `polygon`, vectorised."""
    points = list(points)
    if not points:
        return set()
    longitudes = [float(lon) for _id, _lat, lon in points]
    latitudes = [float(lat) for _id, lat, _lon in points]
    inside = contains_xy(polygon, longitudes, latitudes)
    return {point[0] for point, is_inside in zip(points, inside, strict=True) if is_inside}
