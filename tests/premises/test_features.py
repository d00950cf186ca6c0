"""One GeoJSON Feature shape for the export file, the API and the public map (no database)."""

from datetime import date
from decimal import Decimal

from regrow.premises.features import (
    feature_collection,
    public_properties,
    unit_feature,
    units_collection,
)
from regrow.premises.formats import UnitRecord
from regrow.premises.models import Unit


def offered_unit(pk: int, **fields) -> Unit:
    values = {
        "pk": pk,
        "external_id": f"A{pk}",
        "street": "Pils iela",
        "display_address": f"Pils iela {pk}",
        "latitude": Decimal("57.422700"),
        "longitude": Decimal("27.046100"),
        "floor_area_m2": Decimal("45.50"),
        "floor": "upper",
        "condition": "needs_work",
        "permitted_uses": ["fashion"],
        "asking_rent_cents_per_month": 15050,
        "notes": "Owner Ilze wants a quiet tenant.",
    }
    values.update(fields)
    unit = Unit(**values)
    unit.status_now = "vacant"
    unit.available_since = date(2026, 3, 1)
    return unit


def test_a_feature_is_a_point_at_longitude_then_latitude():
    feature = unit_feature(offered_unit(7), {"a": 1})
    assert feature == {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [27.0461, 57.4227]},
        "properties": {"a": 1},
    }


def test_a_feature_id_comes_before_the_geometry_when_given():
    feature = unit_feature(offered_unit(7), {}, feature_id=7)
    assert list(feature) == ["type", "id", "geometry", "properties"]
    assert feature["id"] == 7


def test_records_from_files_are_placed_the_same_way():
    record = UnitRecord(
        row=2, external_id="A1", street="Pils iela", house_number="", postcode="",
        display_address="Pils iela", latitude=Decimal("-33.868820"),
        longitude=Decimal("151.209296"), floor_area_m2=Decimal(1), frontage_m=None,
        floor="ground", previous_use="", permitted_uses=(), condition="ready",
        step_free_access=False, has_power=False, has_water=False, has_heating=False,
        asking_rent_cents_per_month=None, notes="", listed_on=None, status=None, status_on=None,
    )  # fmt: skip
    coordinates = unit_feature(record, {})["geometry"]["coordinates"]
    assert coordinates == [151.209296, -33.86882]


def test_a_collection_holds_features_in_order_with_ids_only_when_asked():
    units = [offered_unit(1), offered_unit(2)]
    plain = units_collection(units, lambda unit: {"n": unit.pk})
    assert plain["type"] == "FeatureCollection"
    assert [feature["properties"]["n"] for feature in plain["features"]] == [1, 2]
    assert all("id" not in feature for feature in plain["features"])
    with_ids = units_collection(units, lambda unit: {}, with_ids=True)
    assert [feature["id"] for feature in with_ids["features"]] == [1, 2]
    assert feature_collection([]) == {"type": "FeatureCollection", "features": []}


def test_public_properties_show_labels_and_euros_and_nothing_private():
    properties = public_properties(offered_unit(3))
    assert properties == {
        "id": 3,
        "address": "Pils iela 3",
        "floor_area_m2": 45.5,
        "floor": "upper",
        "floor_label": "Upper floor",
        "condition": "needs_work",
        "condition_label": "Needs work",
        "permitted_uses": ["fashion"],
        "permitted_use_labels": ["Clothing and shoes"],
        "step_free_access": False,
        "asking_rent_eur": 150.5,
        "status": "vacant",
        "status_label": "Vacant",
        "available_since": "2026-03-01",
        "available_since_text": "since 1 March 2026",
    }
    assert (
        public_properties(offered_unit(4, asking_rent_cents_per_month=None))["asking_rent_eur"]
        is None
    )
