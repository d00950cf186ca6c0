"""The town's Indicators section on its public site, and the coordinators' choice of what it
shows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from regrow.indicators import presenting, selectors, selectors_pages, services, visibility
from regrow.indicators.forms import PublicChoiceForm
from regrow.indicators.views_pages import town_or_404
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can


def public_section(request: HttpRequest, town: Town) -> HttpResponse:
    """The indicators the town shows, each with its chart, latest value, change over a year
    and source (the site's place_section view caches it for anonymous readers)."""
    tiles = selectors_pages.public_tiles(town)
    cards = [presenting.card(tile, town, index=index) for index, tile in enumerate(tiles)]
    context = {
        "place": town,
        "town": town,
        "section": "indicators",
        "cards": cards,
        "member": can(request.user, Action.VIEW_WORKSPACE, town),
    }
    return render(request, "indicators/public_section.html", context)


@login_required
def public_choice(request: HttpRequest, slug: str) -> HttpResponse:
    """Coordinators choose the indicators the town's site shows."""
    town = town_or_404(slug)
    if not can(request.user, Action.CHANGE_TOWN, town):
        raise PermissionDenied
    indicators = list(selectors.indicators())
    shown = [indicator.code for indicator in visibility.public_indicators(town, indicators)]
    form = PublicChoiceForm(request.POST or None, indicators=indicators, initial={"shown": shown})
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["shown"]
        services.public_indicators_choose(town=town, shown=chosen, by=request.user)
        messages.success(request, _("Saved: the town's site shows the indicators chosen."))
        return redirect("indicators:public_choice", slug=town.slug)
    context = {"place": town, "town": town, "form": form}
    status = 400 if form.errors else 200
    return render(request, "indicators/public_choice.html", context, status=status)
