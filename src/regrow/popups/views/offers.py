"""A round's offered units (terms, rent phases, owner agreement), criteria and events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.popups import selectors, services, terms
from regrow.popups.forms import (
    AgreementForm,
    CriterionForm,
    EventForm,
    OfferUnitForm,
    PhaseFormSet,
    TermsForm,
    euros,
    phases_of,
)
from regrow.popups.forms_agreement import language_choices
from regrow.popups.models import RoundUnit
from regrow.popups.views import coordinated_round
from regrow.popups.views.rounds import round_page


@login_required
@require_POST
def offer_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    form = OfferUnitForm(request.POST, units=selectors.units_to_offer(round_))
    if form.is_valid():
        try:
            offer = services.round_unit_add(
                round_=round_, unit=form.cleaned_data["unit"], by=request.user
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Unit offered. Set its terms below."))
            return redirect("popups:offer", slug=slug, pk=pk, offer_pk=offer.pk)
    return round_page(request, round_, offer_form=form, status=400)


def _offer(request, slug: str, pk: int, offer_pk: int) -> RoundUnit:
    round_ = coordinated_round(request, slug, pk)
    offer = get_object_or_404(RoundUnit.objects.select_related("unit"), round=round_, pk=offer_pk)
    offer.round = round_
    return offer


@login_required
@require_POST
def offer_remove(request: HttpRequest, slug: str, pk: int, offer_pk: int) -> HttpResponse:
    offer = _offer(request, slug, pk, offer_pk)
    try:
        services.round_unit_remove(offer=offer, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(unit)s is no longer offered.") % {"unit": offer.unit})
    return redirect("popups:round", slug=slug, pk=pk)


def _terms_forms(offer: RoundUnit):
    initial = {
        "rent_basis": offer.rent_basis,
        "phase_unit": offer.phase_unit,
        "service_charges_eur": euros(offer.service_charges_cents_per_month),
        "min_stay_weeks": offer.min_stay_weeks,
        "max_stay_weeks": offer.max_stay_weeks,
        "allowed_categories": offer.allowed_categories,
        "capacity": offer.capacity,
        "version": offer.version,
    }
    phases = [
        {"starts_at": phase.starts_at, "amount_eur": euros(phase.amount_cents)}
        for phase in offer.phases.order_by("starts_at")
    ]
    return TermsForm(initial=initial), PhaseFormSet(initial=phases, prefix="phases")


def _agreement_form(offer: RoundUnit) -> AgreementForm:
    agreement = selectors.agreement_of(offer)
    town = offer.round.town
    if agreement is None:
        initial = {
            "owner": offer.unit.owner_id,
            "intermediary_name": town.name,
            "starts_on": offer.round.programme_starts_on,
            "ends_on": offer.round.programme_ends_on,
            "rent_eur": euros(offer.unit.asking_rent_cents_per_month or 0),
            "service_charges_eur": 0,
        }
    else:
        initial = {
            "owner": agreement.owner_id,
            "intermediary_name": agreement.intermediary_name,
            "intermediary_address": agreement.intermediary_address,
            "starts_on": agreement.starts_on,
            "ends_on": agreement.ends_on,
            "rent_eur": euros(agreement.rent_cents_per_month),
            "service_charges_eur": euros(agreement.service_charges_cents_per_month),
            "conditions": agreement.conditions,
            "status": agreement.status,
            "version": agreement.version,
        }
    return AgreementForm(initial=initial, town=town, prefix="agreement")


def _offer_page(request, offer, *, form=None, phases=None, agreement_form=None, status=200):
    fresh_form, fresh_phases = _terms_forms(offer)
    context = {
        "place": offer.round.town,
        "town": offer.round.town,
        "round": offer.round,
        "offer": offer,
        "rent_texts": terms.rent_texts(offer),
        "form": form or fresh_form,
        "phases": phases or fresh_phases,
        "agreement_form": agreement_form or _agreement_form(offer),
        "agreement": selectors.agreement_of(offer),
        "agreement_languages": language_choices(offer.round.town.languages),
    }
    return render(request, "popups/offer_detail.html", context, status=status)


@login_required
def offer_detail(request: HttpRequest, slug: str, pk: int, offer_pk: int) -> HttpResponse:
    offer = _offer(request, slug, pk, offer_pk)
    if request.method != "POST":
        return _offer_page(request, offer)
    form = TermsForm(request.POST)
    phases = PhaseFormSet(request.POST, prefix="phases")
    status = 400
    if form.is_valid() and phases.is_valid():
        try:
            services.round_unit_set_terms(
                offer=RoundUnit.objects.select_related("round__town").get(pk=offer.pk),
                by=request.user,
                version=form.cleaned_data["version"],
                phases=phases_of(phases),
                **form.terms_values(),
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            status = 409
        except ValidationError as error:
            if "phases" in getattr(error, "error_dict", {}):
                form.add_error(None, error.error_dict.pop("phases"))
            add_service_error(form, error)
        else:
            messages.success(request, _("Terms saved."))
            return redirect("popups:offer", slug=slug, pk=pk, offer_pk=offer_pk)
    return _offer_page(request, offer, form=form, phases=phases, status=status)


@login_required
@require_POST
def offer_agreement(request: HttpRequest, slug: str, pk: int, offer_pk: int) -> HttpResponse:
    offer = _offer(request, slug, pk, offer_pk)
    form = AgreementForm(request.POST, town=offer.round.town, prefix="agreement")
    status = 400
    if form.is_valid():
        try:
            services.agreement_save(
                offer=offer,
                by=request.user,
                version=form.cleaned_data["version"],
                **form.agreement_values(),
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            status = 409
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Owner agreement saved."))
            return redirect("popups:offer", slug=slug, pk=pk, offer_pk=offer_pk)
    return _offer_page(request, offer, agreement_form=form, status=status)


@login_required
@require_POST
def criterion_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    form = CriterionForm(request.POST, languages=round_.town.languages)
    if form.is_valid():
        try:
            services.criterion_add(
                round_=round_,
                by=request.user,
                names=form.texts_of("names"),
                weight=form.cleaned_data["weight"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Criterion added."))
            return redirect("popups:round", slug=slug, pk=pk)
    return round_page(request, round_, criterion_form=form, status=400)


@login_required
@require_POST
def criterion_remove(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    services.criterion_remove(
        criterion=get_object_or_404(round_.criteria, pk=item_pk), by=request.user
    )
    messages.success(request, _("Criterion removed."))
    return redirect("popups:round", slug=slug, pk=pk)


@login_required
@require_POST
def event_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    form = EventForm(request.POST, languages=round_.town.languages)
    if form.is_valid():
        try:
            services.event_add(
                round_=round_,
                by=request.user,
                titles=form.texts_of("titles"),
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Event added."))
            return redirect("popups:round", slug=slug, pk=pk)
    return round_page(request, round_, event_form=form, status=400)


@login_required
@require_POST
def event_remove(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    services.event_remove(event=get_object_or_404(round_.events, pk=item_pk), by=request.user)
    messages.success(request, _("Event removed."))
    return redirect("popups:round", slug=slug, pk=pk)
