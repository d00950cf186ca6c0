"""Tables are found in CSV and XLSX bytes with the row numbers a person sees in the file."""

from datetime import date

import pytest

from regrow.lib.tabular.problems import ImportRejected, Problems
from regrow.lib.tabular.reading import (
    Content,
    column_key,
    content_of,
    csv_rows,
    is_blank,
    read_csv_table,
    read_table,
    read_xlsx_table,
    sniff_delimiter,
    suffix_of,
    xlsx_rows,
)
from tests.lib.tabular.files import xlsx_file


def where(rejected: pytest.ExceptionInfo) -> list[tuple[int, str]]:
    return [(error.row, error.field) for error in rejected.value.errors]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("a,b,c", ","),
        ("a;b;c", ";"),
        ("a;b,c;d", ";"),
        ('"x;y;z",b', ","),  # semicolons inside quotes do not count
        ('"a,b";"c,d";e', ";"),
        ("single", ","),  # a tie goes to the first candidate
        ("a;b\nc,d,e,f", ";"),  # only the header line counts
    ],
)
def test_the_delimiter_is_the_one_the_header_line_uses_most(header, expected):
    assert sniff_delimiter(header) == expected


def test_other_delimiters_can_be_candidates():
    assert sniff_delimiter("geo\\time\t2020\t2021", ("\t", ",")) == "\t"


def test_csv_rows_are_numbered_by_the_line_where_they_start():
    text = 'id,notes\n1,"first line\nsecond line"\n\n2,plain\n3,"a\r\nb"\n4,x\n'
    assert [row for row, _cells in csv_rows(text)] == [1, 2, 4, 5, 6, 8]


def test_broken_csv_is_refused_at_its_line():
    with pytest.raises(ImportRejected) as rejected:
        list(csv_rows("id,notes\n1,ok\n2," + "x" * 200_000 + "\n"))
    assert where(rejected) == [(3, "file")]
    assert "Line 3 cannot be read as CSV" in rejected.value.errors[0].message


def test_blank_rows_are_empty_or_only_spaces():
    assert is_blank([]) and is_blank(["", "  ", None])
    assert not is_blank(["", 0]) and not is_blank([" x "])


def test_column_names_are_lower_case_without_spaces_or_byte_order_mark():
    assert column_key("\ufeff External_ID ") == "external_id"
    assert column_key(None) == ""
    assert column_key(2024) == "2024"


def test_a_table_yields_dict_rows_skipping_blank_ones_with_physical_numbers():
    data = (
        '\ufeffID;Name;Area;Ignored\n1;Pils;12,5;x\n\n;;;\n2;"Dārza\niela";30\n3;Short\n'
    ).encode()
    table = read_csv_table(data, problems=Problems(), columns={"id", "name", "area"})
    assert table.header_row == 1
    assert list(table.records()) == [
        (2, {"id": "1", "name": "Pils", "area": "12,5"}),
        (5, {"id": "2", "name": "Dārza\niela", "area": "30"}),
        (7, {"id": "3", "name": "Short"}),
    ]


def test_the_header_is_the_first_non_blank_row_and_all_columns_are_kept_by_default():
    rows = [(1, ["", None]), (2, ["Year", "", "Value"]), (3, [2024, "x", 5])]
    table = read_table(rows, problems=Problems())
    assert table.header_row == 2
    assert list(table.records()) == [(3, {"year": 2024, "value": 5})]


def test_a_missing_or_repeated_column_is_reported_at_the_header_row():
    rows = [(1, []), (2, ["id", "name", "ID"]), (3, ["1", "a", "1"])]
    with pytest.raises(ImportRejected) as rejected:
        read_table(rows, problems=Problems(), required=["id", "area", "year"])
    assert where(rejected) == [(2, "area"), (2, "id"), (2, "year")]
    messages = [error.message for error in rejected.value.errors]
    assert "The file has no “area” column." in messages
    assert "The “id” column appears twice; keep one." in messages


@pytest.mark.parametrize("data", [b"", b"\n\n", b" , \n"])
def test_an_empty_table_is_refused(data):
    with pytest.raises(ImportRejected) as rejected:
        read_csv_table(data, problems=Problems())
    assert where(rejected) == [(0, "file")]
    assert "empty" in rejected.value.errors[0].message


def test_xlsx_rows_keep_sheet_numbers_and_typed_cells():
    data = xlsx_file(
        ["id", "area", "on", "open"],
        [1, 12.5, date(2024, 1, 2), True],
        [],
        [None, "  "],
        ["2", "30,5", "02.01.2024", "jā"],
    )
    table = read_xlsx_table(data, problems=Problems(), columns={"id", "area", "on", "open"})
    records = list(table.records())
    assert [row for row, _values in records] == [2, 5]
    first = records[0][1]
    assert (first["id"], first["area"], first["open"]) == (1, 12.5, True)
    assert first["on"].date() == date(2024, 1, 2)
    assert records[1][1] == {"id": "2", "area": "30,5", "on": "02.01.2024", "open": "jā"}


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not a zip", b"id,name\n1,a\n"])
def test_what_is_not_a_workbook_is_refused_with_advice(data):
    with pytest.raises(ImportRejected) as rejected:
        xlsx_rows(data)
    assert where(rejected) == [(0, "file")]
    assert ".xlsx" in rejected.value.errors[0].message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"PK\x03\x04rest", Content.XLSX),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", Content.XLS),
        (b'\xef\xbb\xbf \n {"type": "x"}', Content.JSON),
        (b"[1, 2]", None),
        (b"id,name", None),
    ],
)
def test_the_content_says_what_a_file_is_where_it_is_certain(data, expected):
    assert content_of(data) is expected


def test_the_suffix_is_lower_case_with_its_dot():
    assert suffix_of("Units.CSV") == ".csv"
    assert suffix_of("units") == ""


def test_headers_may_be_spelled_in_another_language_and_are_kept_as_written():
    aliases = {"id": "id", "identifikators": "id", "platība, m²": "area", "area": "area"}
    rows = [(1, ["Identifikators", " Platība, m² ", "Piezīmes"]), (2, ["A1", "45,5", "x"])]
    table = read_table(rows, problems=Problems(), aliases=aliases, required=["id", "area"])
    assert list(table.records()) == [(2, {"id": "A1", "area": "45,5"})]
    assert table.names == {"id": "Identifikators", "area": "Platība, m²"}


def test_a_column_under_two_of_its_names_and_a_missing_one_are_named_as_people_know_them():
    aliases = {"id": "id", "identifikators": "id", "platība, m²": "area", "area": "area"}
    rows = [(1, ["id", "Identifikators"])]
    with pytest.raises(ImportRejected) as rejected:
        read_table(
            rows,
            problems=Problems(),
            aliases=aliases,
            required=["id", "area"],
            titles={"id": "id", "area": "Platība, m²"},
        )
    assert where(rejected) == [(1, "Identifikators"), (1, "area")]
    assert [error.message for error in rejected.value.errors] == [
        "“id” and “Identifikators” are the same column; keep one.",
        "The file has no “Platība, m²” column (or “area”).",
    ]
