"""An import and another writer of the same values: the import locks the observations it
replaces (or SQLite's whole database) and is all or nothing, so neither overwrites the other
unseen."""

import sqlite3
from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.db import OperationalError, connection

from regrow.indicators import services
from regrow.indicators.models import Observation
from tests.indicators.conftest import long_csv


@contextmanager
def observation_held_elsewhere(observation):
    """Another connection holds the observation's row (PostgreSQL) or the database (SQLite), as
    an edit in progress does; this connection waits 0.1 s for it, not 20."""
    settings = connection.settings_dict
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            other = sqlite3.connect(
                settings["NAME"], uri=settings["NAME"].startswith("file:"), isolation_level=None
            )
            other.execute("BEGIN IMMEDIATE")
            cursor.execute("PRAGMA busy_timeout")
            (waited,) = cursor.fetchone()
            wait, restore = "PRAGMA busy_timeout = 100", f"PRAGMA busy_timeout = {int(waited)}"
        else:
            import psycopg

            other = psycopg.connect(
                dbname=settings["NAME"],
                user=settings["USER"],
                password=settings["PASSWORD"] or None,
                host=settings["HOST"],
                port=settings["PORT"] or None,
            )
            other.execute(
                "SELECT 1 FROM indicators_observation WHERE id = %s FOR UPDATE", [observation.pk]
            )
            wait, restore = "SET lock_timeout = '100ms'", "RESET lock_timeout"
        cursor.execute(wait)
    try:
        yield
    finally:
        other.rollback()
        other.close()
        with connection.cursor() as cursor:
            cursor.execute(restore)


def test_an_import_over_a_value_being_edited_gives_up_and_writes_nothing(
    transactional_db, aluksne, indicators, admin_user
):
    def run(data):
        return services.observations_import(
            data=data, filename="v.csv", options=services.ImportOptions(), by=admin_user
        )

    run(long_csv("aluksne,population,2022,7310,,"))
    held = Observation.objects.get()
    # A new value comes before the held one in the file: it must not be written either.
    data = long_csv("aluksne,population,2021,7400,,", "aluksne,population,2022,7300,,")
    with observation_held_elsewhere(held), pytest.raises(OperationalError):
        run(data)
    assert list(Observation.objects.values_list("period", "value")) == [
        ("2022", Decimal("7310.0000"))
    ]
    # Once the edit is over, the import goes through.
    assert run(data).changed == 1
