from datetime import date
from decimal import Decimal

import pytest

from regrow.premises.choices import Source
from regrow.premises.models import Owner, StatusChange, Unit
from regrow.towns.models import Role


def make_unit(town, external_id: str, street: str = "Pils iela", **fields) -> Unit:
    values = {
        "house_number": "1",
        "display_address": f"{street} {external_id}",
        "latitude": Decimal("57.4227"),
        "longitude": Decimal("27.0461"),
        "floor_area_m2": Decimal("45.00"),
        "listed_on": date(2023, 1, 1),
        "asking_rent_cents_per_month": 20_000,
    }
    values.update(fields)
    unit = Unit(town=town, external_id=external_id, street=street, **values)
    unit.full_clean()
    unit.save()
    return unit


def add_status(unit, status: str, on: date) -> StatusChange:
    return StatusChange.objects.create(
        unit=unit, status=status, effective_on=on, source=Source.SURVEY
    )


@pytest.fixture
def owner_with_unit(aluksne, altena):
    """Alūksne's property owner owns one unit; another owner owns a neighbour and one in Altena."""
    own = Owner.objects.create(
        town=aluksne.town, name="Ilze", user=aluksne.people[Role.PROPERTY_OWNER]
    )
    other = Owner.objects.create(town=aluksne.town, name="Jānis")
    return {
        "mine": make_unit(aluksne.town, "ALU-1", owner=own),
        "neighbour": make_unit(aluksne.town, "ALU-2", owner=other),
        "altena": make_unit(
            altena.town, "ALT-1", latitude=Decimal("51.2982"), longitude=Decimal("7.6715")
        ),
    }
