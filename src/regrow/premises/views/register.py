from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regrow.premises import selectors
from regrow.premises.views import coordinated_town


@login_required
def register(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    today = town.today()
    context = {
        "place": town,
        "town": town,
        "today": today,
        "units": selectors.register_units(town, today),
        "rate": selectors.vacancy_rate_at(selectors.Scope(town), today),
    }
    return render(request, "premises/register.html", context)
