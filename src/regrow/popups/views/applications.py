"""The entrepreneur's pages: apply, the application (edit, submit, withdraw, documents), one's
applications; coordinators read an application and the round's list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.popups import selectors, services, throttle
from regrow.popups.choices import ApplicationStatus
from regrow.popups.forms_apply import HONEYPOT, ApplicationForm, DocumentForm
from regrow.popups.models import Application, ApplicationDocument, Round
from regrow.popups.services.applications import has_verified_email, require_applicant
from regrow.popups.views import coordinated_round
from regrow.popups.views.subleases import live_sublease

MONEY_FIELDS = {
    "max_rent_cents_per_month": "max_rent_eur",
    "requested_grant_cents": "requested_grant_eur",
    "wanted": "wanted_1",
}


def _refuse(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        error = ValidationError(
            {MONEY_FIELDS.get(name, name): problems for name, problems in error.error_dict.items()}
        )
    add_service_error(form, error)


def _application(request, slug: str, pk: int) -> Application:
    """The application of the URL, if the user may see it; 404 otherwise (its existence is
    private too)."""
    application = get_object_or_404(
        Application.objects.select_related("round", "round__town", "applicant"),
        round__town__slug=slug,
        pk=pk,
    )
    if not selectors.may_see_application(request.user, application):
        raise Http404
    return application


def _link(request, application: Application) -> str:
    path = reverse(
        "popups:application", kwargs={"slug": application.round.town.slug, "pk": application.pk}
    )
    return request.build_absolute_uri(path)


def _page(request, round_: Round, application, form, *, status=200) -> HttpResponse:
    town = round_.town
    mine = application is None or application.applicant_id == request.user.pk
    editable = mine and (application is None or application.is_open_to_change)
    refusal = services.window_refusal(round_)
    fit_warning = None
    if application is not None and application.status == ApplicationStatus.DRAFT:
        fit_warning = services.fit_refusal(application, selectors.fit_offers(round_))
    context = {
        "place": town,
        "town": town,
        "round": round_,
        "application": application,
        "form": form,
        "mine": mine,
        "editable": editable and refusal is None,
        "window_refusal": refusal,
        "fit_warning": fit_warning,
        "verified": has_verified_email(request.user) if mine else True,
        "documents": application.documents.all() if application else [],
        "document_form": DocumentForm(),
        "wanted": application.wanted.select_related("round_unit__unit") if application else [],
        "honeypot": HONEYPOT,
        "sublease": live_sublease(application) if application and mine else None,
    }
    return render(request, "popups/application.html", context, status=status)


def _public_round(slug: str, pk: int) -> Round:
    round_ = get_object_or_404(Round.objects.select_related("town"), town__slug=slug, pk=pk)
    if not round_.is_public:
        raise Http404
    return round_


def _save(request, round_: Round, application, form) -> tuple[Application | None, int]:
    """Save (and, if asked, submit) what the form holds; the application, or None and the
    status to answer with, the refusal on the form."""
    if request.POST.get(HONEYPOT):
        form.add_error(None, _("The form could not be sent. Try again."))
        return None, 400
    if not form.is_valid():
        return None, 400
    submit = request.POST.get("action") == "submit"
    if submit and not throttle.submit_allowed(request):
        form.add_error(None, _("Too many applications were sent from here. Try again in an hour."))
        return None, 429
    language = request.user.preferred_language or get_language()
    try:
        # Saving and submitting together: a refused submit leaves the stored draft as it was.
        with transaction.atomic():
            saved = services.application_save(
                round_=round_,
                by=request.user,
                application=application,
                version=form.cleaned_data["version"] or 1,
                wanted=form.wanted(),
                language=language,
                **form.application_values(),
            )
            if submit and saved.status == ApplicationStatus.DRAFT:
                services.application_submit(
                    application=saved,
                    by=request.user,
                    version=saved.version,
                    link=_link(request, saved),
                )
    except ConcurrentEditError as error:
        form.add_error(None, str(error))
        return None, 409
    except ValidationError as error:
        _refuse(form, error)
        return None, 400
    if submit:
        messages.success(request, _("Application submitted. We sent you a confirmation by e-mail."))
    else:
        messages.success(request, _("Saved."))
    return saved, 200


@login_required
def apply(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Apply to a public round (one application a round: an existing one opens instead)."""
    round_ = _public_round(slug, pk)
    existing = round_.applications.filter(applicant=request.user).first()
    if existing is not None:
        return redirect("popups:application", slug=slug, pk=existing.pk)
    offers = selectors.offers_with_terms(round_)
    form = ApplicationForm(request.POST or None, offers=offers)
    if request.method != "POST":
        return _page(request, round_, None, form)
    saved, status = _save(request, round_, None, form)
    if saved is not None:
        return redirect("popups:application", slug=slug, pk=saved.pk)
    return _page(request, round_, None, form, status=status)


@login_required
def application_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = _application(request, slug, pk)
    round_ = application.round
    offers = selectors.offers_with_terms(round_)
    if request.method != "POST":
        form = ApplicationForm(offers=offers, application=application)
        return _page(request, round_, application, form)
    require_applicant(application, request.user)
    form = ApplicationForm(request.POST, offers=offers, application=application)
    if request.POST.get("action") == "withdraw":
        try:
            services.application_withdraw(
                application=application,
                by=request.user,
                version=int(request.POST.get("version") or 0),
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            return _page(request, round_, application, form, status=409)
        except ValidationError as error:
            _refuse(form, error)
            return _page(request, round_, application, form, status=400)
        messages.success(request, _("Application withdrawn."))
        return redirect("popups:application", slug=slug, pk=pk)
    saved, status = _save(request, round_, application, form)
    if saved is not None:
        return redirect("popups:application", slug=slug, pk=pk)
    return _page(request, round_, application, form, status=status)


@login_required
def document_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = _application(request, slug, pk)
    if request.method != "POST":
        return redirect("popups:application", slug=slug, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                application=application, by=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Document added."))
            return redirect("popups:application", slug=slug, pk=pk)
    messages.error(request, " ".join(form.errors.get("file", [])) or _("Choose a PDF file."))
    return redirect("popups:application", slug=slug, pk=pk)


def _document(request, slug: str, pk: int, document_pk: int) -> ApplicationDocument:
    application = _application(request, slug, pk)
    return get_object_or_404(application.documents, pk=document_pk)


@login_required
def document_download(request: HttpRequest, slug: str, pk: int, document_pk: int):
    document = _document(request, slug, pk, document_pk)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def document_remove(request: HttpRequest, slug: str, pk: int, document_pk: int):
    document = _document(request, slug, pk, document_pk)
    if request.method == "POST":
        try:
            services.document_remove(document=document, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Document removed."))
    return redirect("popups:application", slug=slug, pk=pk)


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.applications_of(request.user), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "popups/my_applications.html", {"page": page})


@login_required
def round_applications(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The round's applications for its coordinators (403 for anyone else)."""
    round_ = coordinated_round(request, slug, pk)
    page = Paginator(selectors.applications_of_round(round_), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"place": round_.town, "town": round_.town, "round": round_, "page": page}
    return render(request, "popups/round_applications.html", context)
