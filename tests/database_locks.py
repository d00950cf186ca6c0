"""Another connection that holds the database (SQLite) or a unit's row (PostgreSQL) while a
request runs, as a long import does: the request cannot get its lock and gives up."""

import sqlite3
from contextlib import contextmanager

from django.db import connection


@contextmanager
def held_by_another_connection(unit):
    """Needs `transactional_db`: under `db` the test's own transaction holds the lock."""
    settings = connection.settings_dict
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            other = sqlite3.connect(
                settings["NAME"], uri=settings["NAME"].startswith("file:"), isolation_level=None
            )
            other.execute("BEGIN IMMEDIATE")  # the write lock, as an import's transaction takes it
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
            other.execute("SELECT 1 FROM premises_unit WHERE id = %s FOR UPDATE", [unit.pk])
            wait, restore = "SET lock_timeout = '100ms'", "RESET lock_timeout"
        # The request runs on this thread's connection: it waits 0.1 s for the lock, not 20.
        cursor.execute(wait)
    try:
        yield
    finally:
        other.rollback()
        other.close()
        with connection.cursor() as cursor:
            cursor.execute(restore)
