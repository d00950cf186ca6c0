"""Reads about towns and roles."""

from django.db.models import QuerySet
from django.utils import timezone

from regrow.towns.models import Invitation, Membership, Role, Town


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("town").order_by("town__name")


def town_members(town: Town) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(town=town).select_related("user").order_by("role", "user__email")
    )


def pending_invitations(town: Town) -> QuerySet[Invitation]:
    """Invitations whose link still works: not accepted, withdrawn or expired."""
    return Invitation.objects.filter(
        town=town,
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")


def is_coordinator_anywhere(user) -> bool:
    return Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()


def public_towns() -> QuerySet[Town]:
    return Town.objects.order_by("name")
