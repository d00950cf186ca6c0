"""Reading and writing the register as GeoJSON, CSV and XLSX: readers, round trips, writers."""

import csv
import dataclasses
import io
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from regrow.premises import formats
from regrow.premises.formats import (
    COLUMNS,
    Format,
    ZoneRecord,
)
from tests.premises.unit_files import (
    ALUKSNE,
    TODAY,
    VALID_ROW,
    csv_file,
    errors_of,
    feature,
    geojson_file,
    make_record,
    read_csv,
    read_geojson,
    where,
    xlsx_file,
)

# --- Happy paths ----------------------------------------------------------------------------


def test_csv_rows_become_records_with_defaults_filled_in():
    data = csv_file(
        VALID_ROW,
        {
            **VALID_ROW,
            "external_id": "ALU-2",
            "street": "Dārza iela",
            "house_number": "",
            "address": "Dārza iela, courtyard",
            "permitted_uses": "food_drink | crafts_gifts|food_drink",
            "power": "Jā",
            "asking_rent_eur": "150.50",
            "listed_on": "02.01.2024",
            "status": "vacant",
            "status_on": "2025-03-04",
        },
    )

    first, second = read_csv(data)

    assert first.row == 2
    assert first.display_address == "Pils iela 5"
    assert first.latitude == Decimal("57.422700")
    assert first.floor_area_m2 == Decimal("45.00")
    assert (first.floor, first.condition, first.previous_use) == ("ground", "ready", "")
    assert first.permitted_uses == ()
    assert not (first.step_free_access or first.has_power or first.has_water)
    assert (first.frontage_m, first.asking_rent_cents_per_month) == (None, None)
    assert (first.listed_on, first.status, first.status_on) == (None, None, None)
    assert second.row == 3
    assert second.display_address == "Dārza iela, courtyard"
    assert second.permitted_uses == ("crafts_gifts", "food_drink")
    assert second.has_power is True
    assert second.asking_rent_cents_per_month == 15050
    assert second.listed_on == date(2024, 1, 2)
    assert (second.status, second.status_on) == ("vacant", date(2025, 3, 4))


def test_geojson_features_become_records_with_the_point_as_position():
    data = geojson_file(
        feature(
            coordinates=(27.0461, 57.4227),
            latitude=1,  # position properties are ignored: the point is what counts
            longitude=2,
            permitted_uses=["office", "arts_culture"],
            step_free_access=True,
            water="no",
            frontage_m=6.2,
            asking_rent_eur=150,
        ),
        feature(
            coordinates=(27.0502, 57.4251),
            external_id="ALU-2",
            street="Helēnas iela",
            permitted_uses="services|books_media",
            status="occupied",
        ),
    )

    first, second = read_geojson(data)

    assert (first.row, second.row) == (1, 2)
    assert (first.latitude, first.longitude) == (Decimal("57.4227"), Decimal("27.0461"))
    assert first.permitted_uses == ("arts_culture", "office")
    assert (first.step_free_access, first.has_water) == (True, False)
    assert first.frontage_m == Decimal("6.20")
    assert first.asking_rent_cents_per_month == 15000
    assert second.street == "Helēnas iela"
    assert second.permitted_uses == ("books_media", "services")
    assert (second.status, second.status_on) == ("occupied", None)


def test_xlsx_rows_become_records_from_real_numeric_and_date_cells():
    header = [
        "External_ID ",
        "street",
        "house_number",
        "latitude",
        "longitude",
        "floor_area_m2",
        "asking_rent_eur",
        "listed_on",
        "status",
        "status_on",
        "heating",
        "Owner's notes",
    ]
    data = xlsx_file(
        header,
        ["ALU-1", "Merķeļa iela", 12, 57.4227, 27.0461, 45.5,
         150.5, datetime(2024, 1, 2), "let", date(2025, 3, 4), True, "ignored"],
        [1001, "Pils iela", "3a", "57,4251", "27,0502", "30",
         "", "2024-01-02", None, None, "no", None],
    )  # fmt: skip

    first, second = formats.read_xlsx(data, today=TODAY, centre=ALUKSNE)

    assert first.row == 2
    assert first.house_number == "12"
    assert (first.latitude, first.longitude) == (Decimal("57.4227"), Decimal("27.0461"))
    assert first.floor_area_m2 == Decimal("45.50")
    assert first.asking_rent_cents_per_month == 15050
    assert first.listed_on == date(2024, 1, 2)
    assert (first.status, first.status_on) == ("let", date(2025, 3, 4))
    assert first.has_heating is True
    assert second.row == 3
    assert second.external_id == "1001"
    assert second.latitude == Decimal("57.4251")
    assert second.asking_rent_cents_per_month is None


def test_read_units_picks_the_reader_by_content_and_name():
    csv_data = csv_file(VALID_ROW)
    geojson_data = geojson_file(feature())
    xlsx_data = xlsx_file(list(VALID_ROW), list(VALID_ROW.values()))

    for data, filename in [
        (csv_data, "units.csv"),
        (geojson_data, "units.geojson"),
        (geojson_data, "export.csv"),  # the content says JSON, whatever the name
        (xlsx_data, "units"),
    ]:
        records = formats.read_units(data, filename=filename, today=TODAY, centre=ALUKSNE)
        assert [record.external_id for record in records] == ["ALU-1"]


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"PK\x03\x04rest", "", Format.XLSX),
        (b'\xef\xbb\xbf \n {"type": "FeatureCollection"}', "", Format.GEOJSON),
        (b"external_id,street", "units.CSV", Format.CSV),
        (b"external_id,street", "units.txt", Format.CSV),
        (b"[]", "units.json", Format.GEOJSON),
        (b"anything", "units.geojson", Format.GEOJSON),
        (b"anything", "units.xlsx", Format.XLSX),
    ],
)
def test_format_is_detected_by_content_first_then_by_extension(data, filename, expected):
    assert formats.detect_format(data, filename) is expected


def test_unknown_format_is_rejected_for_the_whole_file():
    errors = errors_of(formats.detect_format, b"external_id,street", "units.pdf")
    assert where(errors) == [(0, "file")]


def test_old_xls_files_are_rejected_with_advice_to_save_as_xlsx():
    errors = errors_of(formats.detect_format, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1...", "units.xls")
    assert where(errors) == [(0, "file")]
    assert ".xlsx" in errors[0].message


# --- Round trips ----------------------------------------------------------------------------

ROUND_TRIP_RECORDS = [
    make_record(),
    make_record(
        external_id="ALU-2",
        street="Tirgotāju iela",
        house_number="",
        postcode="",
        display_address="Tirgotāju iela",
        latitude=Decimal("-33.868820"),
        longitude=Decimal("151.209296"),
        floor_area_m2=Decimal("99999.99"),
        frontage_m=None,
        floor="basement",
        previous_use="",
        permitted_uses=(),
        condition="needs_work",
        step_free_access=False,
        has_power=False,
        has_heating=False,
        asking_rent_cents_per_month=None,
        notes="",
        listed_on=None,
        status=None,
        status_on=None,
    ),
    make_record(
        external_id="ALU-3",
        street="Merķeļa iela",
        display_address='Merķeļa iela 7, "Zelta" courtyard; ground floor',
        latitude=Decimal("0.000001"),
        longitude=Decimal("-0.100000"),
        floor_area_m2=Decimal("0.01"),
        frontage_m=Decimal("9999.99"),
        floor="upper",
        permitted_uses=tuple(sorted(["office", "other", "second_hand", "sports_leisure"])),
        condition="unusable",
        has_water=True,
        asking_rent_cents_per_month=0,
        notes=(
            '=SUM(A1:A2) "quoted", with commas; semicolons\n'
            "and a second line: ā č ē ģ ī ķ ļ ņ š ū ž"
        ),
        status="popup",
        status_on=None,
    ),
    make_record(
        external_id="1001",
        house_number="12",
        asking_rent_cents_per_month=123456789,
        listed_on=date(2026, 11, 25),
        status="partly_vacant",
        status_on=date(2026, 11, 25),
    ),
]


@pytest.mark.parametrize("file_format", list(Format))
def test_written_records_read_back_equal(file_format):
    data = formats.write_units(ROUND_TRIP_RECORDS, file_format)

    records = formats.read_units(data, filename=f"units.{file_format}", today=TODAY)

    assert [dataclasses.replace(record, row=0) for record in records] == [
        dataclasses.replace(record, row=0) for record in ROUND_TRIP_RECORDS
    ]


@pytest.mark.parametrize("file_format", list(Format))
def test_an_empty_register_round_trips(file_format):
    data = formats.write_units([], file_format)
    assert formats.read_units(data, filename=f"units.{file_format}", today=TODAY) == []


# --- Writers --------------------------------------------------------------------------------


def test_csv_export_is_utf8_with_bom_and_plain_values():
    data = formats.write_csv([make_record()])

    assert data.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(header) == COLUMNS
    values = dict(zip(header, row, strict=True))
    assert values["latitude"] == "57.422700"
    assert values["permitted_uses"] == "crafts_gifts|food_drink"
    assert values["step_free_access"] == "yes"
    assert values["water"] == "no"
    assert values["asking_rent_eur"] == "150.50"
    assert values["listed_on"] == "2024-01-02"


def test_csv_export_leaves_missing_values_empty():
    record = make_record(
        frontage_m=None,
        asking_rent_cents_per_month=None,
        status=None,
        status_on=None,
        listed_on=None,
    )
    _header, row = list(csv.reader(io.StringIO(formats.write_csv([record]).decode("utf-8-sig"))))
    values = dict(zip(COLUMNS, row, strict=True))
    empty = ("frontage_m", "asking_rent_eur", "status", "status_on", "listed_on")
    assert [values[name] for name in empty] == [""] * len(empty)


def test_geojson_export_is_a_feature_collection_of_points_with_typed_properties():
    record = make_record(house_number="", frontage_m=None)

    document = json.loads(formats.write_geojson([record]))

    assert document["type"] == "FeatureCollection"
    (exported,) = document["features"]
    assert exported["geometry"] == {"type": "Point", "coordinates": [27.0461, 57.4227]}
    properties = exported["properties"]
    assert "latitude" not in properties
    assert set(properties) == set(COLUMNS) - {"latitude", "longitude"}
    assert properties["floor_area_m2"] == 45.5
    assert properties["asking_rent_eur"] == 150.5
    assert properties["permitted_uses"] == ["crafts_gifts", "food_drink"]
    assert properties["step_free_access"] is True
    assert properties["listed_on"] == "2024-01-02"
    assert properties["house_number"] is None
    assert properties["frontage_m"] is None


def test_xlsx_export_has_a_units_sheet_with_typed_cells():
    data = formats.write_xlsx([make_record(notes="=1+1")])

    sheet = load_workbook(io.BytesIO(data))["units"]
    header, row = ([cell.value for cell in line] for line in sheet.iter_rows(max_row=2))
    assert tuple(header) == COLUMNS
    values = dict(zip(header, row, strict=True))
    assert values["latitude"] == pytest.approx(57.4227)
    assert values["floor_area_m2"] == pytest.approx(45.5)
    assert values["asking_rent_eur"] == pytest.approx(150.5)
    assert values["listed_on"] == datetime(2024, 1, 2)
    assert values["power"] == "yes"
    # Text that looks like a formula stays text: spreadsheets must not run it.
    assert values["notes"] == "=1+1"
    assert sheet.cell(row=2, column=COLUMNS.index("notes") + 1).data_type == "s"


# --- Zones ----------------------------------------------------------------------------------

SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[27.04, 57.42], [27.05, 57.42], [27.05, 57.43], [27.04, 57.43], [27.04, 57.42]]
    ],
}
BOW_TIE = {
    "type": "Polygon",
    "coordinates": [
        [[27.04, 57.42], [27.05, 57.43], [27.05, 57.42], [27.04, 57.43], [27.04, 57.42]]
    ],
}


def zone(name, geometry) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": {"name": name}}


def test_zones_are_read_from_polygons_and_multipolygons():
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]}

    zones = formats.read_zones(geojson_file(zone("Centre", SQUARE), zone(" Old town ", multi)))

    assert zones == [
        ZoneRecord(row=1, name="Centre", geometry=SQUARE),
        ZoneRecord(row=2, name="Old town", geometry=multi),
    ]


def test_a_self_intersecting_zone_is_rejected():
    errors = errors_of(
        formats.read_zones, geojson_file(zone("Centre", SQUARE), zone("Bow tie", BOW_TIE))
    )
    assert where(errors) == [(2, "geometry")]
    assert "crosses itself" in errors[0].message


@pytest.mark.parametrize(
    ("broken", "field"),
    [
        (zone("", SQUARE), "name"),
        (zone("x" * 121, SQUARE), "name"),
        (zone("Centre", SQUARE), "name"),  # the same name twice
        (zone("Point", {"type": "Point", "coordinates": [27.04, 57.42]}), "geometry"),
        (zone("Words", {"type": "Polygon", "coordinates": [["a", "b"]]}), "geometry"),
        (zone("Far", {"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [0, 1], [0, 0]]]}),
         "geometry"),
    ],
)  # fmt: skip
def test_broken_zones_are_reported_at_their_position(broken, field):
    errors = errors_of(formats.read_zones, geojson_file(zone("Centre", SQUARE), broken))
    assert where(errors) == [(2, field)]


def test_csv_export_keeps_formulas_from_running_and_round_trips():
    from regrow.premises.formats import read_csv, write_csv

    record = read_csv(
        (
            b"external_id,street,latitude,longitude,floor_area_m2,notes\n"
            b'F1,Pils iela,57.4227,27.0461,45,"=HYPERLINK(""http://x.example"")"\n'
        ),
        today=date(2026, 11, 25),
    )[0]
    assert record.notes.startswith("=HYPERLINK")
    exported = write_csv([record]).decode("utf-8-sig")
    assert ",\"'=HYPERLINK(" in exported
    again = read_csv(exported.encode("utf-8"), today=date(2026, 11, 25))[0]
    assert again.notes == record.notes


def test_csv_export_escapes_a_leading_tab_or_carriage_return_and_round_trips():
    from regrow.premises.formats import read_csv, write_csv

    record = read_csv(
        b"external_id,street,latitude,longitude,floor_area_m2\nF1,Pils iela,57.4227,27.0461,45\n",
        today=date(2026, 11, 25),
    )[0]
    for notes in ["\t=1+1", "\r=1+1"]:
        exported = write_csv([dataclasses.replace(record, notes=notes)]).decode("utf-8-sig")
        assert "'" + notes in exported
        again = read_csv(exported.encode("utf-8"), today=date(2026, 11, 25))[0]
        assert again.notes == notes
