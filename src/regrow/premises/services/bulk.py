"""Writing many rows in a few statements, with every value made ready before the transaction.

An import writes up to a whole register. Django's `bulk_create` and `bulk_update` turn each value
into its database form as they run, inside the import's transaction, which on SQLite keeps every
other writer waiting; `bulk_update` also cannot make a row's update depend on its version, and its
`CASE WHEN id = … THEN …` per field grows with the square of the batch on PostgreSQL. Here the
values are made ready first (`database_rows`), and each batch is then one statement: on
PostgreSQL with one array parameter per column (`UNNEST`), on SQLite (3.35 or later, for
`RETURNING`) with a list of rows.
"""

from collections.abc import Iterable, Sequence

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Field, Model

# Rows per statement: with a unit's 27 columns, under SQLite's 32,766 parameters.
BATCH_SIZE = 1000
# Fields whose checked Python values (str, bool, int, None) the database takes as they are;
# asking Django to convert each of 100,000 rows' values took seconds.
_TAKEN_AS_THEY_ARE = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "IntegerField",
        "PositiveIntegerField",
        "TextField",
    }
)


def _fields(model: type[Model], names: Sequence[str]) -> list[Field]:
    return [model._meta.get_field(name) for name in names]


def _internal_type(field: Field) -> str:
    return (field.target_field if field.is_relation else field).get_internal_type()


def database_rows(
    model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[object]]
) -> list[tuple]:
    """Each row's values (in the order of `fields`) in the form the database takes. Run it
    before the transaction opens."""
    converters = [
        (index, field.get_db_prep_save)
        for index, field in enumerate(_fields(model, fields))
        if _internal_type(field) not in _TAKEN_AS_THEY_ARE
    ]
    database = connections[DEFAULT_DB_ALIAS]
    prepared = []
    for row in rows:
        values = list(row)
        for index, convert in converters:
            values[index] = convert(values[index], database)
        prepared.append(tuple(values))
    return prepared


def insert(
    model: type[Model],
    fields: Sequence[str],
    rows: Sequence[tuple],
    returning: Sequence[str] = (),
    batch_size: int = BATCH_SIZE,
) -> list[tuple]:
    """Insert `rows` (from database_rows); the `returning` columns of each new row, in no
    particular order."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    table = quote(model._meta.db_table)
    model_fields = _fields(model, fields)
    columns = ", ".join(quote(field.column) for field in model_fields)
    returned = ", ".join(quote(field.column) for field in _fields(model, returning))
    returned = f" RETURNING {returned}" if returning else ""
    inserted = []
    for start in range(0, len(rows), batch_size):
        batch = rows[start : start + batch_size]
        with_v, v, params = _source(model_fields, batch)
        sql = (
            f"{with_v}INSERT INTO {table} ({columns}) "  # noqa: S608 - names from the model
            f"SELECT * FROM {v}{returned}"
        )
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute(sql, params)
            if returning:
                inserted += cursor.fetchall()
    return inserted


def update_unchanged(
    model: type[Model],
    fields: Sequence[str],
    rows: Sequence[tuple],
    batch_size: int = BATCH_SIZE,
    progress=None,
) -> list[int]:
    """Write `fields` of each row (primary key, version read, values from database_rows) that
    is still at the version read, and move its version on by one. Returns the primary keys of
    the rows that had moved on (or gone), which are left as they are. Call it inside the
    transaction that must be undone if any had."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    meta = model._meta
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    version = quote(meta.get_field("version").column)
    model_fields = [meta.pk, meta.get_field("version"), *_fields(model, fields)]
    assignments = ", ".join(
        f"{quote(field.column)} = v.{quote(field.column)}" for field in model_fields[2:]
    )
    moved_on = []
    for start in range(0, len(rows), batch_size):
        batch = rows[start : start + batch_size]
        with_v, v, params = _source(model_fields, batch)
        # Only names from the model's metadata go into the text; every value is a parameter.
        sql = (
            f"{with_v}UPDATE {table} SET {assignments}, "  # noqa: S608
            f"{version} = {table}.{version} + 1 FROM {v} "
            f"WHERE {table}.{pk} = v.{pk} AND {table}.{version} = v.{version} "
            f"RETURNING {table}.{pk}"
        )
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute(sql, params)
            updated = {row_id for (row_id,) in cursor.fetchall()}
        moved_on += [row[0] for row in batch if row[0] not in updated]
        if progress:
            progress(start + len(batch))
    return moved_on


def _source(fields: list[Field], batch: Sequence[tuple]) -> tuple[str, str, list]:
    """The batch as a table `v` with the fields' columns: a WITH clause to put first (or ""),
    what to name after FROM, and the parameters."""
    database = connections[DEFAULT_DB_ALIAS]
    columns = ", ".join(database.ops.quote_name(field.column) for field in fields)
    if database.vendor == "postgresql":
        # One typed array per column: a statement of a few parameters, planned at once.
        arrays = ", ".join(f"%s::{field.db_type(database).split('(')[0]}[]" for field in fields)
        return (
            "",
            f"UNNEST({arrays}) AS v ({columns})",
            [list(column) for column in zip(*batch, strict=True)],
        )
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    values = ", ".join([row] * len(batch))
    return (
        f"WITH v ({columns}) AS (VALUES {values}) ",
        "v",
        [value for row_values in batch for value in row_values],
    )
