"""Cells as people type them become clean values, or a message that says what to write."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from regrow.lib.tabular.problems import Invalid
from regrow.lib.tabular.values import as_text, code, date_value, flag, number, text


def message_of(convert, raw) -> str:
    with pytest.raises(Invalid) as invalid:
        convert(raw)
    return invalid.value.message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.5", Decimal("12.5")), ("12,5", Decimal("12.5")), (" -0,25 ", Decimal("-0.25")),
        (",5", Decimal("0.5")), ("7.", Decimal("7")), ("+3", Decimal("3")), (12, Decimal(12)),
        (45.5, Decimal("45.5")), (57.4244, Decimal("57.4244")), (Decimal("1.10"), Decimal("1.10")),
        ("", None), ("  ", None), (None, None),
    ],
)  # fmt: skip
def test_numbers_take_a_decimal_point_or_a_decimal_comma(raw, expected):
    assert number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("1.234,5", "thousands separator"), ("1,234.5", "thousands separator"),
        ("1 234", "not a number"), ("12 EUR", "not a number"), ("e5", "not a number"),
        (True, "not a number"), (float("nan"), "not a number"),
        (Decimal("Infinity"), "not a number"),
        ([1], "not a list"),
    ],
)  # fmt: skip
def test_what_is_not_a_number_is_refused_with_advice(raw, says):
    assert says in message_of(number, raw)


def test_a_float_keeps_its_shortest_decimal_form():
    assert number(0.1 + 0.2) == Decimal("0.30000000000000004")
    assert number(57.4244) == Decimal("57.4244")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-01-02", date(2024, 1, 2)), ("2024-1-2", date(2024, 1, 2)),
        ("02.01.2024", date(2024, 1, 2)), ("2.1.2024", date(2024, 1, 2)),
        (" 29.02.2024 ", date(2024, 2, 29)), (date(2024, 1, 2), date(2024, 1, 2)),
        (datetime(2024, 1, 2, 13, 30), date(2024, 1, 2)), ("", None), (None, None),
    ],
)  # fmt: skip
def test_dates_are_read_in_iso_and_dotted_form(raw, expected):
    assert date_value(raw) == expected


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("25/11/2026", "YYYY-MM-DD or DD.MM.YYYY"), ("2024-01-02T10:00", "YYYY-MM-DD"),
        ("yesterday", "YYYY-MM-DD"), (20240102, "YYYY-MM-DD"),
        ("31.02.2026", "not a real date"), ("2026-13-01", "not a real date"),
    ],
)  # fmt: skip
def test_bad_dates_say_how_to_write_them(raw, says):
    assert says in message_of(date_value, raw)


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("yes", True), ("YES", True), (" true ", True), ("1", True), ("y", True), ("jā", True),
        ("JĀ", True), ("ja", True), (True, True), (1, True), ("no", False), ("False", False),
        ("0", False), ("n", False), ("nē", False), ("NEIN", False), ("", False), (" ", False),
        (None, False), (False, False), (0, False),
    ],
)  # fmt: skip
def test_yes_and_no_are_understood_in_several_languages(word, meaning):
    assert flag(word) is meaning


@pytest.mark.parametrize("raw", ["maybe", "2", 2, "jaa"])
def test_other_words_are_not_yes_or_no(raw):
    assert "jā/nē" in message_of(flag, raw)


def test_text_is_stripped_and_limited_in_length():
    street = text(10, required=True)
    assert street("  Pils iela ") == "Pils iela"
    assert "at most 10" in message_of(street, "x" * 11)
    assert "required" in message_of(street, "   ")
    assert text(10)(None) == ""


def test_text_takes_off_the_apostrophe_that_guards_a_formula():
    notes = text(100)
    assert notes("'=SUM(A1)") == "=SUM(A1)"
    assert notes("'-5") == "-5"
    assert notes("'quoted'") == "'quoted'"  # no formula behind it: the apostrophe is the text's


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(12.0, "12"), (12.5, "12.5"), (7, "7"), (True, "yes"), (date(2024, 1, 2), "2024-01-02")],
)
def test_typed_cells_become_the_text_a_person_sees(raw, expected):
    assert as_text(raw) == expected


def test_lists_and_objects_are_not_text():
    assert "plain text" in message_of(as_text, {"a": 1})


def test_codes_are_matched_in_any_case_and_listed_when_unknown():
    floor = code(["basement", "ground", "upper"], default="ground")
    assert floor(" Upper ") == "upper"
    assert floor("") == "ground"
    assert code(["a"], default=None)(None) is None
    assert "Use one of: basement, ground, upper" in message_of(floor, "attic")
