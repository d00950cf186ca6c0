"""What anyone may see: the units a town offers for use, on a map and as a list. No owner data."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from regrow.premises import features, selectors
from regrow.towns.models import Town


def public_map(request: HttpRequest, town: Town) -> HttpResponse:
    units = selectors.public_units(town, town.today())
    context = {"place": town, "town": town, "section": "map", "units": units}
    return render(request, "premises/public_map.html", context)


def public_units_geojson(request: HttpRequest, slug: str) -> JsonResponse:
    """The map's data: a FeatureCollection of the offered units, with public fields only."""
    town = get_object_or_404(Town, slug=slug)
    units = selectors.public_units(town, town.today(), with_photos=False)
    # GeoJSON's own media type (RFC 7946), which map libraries and validators expect.
    return JsonResponse(
        features.units_collection(units, features.public_properties),
        content_type="application/geo+json",
    )
