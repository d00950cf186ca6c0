"""The API takes what its OpenAPI document says it takes: JSON's types and ISO dates, no more."""

import json
import re

import pytest
from pydantic import ValidationError

from regrow.api.main import api
from regrow.api.premises import StatusIn, UnitIn, UnitPatch
from tests.premises.conftest import make_unit

UNIT = {
    "external_id": "A1",
    "street": "Pils iela",
    "latitude": "57.4227",
    "longitude": 27.0461,
    "floor_area_m2": 45,
}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("has_power", 1), ("has_power", "yes"), ("offered_publicly", "true"),
        ("asking_rent_cents_per_month", True), ("asking_rent_cents_per_month", "100"),
        ("asking_rent_cents_per_month", 100.0),
        ("latitude", "1e1"), ("latitude", " 57.4"), ("latitude", True), ("latitude", "NaN"),
        ("listed_on", 0), ("listed_on", "0"), ("listed_on", "2024-01-01T00:00:00"),
    ],
)  # fmt: skip
def test_what_pydantic_would_coerce_is_refused_naming_the_field(field, value):
    with pytest.raises(ValidationError) as refused:
        UnitIn.model_validate({**UNIT, field: value})
    assert refused.value.errors()[0]["loc"][0] == field


def test_json_types_and_plain_numbers_and_iso_dates_are_taken():
    unit = UnitIn.model_validate(
        {**UNIT, "has_power": True, "asking_rent_cents_per_month": 100, "listed_on": "2024-01-02"}
    )
    assert (str(unit.latitude), str(unit.longitude), unit.floor_area_m2) == (
        "57.4227",
        "27.0461",
        45,
    )
    assert unit.listed_on.isoformat() == "2024-01-02"
    assert StatusIn.model_validate({"status": "vacant", "effective_on": "2024-01-02"})
    with pytest.raises(ValidationError):
        UnitPatch.model_validate({"version": True})


def test_the_documented_number_pattern_is_the_one_enforced():
    schema = api.get_openapi_schema()["components"]["schemas"]["UnitIn"]["properties"]["latitude"]
    pattern = schema["anyOf"][1]["pattern"]
    assert schema["anyOf"][0] == {"type": "number"}
    for text, accepted in [("57.4227", True), ("-1", True), (".5", True), ("1e5", False)]:
        try:
            UnitIn.model_validate({**UNIT, "latitude": text})
        except ValidationError:
            taken = False
        else:
            taken = True
        assert taken is accepted
        assert bool(re.fullmatch(pattern, text)) is accepted


def test_a_timestamp_for_a_date_is_a_422(client, coordinator, aluksne):
    client.force_login(coordinator)
    response = client.get("/api/towns/aluksne/vacancy/series", {"first": "0"})
    assert response.status_code == 422
    unit = make_unit(aluksne.town, "A1")
    response = client.patch(
        f"/api/towns/aluksne/units/{unit.pk}",
        json.dumps({"version": 1, "has_power": 1}),
        "application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "has_power"
