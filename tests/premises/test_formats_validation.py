"""Every row of a unit file is checked, all or nothing: rules, columns, encodings, broken files."""

from decimal import Decimal

import pytest

from regrow.premises import formats
from regrow.premises.formats import (
    ImportRejected,
    RowError,
)
from tests.premises.unit_files import (
    ALUKSNE,
    TODAY,
    VALID_ROW,
    csv_file,
    errors_of,
    feature,
    geojson_file,
    read_csv,
    read_geojson,
    where,
    xlsx_file,
)

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
