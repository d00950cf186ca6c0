"""Writes about the units a round offers: adding and removing them, their terms and rent
phases, and the owner agreement (head lease) for each."""

from itertools import pairwise

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.popups.choices import RoundStatus
from regrow.popups.models import OwnerAgreement, RentPhase, Round, RoundUnit
from regrow.popups.services.rounds import renew_public_pages, require_coordinator
from regrow.premises.models import Unit

TERM_FIELDS = frozenset(
    {
        "rent_basis",
        "phase_unit",
        "service_charges_cents_per_month",
        "min_stay_weeks",
        "max_stay_weeks",
        "allowed_categories",
        "capacity",
    }
)
AGREEMENT_FIELDS = frozenset(
    {
        "owner",
        "intermediary_name",
        "intermediary_address",
        "starts_on",
        "ends_on",
        "rent_cents_per_month",
        "service_charges_cents_per_month",
        "conditions",
        "status",
    }
)


@transaction.atomic
def round_unit_add(*, round_: Round, unit: Unit, by) -> RoundUnit:
    """Offer a unit of the town's register in the round, at its asking rent to begin with."""
    require_coordinator(by, round_.town)
    if unit.town_id != round_.town_id:
        raise ValidationError({"unit": _("Choose a unit of this town's register.")})
    if round_.status == RoundStatus.ALLOCATED:
        raise ValidationError({"unit": _("The round is allocated: its units are fixed.")})
    if RoundUnit.objects.filter(round=round_, unit=unit).exists():
        raise ValidationError({"unit": _("This unit is already offered in the round.")})
    offer = RoundUnit(round=round_, unit=unit)
    offer.full_clean(validate_constraints=False)
    try:
        # A second coordinator adding the same unit at the same moment meets the constraint.
        with transaction.atomic():
            offer.save()
    except IntegrityError:
        raise ValidationError({"unit": _("This unit is already offered in the round.")}) from None
    RentPhase.objects.create(
        round_unit=offer, starts_at=1, amount_cents=unit.asking_rent_cents_per_month or 0
    )
    renew_public_pages(round_.town)
    return offer


@transaction.atomic
def round_unit_remove(*, offer: RoundUnit, by) -> None:
    """Stop offering the unit (with its terms and agreement), until the round is allocated."""
    require_coordinator(by, offer.round.town)
    if offer.round.status == RoundStatus.ALLOCATED:
        raise ValidationError({"unit": _("The round is allocated: its units are fixed.")})
    renew_public_pages(offer.round.town)
    offer.delete()


def validate_phases(phases: list[tuple[int, int]]) -> None:
    """Phases as (from week or month, rent in cents): the first from 1, then in rising order."""
    if not phases:
        raise ValidationError({"phases": _("Give the rent for at least the first phase.")})
    starts = [start for start, _amount in phases]
    if starts[0] != 1:
        raise ValidationError({"phases": _("The first rent phase starts at week or month 1.")})
    if any(later <= earlier for earlier, later in pairwise(starts)):
        raise ValidationError({"phases": _("Each rent phase must start after the one before it.")})
    if any(amount < 0 for _start, amount in phases):
        raise ValidationError({"phases": _("A rent cannot be negative.")})


@transaction.atomic
def round_unit_set_terms(
    *, offer: RoundUnit, by, version: int, phases: list[tuple[int, int]], **terms
) -> RoundUnit:
    """Save the unit's terms and its rent phases (replacing the earlier ones) together, as
    edited from version `version`."""
    require_coordinator(by, offer.round.town)
    unknown = set(terms) - TERM_FIELDS
    if unknown:
        raise TypeError(f"unknown terms: {', '.join(sorted(unknown))}")
    for name, value in terms.items():
        setattr(offer, name, value)
    errors = {}
    if offer.capacity is not None and offer.capacity < 1:
        errors["capacity"] = _("At least one pop-up must fit in the unit.")
    if (
        offer.min_stay_weeks
        and offer.max_stay_weeks
        and offer.min_stay_weeks > offer.max_stay_weeks
    ):
        errors["max_stay_weeks"] = _("The longest stay cannot be shorter than the shortest.")
    if errors:
        raise ValidationError(errors)
    offer.full_clean(validate_constraints=False)
    validate_phases(phases)
    offer.version = claim_version(
        RoundUnit,
        offer.pk,
        version,
        _("Someone else changed this unit's terms meanwhile. Reload them and try again."),
    )
    offer.save()
    offer.phases.all().delete()
    RentPhase.objects.bulk_create(
        RentPhase(round_unit=offer, starts_at=start, amount_cents=amount)
        for start, amount in phases
    )
    renew_public_pages(offer.round.town)
    return offer


@transaction.atomic
def agreement_save(*, offer: RoundUnit, by, version: int | None = None, **data) -> OwnerAgreement:
    """Record the head lease for the offered unit, or save changes made to version `version`."""
    town = offer.round.town
    require_coordinator(by, town)
    unknown = set(data) - AGREEMENT_FIELDS
    if unknown:
        raise TypeError(f"unknown agreement fields: {', '.join(sorted(unknown))}")
    agreement = OwnerAgreement.objects.filter(round_unit=offer).first()
    if agreement is None:
        agreement = OwnerAgreement(round_unit=offer)
    for name, value in data.items():
        setattr(agreement, name, value)
    errors = {}
    if agreement.owner_id and agreement.owner.town_id != town.pk:
        raise PermissionDenied
    if agreement.starts_on and agreement.ends_on and agreement.ends_on < agreement.starts_on:
        errors["ends_on"] = _("The term cannot end before it starts.")
    elif agreement.ends_on and agreement.ends_on < offer.round.programme_starts_on:
        errors["ends_on"] = _("The term ends before the round's programme starts.")
    if errors:
        raise ValidationError(errors)
    agreement.full_clean(exclude=["round_unit"])
    if agreement.pk:
        agreement.version = claim_version(
            OwnerAgreement,
            agreement.pk,
            version if version is not None else agreement.version,
            _("Someone else changed this agreement meanwhile. Reload it and try again."),
        )
    agreement.save()
    return agreement
