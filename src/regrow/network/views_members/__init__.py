"""The network's members' area under its address, `/<language>/<network>/members/…`: the
members' home, the people and their invitations, the lead's set-up (network, phases,
milestones, partners, components and guides) and each partner's local stakeholder group.
Every view asks can(); the network's pages show its name and colours (it is their place)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from regrow.lib import places
from regrow.network.models import Network
from regrow.towns.permissions import Action, can


def network_for(request, slug: str, action: Action = Action.VIEW_NETWORK) -> Network:
    """The network of the address, if the user may take `action` there; 403 otherwise."""
    network = get_object_or_404(Network, slug=slug)
    if not can(request.user, action, network):
        raise PermissionDenied
    places.activate_time_zone(network)
    return network


def status_of(form) -> int:
    return 400 if form is not None and form.errors else 200
