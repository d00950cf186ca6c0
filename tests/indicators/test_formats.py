"""The readers: long-format CSV, Eurostat's TSV and JSON-stat, each problem at its place."""

import gzip
import json
from decimal import Decimal

import pytest

from regrow.indicators.formats import (
    Format,
    ImportRejected,
    Problems,
    detect_format,
    read_observations,
    write_long,
)
from tests.indicators.conftest import long_csv
from tests.indicators.samples import eurostat, jsonstat, jsonstat_bytes


def read(data: bytes, **options):
    problems = Problems()
    reading = read_observations(data, problems=problems, **options)
    records = list(reading.records)
    problems.raise_if_any()
    return reading, records


def problems_of(data: bytes, **options) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportRejected) as rejected:
        read(data, **options)
    return [(error.row, error.field, error.message) for error in rejected.value.errors]


def as_tuples(records):
    return [(r.region, r.indicator, r.period.text, r.value, r.flags) for r in records]


# --- Long format --------------------------------------------------------------------------


def test_long_csv_reads_each_row_with_decimal_commas_and_semicolons():
    data = "pilsēta;rādītājs;periods;vērtība;pazīmes;avots\naluksne;population;2019;7234;p;CSB\n"
    data += "aluksne;registered_unemployment;2019-Q3;6,5;;\n"
    _reading, records = read(data.encode("cp1257"))
    assert as_tuples(records) == [
        ("aluksne", "population", "2019", Decimal("7234.0000"), "p"),
        ("aluksne", "registered_unemployment", "2019-Q3", Decimal("6.5000"), ""),
    ]
    assert records[0].source == "CSB" and records[0].row == 2


def test_long_csv_names_every_problem_with_its_row_and_column():
    data = long_csv(
        "aluksne,population,2019-Q5,7234,,",
        "aluksne,population,2019-13,1.234,5,,",
        ",population,2020,12 000,x1,",
        "aluksne,,2021,1e5,,",
    )
    found = problems_of(data)
    assert (2, "period", "“2019-Q5” names quarter 5; a year has quarters 1 to 4.") in found
    assert (3, "period", "“2019-13” names month 13; a year has months 1 to 12.") in found
    assert (4, "town", "The town or region is empty.") in found
    assert (4, "value", "“12 000” is not a number.") in found
    assert any(row == 4 and field == "flags" for row, field, _m in found)
    assert (5, "indicator", "The indicator is empty.") in found
    assert (5, "value", "“1e5” is not a number.") in found


def test_long_csv_without_its_required_columns_is_refused_at_the_header():
    found = problems_of(b"town,period,amount\naluksne,2019,1\n")
    fields = {field for _row, field, _message in found}
    assert {"value", "indicator"} <= fields
    # Without an indicator column, when the importer names the indicator.
    _reading, records = read(b"town,period,value\naluksne,2019,1\n", require_indicator=False)
    assert records[0].indicator == ""


def test_values_too_large_or_with_more_places_are_refused_or_kept_to_four_places():
    found = problems_of(long_csv("aluksne,population,2019,123456789012,,"))
    assert "too large" in found[0][2]
    _reading, records = read(long_csv("aluksne,population,2019,1.23456,,"))
    assert records[0].value == Decimal("1.2346")


def test_the_long_writer_and_reader_agree_even_on_formula_like_text():
    rows = [
        ("0360201", "population", "2019", Decimal("7234.0000"), "p", "=CSB"),
        ("0360201", "net_migration", "2019-07", Decimal("-12.5000"), "", "-source"),
    ]
    _reading, records = read(write_long(rows))
    assert [
        (r.region, r.indicator, r.period.text, r.value, r.flags, r.source) for r in records
    ] == [tuple(row) for row in rows]


# --- Eurostat TSV -------------------------------------------------------------------------


def test_eurostat_values_flags_missing_values_and_odd_spacing():
    data = eurostat(["A,NR,LV0360201\t 7234  p\t:\t7100p ", "A,NR,LV0010000\t: c\t605,3 e\t"])
    reading, records = read(data, file_format="eurostat")
    assert as_tuples(records) == [
        ("LV0360201", "", "2019", Decimal("7234.0000"), "p"),
        ("LV0360201", "", "2021", Decimal("7100.0000"), "p"),
        ("LV0010000", "", "2020", Decimal("605.3000"), "e"),
    ]
    assert reading.missing() == 3  # ":", ": c" and the empty last cell
    assert detect_format(data) is Format.EUROSTAT


def test_eurostat_flags_in_odd_places_and_bad_rows_are_named_by_row_and_period():
    data = eurostat(["A,NR,LV0360201\tp 7234\t7,1,2\tx", "A,LV0010000\t1\t2\t3"])
    found = problems_of(data)
    assert (2, "2019", "The flag “p” stands before the number; write it after: 7234 p.") in found
    assert any(row == 2 and field == "2020" and "decimal mark" in m for row, field, m in found)
    assert any(row == 2 and field == "2021" for row, field, _m in found)
    assert any(row == 3 and "3 codes" in message for row, _f, message in found)


def test_eurostat_header_problems_periods_and_dimensions():
    header = "freq,unit,geo\\TIME_PERIOD\t2019 \t2019-13\t2019"
    found = problems_of(eurostat(["A,NR,LV1\t1\t2\t3"], header=header))
    assert (1, "2019-13", "“2019-13” names month 13; a year has months 1 to 12.") in found
    assert any("two columns" in message for _r, _f, message in found)
    found = problems_of(eurostat(["1\t2"], header="unit,town\t2019"), file_format="eurostat")
    assert "backslash" in found[0][2]


def test_eurostat_several_categories_must_be_chosen():
    header = "unit,sex,geo\\TIME_PERIOD\t2019 "
    data = eurostat(["NR,T,LV1\t10", "NR,M,LV1\t4", "NR,F,LV1\t6"], header=header)
    found = problems_of(data)
    assert "3 categories of “sex” (T, M, F)" in found[0][2]
    _reading, records = read(data, select={"SEX": "f"})
    assert as_tuples(records) == [("LV1", "", "2019", Decimal("6.0000"), "")]
    assert "“X” is not a category of “sex”" in problems_of(data, select={"sex": "X"})[0][2]


def test_eurostat_gzip_is_unpacked_and_a_damaged_one_refused():
    data = eurostat(["A,NR,LV1\t1\t2\t3"])
    _reading, records = read(gzip.compress(data))
    assert len(records) == 3
    assert "gzip" in problems_of(gzip.compress(data)[:20])[0][2]


# --- JSON-stat ----------------------------------------------------------------------------


def test_jsonstat_pxweb_dataset_with_roles_labels_and_status():
    reading, records = read(jsonstat_bytes())
    assert as_tuples(records) == [
        ("0360201", "", "2021", Decimal("7400.0000"), ""),
        ("0360201", "", "2022", Decimal("7310.0000"), "p"),
        ("0010000", "", "2021", Decimal("614618.0000"), ""),
        ("0010000", "", "2022", Decimal("605273.0000"), ""),
        ("0010000", "", "2023", Decimal("605802.0000"), ""),
    ]
    assert reading.missing() == 1
    assert reading.region_labels["0010000"] == "Rīga"
    assert reading.source == "Official statistics of Latvia"
    assert records[1].field == "value[1]"


def test_jsonstat_values_as_an_object_and_a_status_for_all():
    values = {"0": 1, "5": 2.5}
    _reading, records = read(jsonstat_bytes(value=values, status="e"))
    assert as_tuples(records) == [
        ("0360201", "", "2021", Decimal("1.0000"), "e"),
        ("0010000", "", "2023", Decimal("2.5000"), "e"),
    ]


def test_jsonstat_whose_size_does_not_match_its_values_is_refused_at_the_path():
    found = problems_of(jsonstat_bytes(value=[1, 2, 3]))
    assert found == [(0, "value", "The dataset has 3 values here, but its size says 6.")]
    found = problems_of(jsonstat_bytes(size=[2, 1, 4]))
    assert found == [(0, "size[2]", "“TIME” has 3 categories, but “size” says 4.")]
    found = problems_of(jsonstat_bytes(value={"6": 1, "01": 2}))
    assert {field for _r, field, _m in found} == {'value["6"]', 'value["01"]'}


def test_jsonstat_bad_periods_values_and_flags_name_their_paths():
    dataset = jsonstat(value=[1, "x", True, [2], 5, 6], status=["", "", "", "", "", ".."])
    dataset["dimension"]["TIME"]["category"]["index"] = ["2021", "2022Q5", "2023"]
    found = problems_of(json.dumps(dataset).encode())
    fields = {field for _r, field, _m in found}
    assert 'dimension.TIME.category.index["2022Q5"]' in fields
    assert {"value[2]", "value[3]", "value[5]"} <= fields


def test_jsonstat_version_one_bundle_and_an_indicator_dimension():
    dataset = jsonstat()
    dataset["dimension"]["ContentsCode"]["category"] = {"index": ["population", "enterprises"]}
    dataset["size"] = [2, 2, 3]
    dataset["value"] = list(range(12))
    dimension = {**dataset.pop("dimension"), "id": dataset.pop("id"), "size": dataset.pop("size")}
    dimension["role"] = dataset.pop("role")
    bundle = {"dataset": {"dimension": dimension, "value": dataset["value"]}}
    _reading, records = read(json.dumps(bundle).encode())
    assert {record.indicator for record in records} == {"population", "enterprises"}
    assert len(records) == 12


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b'{"version": "2.0", "class": "dataset", "value": [1]', "not valid JSON"),
        (b"[1, 2]", "is not a JSON-stat dataset"),
        (b"town,indicator\n", "not valid JSON: line 1, column 1"),
        (b'{"class": "collection", "link": {}}', "collection"),
        (b"{" + b'"a":' * 5000 + b"1" + b"}" * 5000, "not valid JSON"),
        (b'{"id": ["a"], "size": [1], "dimension": {}, "value": [1]}', "not described"),
    ],
)
def test_files_that_are_not_jsonstat_datasets_are_refused(data, says):
    assert says in problems_of(data, file_format="jsonstat")[0][2]


def test_a_file_that_is_not_what_it_claims_is_refused():
    assert "not valid JSON" in problems_of(long_csv("a,b,2019,1,,"), file_format="jsonstat")[0][2]
    assert "backslash" in problems_of(jsonstat_bytes(), file_format="eurostat")[0][2]


def test_long_format_in_an_xlsx_workbook_with_typed_cells():
    from regrow.lib.tabular.writing import xlsx_bytes

    data = xlsx_bytes(
        ["Pilsēta", "Rādītājs", "Periods", "Vērtība"],
        [["aluksne", "population", 2019, 7234], ["aluksne", "footfall", "2024-03", 1234.5]],
        sheet_name="Dati",
    )
    _reading, records = read(data)
    assert as_tuples(records) == [
        ("aluksne", "population", "2019", Decimal("7234.0000"), ""),
        ("aluksne", "footfall", "2024-03", Decimal("1234.5000"), ""),
    ]
    assert [record.row for record in records] == [2, 3]
