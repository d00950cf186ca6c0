"""Problems are collected at their row and field, sorted, and listed up to a cap."""

import pytest

from regrow.lib.tabular.problems import ImportRejected, Problems, RowError, rejected


def test_rejection_sorts_problems_by_row_then_field():
    error = ImportRejected(
        [RowError(3, "street", "a"), RowError(2, "street", "b"), RowError(2, "floor", "c")]
    )
    assert [(e.row, e.field) for e in error.errors] == [(2, "floor"), (2, "street"), (3, "street")]
    assert str(error) == "3 problem(s) in the file"


def test_no_problems_raise_nothing():
    problems = Problems()
    problems.raise_if_any()
    assert not problems


def test_problems_are_raised_together_with_their_rows_and_fields():
    problems = Problems()
    problems.add(5, "listed_on", "bad date")
    problems.add(2, "area", "not a number")
    assert problems
    with pytest.raises(ImportRejected) as rejection:
        problems.raise_if_any()
    assert rejection.value.errors == [
        RowError(2, "area", "not a number"),
        RowError(5, "listed_on", "bad date"),
    ]


def test_problems_beyond_the_cap_are_counted_in_one_closing_message():
    problems = Problems(max_listed=3)
    for row in range(1, 9):
        problems.add(row, "area", "bad")
    with pytest.raises(ImportRejected) as rejection:
        problems.raise_if_any()
    errors = rejection.value.errors
    assert len(errors) == 4
    assert [error.row for error in errors] == [0, 1, 2, 3]
    assert errors[0].field == "file"
    assert "first 3 problems" in errors[0].message and "5 more" in errors[0].message


def test_the_default_cap_is_a_thousand():
    problems = Problems()
    for row in range(1, 1201):
        problems.add(row, "area", "bad")
    with pytest.raises(ImportRejected) as rejection:
        problems.raise_if_any()
    assert len(rejection.value.errors) == 1001
    assert "200 more" in rejection.value.errors[0].message


def test_a_rejection_of_the_whole_file_is_at_row_zero():
    assert rejected("empty").errors == [RowError(0, "file", "empty")]
    assert rejected("bad line", row=7).errors == [RowError(7, "file", "bad line")]
