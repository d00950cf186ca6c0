"""The observations a file's values would replace, found by their keys in one statement per
chunk, and locked (on PostgreSQL) while an import writes."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection

from regrow.indicators.formats.records import VALUE_PLACES
from regrow.indicators.models import Observation

Key = tuple[int, int, str]  # town id, indicator id, period


@dataclass(frozen=True, slots=True)
class Held:
    """An observation as the database holds it."""

    id: int
    value: Decimal
    flags: str
    source: str
    version: int


def chunk_size() -> int:
    """Values looked up and written at a time: within SQLite's 32,766 parameters."""
    return 10_000 if connection.vendor == "postgresql" else 3_000


def _decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    # SQLite gives a number column's values back as int or float.
    return (Decimal(repr(value)) if isinstance(value, float) else Decimal(value)).quantize(
        VALUE_PLACES
    )


def held(keys: Sequence[Key], *, lock: bool = False) -> dict[Key, Held]:
    """The observations of these keys that exist, by key; `lock` holds their rows until the
    transaction ends (PostgreSQL; SQLite's write transaction holds the whole database)."""
    if not keys:
        return {}
    quote = connection.ops.quote_name
    table = quote(Observation._meta.db_table)
    columns = "o.id, o.town_id, o.indicator_id, o.period, o.value, o.flags, o.source, o.version"
    if connection.vendor == "postgresql":
        # Each column as one text split by the server: psycopg quotes the texts of an array
        # one by one in Python, a second for a few hundred thousand keys. A look-up by the
        # unique index for each key (LATERAL, kept apart from the outer query by its LIMIT): a
        # join of ten thousand keys was planned as a hash join over the whole table, 0.4 s a
        # chunk at a million rows.
        towns, indicators, periods = (
            ",".join(map(str, column)) for column in zip(*keys, strict=True)
        )
        sql = (
            f"SELECT {columns} FROM UNNEST(string_to_array(%s, ',')::bigint[], "  # noqa: S608
            "string_to_array(%s, ',')::bigint[], string_to_array(%s, ',')::varchar[]) "
            f"AS k (t, i, p) CROSS JOIN LATERAL (SELECT * FROM {table} o "
            "WHERE o.town_id = k.t AND o.indicator_id = k.i AND o.period = k.p"
            f" LIMIT 1{' FOR UPDATE' if lock else ''}) o"
        )
        params = [towns, indicators, periods]
    else:
        values = ", ".join(["(%s, %s, %s)"] * len(keys))
        sql = (
            f"WITH k (t, i, p) AS (VALUES {values}) "  # noqa: S608 - placeholders only
            f"SELECT {columns} FROM {table} o JOIN k "
            "ON o.town_id = k.t AND o.indicator_id = k.i AND o.period = k.p"
        )
        params = [value for key in keys for value in key]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        (town, indicator, period): Held(pk, _decimal(value), flags, source, version)
        for pk, town, indicator, period, value, flags, source, version in rows
    }
