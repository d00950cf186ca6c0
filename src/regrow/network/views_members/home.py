"""The members' home of a network, and a person's networks (linked from their dashboard)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from regrow.lib.i18n import localized
from regrow.network import selectors_members as selectors
from regrow.network.models import Component, Network
from regrow.network.views_members import network_for
from regrow.towns.permissions import Action, can


@login_required
def members_home(request: HttpRequest, slug: str) -> HttpResponse:
    """Phases, milestones (overdue ones marked), the components with their thematic groups,
    and the partners, each with its local stakeholder group."""
    network = network_for(request, slug)
    partners = Paginator(selectors.partners_with_components(network), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "place": network,
        "network": network,
        "may_manage": can(request.user, Action.MANAGE_NETWORK, network),
        "phases": selectors.phases_of(network),
        "milestones": selectors.milestones_of(network),
        "components": selectors.components_of(network),
        "partners": partners,
        "page_links": partners.paginator.get_elided_page_range(partners.number, on_each_side=2),
    }
    return render(request, "network/members/home.html", context)


@login_required
def component_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A component of the good practice as the partners read it, with its guides."""
    network = network_for(request, slug)
    component = get_object_or_404(selectors.components_of(network), pk=pk)
    context = {
        "place": network,
        "network": network,
        "component": component,
        "may_manage": can(request.user, Action.MANAGE_NETWORK, network),
        "texts": [
            (Component._meta.get_field(name).verbose_name, localized(getattr(component, name)))
            for name in ("problems", "how_it_works", "success_factors", "resources")
        ],
    }
    return render(request, "network/members/component.html", context)


@login_required
def my_networks(request: HttpRequest) -> HttpResponse:
    """The networks the person may enter, with their roles there."""
    page = Paginator(selectors.networks_of(request.user), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    roles = selectors.roles_by_network(request.user, list(page))
    entries = [{"network": network, "roles": roles[network.pk]} for network in page]
    context = {
        "page": page,
        "entries": entries,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
    }
    return render(request, "network/members/mine.html", context)


def members_panel(request: HttpRequest, place) -> tuple[str, dict] | None:
    """On a network's public home, for whoever may enter its members' area (registered with
    places in apps.py)."""
    user = getattr(request, "user", None)
    if not isinstance(place, Network) or user is None or not user.is_authenticated:
        return None
    if not can(user, Action.VIEW_NETWORK, place):
        return None
    return "network/members/panel.html", {"network": place}
