"""Importing units: never over an edit made after the register was read, in bulk, with the
register read before the write transaction opens."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.premises import formats, services
from regrow.premises.choices import Status
from regrow.premises.formats.records import unit_values
from regrow.premises.models import StatusChange, Unit
from regrow.premises.services import imports

BASE = formats.UnitRecord(
    row=2,
    external_id="A1",
    street="Pils iela",
    house_number="1",
    postcode="",
    display_address="Pils iela 1",
    latitude=Decimal("57.422700"),
    longitude=Decimal("27.046100"),
    floor_area_m2=Decimal("45.00"),
    frontage_m=None,
    floor="ground",
    previous_use="",
    permitted_uses=("fashion",),
    condition="ready",
    step_free_access=False,
    has_power=True,
    has_water=False,
    has_heating=False,
    asking_rent_cents_per_month=20_000,
    notes="",
    listed_on=date(2023, 1, 1),
    status=Status.VACANT,
    status_on=date(2024, 1, 1),
)


def records(count: int = 3, **changes) -> list[formats.UnitRecord]:
    return [
        replace(BASE, row=number + 2, external_id=f"A{number}", **changes)
        for number in range(count)
    ]


def edit_meanwhile(external_id: str, by) -> Unit:
    """What an API PATCH or the unit form does: a change that moves the unit's version on."""
    unit = Unit.objects.get(external_id=external_id)
    return services.unit_update(
        unit=unit, by=by, version=unit.version, notes="Edited by someone else"
    )


def after_reading(action):
    """Patch the import so that `action` runs after it has read the register, before it writes."""
    read = imports._plan

    def read_then_act(*args, **kwargs):
        plan = read(*args, **kwargs)
        action()
        return plan

    return mock.patch.object(imports, "_plan", read_then_act)


def test_reimport_updates_changed_units_in_bulk_and_moves_each_version_on(aluksne, coordinator):
    services.units_import(town=aluksne.town, records=records(), by=coordinator)
    changed = [replace(records()[0], notes="New notes"), *records()[1:]]
    summary = services.units_import(town=aluksne.town, records=changed, by=coordinator)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 2)
    versions = dict(Unit.objects.values_list("external_id", "version"))
    assert versions == {"A0": 2, "A1": 1, "A2": 1}
    assert Unit.objects.get(external_id="A0").notes == "New notes"


def assert_unit_says(record: formats.UnitRecord) -> None:
    unit = Unit.objects.get(external_id=record.external_id)
    for name in imports.WRITTEN_FIELDS:
        actual = getattr(unit, name)
        assert (tuple(actual) if name == "permitted_uses" else actual) == getattr(record, name)


def test_every_field_of_a_new_or_changed_unit_is_written(aluksne, coordinator):
    first = replace(BASE, external_id="A0", frontage_m=Decimal("4.10"), permitted_uses=())
    services.units_import(town=aluksne.town, records=[first], by=coordinator)
    assert_unit_says(first)
    changed = replace(
        first,
        street="Dārza iela",
        house_number="7b",
        postcode="LV-4301",
        display_address="Dārza iela 7b",
        latitude=Decimal("57.423900"),
        longitude=Decimal("27.044200"),
        floor_area_m2=Decimal("60.50"),
        frontage_m=None,
        floor="upper",
        previous_use="grocery",
        permitted_uses=("fashion", "grocery"),
        condition="needs_work",
        step_free_access=True,
        has_power=False,
        has_water=True,
        has_heating=True,
        asking_rent_cents_per_month=None,
        notes="Fresh paint",
        listed_on=date(2022, 6, 1),
    )
    services.units_import(town=aluksne.town, records=[changed], by=coordinator)
    assert_unit_says(changed)
    unit = Unit.objects.get(external_id="A0")
    assert (unit.town, unit.owner, unit.offered_publicly) == (aluksne.town, None, False)
    change = StatusChange.objects.get(unit=unit)
    assert (change.source, change.recorded_by, change.status) == ("import", coordinator, "vacant")


def test_an_import_refuses_a_unit_changed_after_the_preview_read_it(aluksne, coordinator):
    services.units_import(town=aluksne.town, records=records(), by=coordinator)
    file = records(notes="From the file", status=Status.LET)
    seen = services.units_versions(town=aluksne.town, external_ids=[r.external_id for r in file])
    edit_meanwhile("A1", coordinator)
    with pytest.raises(services.ImportConflict) as refused:
        services.units_import(town=aluksne.town, records=file, by=coordinator, read_versions=seen)
    assert [(e.row, e.field) for e in refused.value.errors] == [(3, "external_id")]
    assert "A1" in refused.value.errors[0].message
    # All or nothing: the edit stays, and no other unit or status was written either.
    notes = dict(Unit.objects.values_list("external_id", "notes"))
    assert notes == {"A0": "", "A1": "Edited by someone else", "A2": ""}
    assert not StatusChange.objects.filter(status=Status.LET).exists()


def test_an_import_refuses_a_unit_changed_between_its_read_and_its_write(aluksne, coordinator):
    """The command-line import has no preview: the import's own read is the one compared."""
    services.units_import(town=aluksne.town, records=records(), by=coordinator)
    file = records(notes="From the file", status=Status.LET)
    with (
        after_reading(lambda: edit_meanwhile("A2", coordinator)),
        pytest.raises(services.ImportConflict) as refused,
    ):
        services.units_import(town=aluksne.town, records=file, by=coordinator)
    assert [(e.row, e.field) for e in refused.value.errors] == [(4, "external_id")]
    notes = dict(Unit.objects.values_list("external_id", "notes"))
    assert notes == {"A0": "", "A1": "", "A2": "Edited by someone else"}
    assert dict(Unit.objects.values_list("external_id", "version")) == {"A0": 1, "A1": 1, "A2": 2}
    assert not StatusChange.objects.filter(status=Status.LET).exists()


def test_an_import_refuses_a_unit_added_by_someone_else_while_it_ran(aluksne, coordinator):
    def add_a1():
        services.unit_create(
            town=aluksne.town, by=coordinator, **{**unit_values(BASE), "notes": "Mine"}
        )

    with after_reading(add_a1), pytest.raises(services.ImportConflict) as refused:
        services.units_import(town=aluksne.town, records=records(), by=coordinator)
    assert [(e.row, e.field) for e in refused.value.errors] == [(3, "external_id")]
    assert list(Unit.objects.values_list("external_id", "notes")) == [("A1", "Mine")]


def test_an_import_refuses_units_added_or_removed_since_the_preview(aluksne, coordinator):
    services.units_import(town=aluksne.town, records=records(2), by=coordinator)
    file = records(3, notes="From the file")
    seen = services.units_versions(town=aluksne.town, external_ids=[r.external_id for r in file])
    assert seen == {"A0": 1, "A1": 1}
    Unit.objects.filter(external_id="A0").delete()
    services.unit_create(town=aluksne.town, by=coordinator, **unit_values(file[2]))
    with pytest.raises(services.ImportConflict) as refused:
        services.units_import(town=aluksne.town, records=file, by=coordinator, read_versions=seen)
    assert [e.row for e in refused.value.errors] == [2, 4]
    assert Unit.objects.get(external_id="A1").notes == ""


def test_the_write_transaction_opens_only_after_the_register_was_read(aluksne, coordinator):
    """On SQLite a write transaction keeps every other writer waiting: nothing is read in it."""
    services.units_import(town=aluksne.town, records=records(2), by=coordinator)
    file = records(4, notes="From the file", status=Status.LET)
    with CaptureQueriesContext(connection) as captured:
        summary = services.units_import(town=aluksne.town, records=file, by=coordinator)
    assert (summary.created, summary.updated, summary.statuses_added) == (2, 2, 4)
    statements = [query["sql"].lstrip().split(None, 1)[0].upper() for query in captured]
    # The tests run inside a transaction, so the import's own is a savepoint.
    opened = statements.index("SAVEPOINT")
    # (PostgreSQL reads with a server-side cursor: DECLARE … CURSOR FOR SELECT …)
    assert {"SELECT", "DECLARE"} & set(statements[:opened])
    writes = {"SAVEPOINT", "RELEASE", "INSERT", "UPDATE", "WITH"}
    assert set(statements[opened:]) <= writes, statements


def test_a_changed_reimport_runs_as_many_queries_for_30_units_as_for_3(aluksne, coordinator):
    counts = []
    for count in (3, 30):
        services.units_import(town=aluksne.town, records=records(count), by=coordinator)
        changed = records(count, notes=f"Now {count}", status=Status.LET)
        with CaptureQueriesContext(connection) as captured:
            summary = services.units_import(town=aluksne.town, records=changed, by=coordinator)
        assert (summary.updated, summary.statuses_added) == (count, count)
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_reimporting_a_status_older_than_the_latest_adds_it_once(aluksne, coordinator):
    """The file says "vacant since 2024-01-01", the register has "let since 2024-06-01" too:
    the first import records the earlier status, a re-import of the same file nothing more."""
    services.units_import(
        town=aluksne.town,
        records=records(1, status=Status.LET, status_on=date(2024, 6, 1)),
        by=coordinator,
    )
    for _ in range(2):
        services.units_import(town=aluksne.town, records=records(1), by=coordinator)
    history = list(StatusChange.objects.values_list("effective_on", "status"))
    assert history == [(date(2024, 1, 1), Status.VACANT), (date(2024, 6, 1), Status.LET)]


def test_a_status_the_history_already_says_on_that_day_is_not_added(aluksne, coordinator):
    services.units_import(town=aluksne.town, records=records(1), by=coordinator)
    later = records(1, status_on=date(2024, 3, 1))
    assert (
        services.units_import(town=aluksne.town, records=later, by=coordinator).statuses_added == 0
    )
    other = records(1, status=Status.LET, status_on=date(2023, 6, 1))
    assert (
        services.units_import(town=aluksne.town, records=other, by=coordinator).statuses_added == 1
    )


def test_the_command_line_import_names_units_changed_while_it_ran(aluksne, coordinator, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(
        "external_id,street,latitude,longitude,floor_area_m2,notes\n"
        "A0,Pils iela,57.4227,27.0461,45,from the file\n",
        encoding="utf-8",
    )
    services.units_import(town=aluksne.town, records=records(1), by=coordinator)
    err = StringIO()
    with (
        after_reading(lambda: edit_meanwhile("A0", coordinator)),
        pytest.raises(
            CommandError, match=r"1 unit\(s\) changed in the register while the import ran"
        ),
    ):
        call_command(
            "import", "units", str(path), town="aluksne", as_user=coordinator.email, stderr=err
        )
    assert "row 2, external_id: The unit A0 was changed" in err.getvalue()
    assert Unit.objects.get(external_id="A0").notes == "Edited by someone else"
