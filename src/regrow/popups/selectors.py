"""Reads of rounds: the coordinator's lists and the public's, in a bounded number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet

from regrow.popups.choices import RoundStatus
from regrow.popups.models import OwnerAgreement, RentPhase, Round, RoundUnit
from regrow.premises.models import Unit
from regrow.towns.models import Town

# Rounds, offered units, criteria and events: this many to a page.
PAGE_SIZE = 20
# The most offered units a round's map draws.
MAP_MAX_UNITS = 500


def rounds_of_town(town: Town) -> QuerySet[Round]:
    """Every round of the town, newest programme first, with how many units each offers."""
    return town.popup_rounds.annotate(unit_count=Count("offered_units")).order_by(
        "-programme_starts_on", "-id"
    )


def public_rounds(town: Town) -> QuerySet[Round]:
    """The rounds anyone may see: all but drafts. Open ones first, then by programme."""
    return (
        town.popup_rounds.exclude(status=RoundStatus.DRAFT)
        .annotate(unit_count=Count("offered_units"))
        .order_by("-programme_starts_on", "-id")
    )


def open_or_coming(town: Town) -> QuerySet[Round]:
    """Public rounds whose programme has not ended: what the town's Pop-up section is for."""
    return public_rounds(town).filter(
        Q(status=RoundStatus.OPEN) | Q(status=RoundStatus.CLOSED),
        programme_ends_on__gte=town.today(),
    )


def has_public_rounds(town: Town) -> bool:
    return open_or_coming(town).exists()


def offers_with_terms(round_: Round) -> QuerySet[RoundUnit]:
    """The round's offered units with their unit, rent phases and agreement: three queries."""
    return (
        round_.offered_units.select_related("unit", "agreement", "agreement__owner")
        .prefetch_related(Prefetch("phases", queryset=RentPhase.objects.order_by("starts_at")))
        .order_by("unit__street", "unit__house_number_sort", "unit__house_number", "id")
    )


def units_to_offer(round_: Round) -> QuerySet[Unit]:
    """The town's units not yet offered in the round, in address order."""
    return round_.town.units.exclude(popup_offers__round=round_)


def agreement_of(offer: RoundUnit) -> OwnerAgreement | None:
    return OwnerAgreement.objects.select_related("owner").filter(round_unit=offer).first()


def fit_offers(round_: Round) -> list:
    """The round's offered units as the fit check takes them (two queries)."""
    from regrow.popups import fit
    from regrow.popups.choices import PhaseUnit, RentBasis

    offers = round_.offered_units.select_related("unit").prefetch_related(
        Prefetch("phases", queryset=RentPhase.objects.order_by("starts_at"))
    )
    return [
        fit.Offer(
            id=offer.pk,
            area_m2=float(offer.unit.floor_area_m2),
            phases=tuple((phase.starts_at, phase.amount_cents) for phase in offer.phases.all()),
            rent_per_m2=offer.rent_basis == RentBasis.PER_M2,
            phases_in_weeks=offer.phase_unit == PhaseUnit.WEEK,
            min_stay_weeks=offer.min_stay_weeks,
            max_stay_weeks=offer.max_stay_weeks,
            allowed_categories=frozenset(offer.allowed_categories),
        )
        for offer in offers
    ]


def may_see_application(user, application) -> bool:
    """The applicant, the round's coordinators and its jurors (submitted applications only)."""
    from regrow.towns.permissions import Action, can

    if not getattr(user, "is_authenticated", False):
        return False
    if application.applicant_id == user.pk:
        return True
    from regrow.popups.choices import ApplicationStatus
    from regrow.popups.models import RoundJuror

    # A draft is the applicant's own until it is submitted: not even the coordinators see it.
    if application.status == ApplicationStatus.DRAFT:
        return False
    town = application.round.town
    if can(user, Action.CHANGE_TOWN, town):
        return True
    # A juror of the round sees what was submitted to it, while they hold the role.
    return (
        can(user, Action.SCORE_APPLICATIONS, town)
        and RoundJuror.objects.filter(round_id=application.round_id, user=user).exists()
    )


def applications_of(user):
    """The user's own applications, newest round first, with the round and its town."""
    from regrow.popups.models import Application

    return (
        Application.objects.filter(applicant=user)
        .select_related("round", "round__town")
        .order_by("-round__programme_starts_on", "-id")
    )


def applications_of_round(round_: Round):
    """The round's applications for its coordinators (drafts left out), with the applicant."""
    from regrow.popups.choices import ApplicationStatus

    return (
        round_.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("applicant")
        .order_by("status", "submitted_at", "id")
    )
