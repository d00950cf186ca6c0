"""The owner agreement as PDF or DOCX, and the coordinator's page for the town's templates
(owner agreement and sublease)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from regrow.lib import documents
from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.popups.agreement_document import agreement_document
from regrow.popups.forms_agreement import AgreementTemplateForm, language_choices
from regrow.popups.models import AgreementTemplate, OwnerAgreement
from regrow.popups.services import agreements
from regrow.popups.views import coordinated_round
from regrow.premises.views import coordinated_town

FORMATS = ("pdf", "docx")
Kind = AgreementTemplate.Kind
# Each kind's template page, by URL name (the sublease's is in urls_subleases.py).
TEMPLATE_PAGES = {
    Kind.OWNER: "popups:agreement_template",
    Kind.SUBLEASE: "popups:sublease_template",
}


def document_language(request: HttpRequest, languages: list[str]) -> str:
    """The language asked for if the town publishes in it, else the page's, else the town's
    main one."""
    for candidate in (request.GET.get("language"), translation.get_language()):
        if candidate in languages:
            return candidate
    return languages[0] if languages else "en"


def document_response(document: documents.Document, fmt: str, filename: str) -> HttpResponse:
    """The document as a PDF or Word attachment named `filename` (without its extension)."""
    render_file = documents.render_pdf if fmt == "pdf" else documents.render_docx
    response = HttpResponse(render_file(document), content_type=documents.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
def agreement_download(
    request: HttpRequest, slug: str, pk: int, offer_pk: int, fmt: str
) -> HttpResponse:
    """The offered unit's owner agreement as a PDF or Word file (coordinators only)."""
    if fmt not in FORMATS:
        raise Http404
    round_ = coordinated_round(request, slug, pk)
    agreement = get_object_or_404(
        OwnerAgreement.objects.select_related("owner", "round_unit__unit"),
        round_unit__round=round_,
        round_unit__pk=offer_pk,
    )
    town = round_.town
    language = document_language(request, town.languages)
    address = slugify(agreement.round_unit.unit.display_address) or str(offer_pk)
    return document_response(
        agreement_document(agreement, town, language),
        fmt,
        f"{town.slug}-agreement-{address}-{agreement.starts_on.isoformat()}",
    )


@login_required
def agreement_template(
    request: HttpRequest, slug: str, language: str, kind: str = Kind.OWNER
) -> HttpResponse:
    """The town's wording of the owner agreement or of the sublease in one of its languages."""
    town = coordinated_town(request, slug)
    if language not in town.languages or kind not in TEMPLATE_PAGES:
        raise Http404
    template = agreements.town_template(town, kind, language)
    status = 200
    if request.method == "POST":
        form = AgreementTemplateForm(request.POST, kind=kind)
        status = 400
        if form.is_valid():
            try:
                agreements.template_save(
                    town=town,
                    by=request.user,
                    kind=kind,
                    language=language,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    version=form.cleaned_data["version"],
                )
            except ConcurrentEditError as error:
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Agreement template saved."))
                return redirect(TEMPLATE_PAGES[kind], slug=slug, language=language)
    elif template is None:
        title, body = agreements.default_template(kind, language)
        form = AgreementTemplateForm(initial={"title": title, "body": body}, kind=kind)
    else:
        form = AgreementTemplateForm(
            initial={"title": template.title, "body": template.body, "version": template.version},
            kind=kind,
        )
    context = {
        "place": town,
        "town": town,
        "form": form,
        "kind": kind,
        "page_name": TEMPLATE_PAGES[kind],
        "kinds": [(code, label, TEMPLATE_PAGES[code]) for code, label in Kind.choices],
        "language": language,
        "language_name": dict(language_choices(town.languages)).get(language, language),
        "languages": language_choices(town.languages),
        "is_default": template is None,
    }
    return render(request, "popups/agreement_template.html", context, status=status)
