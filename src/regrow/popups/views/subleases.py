"""The sublease as PDF or DOCX, for the round's coordinators and for the trader it is with."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from regrow.popups.models import Application, Sublease
from regrow.popups.sublease_document import RELATED, sublease_document
from regrow.popups.views.agreements import FORMATS, document_language, document_response
from regrow.towns.permissions import Action, can


def may_download(user, sublease: Sublease) -> bool:
    """The trader while the sublease stands, and the town's coordinators (a cancelled one too,
    for their records)."""
    if sublease.application.applicant_id == user.pk:
        return sublease.status != Sublease.Status.CANCELLED
    return can(user, Action.CHANGE_TOWN, sublease.round_unit.round.town)


def live_sublease(application: Application) -> Sublease | None:
    """The application's sublease with its unit, unless there is none or it was cancelled."""
    return (
        Sublease.objects.select_related("unit")
        .filter(application=application)
        .exclude(status=Sublease.Status.CANCELLED)
        .first()
    )


@login_required
def sublease_download(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    """The sublease as a PDF or Word file; 404 for anyone but its trader and the coordinators,
    so that its existence stays private too."""
    if fmt not in FORMATS:
        raise Http404
    sublease = get_object_or_404(
        Sublease.objects.select_related(*RELATED), round_unit__round__town__slug=slug, pk=pk
    )
    if not may_download(request.user, sublease):
        raise Http404
    town = sublease.round_unit.round.town
    language = document_language(request, town.languages)
    address = slugify(sublease.unit.display_address) or str(sublease.pk)
    response = document_response(
        sublease_document(sublease, town, language),
        fmt,
        f"{town.slug}-sublease-{address}-{sublease.starts_on.isoformat()}",
    )
    response["Cache-Control"] = "private, no-store"  # the trader's name and e-mail are in it
    return response
