"""Zones of a town: named areas drawn on the map or read from a GeoJSON file."""

from django.db import transaction

from regrow.premises.formats import read_zones
from regrow.premises.models import Zone
from regrow.premises.services.permissions import require_coordinator
from regrow.towns.models import Town


@transaction.atomic
def zone_save(*, town: Town, name: str, geometry: dict, by) -> Zone:
    require_coordinator(by, town)
    zone = Zone.objects.filter(town=town, name=name).first() or Zone(town=town, name=name)
    zone.geometry = geometry
    zone.full_clean()
    zone.save()
    return zone


@transaction.atomic
def zones_import(*, town: Town, data: bytes, by) -> list[Zone]:
    """Create or replace the zones of a GeoJSON file by name; all or nothing."""
    require_coordinator(by, town)
    return [
        zone_save(town=town, name=record.name, geometry=record.geometry, by=by)
        for record in read_zones(data)
    ]
