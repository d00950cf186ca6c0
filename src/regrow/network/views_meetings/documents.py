"""A meeting's documents and photos: every member sees and downloads them (through a view
that asks can(), never from a public address); the meeting's organisers add them (checked by
content and size), remove them and put them back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from regrow.lib.forms import add_service_error
from regrow.network import selectors_records as selectors
from regrow.network.forms_records import DocumentForm
from regrow.network.models import Meeting
from regrow.network.services import meeting_documents as services
from regrow.network.views_meetings import meeting_for
from regrow.network.views_meetings.minutes import page_of, records_context
from regrow.towns.permissions import Action, can


def _documents_url(meeting: Meeting, removed: bool = False) -> str:
    name = "network:meeting_documents_removed" if removed else "network:meeting_documents"
    return reverse(name, kwargs={"slug": meeting.network.slug, "pk": meeting.pk})


@login_required
def documents_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    context = records_context(request, meeting, "documents")
    form, status = None, 200
    if context["may_organise"]:
        form = DocumentForm(request.POST or None, request.FILES or None, meeting=meeting)
        if request.method == "POST":
            status = 400
            if form.is_valid():
                try:
                    document = services.document_add(
                        meeting=meeting, by=request.user, **form.values()
                    )
                except ValidationError as error:
                    add_service_error(form, error)
                else:
                    messages.success(request, _("“%(title)s” is added.") % {"title": document})
                    return redirect(_documents_url(meeting) + f"#document-{document.pk}")
    elif request.method == "POST":
        raise PermissionDenied
    context.update(page_of(request, selectors.documents_of(meeting)), form=form)
    context["removed_count"] = (
        selectors.documents_of(meeting, removed=True).count() if context["may_organise"] else 0
    )
    return render(request, "network/meetings/documents.html", context, status=status)


@require_GET
@login_required
def document_file(request: HttpRequest, slug: str, pk: int, document_pk: int):
    """The stored file, for the meeting's members: a PDF as a download, a photo to show (or to
    download with ?download). A removed one only for the organisers."""
    meeting = meeting_for(request, slug, pk)
    document = selectors.document_of(meeting, document_pk)
    if document.removed_at is not None and not can(request.user, Action.ORGANISE_MEETING, meeting):
        raise Http404
    suffix = document.file.name.rsplit(".", 1)[-1]
    try:
        opened = document.file.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(
        opened,
        as_attachment=document.kind == document.Kind.DOCUMENT or "download" in request.GET,
        filename=f"{document.title}.{suffix}",
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def document_remove(request: HttpRequest, slug: str, pk: int, document_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    document = selectors.document_of(meeting, document_pk)
    services.document_remove(document=document, by=request.user)
    messages.success(
        request,
        _("“%(title)s” is removed. You can put it back from the removed files.")
        % {"title": document},
    )
    return redirect(_documents_url(meeting) + "#documents-heading")


@require_POST
@login_required
def document_restore(request: HttpRequest, slug: str, pk: int, document_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    document = selectors.document_of(meeting, document_pk)
    services.document_restore(document=document, by=request.user)
    messages.success(request, _("“%(title)s” is back.") % {"title": document})
    return redirect(_documents_url(meeting) + f"#document-{document.pk}")


@require_GET
@login_required
def documents_removed(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    context = records_context(request, meeting, "documents")
    context.update(page_of(request, selectors.documents_of(meeting, removed=True)))
    return render(request, "network/meetings/documents_removed.html", context)
