"""Reading and writing the register as GeoJSON, CSV and XLSX: every row checked, all or nothing."""

import csv
import dataclasses
import io
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from regrow.premises import formats
from regrow.premises.formats import (
    COLUMNS,
    Format,
    ImportRejected,
    RowError,
    UnitRecord,
    ZoneRecord,
)

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


def xlsx_file(*rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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


# --- Validation rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [
        ("external_id", "", "required"),
        ("external_id", "x" * 65, "at most 64"),
        ("street", " ", "required"),
        ("street", "x" * 121, "at most 120"),
        ("house_number", "x" * 21, "at most 20"),
        ("postcode", "x" * 21, "at most 20"),
        ("address", "x" * 201, "at most 200"),
        ("notes", "x" * 2001, "at most 2000"),
        ("latitude", "", "required"),
        ("latitude", "north", "not a number"),
        ("latitude", "90.5", "-90 to 90"),
        ("longitude", "-180.1", "-180 to 180"),
        ("floor_area_m2", "", "required"),
        ("floor_area_m2", "0", "more than 0 m²"),
        ("floor_area_m2", "-12", "more than 0 m²"),
        ("floor_area_m2", "0.001", "more than 0 m²"),
        ("floor_area_m2", "100000", "largest allowed"),
        ("floor_area_m2", "1.234,5", "thousands"),
        ("floor_area_m2", "1 234", "not a number"),
        ("frontage_m", "0", "more than 0 m"),
        ("floor", "attic", "basement, ground, upper"),
        ("condition", "ruined", "ready, needs_work, unusable"),
        ("previous_use", "bakery", "food_drink"),
        ("permitted_uses", "food_drink|bakery", "“bakery”"),
        ("status", "closed", "occupied"),
        ("asking_rent_eur", "-1", "less than 0"),
        ("asking_rent_eur", "150 EUR", "not a number"),
        ("step_free_access", "maybe", "jā/nē"),
        ("power", "2", "yes/no"),
        ("listed_on", "2026-11-26", "in the future"),
        ("listed_on", "25/11/2026", "YYYY-MM-DD or DD.MM.YYYY"),
        ("listed_on", "31.02.2026", "not a real date"),
    ],
)
def test_a_bad_value_is_reported_with_its_row_and_column(column, value, says):
    data = csv_file(VALID_ROW, {**VALID_ROW, "external_id": "ALU-2", column: value})

    errors = errors_of(read_csv, data)

    assert where(errors) == [(3, column)]
    assert says in errors[0].message


def test_status_date_in_the_future_is_reported():
    data = csv_file({**VALID_ROW, "status": "vacant", "status_on": "2026-11-26"})
    errors = errors_of(read_csv, data)
    assert where(errors) == [(2, "status_on")]
    assert "in the future" in errors[0].message


def test_status_date_before_the_unit_was_listed_is_reported():
    data = csv_file(
        {**VALID_ROW, "listed_on": "2024-05-01", "status": "vacant", "status_on": "2024-04-30"}
    )
    errors = errors_of(read_csv, data)
    assert where(errors) == [(2, "status_on")]
    assert "before the unit was listed on 2024-05-01" in errors[0].message


def test_status_date_without_a_status_is_reported():
    data = csv_file({**VALID_ROW, "status_on": "2024-04-30"})
    assert where(errors_of(read_csv, data)) == [(2, "status_on")]


def test_status_without_a_date_is_accepted_and_dated_by_the_importer():
    data = csv_file({**VALID_ROW, "listed_on": "2026-11-25", "status": "Vacant"})
    (record,) = read_csv(data)
    assert (record.status, record.status_on) == ("vacant", None)


def test_swapped_latitude_and_longitude_is_reported_as_swapped():
    data = csv_file({**VALID_ROW, "latitude": "27.0461", "longitude": "57.4227"})

    errors = errors_of(read_csv, data)

    assert where(errors) == [(2, "latitude")]
    assert "swapped" in errors[0].message


def test_a_point_far_from_the_town_is_reported_without_calling_it_swapped():
    riga = {"latitude": "56.9496", "longitude": "24.1052"}

    errors = errors_of(read_csv, csv_file({**VALID_ROW, **riga}))

    assert where(errors) == [(2, "latitude")]
    assert "km from the town centre" in errors[0].message
    assert "swapped" not in errors[0].message


def test_distance_limit_can_be_widened_and_skipped_without_a_centre():
    riga = csv_file({**VALID_ROW, "latitude": "56.9496", "longitude": "24.1052"})
    assert formats.read_csv(riga, today=TODAY, centre=ALUKSNE, max_distance_km=250)
    assert formats.read_csv(riga, today=TODAY)


def test_duplicate_external_ids_point_to_the_first_use():
    data = csv_file(
        VALID_ROW,
        {**VALID_ROW, "external_id": "ALU-2"},
        VALID_ROW,
        VALID_ROW,
    )

    errors = errors_of(read_csv, data)

    assert where(errors) == [(4, "external_id"), (5, "external_id")]
    assert all("also used in row 2" in error.message for error in errors)


def test_every_bad_row_is_reported_not_just_the_first():
    data = csv_file(
        {**VALID_ROW, "external_id": "A", "floor_area_m2": "0"},
        {**VALID_ROW, "external_id": "B", "latitude": "x", "floor": "attic"},
        {**VALID_ROW, "external_id": "C"},
        {**VALID_ROW, "external_id": "D", "street": ""},
    )

    errors = errors_of(read_csv, data)

    assert where(errors) == [
        (2, "floor_area_m2"),
        (3, "floor"),
        (3, "latitude"),
        (5, "street"),
    ]


def test_a_file_full_of_problems_lists_the_first_thousand_and_counts_the_rest():
    rows = [{**VALID_ROW, "external_id": f"A{n}", "floor_area_m2": "0"} for n in range(1500)]

    errors = errors_of(read_csv, csv_file(*rows))

    assert len(errors) == 1001
    assert errors[0].row == 0
    assert "500 more" in errors[0].message


def test_rejection_sorts_errors_by_row_and_field():
    rejected = ImportRejected(
        [RowError(3, "street", "a"), RowError(2, "street", "b"), RowError(2, "floor", "c")]
    )
    assert where(rejected.errors) == [(2, "floor"), (2, "street"), (3, "street")]


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("yes", True), ("YES", True), ("true", True), ("1", True), ("y", True), ("jā", True),
        ("JĀ", True), ("ja", True), ("no", False), ("False", False), ("0", False), ("n", False),
        ("nē", False), ("nein", False), ("", False), (" ", False),
    ],
)  # fmt: skip
def test_yes_and_no_are_understood_in_several_languages(word, meaning):
    (record,) = read_csv(csv_file({**VALID_ROW, "water": word}))
    assert record.has_water is meaning


@pytest.mark.parametrize(
    ("written", "cents"), [("150", 15000), ("150.50", 15050), ("150,50", 15050), ("0", 0)]
)
def test_rent_is_read_from_euros_into_cents(written, cents):
    (record,) = read_csv(csv_file({**VALID_ROW, "asking_rent_eur": written}))
    assert record.asking_rent_cents_per_month == cents


def test_too_precise_numbers_are_rounded_to_the_register_precision():
    data = csv_file({**VALID_ROW, "latitude": "57.42271234", "floor_area_m2": "12.345"})
    (record,) = read_csv(data)
    assert record.latitude == Decimal("57.422712")
    assert record.floor_area_m2 == Decimal("12.35")


# --- CSV: columns, rows, delimiters, encodings ---------------------------------------------


def test_missing_required_columns_are_reported_once_each_without_checking_rows():
    columns = ("external_id", "street", "longitude")
    data = csv_file({"external_id": "", "street": "", "longitude": "x"}, columns=columns)

    errors = errors_of(read_csv, data)

    assert where(errors) == [(1, "floor_area_m2"), (1, "latitude")]
    assert errors[1].message == "The file has no “latitude” column."


def test_column_names_ignore_case_and_spaces_and_unknown_columns_are_ignored():
    text = (
        " External_ID ;STREET;Latitude ;longitude;Floor_Area_m2;Owner\n"
        "ALU-1;Pils iela;57.4227;27.0461;45;Jānis\n"
    )
    (record,) = read_csv(text.encode())
    assert (record.external_id, record.street) == ("ALU-1", "Pils iela")


def test_blank_lines_and_empty_rows_are_skipped_and_row_numbers_stay_physical():
    text = (
        "external_id,street,latitude,longitude,floor_area_m2\n"
        "ALU-1,Pils iela,57.4227,27.0461,45\n"
        "\n"
        ",,,,\n"
        "ALU-2,Dārza iela,57.4251,27.0502,0\n"
    )
    errors = errors_of(read_csv, text.encode())
    assert where(errors) == [(5, "floor_area_m2")]


def test_row_numbers_count_lines_inside_quoted_cells():
    text = (
        "external_id,street,latitude,longitude,floor_area_m2,notes\n"
        'ALU-1,Pils iela,57.4227,27.0461,45,"first line\nsecond line"\n'
        "ALU-2,Dārza iela,57.4251,27.0502,0,\n"
    )
    errors = errors_of(read_csv, text.encode())
    assert where(errors) == [(4, "floor_area_m2")]


def test_semicolon_files_accept_decimal_commas_and_comma_separated_uses():
    text = (
        "external_id;street;latitude;longitude;floor_area_m2;permitted_uses;asking_rent_eur\n"
        "ALU-1;Pils iela;57,4227;27,0461;12,5;office, services;99,90\n"
    )

    (record,) = read_csv(text.encode())

    assert (record.latitude, record.longitude) == (Decimal("57.4227"), Decimal("27.0461"))
    assert record.floor_area_m2 == Decimal("12.50")
    assert record.permitted_uses == ("office", "services")
    assert record.asking_rent_cents_per_month == 9990


def test_comma_files_accept_quoted_decimal_commas():
    text = (
        "external_id,street,latitude,longitude,floor_area_m2\n"
        'ALU-1,"Pils iela, 5","57,4227","27,0461","12,5"\n'
    )
    (record,) = read_csv(text.encode())
    assert record.street == "Pils iela, 5"
    assert record.floor_area_m2 == Decimal("12.50")


LATVIAN_TEXT = (
    "external_id,street,latitude,longitude,floor_area_m2,notes\n"
    "ALU-1,Tirgotāju iela,57.4227,27.0461,45,ā č ē ģ ī ķ ļ ņ š ū ž\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + LATVIAN_TEXT.encode("utf-8"), "auto"),
        (LATVIAN_TEXT.encode("utf-8"), "auto"),
        (LATVIAN_TEXT.encode("cp1257"), "auto"),
        (LATVIAN_TEXT.encode("utf-8"), "utf-8"),
        (LATVIAN_TEXT.encode("cp1257"), "windows-1257"),
    ],
    ids=["utf-8 with bom", "utf-8", "windows-1257 detected", "utf-8 chosen", "windows-1257 chosen"],
)
def test_csv_in_utf8_or_windows_1257_reads_latvian_letters(data, encoding):
    (record,) = read_csv(data, encoding=encoding)
    assert record.street == "Tirgotāju iela"
    assert record.notes == "ā č ē ģ ī ķ ļ ņ š ū ž"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_csv_is_rejected_with_advice_to_save_as_csv_utf8(codec):
    errors = errors_of(read_csv, LATVIAN_TEXT.encode(codec))
    assert where(errors) == [(0, "file")]
    assert "CSV UTF-8" in errors[0].message


def test_a_wrongly_chosen_encoding_is_rejected_naming_the_line():
    text = (
        "external_id,street,latitude,longitude,floor_area_m2\n"
        "ALU-1,Pils iela,57.4227,27.0461,45\n"
        "ALU-2,Dārza iela,57.4251,27.0502,30\n"
    )

    errors = errors_of(read_csv, text.encode("cp1257"), encoding="utf-8")

    assert where(errors) == [(0, "file")]
    assert "Line 3" in errors[0].message
    assert "Windows-1257" in errors[0].message


def test_an_empty_csv_is_rejected():
    assert where(errors_of(read_csv, b"")) == [(0, "file")]


# --- XLSX -----------------------------------------------------------------------------------


def test_xlsx_blank_rows_are_skipped_and_rows_keep_their_sheet_numbers():
    header = list(VALID_ROW)
    data = xlsx_file(
        header,
        list(VALID_ROW.values()),
        [],
        [None, "  ", None],
        ["ALU-2", "Pils iela", "7", 57.4227, 27.0461, 0],
    )

    errors = errors_of(formats.read_xlsx, data, today=TODAY)

    assert where(errors) == [(5, "floor_area_m2")]


def test_xlsx_missing_required_column_is_reported():
    data = xlsx_file(["external_id", "street", "latitude", "floor_area_m2"], ["A", "B", 57, 1])
    assert where(errors_of(formats.read_xlsx, data, today=TODAY)) == [(1, "longitude")]


@pytest.mark.parametrize(
    "data",
    [LATVIAN_TEXT.encode(), b"PK\x03\x04 not really a zip", b""],
    ids=["csv", "zip", "empty"],
)
def test_a_file_named_xlsx_that_is_not_a_workbook_is_rejected(data):
    errors = errors_of(formats.read_units, data, filename="units.xlsx", today=TODAY)
    assert where(errors) == [(0, "file")]
    assert ".xlsx" in errors[0].message


# --- GeoJSON --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b'{"type": "FeatureCollection", "features": [',
        b"\xff\xfe{}",
        b'{"type": "FeatureCollection", "features": [{"type": "Feature", "x": NaN}]}',
        b'{"type": "Feature", "geometry": null, "properties": {}}',
        b'{"type": "FeatureCollection", "features": {}}',
        b"[]",
    ],
    ids=["truncated", "not utf-8", "nan", "single feature", "features not a list", "a list"],
)
def test_broken_geojson_files_are_rejected_as_a_whole(data):
    errors = errors_of(read_geojson, data)
    assert where(errors) == [(0, "file")]


def test_invalid_json_is_reported_with_its_line():
    errors = errors_of(read_geojson, b'{\n"type": "FeatureCollection",\n"features": [,]}')
    assert "line 3" in errors[0].message


@pytest.mark.parametrize(
    ("broken", "field"),
    [
        ({"geometry": None}, "geometry"),
        ({"geometry": {"type": "Polygon", "coordinates": []}}, "geometry"),
        ({"geometry": {"type": "Point", "coordinates": [27.0461]}}, "geometry"),
        ({"geometry": {"type": "Point", "coordinates": [27.0461, 57.4, 100]}}, "geometry"),
        ({"geometry": {"type": "Point", "coordinates": ["27.0461", "57.4227"]}}, "geometry"),
        ({"geometry": {"type": "Point", "coordinates": [True, 57.4227]}}, "geometry"),
        ({"geometry": {"type": "Point"}}, "geometry"),
        ({"properties": ["ALU-2"]}, "properties"),
    ],
)
def test_a_broken_feature_is_reported_at_its_position(broken, field):
    data = geojson_file(
        feature(), {**feature(external_id="ALU-2"), **broken}, feature(external_id="ALU-3")
    )

    errors = errors_of(read_geojson, data)

    assert (2, field) in where(errors)
    assert all(error.row == 2 for error in errors)


def test_a_feature_that_is_not_an_object_is_reported_at_its_position():
    data = geojson_file(feature(), "not a feature")
    assert where(errors_of(read_geojson, data)) == [(2, "file")]


def test_geojson_coordinates_out_of_range_are_reported_by_axis():
    data = geojson_file(feature(coordinates=(181, 91)))
    assert where(errors_of(formats.read_geojson, data, today=TODAY)) == [
        (1, "latitude"),
        (1, "longitude"),
    ]


def test_geojson_without_a_required_property_anywhere_is_reported_once():
    stripped = feature()
    del stripped["properties"]["floor_area_m2"]

    errors = errors_of(read_geojson, geojson_file(stripped, stripped))

    assert where(errors) == [(1, "floor_area_m2")]


def test_geojson_with_no_features_gives_no_records():
    assert read_geojson(geojson_file()) == []


def test_geojson_values_are_checked_like_table_cells():
    data = geojson_file(
        feature(floor_area_m2=0, step_free_access="maybe", permitted_uses=["bakery"]),
        feature(external_id="ALU-2", street=None, listed_on="2030-01-01"),
    )

    errors = errors_of(read_geojson, data)

    assert where(errors) == [
        (1, "floor_area_m2"),
        (1, "permitted_uses"),
        (1, "step_free_access"),
        (2, "listed_on"),
        (2, "street"),
    ]


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
