"""Writing the register: statuses are append-only and dated sensibly; edits never overwrite."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.lib.concurrency import ConcurrentEditError
from regrow.premises import services
from regrow.premises.choices import Status
from regrow.premises.models import StatusChange
from regrow.towns.models import Role
from tests.premises.conftest import make_unit


def test_recording_a_status_appends_to_history(aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1")
    services.unit_record_status(
        unit=unit, status=Status.VACANT, effective_on=date(2024, 1, 1), by=coordinator
    )
    services.unit_record_status(
        unit=unit, status=Status.POPUP, effective_on=date(2024, 6, 1), by=coordinator
    )
    assert list(unit.status_changes.values_list("status", flat=True)) == ["vacant", "popup"]
    assert unit.status_changes.first().recorded_by == coordinator


def test_history_cannot_be_rewritten_or_deleted(aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1")
    change = services.unit_record_status(
        unit=unit, status=Status.VACANT, effective_on=date(2024, 1, 1), by=coordinator
    )
    change.status = Status.OCCUPIED
    with pytest.raises(TypeError, match="append-only"):
        change.save()
    with pytest.raises(TypeError, match="append-only"):
        change.delete()
    with pytest.raises(TypeError, match="append-only"):
        StatusChange.objects.filter(pk=change.pk).update(status=Status.LET)
    with pytest.raises(TypeError, match="append-only"):
        StatusChange.objects.all().delete()
    assert StatusChange.objects.get(pk=change.pk).status == Status.VACANT


def test_status_in_the_future_or_before_listing_is_refused(aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1", listed_on=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="future"):
        services.unit_record_status(
            unit=unit,
            status=Status.VACANT,
            effective_on=aluksne.town.today() + timedelta(days=1),
            by=coordinator,
        )
    with pytest.raises(ValidationError, match="only since 2024-01-01"):
        services.unit_record_status(
            unit=unit, status=Status.VACANT, effective_on=date(2023, 12, 31), by=coordinator
        )
    assert not unit.status_changes.exists()


def test_unknown_status_is_refused(aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1")
    with pytest.raises(ValidationError):
        services.unit_record_status(
            unit=unit, status="abandoned", effective_on=date(2024, 1, 1), by=coordinator
        )


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.COORDINATOR])
def test_only_coordinators_record_statuses(aluksne, role):
    unit = make_unit(aluksne.town, "A1")
    with pytest.raises(PermissionDenied):
        services.unit_record_status(
            unit=unit, status=Status.VACANT, effective_on=date(2024, 1, 1), by=aluksne.people[role]
        )


def test_edit_based_on_an_old_version_is_refused_and_nothing_is_overwritten(aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1")
    services.unit_update(unit=unit, by=coordinator, version=1, notes="first editor")
    with pytest.raises(ConcurrentEditError, match="Someone else saved this unit"):
        services.unit_update(unit=unit, by=coordinator, version=1, notes="second editor")
    unit.refresh_from_db()
    assert unit.notes == "first editor"
    assert unit.version == 2


def test_owner_may_correct_the_description_but_not_the_address(aluksne, owner_with_unit):
    owner = aluksne.people[Role.PROPERTY_OWNER]
    unit = owner_with_unit["mine"]
    services.unit_update(unit=unit, by=owner, version=1, floor_area_m2=Decimal("50"))
    with pytest.raises(PermissionDenied):
        services.unit_update(unit=unit, by=owner, version=2, street="Elsewhere")
    with pytest.raises(PermissionDenied):
        services.unit_update(
            unit=owner_with_unit["neighbour"], by=owner, version=1, notes="not mine"
        )


def test_survey_records_only_what_changed_dated_on_the_survey_day(aluksne, coordinator):
    first = make_unit(aluksne.town, "A1", house_number="2")
    second = make_unit(aluksne.town, "A2", house_number="10")
    elsewhere = make_unit(aluksne.town, "B1", street="Dārza iela")
    for unit in (first, second, elsewhere):
        services.unit_record_status(
            unit=unit, status=Status.OCCUPIED, effective_on=date(2024, 1, 1), by=coordinator
        )
    survey, changed = services.survey_record(
        town=aluksne.town,
        street="Pils iela",
        surveyed_on=date(2025, 5, 2),
        seen={first.pk: Status.OCCUPIED, second.pk: Status.VACANT},
        by=coordinator,
    )
    assert changed == 1
    change = second.status_changes.latest("id")
    assert (change.status, change.effective_on, change.source) == (
        "vacant",
        date(2025, 5, 2),
        "survey",
    )
    assert change.survey == survey
    assert first.status_changes.count() == 1


def test_survey_refuses_units_of_another_street_and_future_dates(aluksne, coordinator):
    elsewhere = make_unit(aluksne.town, "B1", street="Dārza iela")
    with pytest.raises(ValidationError, match="not on this street"):
        services.survey_record(
            town=aluksne.town,
            street="Pils iela",
            surveyed_on=date(2025, 5, 2),
            seen={elsewhere.pk: Status.VACANT},
            by=coordinator,
        )
    with pytest.raises(ValidationError, match="future"):
        services.survey_record(
            town=aluksne.town,
            street="Dārza iela",
            surveyed_on=aluksne.town.today() + timedelta(days=2),
            seen={elsewhere.pk: Status.VACANT},
            by=coordinator,
        )
    assert not StatusChange.objects.exists()
