"""The round's pop-ups for their coordinators: the list (unit, days, open care entries, review,
outcome, feedback) and one pop-up's page with its care log, mid-round review, outcome, the
trader's feedback link and what the public calendar shows of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.popups import selectors_care as selectors
from regrow.popups.forms_care import (
    CareEntryForm,
    MidReviewForm,
    OutcomeForm,
    PublicForm,
    ResolveForm,
)
from regrow.popups.models import CareEntry, Sublease
from regrow.popups.services import care, feedback, outcomes
from regrow.popups.views import coordinated_round


@login_required
def round_popups(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    page = Paginator(selectors.live_popups(round_), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    now = timezone.now()
    rows = [
        {
            "sublease": sublease,
            "review": selectors.one(sublease, "mid_review"),
            "outcome": selectors.one(sublease, "outcome"),
            "feedback": feedback.feedback_state(selectors.one(sublease, "feedback"), now),
        }
        for sublease in page
    ]
    context = {"place": round_.town, "town": round_.town, "round": round_, "page": page}
    return render(request, "popups/popup_list.html", {**context, "rows": rows})


def _popup(request, slug: str, pk: int, sublease_pk: int) -> Sublease:
    round_ = coordinated_round(request, slug, pk)
    sublease = get_object_or_404(
        Sublease.objects.select_related(
            "application__applicant", "unit", "round_unit", "outcome", "mid_review", "feedback"
        )
        .exclude(status=Sublease.Status.CANCELLED)
        .filter(round_unit__round=round_),
        pk=sublease_pk,
    )
    sublease.round_unit.round = round_
    return sublease


def _page(request, sublease: Sublease, *, status: int = 200, **forms) -> HttpResponse:
    """The pop-up's page, whichever of its forms was sent: that one comes back as typed."""
    round_ = sublease.round_unit.round
    town = round_.town
    log = Paginator(selectors.care_log(sublease), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    posted = forms.get("resolve_form")
    entries = [
        (
            entry,
            None
            if entry.resolved_on
            else posted
            if posted is not None and posted.prefix == f"resolve-{entry.pk}"
            else ResolveForm(
                prefix=f"resolve-{entry.pk}",
                initial={"resolved_on": town.today(), "version": entry.version},
            ),
        )
        for entry in log
    ]
    review = selectors.one(sublease, "mid_review")
    outcome = selectors.one(sublease, "outcome")
    trader_feedback = selectors.one(sublease, "feedback")
    context = {
        "place": town,
        "town": town,
        "round": round_,
        "sublease": sublease,
        "application": sublease.application,
        "days": outcomes.stay_days(sublease),
        "opened": sublease.starts_on <= town.today(),
        "log": log,
        "entries": entries,
        "care_form": forms.get("care_form")
        or CareEntryForm(initial={"happened_on": town.today(), "kind": CareEntry.Kind.ISSUE}),
        "review": review,
        "review_form": forms.get("review_form") or MidReviewForm.of(review),
        "outcome": outcome,
        "outcome_form": forms.get("outcome_form") or OutcomeForm.of(outcome),
        "feedback": trader_feedback,
        "feedback_state": feedback.feedback_state(trader_feedback),
        "public_form": forms.get("public_form")
        or PublicForm(languages=town.languages, sublease=sublease),
    }
    return render(request, "popups/popup_detail.html", context, status=status)


def _back(sublease: Sublease, anchor: str) -> HttpResponse:
    round_ = sublease.round_unit.round
    url = reverse(
        "popups:popup",
        kwargs={"slug": round_.town.slug, "pk": round_.pk, "sublease_pk": sublease.pk},
    )
    return redirect(f"{url}#{anchor}")


def _refused(form, error: Exception, renamed: dict[str, str] | None = None) -> int:
    """Put a service's refusal on the form; the page's status for it."""
    if isinstance(error, ConcurrentEditError):
        form.add_error(None, str(error))
        return 409
    if renamed and hasattr(error, "error_dict"):
        error = ValidationError(
            {renamed.get(name, name): problems for name, problems in error.error_dict.items()}
        )
    add_service_error(form, error)
    return 400


def _care_add(request, sublease: Sublease) -> HttpResponse:
    form = CareEntryForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            care.care_entry_add(sublease=sublease, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            status = _refused(form, error)
        else:
            messages.success(request, _("Entry added to the care log."))
            return _back(sublease, "care-heading")
    return _page(request, sublease, care_form=form, status=status)


def _care_resolve(request, sublease: Sublease) -> HttpResponse:
    entry_pk = request.POST.get("entry", "")
    entry = get_object_or_404(
        CareEntry, sublease=sublease, pk=int(entry_pk) if entry_pk.isdigit() else 0
    )
    entry.sublease = sublease
    form = ResolveForm(request.POST, prefix=f"resolve-{entry.pk}")
    status = 400
    if form.is_valid():
        try:
            care.care_entry_resolve(
                entry=entry,
                by=request.user,
                resolved_on=form.cleaned_data["resolved_on"],
                version=form.cleaned_data["version"],
            )
        except (ValidationError, ConcurrentEditError) as error:
            status = _refused(form, error)
        else:
            messages.success(request, _("Marked resolved."))
            return _back(sublease, "care-heading")
    return _page(request, sublease, resolve_form=form, status=status)


def _review(request, sublease: Sublease) -> HttpResponse:
    form = MidReviewForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            care.mid_review_save(
                sublease=sublease,
                by=request.user,
                version=form.cleaned_data["version"] or 0,
                **form.review_values(),
            )
        except (ValidationError, ConcurrentEditError) as error:
            status = _refused(form, error)
        else:
            messages.success(request, _("Mid-round review saved."))
            return _back(sublease, "review-heading")
    return _page(request, sublease, review_form=form, status=status)


def _outcome(request, sublease: Sublease) -> HttpResponse:
    form = OutcomeForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            outcome = outcomes.outcome_save(
                sublease=sublease,
                by=request.user,
                version=form.cleaned_data["version"] or 0,
                **form.outcome_values(),
            )
        except (ValidationError, ConcurrentEditError) as error:
            status = _refused(form, error, {"lease_rent_cents_per_month": "lease_rent_eur"})
        else:
            messages.success(
                request,
                _("Outcome saved. The register counts the unit as let from that day.")
                if outcome.stayed
                else _("Outcome saved."),
            )
            return _back(sublease, "outcome-heading")
    return _page(request, sublease, outcome_form=form, status=status)


def _feedback(request, sublease: Sublease) -> HttpResponse:
    try:
        feedback.feedback_send(
            sublease=sublease, by=request.user, base_url=request.build_absolute_uri("/")
        )
    except (ValidationError, ConcurrentEditError) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, text)
    else:
        messages.success(
            request,
            _("The link was sent to %(email)s. It works once, for 30 days.")
            % {"email": sublease.application.applicant.email},
        )
    return _back(sublease, "feedback-heading")


def _public(request, sublease: Sublease) -> HttpResponse:
    town = sublease.round_unit.round.town
    form = PublicForm(request.POST, request.FILES, languages=town.languages, sublease=sublease)
    status = 400
    if form.is_valid():
        try:
            care.public_fields_save(
                sublease=sublease,
                by=request.user,
                version=form.cleaned_data["version"],
                **form.public_values(),
            )
        except (ValidationError, ConcurrentEditError) as error:
            main = form.languages[0] if form.languages else "en"
            status = _refused(form, error, {"public_descriptions": f"public_descriptions_{main}"})
        else:
            messages.success(request, _("What the public calendar shows is saved."))
            return _back(sublease, "public-heading")
    return _page(request, sublease, public_form=form, status=status)


ACTIONS = {
    "care": _care_add,
    "resolve": _care_resolve,
    "review": _review,
    "outcome": _outcome,
    "feedback": _feedback,
    "public": _public,
}


@login_required
def popup(request: HttpRequest, slug: str, pk: int, sublease_pk: int) -> HttpResponse:
    sublease = _popup(request, slug, pk, sublease_pk)
    if request.method != "POST":
        return _page(request, sublease)
    handler = ACTIONS.get(request.POST.get("action", ""))
    if handler is None:
        return _page(request, sublease, status=400)
    return handler(request, sublease)
