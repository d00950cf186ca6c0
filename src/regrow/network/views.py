from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from regrow.lib import places
from regrow.network import selectors
from regrow.network.models import Network
from regrow.towns.models import Town


def network_home(request: HttpRequest, network: Network) -> HttpResponse:
    context = {
        "place": network,
        "network": network,
        "partners": selectors.partners_of(network),
        "panels": places.home_panels(request, network),
    }
    return render(request, "network/network_home.html", context)


def network_section(request: HttpRequest, place: Town | Network) -> HttpResponse:
    """A town's networks, or a network's partners."""
    context = {"place": place, "section": "network", "section_title": _("Network")}
    if isinstance(place, Town):
        context["partnerships"] = selectors.partnerships_of(place)
    else:
        context["partners"] = selectors.partners_of(place)
    return render(request, "network/section.html", context)
