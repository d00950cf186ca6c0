"""The organisers' agenda builder: the agenda by day with a form to add an item, a page to
change one, small buttons to move one up or down among the items of its day (or of its
item), and a confirmation to remove one. Works without JavaScript. Forms keep what was typed;
a refusal names the field."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import selectors_meetings as selectors
from regrow.network.forms_meetings import AgendaItemForm
from regrow.network.models import AgendaItem, Meeting
from regrow.network.services import agenda as services
from regrow.network.views_meetings import meeting_for
from regrow.network.views_meetings.meetings import activate_meeting_zone
from regrow.towns.permissions import Action


def _organised(request, slug: str, pk: int) -> Meeting:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    activate_meeting_zone(meeting)
    return meeting


def _item(meeting: Meeting, item_pk: int) -> AgendaItem:
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    item.meeting = meeting
    return item


def _form(meeting: Meeting, item=None, data=None) -> AgendaItemForm:
    parents = selectors.top_level_items(meeting)
    return AgendaItemForm(data, meeting=meeting, parents=parents, item=item)


def _save(request, meeting: Meeting, form: AgendaItemForm, item=None) -> int | None:
    """None once saved, else the status to answer with (the form saying why)."""
    if not form.is_valid():
        return 400
    version = form.cleaned_data.get("version") if item is not None else None
    try:
        services.item_save(
            meeting=meeting, by=request.user, item=item, version=version, **form.values()
        )
    except ConcurrentEditError as error:
        form.add_error(None, str(error))
        return 409
    except ValidationError as error:
        if hasattr(error, "error_dict") and "titles" in error.error_dict:
            form.add_error(f"titles_{form.languages[0]}", error.error_dict.pop("titles"))
        add_service_error(form, error)
        return 400
    return None


def _context(meeting: Meeting, **more) -> dict:
    return {
        "place": meeting.network,
        "network": meeting.network,
        "current": "meetings",
        "meeting": meeting,
        **more,
    }


def _suggest(form: AgendaItemForm, days: list, wanted: str) -> None:
    """The next item's day (the one last added to) and start (when that day's last item ends)."""
    day = next((one for one in days if one.day.isoformat() == wanted and one.number), None)
    if day is None:
        return
    form.initial["day"] = wanted
    if day.items:
        end = max(selectors.item_minutes(item)[1] for item in day.items)
        if end < selectors.MINUTES_A_DAY:
            form.initial["starts_at"] = selectors.clock_of(end)


@login_required
def agenda(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The agenda with its items' buttons, and the form to add an item."""
    meeting = _organised(request, slug, pk)
    form = _form(meeting, data=request.POST or None)
    status = 200
    if request.method == "POST":
        status = _save(request, meeting, form)
        if status is None:
            messages.success(request, _("The item is added to the agenda."))
            day = form.cleaned_data["day"].isoformat()
            return redirect(
                reverse("network:meeting_agenda", kwargs={"slug": slug, "pk": pk})
                + f"?day={day}#day-{day}"
            )
    days = selectors.agenda_of(meeting)
    if request.method != "POST":
        _suggest(form, days, request.GET.get("day", ""))
    context = _context(meeting, form=form, days=days)
    return render(request, "network/meetings/agenda_builder.html", context, status=status)


@login_required
def item_edit(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    meeting = _organised(request, slug, pk)
    item = _item(meeting, item_pk)
    form = _form(meeting, item=item, data=request.POST or None)
    status = 200
    if request.method == "POST":
        status = _save(request, meeting, form, item)
        if status is None:
            messages.success(request, _("The item is saved."))
            return redirect("network:meeting_agenda", slug=slug, pk=pk)
        item.refresh_from_db()
        if status == 409:
            # What was typed stays, on the item's current version: sending it again saves it
            # over the other person's change on purpose.
            data = request.POST.copy()
            data["version"] = str(item.version)
            form = _form(meeting, item=item, data=data)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone changed this item while you were editing it, so nothing was saved. "
                    "What you typed is kept below; the item as it is now is on the agenda. "
                    "Sending the form again saves yours over their change."
                ),
            )
    context = _context(meeting, form=form, item=item)
    return render(request, "network/meetings/agenda_item.html", context, status=status)


@login_required
@require_POST
def item_move(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    meeting = _organised(request, slug, pk)
    item = _item(meeting, item_pk)
    services.item_move(item=item, by=request.user, up=request.POST.get("direction") == "up")
    return redirect(
        reverse("network:meeting_agenda", kwargs={"slug": slug, "pk": pk}) + f"#item-{item.pk}"
    )


@login_required
def item_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """Asks first; refuses an item holding minutes, decisions, documents or parts."""
    meeting = _organised(request, slug, pk)
    item = _item(meeting, item_pk)
    held = services.records_of(item)
    status = 200
    if request.method == "POST" and not held:
        try:
            services.item_remove(item=item, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The item is removed from the agenda."))
            return redirect("network:meeting_agenda", slug=slug, pk=pk)
    elif request.method == "POST":
        status = 400
    item.span = selectors.span(item)
    context = _context(meeting, item=item, held=held)
    return render(request, "network/meetings/agenda_delete.html", context, status=status)
