"""Walking a street with a phone: one tap per unit for what it looks like today."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from regrow.lib.forms import add_service_error
from regrow.premises import selectors, services
from regrow.premises.forms import SurveyForm, SurveyFormSet
from regrow.premises.views import coordinated_town


@login_required
def survey_streets(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    context = {"place": town, "town": town, "streets": selectors.streets_with_counts(town)}
    return render(request, "premises/survey_streets.html", context)


@login_required
def survey_street(request: HttpRequest, slug: str) -> HttpResponse:
    """The street's units in house-number order, one row each; one submit records them all
    or, if anything is wrong, nothing (the page comes back with what was tapped)."""
    town = coordinated_town(request, slug)
    street = request.GET.get("street") or request.POST.get("street") or ""
    units = selectors.street_units_in_order(town, street, town.today())
    if not units:
        raise Http404
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = SurveyForm(data, town=town)
    rows = SurveyFormSet(data, files, units=units)
    # Both are checked, so every mistake on the page is shown at once.
    if request.method == "POST" and all([form.is_valid(), rows.is_valid()]):
        try:
            _survey, changed = services.survey_record(
                town=town,
                street=street,
                surveyed_on=form.cleaned_data["surveyed_on"],
                seen=rows.seen(),
                photos=rows.photos(),
                by=request.user,
            )
        except services.SurveyPhotoRefused as refused:
            if not rows.add_photo_error(refused.unit_id, refused.problems):
                add_service_error(form, refused)
        except ValidationError as problem:
            add_service_error(form, problem)
        else:
            message = ngettext(
                "Survey of %(street)s saved: %(count)s unit changed status.",
                "Survey of %(street)s saved: %(count)s units changed status.",
                changed,
            )
            messages.success(request, message % {"street": street, "count": changed})
            return redirect("premises:survey", slug=slug)
    context = {"place": town, "town": town, "street": street, "form": form, "rows": rows}
    status = 400 if request.method == "POST" else 200
    return render(request, "premises/survey_street.html", context, status=status)
