"""What anyone may see: the units a town offers for use, on a map and as a list. No owner data."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from regrow.premises import selectors
from regrow.towns.models import Town


def public_map(request: HttpRequest, town: Town) -> HttpResponse:
    units = selectors.public_units(town, town.today())
    context = {"place": town, "town": town, "section": "map", "units": units}
    return render(request, "premises/public_map.html", context)


def public_units_geojson(request: HttpRequest, slug: str) -> JsonResponse:
    """The map's data: a FeatureCollection of the offered units, with public fields only."""
    town = get_object_or_404(Town, slug=slug)
    units = selectors.public_units(town, town.today(), with_photos=False)
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(unit.longitude), float(unit.latitude)],
            },
            "properties": {
                "id": unit.pk,
                "address": unit.display_address,
                "floor_area_m2": float(unit.floor_area_m2),
                "floor": unit.get_floor_display(),
                "condition": unit.get_condition_display(),
                "permitted_uses": unit.permitted_uses,
                "permitted_use_labels": [str(label) for label in unit.permitted_use_labels],
                "step_free_access": unit.step_free_access,
                "asking_rent_eur": None
                if unit.asking_rent_cents_per_month is None
                else unit.asking_rent_cents_per_month / 100,
                "status": unit.status_now,
            },
        }
        for unit in units
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})
