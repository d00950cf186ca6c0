"""The register's system checks."""

from unittest import mock

from django.db import connection

from regrow.premises import checks


def test_an_old_sqlite_is_reported_and_a_new_one_is_not(db):
    assert checks.check_sqlite_version() == []
    with (
        mock.patch("sqlite3.sqlite_version_info", (3, 31, 1)),
        mock.patch("sqlite3.sqlite_version", "3.31.1"),
    ):
        problems = checks.check_sqlite_version()
    if connection.vendor == "sqlite":
        (problem,) = problems
        assert problem.id == "regrow.E002" and "SQLite 3.31.1 is too old" in problem.msg
    else:
        assert problems == []
