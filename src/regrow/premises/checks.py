"""System checks of what the register needs from the installation."""

from django.core import checks
from django.db import connections

# Imports write with UPDATE … RETURNING (services/bulk.py), which SQLite has since 3.35.
SQLITE_NEEDED = (3, 35, 0)


def check_sqlite_version(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    problems = []
    for alias in connections:
        connection = connections[alias]
        if connection.vendor != "sqlite":
            continue
        import sqlite3

        if sqlite3.sqlite_version_info < SQLITE_NEEDED:
            problems.append(
                checks.Error(
                    f"SQLite {sqlite3.sqlite_version} is too old for imports of units; "
                    f"they need {'.'.join(map(str, SQLITE_NEEDED))} or newer.",
                    hint="Use a newer system (Debian 12 has 3.40) or PostgreSQL.",
                    id="regrow.E002",
                )
            )
    return problems
