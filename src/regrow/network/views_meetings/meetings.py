"""The network's meetings in its members' area: the list (coming and past, each a page at a
time), a new meeting, its page (what, when, where with a map, the agenda by day, then the
parts other modules own), a change to it, and cancelling it or taking that back. Members read;
organisers (ORGANISE_MEETING) change; nothing is deleted."""

import contextlib
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import meeting_events, meeting_panels
from regrow.network import selectors_meetings as selectors
from regrow.network.forms_meetings import CancelForm, MeetingForm
from regrow.network.models import Meeting, Network
from regrow.network.services import meetings as services
from regrow.network.views_meetings import meeting_for
from regrow.network.views_members import network_for
from regrow.popups.views.money import pager
from regrow.towns.permissions import Action, can


def activate_meeting_zone(meeting: Meeting) -> None:
    """Times of the meeting's page are the meeting's local time."""
    with contextlib.suppress(ValueError, zoneinfo.ZoneInfoNotFoundError):
        timezone.activate(zoneinfo.ZoneInfo(meeting.time_zone))


def _base(request, network: Network) -> dict:
    return {
        "place": network,
        "network": network,
        "may_manage": can(request.user, Action.MANAGE_NETWORK, network),
        "current": "meetings",
    }


@login_required
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The coming meetings (soonest first) and the past ones (latest first)."""
    network = network_for(request, slug)
    today = timezone.localdate()  # the network's, activated by network_for
    context = {
        **_base(request, network),
        "coming": pager(
            request, selectors.coming_meetings(network, today), "coming", selectors.PAGE_SIZE
        ),
        "past": pager(
            request, selectors.past_meetings(network, today), "past", selectors.PAGE_SIZE
        ),
        "may_create": selectors.may_create(request.user, network),
    }
    return render(request, "network/meetings/list.html", context)


def _meeting_form(request, network: Network, meeting: Meeting | None, data=None) -> MeetingForm:
    any_host, hosts = selectors.hosts_for(request.user, network)
    if meeting is not None and meeting.host is not None and meeting.host not in hosts:
        hosts = [*hosts, meeting.host]  # kept as it is; moving it is checked by the service
    return MeetingForm(data, hosts=hosts, any_host=any_host, meeting=meeting)


def _save(request, network: Network, form: MeetingForm, meeting: Meeting | None):
    """The saved meeting, or the status to answer with (the form carrying why)."""
    if not form.is_valid():
        return 400
    version = form.cleaned_data.get("version") if meeting is not None else None
    try:
        return services.meeting_save(
            network=network, by=request.user, meeting=meeting, version=version, **form.values()
        )
    except ConcurrentEditError as error:
        form.add_error(None, str(error))
        return 409
    except ValidationError as error:
        if hasattr(error, "error_dict") and "titles" in error.error_dict:
            form.add_error(f"titles_{form.languages[0]}", error.error_dict.pop("titles"))
        add_service_error(form, error)
        return 400


def _retyped(request, network: Network, meeting: Meeting) -> MeetingForm:
    """The form as it was sent, on the meeting's current version, saying why it was not saved."""
    data = request.POST.copy()
    data["version"] = str(meeting.version)
    form = _meeting_form(request, network, meeting, data)
    form.is_valid()
    form.add_error(
        None,
        _(
            "Someone changed this meeting while you were editing it, so nothing was saved. What "
            "you typed is kept below; the meeting as it is now is on its page. Sending the form "
            "again saves yours over their change."
        ),
    )
    return form


def _has_published_event(meeting: Meeting) -> bool:
    if not meeting_events.publishing_connected():
        return False
    about = meeting_events.publishing("published_about")
    return bool(about(Meeting, publisher=meeting.network, pks=[meeting.pk]).get(meeting.pk))


@login_required
def meeting_new(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug)
    if not selectors.may_create(request.user, network):
        raise PermissionDenied
    form = _meeting_form(request, network, None, request.POST or None)
    status = 200
    if request.method == "POST":
        saved = _save(request, network, form, None)
        if isinstance(saved, Meeting):
            messages.success(request, _("The meeting is added. Now build its agenda."))
            return redirect("network:meeting_agenda", slug=slug, pk=saved.pk)
        status = saved
    context = {**_base(request, network), "form": form, "meeting": None}
    return render(request, "network/meetings/meeting_form.html", context, status=status)


@login_required
def meeting_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    network = meeting.network
    form = _meeting_form(request, network, meeting, request.POST or None)
    status = 200
    if request.method == "POST":
        days = (meeting.starts_on, meeting.ends_on)
        saved = _save(request, network, form, meeting)
        if isinstance(saved, Meeting):
            messages.success(request, _("The meeting is saved."))
            if (saved.starts_on, saved.ends_on) != days and _has_published_event(saved):
                messages.warning(
                    request,
                    _(
                        "The meeting's days changed, but its published event still gives the "
                        "old ones: edit the event under “On the network's public site”."
                    ),
                )
            return redirect("network:meeting", slug=slug, pk=meeting.pk)
        status = saved
        meeting.refresh_from_db()
        if status == 409:
            form = _retyped(request, network, meeting)
    context = {**_base(request, network), "form": form, "meeting": meeting}
    return render(request, "network/meetings/meeting_form.html", context, status=status)


@login_required
def meeting_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    activate_meeting_zone(meeting)
    may_organise = can(request.user, Action.ORGANISE_MEETING, meeting)
    context = {
        **_base(request, meeting.network),
        "meeting": meeting,
        "days": selectors.agenda_of(meeting),
        "may_organise": may_organise,
        "cancel_form": CancelForm(initial={"version": meeting.version}) if may_organise else None,
        "panels": meeting_panels.collect(request, meeting),
    }
    return render(request, "network/meetings/meeting.html", context)


def _cancel(request, slug: str, pk: int, cancel: bool) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    form = CancelForm(request.POST)
    try:
        if not form.is_valid():
            raise ConcurrentEditError(_("The form was incomplete. Try again."))
        services.meeting_cancel(
            meeting=meeting, by=request.user, version=form.cleaned_data["version"], cancel=cancel
        )
    except ConcurrentEditError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The meeting is cancelled. Its page and agenda stay; you can take this back.")
            if cancel
            else _("The meeting is no longer cancelled."),
        )
    return redirect("network:meeting", slug=slug, pk=meeting.pk)


@login_required
@require_POST
def meeting_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _cancel(request, slug, pk, cancel=True)


@login_required
@require_POST
def meeting_restore(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _cancel(request, slug, pk, cancel=False)
