"""Reads for the network's members' area: a person's networks, the network's people, its
phases, milestones, components (with their thematic groups) and partners, and a partner's
local stakeholder group. Each returns what a page needs in a bounded number of queries."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from regrow.network.models import (
    Component,
    GuidanceDocument,
    Milestone,
    Network,
    NetworkMembership,
    Partner,
    Phase,
    Stakeholder,
)
from regrow.towns.models import Membership, Role
from regrow.towns.permissions import Action, can

PAGE_SIZE = 50


def networks_of(user) -> QuerySet[Network]:
    """The networks `user` may enter: those they hold a role in, and those a town they
    coordinate is a partner of (every network for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return Network.objects.none()
    if user.is_superuser:
        return Network.objects.all()
    coordinated = Membership.objects.filter(user=user, role=Role.COORDINATOR).values("town_id")
    return Network.objects.filter(
        Q(Exists(NetworkMembership.objects.filter(network=OuterRef("pk"), user=user)))
        | Q(Exists(Partner.objects.filter(network=OuterRef("pk"), town_id__in=coordinated)))
    )


def has_networks(user) -> bool:
    return networks_of(user).exists()


def roles_by_network(user, networks: list[Network]) -> dict[int, list[NetworkMembership]]:
    found: dict[int, list[NetworkMembership]] = {network.pk: [] for network in networks}
    for membership in NetworkMembership.objects.filter(
        user=user, network__in=networks
    ).select_related("partner__town"):
        found[membership.network_id].append(membership)
    return found


def members_of(network: Network) -> QuerySet[NetworkMembership]:
    return NetworkMembership.objects.filter(network=network).select_related("user", "partner__town")


def phases_of(network: Network) -> QuerySet[Phase]:
    return network.phases.all()


def milestones_of(network: Network) -> list[Milestone]:
    """The milestones in order of their due date, each with `overdue`: due before today and
    not done."""
    today = timezone.localdate()
    milestones = list(network.milestones.all())
    for milestone in milestones:
        milestone.overdue = milestone.done_on is None and milestone.due_on < today
    return milestones


def components_of(network: Network) -> QuerySet[Component]:
    """The components with their thematic groups (the partners that chose them) and guides."""
    return network.components.prefetch_related(
        Prefetch(
            "partners", queryset=Partner.objects.select_related("town").order_by("town__name")
        ),
        Prefetch("documents", queryset=GuidanceDocument.objects.order_by("title", "id")),
    )


def partners_with_components(network: Network) -> QuerySet[Partner]:
    return (
        network.partners.select_related("town")
        .prefetch_related(Prefetch("components", queryset=Component.objects.order_by("order")))
        .annotate(stakeholder_count=Count("stakeholders", distinct=True))
        .order_by("role", "town__name")  # the lead partner ("lead") first
    )


def towns_to_add(network: Network):
    from regrow.towns.models import Town

    return Town.objects.exclude(partnerships__network=network).order_by("name")


def may_see_contacts(user, partner: Partner) -> bool:
    """A stakeholder's contact details: the partner's coordinators and the town's only."""
    return can(user, Action.EDIT_PLAN, partner) or can(user, Action.VIEW_MEMBERS, partner.town)


def stakeholders_of(partner: Partner) -> QuerySet[Stakeholder]:
    return partner.stakeholders.all()


def power_interest_counts(partner: Partner) -> dict[tuple[int, int], int]:
    """How many of the group stand at each (power, interest), each from 1 to 5."""
    rows = (
        partner.stakeholders.values("power", "interest")
        .annotate(count=Count("id"))
        .order_by("power", "interest")
    )
    return {(row["power"], row["interest"]): row["count"] for row in rows}
