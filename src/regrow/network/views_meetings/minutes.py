"""A meeting's minutes and decisions: every member reads them, the meeting's organisers write
them. Each agenda item's minutes save on their own; a save that someone else's came before is
answered 409 with both texts (the writer's kept in the form). Decisions are added, changed
(with their version), removed and put back. The minutes as DOCX or PDF, in the page's
language."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import selectors_records as selectors
from regrow.network.forms_records import DecisionForm, MinutesForm
from regrow.network.minutes_document import minutes_document
from regrow.network.models import Meeting
from regrow.network.services import minutes as services
from regrow.network.views_meetings import meeting_for
from regrow.popups.views.agreements import document_response
from regrow.towns.permissions import Action, can


def records_context(request: HttpRequest, meeting: Meeting, here: str) -> dict:
    """What every page of the meeting's records shows: the meeting, its network (the place),
    whether the user organises it, and which of the records' pages this is."""
    return {
        "place": meeting.network,
        "network": meeting.network,
        "meeting": meeting,
        "may_organise": can(request.user, Action.ORGANISE_MEETING, meeting),
        "current": "meetings",
        "here": here,
    }


def page_of(request: HttpRequest, rows, size: int = selectors.PAGE_SIZE) -> dict:
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    return {
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
    }


def _page_number(request: HttpRequest) -> str:
    value = request.POST.get("page") or request.GET.get("page") or ""
    return value if value.isdigit() else ""


def _minutes_url(meeting: Meeting, page: str = "", anchor: str = "") -> str:
    url = reverse(
        "network:meeting_minutes", kwargs={"slug": meeting.network.slug, "pk": meeting.pk}
    )
    return url + (f"?page={page}" if page else "") + (f"#{anchor}" if anchor else "")


# Minutes ---------------------------------------------------------------------------------------


@require_GET
@login_required
def minutes_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    context = records_context(request, meeting, "minutes")
    context.update(page_of(request, selectors.agenda_with_minutes(meeting)))
    if context["may_organise"]:
        for item in context["page"]:
            item.minutes_form = MinutesForm(item=item)
    return render(request, "network/meetings/minutes.html", context)


@login_required
def minutes_item(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """One item's minutes on a page of its own: where a save that clashed is shown, and where
    the minutes page's forms post."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    item = selectors.agenda_item_of(meeting, item_pk)
    page = _page_number(request)
    theirs, status = None, 200
    form = MinutesForm(request.POST or None, item=item)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.minutes_save(
                    item=item,
                    minutes=form.cleaned_data["minutes"],
                    version=form.cleaned_data["version"],
                    by=request.user,
                )
            except services.MinutesConflict as conflict:
                theirs = conflict.current
                form = MinutesForm(
                    {"minutes": form.cleaned_data["minutes"], "version": theirs.version},
                    item=item,
                )
                form.is_valid()
                form.add_error(None, str(conflict))
                status = 409
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("The minutes of “%(item)s” are saved.") % {"item": item.title}
                )
                return redirect(_minutes_url(meeting, page, f"item-{item.pk}"))
    context = records_context(request, meeting, "minutes")
    context.update(item=item, form=form, theirs=theirs, page_number=page)
    return render(request, "network/meetings/minutes_item.html", context, status=status)


# Decisions -------------------------------------------------------------------------------------


def _decisions_url(meeting: Meeting, removed: bool = False) -> str:
    name = "network:meeting_decisions_removed" if removed else "network:meeting_decisions"
    return reverse(name, kwargs={"slug": meeting.network.slug, "pk": meeting.pk})


@login_required
def decisions_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    context = records_context(request, meeting, "decisions")
    form = None
    status = 200
    if context["may_organise"]:
        form = DecisionForm(request.POST or None, meeting=meeting)
        if request.method == "POST":
            status = 400
            if form.is_valid():
                try:
                    services.decision_add(meeting=meeting, by=request.user, **form.values())
                except ValidationError as error:
                    add_service_error(form, error)
                else:
                    messages.success(request, _("The decision is added."))
                    return redirect(_decisions_url(meeting) + "#decisions-heading")
    elif request.method == "POST":
        raise PermissionDenied
    context.update(page_of(request, selectors.decisions_of(meeting)), form=form)
    context["removed_count"] = (
        selectors.decisions_of(meeting, removed=True).count() if context["may_organise"] else 0
    )
    return render(request, "network/meetings/decisions.html", context, status=status)


@login_required
def decision_edit(request: HttpRequest, slug: str, pk: int, decision_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    decision = selectors.decision_of(meeting, decision_pk)
    form = DecisionForm(request.POST or None, meeting=meeting, decision=decision)
    status, theirs = 200, None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.decision_change(
                    decision=decision,
                    version=form.cleaned_data["version"] or 0,
                    by=request.user,
                    **form.values(),
                )
            except ConcurrentEditError as error:
                theirs = selectors.decision_of(meeting, decision_pk)
                data = request.POST.copy()
                data["version"] = str(theirs.version)
                form = DecisionForm(data, meeting=meeting, decision=theirs)
                form.is_valid()
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The decision is saved."))
                return redirect(_decisions_url(meeting) + f"#decision-{decision.pk}")
    context = records_context(request, meeting, "decisions")
    context.update(decision=decision, form=form, theirs=theirs)
    return render(request, "network/meetings/decisions_edit.html", context, status=status)


@require_POST
@login_required
def decision_remove(request: HttpRequest, slug: str, pk: int, decision_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    decision = selectors.decision_of(meeting, decision_pk)
    services.decision_remove(decision=decision, by=request.user)
    messages.success(
        request, _("The decision is removed. You can put it back from the removed decisions.")
    )
    return redirect(_decisions_url(meeting) + "#decisions-heading")


@require_POST
@login_required
def decision_restore(request: HttpRequest, slug: str, pk: int, decision_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    decision = selectors.decision_of(meeting, decision_pk)
    services.decision_restore(decision=decision, by=request.user)
    messages.success(request, _("The decision is back in the list."))
    return redirect(_decisions_url(meeting) + f"#decision-{decision.pk}")


@require_GET
@login_required
def decisions_removed(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    context = records_context(request, meeting, "decisions")
    context.update(page_of(request, selectors.decisions_of(meeting, removed=True)))
    return render(request, "network/meetings/decisions_removed.html", context)


# The minutes as a document ---------------------------------------------------------------------


def _export(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    language = translation.get_language()
    response = document_response(
        minutes_document(meeting, language),
        fmt,
        f"{meeting.network.slug}-meeting-{meeting.pk}-minutes-{language}",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def minutes_docx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _export(request, slug, pk, "docx")


@require_GET
@login_required
def minutes_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _export(request, slug, pk, "pdf")
