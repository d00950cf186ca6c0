from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regrow.lib import places
from regrow.network import selectors
from regrow.network.models import Network


def network_home(request: HttpRequest, network: Network) -> HttpResponse:
    context = {
        "place": network,
        "network": network,
        "partners": selectors.partners_of(network),
        "panels": places.home_panels(request, network),
    }
    return render(request, "network/network_home.html", context)
