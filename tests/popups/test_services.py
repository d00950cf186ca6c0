"""The round's services: what they refuse, each naming the field, and who may call them."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.lib.concurrency import ConcurrentEditError
from regrow.popups import services
from regrow.popups.choices import RoundStatus
from regrow.popups.models import RentPhase, Round, RoundUnit
from regrow.towns.models import Role
from tests.popups.conftest import round_values
from tests.premises.conftest import make_unit


def refused_fields(call) -> set[str]:
    with pytest.raises(ValidationError) as refusal:
        call()
    return set(refusal.value.message_dict)


def test_a_coordinator_creates_a_draft_round(draft_round):
    assert draft_round.status == RoundStatus.DRAFT
    assert draft_round.titles == {"lv": "Pop-up pavasaris", "en": "Pop-up spring"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"applications_close_on_days": -1}, "applications_close_on"),
        ({"programme_ends_on_days": 40}, "programme_ends_on"),
        ({"applications_close_on_days": 50}, "applications_close_on"),
        ({"programme_ends_on_days": 45 + 800}, "programme_ends_on"),
        (
            {"programme_starts_on_days": 6 * 366, "programme_ends_on_days": 6 * 366 + 30},
            "programme_starts_on",
        ),
    ],
)
def test_dates_out_of_order_or_bounds_are_refused_naming_the_field(
    aluksne, coordinator_of, changes, field
):
    today = aluksne.town.today()
    values = round_values(aluksne.town)
    for name, days in changes.items():
        values[name.removesuffix("_days")] = today + timedelta(days=days)
    assert field in refused_fields(
        lambda: services.round_save(town=aluksne.town, by=coordinator_of, **values)
    )
    assert not Round.objects.exists()


def test_a_grant_above_the_budget_and_a_missing_title_are_refused(aluksne, coordinator_of):
    values = round_values(aluksne.town, max_grant_cents=600_000, titles={"en": "Only English"})
    fields = refused_fields(
        lambda: services.round_save(town=aluksne.town, by=coordinator_of, **values)
    )
    assert fields == {"max_grant_cents", "titles"}


def test_a_round_without_units_cannot_open(draft_round, coordinator_of):
    assert "status" in refused_fields(
        lambda: services.round_save(
            town=draft_round.town,
            by=coordinator_of,
            round_=draft_round,
            version=draft_round.version,
            status=RoundStatus.OPEN,
        )
    )


def test_a_stale_version_of_the_round_is_refused(draft_round, coordinator_of):
    version = draft_round.version
    services.round_save(
        town=draft_round.town,
        by=coordinator_of,
        round_=draft_round,
        version=version,
        titles={"lv": "Pirmais"},
    )
    stale = Round.objects.get(pk=draft_round.pk)
    with pytest.raises(ConcurrentEditError):
        services.round_save(
            town=draft_round.town,
            by=coordinator_of,
            round_=stale,
            version=version,
            titles={"lv": "Otrais"},
        )
    assert Round.objects.get(pk=draft_round.pk).titles == {"lv": "Pirmais"}


@pytest.mark.parametrize("role", [Role.EDITOR, Role.JURY_MEMBER, Role.ENTREPRENEUR])
def test_other_roles_may_not_create_rounds(aluksne, role):
    with pytest.raises(PermissionDenied):
        services.round_save(
            town=aluksne.town, by=aluksne.people[role], **round_values(aluksne.town)
        )


def test_the_coordinator_of_another_town_may_not_change_a_round(draft_round, altena):
    with pytest.raises(PermissionDenied):
        services.round_save(
            town=draft_round.town,
            by=altena.people[Role.COORDINATOR],
            round_=draft_round,
            version=draft_round.version,
            titles={"lv": "Svešs"},
        )


def test_an_offered_unit_starts_at_its_asking_rent(offer):
    assert list(offer.phases.values_list("starts_at", "amount_cents")) == [(1, 25_000)]


def test_a_unit_is_offered_once_per_round(draft_round, offer, coordinator_of):
    assert "unit" in refused_fields(
        lambda: services.round_unit_add(round_=draft_round, unit=offer.unit, by=coordinator_of)
    )
    assert RoundUnit.objects.count() == 1


def test_a_unit_of_another_town_cannot_be_offered(draft_round, altena, coordinator_of):
    other = make_unit(altena.town, "ALT-1")
    assert "unit" in refused_fields(
        lambda: services.round_unit_add(round_=draft_round, unit=other, by=coordinator_of)
    )


def test_terms_with_phased_rent_are_saved(offer, coordinator_of):
    services.round_unit_set_terms(
        offer=offer,
        by=coordinator_of,
        version=offer.version,
        phases=[(1, 0), (4, 100)],
        rent_basis="per_m2",
        capacity=2,
        min_stay_weeks=4,
        max_stay_weeks=12,
        allowed_categories=["food", "crafts"],
    )
    offer.refresh_from_db()
    assert (offer.capacity, offer.rent_basis, offer.version) == (2, "per_m2", 2)
    assert list(RentPhase.objects.values_list("starts_at", "amount_cents")) == [(1, 0), (4, 100)]


@pytest.mark.parametrize(
    ("terms", "field"),
    [
        ({"min_stay_weeks": 9, "max_stay_weeks": 8}, "max_stay_weeks"),
        ({"capacity": 0}, "capacity"),
        ({"phases": [(2, 0)]}, "phases"),
        ({"phases": [(1, 0), (4, 100), (3, 50)]}, "phases"),
        ({"phases": [(1, 0), (1, 50)]}, "phases"),
        ({"phases": []}, "phases"),
        ({"allowed_categories": ["weapons"]}, "allowed_categories"),
    ],
)
def test_bad_terms_are_refused_naming_the_field_and_change_nothing(
    offer, coordinator_of, terms, field
):
    terms = {"phases": [(1, 0)], **terms}
    assert field in refused_fields(
        lambda: services.round_unit_set_terms(
            offer=offer, by=coordinator_of, version=offer.version, **terms
        )
    )
    offer.refresh_from_db()
    assert (offer.version, offer.capacity, offer.max_stay_weeks) == (1, 1, 8)
    assert list(offer.phases.values_list("starts_at", "amount_cents")) == [(1, 25_000)]


def test_stale_terms_are_refused(offer, coordinator_of):
    services.round_unit_set_terms(offer=offer, by=coordinator_of, version=1, phases=[(1, 0)])
    with pytest.raises(ConcurrentEditError):
        services.round_unit_set_terms(
            offer=RoundUnit.objects.get(pk=offer.pk),
            by=coordinator_of,
            version=1,
            phases=[(1, 500)],
        )
    assert list(offer.phases.values_list("amount_cents", flat=True)) == [0]


def agreement_values(offer, owner, **changes):
    values = {
        "owner": owner,
        "intermediary_name": "Alūksnes novada pašvaldība",
        "intermediary_address": "Dārza iela 11, Alūksne, LV-4301",
        "starts_on": offer.round.programme_starts_on,
        "ends_on": offer.round.programme_ends_on,
        "rent_cents_per_month": 10_000,
        "status": "signed",
    }
    values.update(changes)
    return values


def test_an_owner_agreement_is_recorded_then_a_stale_edit_refused(offer, coordinator_of):
    from regrow.premises.models import Owner

    owner = Owner.objects.create(town=offer.round.town, name="Ilze")
    agreement = services.agreement_save(
        offer=offer, by=coordinator_of, **agreement_values(offer, owner)
    )
    assert (agreement.status, agreement.version) == ("signed", 1)
    services.agreement_save(offer=offer, by=coordinator_of, version=1, conditions="Bez remonta")
    with pytest.raises(ConcurrentEditError):
        services.agreement_save(offer=offer, by=coordinator_of, version=1, conditions="Cits")
    agreement.refresh_from_db()
    assert (agreement.conditions, agreement.version) == ("Bez remonta", 2)


def test_an_agreement_ending_before_it_starts_is_refused(offer, coordinator_of):
    from regrow.premises.models import Owner

    owner = Owner.objects.create(town=offer.round.town, name="Ilze")
    values = agreement_values(
        offer, owner, ends_on=offer.round.programme_starts_on - timedelta(days=1)
    )
    assert "ends_on" in refused_fields(
        lambda: services.agreement_save(offer=offer, by=coordinator_of, **values)
    )


def test_an_owner_of_another_town_cannot_sign(offer, coordinator_of, altena):
    from regrow.premises.models import Owner

    stranger = Owner.objects.create(town=altena.town, name="Fremd")
    with pytest.raises(PermissionDenied):
        services.agreement_save(offer=offer, by=coordinator_of, **agreement_values(offer, stranger))


def test_an_event_ending_before_it_starts_is_refused(draft_round, coordinator_of):
    day = draft_round.programme_starts_on
    assert "ends_on" in refused_fields(
        lambda: services.event_add(
            round_=draft_round,
            by=coordinator_of,
            titles={"lv": "Pop-up nedēļas nogale"},
            starts_on=day,
            ends_on=day - timedelta(days=1),
        )
    )


def test_a_criterion_needs_a_name(draft_round, coordinator_of):
    assert "names" in refused_fields(
        lambda: services.criterion_add(round_=draft_round, by=coordinator_of, names={}, weight=1)
    )


def test_changes_renew_the_towns_cached_pages(
    draft_round, unit, coordinator_of, monkeypatch, django_capture_on_commit_callbacks
):
    renewed = []
    monkeypatch.setattr("regrow.lib.pagecache.place_changed", renewed.append)
    with django_capture_on_commit_callbacks(execute=True):
        services.round_unit_add(round_=draft_round, unit=unit, by=coordinator_of)
    assert renewed == ["aluksne"]
