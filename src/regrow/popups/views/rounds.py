"""A town's rounds for its coordinators: the list, a new round, and a round's own page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.popups import selectors, services
from regrow.popups.forms import CriterionForm, EventForm, OfferUnitForm, RoundForm
from regrow.popups.models import Round
from regrow.popups.views import coordinated_round
from regrow.premises.views import coordinated_town


@login_required
def round_list(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    page = Paginator(selectors.rounds_of_town(town), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "popups/round_list.html", {"place": town, "town": town, "page": page})


def _save_refusal(form, error: ValidationError) -> None:
    """A service names the model's fields; the form types money in euros."""
    if hasattr(error, "error_dict"):
        renamed = {
            {"grant_budget_cents": "grant_budget_eur", "max_grant_cents": "max_grant_eur"}.get(
                name, name
            ): problems
            for name, problems in error.error_dict.items()
        }
        main = form.languages[0]
        for texts in ("titles", "descriptions", "rules"):
            if texts in renamed:
                renamed[f"{texts}_{main}"] = renamed.pop(texts)
        error = ValidationError(renamed)
    add_service_error(form, error)


@login_required
def round_new(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    form = RoundForm(request.POST or None, languages=town.languages)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.round_save(town=town, by=request.user, **form.round_values())
        except ValidationError as error:
            _save_refusal(form, error)
        else:
            messages.success(request, _("Round created. Now offer units in it."))
            return redirect("popups:round", slug=slug, pk=round_.pk)
    context = {"place": town, "town": town, "form": form}
    return render(request, "popups/round_new.html", context, status=400 if form.errors else 200)


def round_page(request: HttpRequest, round_: Round, *, status: int = 200, **forms) -> HttpResponse:
    """The round's page, whichever of its forms was sent: that one comes back as typed."""
    town = round_.town
    offers = Paginator(selectors.offers_with_terms(round_), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    languages = town.languages
    context = {
        "place": town,
        "town": town,
        "round": round_,
        "form": forms.get("form") or RoundForm(languages=languages, round_=round_),
        "offer_form": forms.get("offer_form")
        or OfferUnitForm(units=selectors.units_to_offer(round_)),
        "criterion_form": forms.get("criterion_form") or CriterionForm(languages=languages),
        "event_form": forms.get("event_form") or EventForm(languages=languages),
        "offers": offers,
        "criteria": round_.criteria.all(),
        "events": round_.events.all(),
    }
    return render(request, "popups/round_detail.html", context, status=status)


@login_required
def round_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    if request.method != "POST":
        return round_page(request, round_)
    form = RoundForm(request.POST, languages=round_.town.languages, round_=round_)
    status = 400
    if form.is_valid():
        try:
            services.round_save(
                town=round_.town,
                by=request.user,
                round_=Round.objects.get(pk=round_.pk),
                version=form.cleaned_data["version"] or 0,
                **form.round_values(),
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            status = 409
        except ValidationError as error:
            _save_refusal(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("popups:round", slug=slug, pk=pk)
    return round_page(request, round_, form=form, status=status)
