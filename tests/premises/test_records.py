"""One list of a unit's columns (UnitRecord) serves the files, the register, form and API."""

import dataclasses
from datetime import date
from decimal import Decimal

from regrow.api.premises import UnitIn, UnitPatch
from regrow.premises.formats.records import (
    COLUMNS,
    UNIT_COLUMNS,
    UNIT_FIELDS,
    UnitRecord,
    file_values,
    record_of,
    unit_values,
)
from regrow.premises.forms import UnitForm
from regrow.premises.models import Unit
from tests.premises.unit_files import make_record


def test_every_field_of_a_record_but_its_row_is_a_column_in_file_order():
    attributes = [column.attribute for column in UNIT_COLUMNS]
    assert attributes == [field.name for field in dataclasses.fields(UnitRecord)][1:]
    assert COLUMNS[:5] == ("external_id", "street", "house_number", "postcode", "address")
    renamed = {
        column.name: column.attribute for column in UNIT_COLUMNS if column.name != column.attribute
    }
    assert renamed == {
        "address": "display_address",
        "power": "has_power",
        "water": "has_water",
        "heating": "has_heating",
        "asking_rent_eur": "asking_rent_cents_per_month",
        "owner": "owner_name",
    }


def test_every_column_but_the_status_and_owner_is_a_unit_field_of_the_same_name():
    attributes = [column.attribute for column in UNIT_COLUMNS]
    not_on_unit = {"status", "status_on", "owner_name"}
    assert list(UNIT_FIELDS) == [name for name in attributes if name not in not_on_unit]
    for name in UNIT_FIELDS:
        assert Unit._meta.get_field(name).attname == name


def test_a_new_unit_field_is_in_the_files_unless_only_the_register_keeps_it():
    register_only = {"id", "town", "owner", "offered_publicly", "version"}
    stored = {field.name for field in Unit._meta.concrete_fields if not field.generated}
    assert stored - register_only == set(UNIT_FIELDS)


def test_a_file_shows_the_rent_in_euros_and_everything_else_as_it_is():
    record = make_record(asking_rent_cents_per_month=15050, frontage_m=None)
    values = dict(zip(COLUMNS, file_values(record), strict=True))
    assert values["asking_rent_eur"] == Decimal("150.50")
    assert values["address"] == "Pils iela 5"
    assert values["power"] is True
    assert values["frontage_m"] is None
    assert values["permitted_uses"] == ("crafts_gifts", "food_drink")
    assert values["status_on"] == date(2025, 3, 4)


def test_a_unit_becomes_a_record_and_its_values_come_back_unchanged():
    unit = Unit(**unit_values(make_record()))
    unit.permitted_uses = ["food_drink", "crafts_gifts"]  # as a form may store them

    record = record_of(unit, row=7, status="vacant", status_on=date(2025, 1, 1))

    assert record == make_record(row=7, status="vacant", status_on=date(2025, 1, 1))
    assert unit_values(record) == {
        **{name: getattr(unit, name) for name in UNIT_FIELDS},
        "permitted_uses": ["crafts_gifts", "food_drink"],
    }


def test_the_api_takes_every_unit_field_of_the_files_and_whether_it_is_offered():
    assert list(UnitIn.model_fields) == [*UNIT_FIELDS, "offered_publicly"]


def test_a_patch_may_change_every_field_but_the_external_id_and_listing_day():
    assert list(UnitPatch.model_fields) == [
        "version",
        *(name for name in UnitIn.model_fields if name not in {"external_id", "listed_on"}),
    ]
    assert UnitPatch.model_fields["version"].is_required()
    optional = [field for name, field in UnitPatch.model_fields.items() if name != "version"]
    assert all(not field.is_required() and field.default is None for field in optional)
    assert UnitPatch(version=3, notes="x").model_dump(exclude_unset=True) == {
        "version": 3,
        "notes": "x",
    }


def test_the_unit_form_asks_for_every_unit_field_of_the_files_with_the_rent_in_euros():
    described = set(UnitForm._meta.fields)
    assert described == set(UNIT_FIELDS) - {"asking_rent_cents_per_month"} | {
        "owner",
        "offered_publicly",
    }
    assert "asking_rent_eur" in UnitForm.base_fields
