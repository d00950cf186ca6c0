"""Walking a street with a phone: one tap per unit for what it looks like today."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regrow.premises import selectors, services
from regrow.premises.choices import Status
from regrow.premises.views import coordinated_town


@login_required
def survey_streets(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    context = {"place": town, "town": town, "streets": selectors.streets_with_counts(town)}
    return render(request, "premises/survey_streets.html", context)


def _surveyed_on(raw: str | None, town) -> tuple[date, str | None]:
    if not raw:
        return town.today(), None
    try:
        return date.fromisoformat(raw), None
    except ValueError:
        return town.today(), _("Enter the survey date as YYYY-MM-DD.")


@login_required
def survey_street(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    street = request.GET.get("street") or request.POST.get("street") or ""
    units = selectors.street_units_in_order(town, street, town.today())
    if not units:
        raise Http404
    error = None
    if request.method == "POST":
        surveyed_on, error = _surveyed_on(request.POST.get("surveyed_on"), town)
        seen = {unit.pk: request.POST.get(f"unit-{unit.pk}", "") for unit in units}
        if any(status and status not in Status.values for status in seen.values()):
            error = _("Choose one of the listed statuses.")
        if error is None:
            try:
                photos = {
                    unit.pk: request.FILES[f"photo-{unit.pk}"]
                    for unit in units
                    if f"photo-{unit.pk}" in request.FILES
                }
                _survey, changed = services.survey_record(
                    town=town,
                    street=street,
                    surveyed_on=surveyed_on,
                    seen=seen,
                    photos=photos,
                    by=request.user,
                )
            except ValidationError as problem:
                error = " ".join(problem.messages)
            else:
                message = ngettext(
                    "Survey of %(street)s saved: %(count)s unit changed status.",
                    "Survey of %(street)s saved: %(count)s units changed status.",
                    changed,
                )
                messages.success(request, message % {"street": street, "count": changed})
                return redirect("premises:survey", slug=slug)
        # Keep what was tapped, so nothing is lost when the page comes back with a message.
        for unit in units:
            unit.status_now = request.POST.get(f"unit-{unit.pk}", unit.status_now)
    context = {
        "place": town,
        "town": town,
        "street": street,
        "units": units,
        "statuses": Status.choices,
        "surveyed_on": request.POST.get("surveyed_on") or town.today().isoformat(),
        "error": error,
    }
    return render(request, "premises/survey_street.html", context, status=400 if error else 200)
