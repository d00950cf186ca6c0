"""Unit files in the user's language: Latvian (or any offered language's) headers and codes are
read as well as English ones, exports are written in the language chosen and read back."""

import csv
import dataclasses
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.db.models import TextChoices
from django.utils import translation
from openpyxl import load_workbook

from regrow.premises import formats
from regrow.premises.choices import Condition, Floor, ShopCategory, Status
from regrow.premises.formats import Format
from regrow.premises.formats.records import READ_COLUMNS, header_aliases
from regrow.premises.formats.words import file_languages, word_map
from tests.premises.unit_files import ALUKSNE, TODAY, errors_of, make_record, where

# A clerk's register saved from a spreadsheet set to Latvian: semicolons, decimal commas,
# dotted dates, and the words of the Latvian interface.
LATVIAN_CSV = (
    "Ārējais identifikators;Iela;Mājas numurs;Platums;Garums;Platība, m²;Stāvs;"
    "Atļautie izmantošanas veidi;Stāvoklis;Elektrība;Statuss;Statuss kopš\n"
    "ALU-1;Pils iela;5;57,4227;27,0461;45,5;Pirmais stāvs;"
    "Kafejnīca, bārs vai restorāns | pārtikas veikals;Vajadzīgs remonts;jā;tukšs;01.03.2026\n"
    "ALU-2;Dārza iela;12;57,4239;27,0442;60;pagrabstāvs;;;nē;Daļēji tukšs;\n"
).encode()


def read(data: bytes, filename: str = "units.csv"):
    return formats.read_units(data, filename=filename, today=TODAY, centre=ALUKSNE)


def test_a_latvian_clerks_file_with_latvian_headers_and_codes_is_read():
    first, second = read(LATVIAN_CSV)

    assert (first.external_id, first.street, first.house_number) == ("ALU-1", "Pils iela", "5")
    assert (first.latitude, first.floor_area_m2) == (Decimal("57.422700"), Decimal("45.50"))
    assert first.floor == Floor.GROUND
    assert first.permitted_uses == (ShopCategory.FOOD_DRINK, ShopCategory.GROCERY)
    assert first.condition == Condition.NEEDS_WORK
    assert first.has_power is True
    assert (first.status, first.status_on) == (Status.VACANT, date(2026, 3, 1))
    assert (second.floor, second.status, second.has_power) == ("basement", "partly_vacant", False)


def test_english_titles_and_codes_in_any_case_are_read_too():
    data = (
        "External id,STREET,latitude,Longitude,Floor area, m²,Status,Permitted uses\n"
        'A1,Pils iela,57.4227,27.0461,45,Let again,"Café, bar or restaurant,grocery"\n'
    )
    # The header's unquoted comma splits "Floor area, m²": quote it as spreadsheets do.
    data = data.replace("Floor area, m²", '"Floor area, m²"').encode()
    (record,) = read(data)
    assert (record.floor_area_m2, record.status) == (Decimal("45.00"), "let")
    assert record.permitted_uses == ("food_drink", "grocery")


def test_a_bad_value_is_reported_under_the_column_as_the_file_names_it():
    data = LATVIAN_CSV.replace(b";45,5;", b";plats;").replace("tukšs;01".encode(), b"slegts;01")
    with translation.override("lv"):
        errors = errors_of(read, data)
    assert where(errors) == [(2, "Platība, m²"), (2, "Statuss")]
    assert "Tukšs (vacant)" in errors[1].message
    assert "Pop-up veikals (popup)" in errors[1].message


def test_a_status_date_without_a_status_names_the_status_column_as_the_file_does():
    data = LATVIAN_CSV.replace("tukšs;01".encode(), b";01")
    errors = errors_of(read, data)
    assert where(errors) == [(2, "Statuss kopš")]
    assert "“Statuss”" in errors[0].message


def test_a_missing_column_is_named_in_the_pages_language_and_by_its_code():
    data = "Ārējais identifikators;Iela;Platums;Garums\nA1;Pils iela;57,4;27,0\n".encode()
    with translation.override("lv"):
        errors = errors_of(read, data)
    assert where(errors) == [(1, "floor_area_m2")]
    assert errors[0].message == "Failā nav kolonnas “Platība, m²” (vai “floor_area_m2”)."


def test_a_column_given_in_two_languages_is_refused():
    data = "external_id;Iela;street;Platums;Garums;Platība, m²\n".encode()
    errors = errors_of(read, data)
    assert where(errors) == [(1, "street")]
    assert errors[0].message == "“Iela” and “street” are the same column; keep one."


def test_a_latvian_geojson_file_is_read_with_errors_under_its_own_property_names():
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [27.0461, 57.4227]},
        "properties": {
            "Ārējais identifikators": "A1",
            "Iela": "Pils iela",
            "Platība, m²": 45,
            "Statuss": "Aizņemts",
            "Elektrība": "jā",
            "Stāvs": "kosmoss",
        },
    }
    data = json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()
    assert where(errors_of(read, data, "units.geojson")) == [(1, "Stāvs")]
    feature["properties"]["Stāvs"] = "Augšējais stāvs"
    data = json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()
    (record,) = read(data, "units.geojson")
    assert (record.status, record.has_power, record.floor) == ("occupied", True, "upper")


# --- Definitions: no word may mean two things ---------------------------------------------


def test_every_partner_languages_words_mean_one_code_and_one_column_each(settings):
    """A translator's label spelled as another code, or two labels alike, would be read as
    neither: every catalogue we ship keeps each word to one meaning."""
    languages = [code for code, _name in settings.REGROW_PARTNER_LANGUAGES]
    for choices in (Floor, ShopCategory, Condition, Status):
        assert word_map(choices.choices, languages).ambiguous == (), choices
    columns = [(column.name, column.title) for column in READ_COLUMNS]
    assert word_map(columns, languages).ambiguous == ()


class Clashing(TextChoices):
    OPEN = "open", "Shut"
    SHUT = "shut", "Closed"
    CLOSED = "gone", "closed "


def test_a_word_meaning_two_codes_is_taken_for_neither_and_a_code_keeps_its_meaning():
    words = word_map(Clashing.choices, ["en"])
    assert words.ambiguous == ("closed", "shut")
    assert words.codes == {"open": "open", "shut": "shut", "gone": "gone"}


def test_headers_are_taken_in_english_and_every_offered_language(settings):
    aliases = header_aliases()
    assert aliases["floor_area_m2"] == aliases["platība, m²"] == aliases["floor area, m²"]
    assert "owner" not in aliases  # exported, never imported
    settings.LANGUAGES = [("en", "English")]
    assert "platība, m²" not in header_aliases()
    assert file_languages() == ["en"]


# --- Exports in a language, and back ------------------------------------------------------

RECORDS = [
    make_record(owner_name="Jānis Bērziņš"),
    make_record(
        row=3,
        external_id="ALU-2",
        permitted_uses=(),
        previous_use="",
        floor="upper",
        status=None,
        status_on=None,
        asking_rent_cents_per_month=None,
        frontage_m=None,
        has_power=False,
    ),
]


@pytest.mark.parametrize("language", ["en", "lv"])
@pytest.mark.parametrize("file_format", list(Format))
def test_an_export_in_either_language_reads_back_unchanged(language, file_format):
    data = formats.write_units(RECORDS, file_format, language)

    records = read(data, f"units.{file_format}")

    # The owner's name is exported for the coordinator, and never imported.
    expected = [dataclasses.replace(record, owner_name="") for record in RECORDS]
    assert [dataclasses.replace(record, row=0) for record in records] == [
        dataclasses.replace(record, row=0) for record in expected
    ]


def test_a_latvian_csv_has_latvian_headers_words_and_decimal_commas():
    data = formats.write_csv(RECORDS, "lv")

    header, first, _second = csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
    assert header[:3] == ["Ārējais identifikators", "Iela", "Mājas numurs"]
    values = dict(zip(header, first, strict=True))
    assert values["Platība, m²"] == "45,50"
    assert values["Platums"] == "57,422700"
    assert values["Statuss"] == "Tukšs"
    assert values["Stāvs"] == "Pirmais stāvs"
    assert values["Atļautie izmantošanas veidi"] == (
        "Amatniecība un dāvanas | Kafejnīca, bārs vai restorāns"
    )
    assert values["Piekļuve bez pakāpieniem"] == "jā"
    assert values["Ūdens"] == "nē"
    assert values["Īpašnieks"] == "Jānis Bērziņš"


def test_an_english_export_keeps_the_codes_other_programs_read():
    header, first, _second = csv.reader(io.StringIO(formats.write_csv(RECORDS).decode("utf-8-sig")))
    values = dict(zip(header, first, strict=True))
    assert (values["floor_area_m2"], values["status"], values["power"]) == (
        "45.50",
        "vacant",
        "yes",
    )
    assert values["owner"] == "Jānis Bērziņš"


def test_a_latvian_workbook_has_a_frozen_filtered_header_and_fitted_columns():
    data = formats.write_xlsx(RECORDS, "lv")

    sheet = load_workbook(io.BytesIO(data))["telpas"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}3"
    assert sheet["B1"].value == "Iela"
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["Piezīmes"] > widths["Iela"] >= 8


def test_a_template_is_a_header_alone_that_reads_as_an_empty_register():
    for language in ("en", "lv"):
        for file_format in (Format.CSV, Format.XLSX):
            data = formats.write_units([], file_format, language)
            assert read(data, f"template.{file_format}") == []
