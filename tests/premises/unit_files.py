"""Files of units for the format tests: valid rows, and CSV, GeoJSON and XLSX made from them."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest

from regrow.premises import formats
from regrow.premises.formats import (
    COLUMNS,
    ImportRejected,
    RowError,
    UnitRecord,
)
from tests.lib.tabular.files import xlsx_file  # noqa: F401 - the format tests take it from here

TODAY = date(2026, 11, 25)
ALUKSNE = (Decimal("57.4244"), Decimal("27.0467"))

# The smallest valid row: every other column is optional.
VALID_ROW = {
    "external_id": "ALU-1",
    "street": "Pils iela",
    "house_number": "5",
    "latitude": "57.4227",
    "longitude": "27.0461",
    "floor_area_m2": "45",
}


def make_record(**changes) -> UnitRecord:
    values = {
        "row": 2,
        "external_id": "ALU-1",
        "street": "Pils iela",
        "house_number": "5",
        "postcode": "LV-4301",
        "display_address": "Pils iela 5",
        "latitude": Decimal("57.422700"),
        "longitude": Decimal("27.046100"),
        "floor_area_m2": Decimal("45.50"),
        "frontage_m": Decimal("6.20"),
        "floor": "ground",
        "previous_use": "grocery",
        "permitted_uses": ("crafts_gifts", "food_drink"),
        "condition": "ready",
        "step_free_access": True,
        "has_power": True,
        "has_water": False,
        "has_heating": True,
        "asking_rent_cents_per_month": 15050,
        "notes": "Shop window faces the square.",
        "listed_on": date(2024, 1, 2),
        "status": "vacant",
        "status_on": date(2025, 3, 4),
    }
    values.update(changes)
    return UnitRecord(**values)


def csv_file(*rows: dict, delimiter: str = ",", columns=COLUMNS) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def feature(coordinates=(27.0461, 57.4227), **properties) -> dict:
    values = {key: VALID_ROW[key] for key in ("external_id", "street", "house_number")}
    values["floor_area_m2"] = 45
    values.update(properties)
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": list(coordinates)},
        "properties": values,
    }


def geojson_file(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def read_csv(data: bytes, **options) -> list[UnitRecord]:
    return formats.read_csv(data, today=TODAY, centre=ALUKSNE, **options)


def read_geojson(data: bytes) -> list[UnitRecord]:
    return formats.read_geojson(data, today=TODAY, centre=ALUKSNE)


def errors_of(read, *args, **kwargs) -> list[RowError]:
    with pytest.raises(ImportRejected) as rejected:
        read(*args, **kwargs)
    return rejected.value.errors


def where(errors: list[RowError]) -> list[tuple[int, str]]:
    return [(error.row, error.field) for error in errors]
