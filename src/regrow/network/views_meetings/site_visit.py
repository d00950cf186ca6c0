"""A meeting's site visit: the units of the host town's vacancy register the visitors look at,
in the order of the route, on a map (numbered points joined by a line) and in a list under it
(the map's accessible alternative). The meeting's organisers find units by address among the
host town's, add them, move them up and down the route, and note a time and what they saw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import selectors_records as selectors
from regrow.network.forms_records import StopAddForm, StopForm, UnitSearchForm
from regrow.network.models import Meeting
from regrow.network.services import site_visits as services
from regrow.network.views_meetings import meeting_for
from regrow.network.views_meetings.minutes import page_of, records_context
from regrow.premises.models import Unit
from regrow.towns.permissions import Action

LIST_SIZE = 50


def _site_url(meeting: Meeting, anchor: str = "") -> str:
    url = reverse(
        "network:meeting_site_visit", kwargs={"slug": meeting.network.slug, "pk": meeting.pk}
    )
    return url + (f"#{anchor}" if anchor else "")


def public_page(unit: Unit) -> str:
    """Where the public sees the unit: its town's map of offered units, if it is offered."""
    if not unit.offered_publicly:
        return ""
    try:
        return reverse("place_section", kwargs={"slug": unit.town.slug, "section": "map"})
    except NoReverseMatch:
        return ""


def route_points(stops) -> list[dict]:
    """The map's data: each stop with a map point, numbered in route order."""
    points = []
    for number, stop in enumerate(stops, start=1):
        unit = stop.unit
        if unit.latitude is None or unit.longitude is None:
            continue
        points.append(
            {
                "number": number,
                "address": unit.display_address,
                "lat": float(unit.latitude),
                "lon": float(unit.longitude),
            }
        )
    return points


@login_required
def site_visit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    context = records_context(request, meeting, "site_visit")
    stops = list(selectors.stops_of(meeting))
    for number, stop in enumerate(stops, start=1):
        stop.number = number
        stop.public_url = public_page(stop.unit)
    town = meeting.host.town if meeting.host_id else None
    context.update(page_of(request, stops, LIST_SIZE), town=town, stop_count=len(stops))
    context["points"] = route_points(stops)
    context["unmapped"] = len(stops) - len(context["points"])
    if context["may_organise"] and town is not None:
        search = UnitSearchForm(request.GET or None)
        found = []
        if search.is_valid():
            found = selectors.units_to_visit(meeting, search.cleaned_data["q"])
        context.update(search=search, found=found, searched=bool(request.GET.get("q")))
    return render(request, "network/meetings/site_visit.html", context)


@require_POST
@login_required
def stop_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    form = StopAddForm(request.POST)
    if not form.is_valid():
        raise Http404
    unit = Unit.objects.filter(pk=form.cleaned_data["unit"]).first()
    if unit is None:
        raise Http404
    try:
        stop = services.stop_add(meeting=meeting, unit=unit, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_site_url(meeting, "route-heading"))
    messages.success(request, _("%(address)s is on the route.") % {"address": unit.display_address})
    return redirect(_site_url(meeting, f"stop-{stop.pk}"))


@login_required
def stop_edit(request: HttpRequest, slug: str, pk: int, stop_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    stop = selectors.stop_of(meeting, stop_pk)
    stop.meeting = meeting
    form = StopForm(request.POST or None, stop=stop)
    status, theirs = 200, None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.stop_change(
                    stop=stop,
                    version=form.cleaned_data["version"],
                    by=request.user,
                    **form.values(),
                )
            except ConcurrentEditError as error:
                theirs = selectors.stop_of(meeting, stop_pk)
                theirs.meeting = meeting
                data = request.POST.copy()
                data["version"] = str(theirs.version)
                form = StopForm(data, stop=theirs)
                form.is_valid()
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("The stop at %(address)s is saved.") % {"address": stop.unit}
                )
                return redirect(_site_url(meeting, f"stop-{stop.pk}"))
    context = records_context(request, meeting, "site_visit")
    context.update(stop=stop, form=form, theirs=theirs)
    return render(request, "network/meetings/site_visit_stop.html", context, status=status)


@require_POST
@login_required
def stop_move(request: HttpRequest, slug: str, pk: int, stop_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    stop = selectors.stop_of(meeting, stop_pk)
    stop.meeting = meeting
    services.stop_move(stop=stop, up=request.POST.get("direction") == "up", by=request.user)
    return redirect(_site_url(meeting, f"stop-{stop.pk}"))


@login_required
def stop_remove(request: HttpRequest, slug: str, pk: int, stop_pk: int) -> HttpResponse:
    """Asks first (the stop's notes go with it), then takes the stop off the route."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    stop = selectors.stop_of(meeting, stop_pk)
    stop.meeting = meeting
    if request.method == "POST":
        services.stop_remove(stop=stop, by=request.user)
        messages.success(
            request,
            _("%(address)s is off the route. Search for it to add it again.")
            % {"address": stop.unit},
        )
        return redirect(_site_url(meeting, "route-heading"))
    context = records_context(request, meeting, "site_visit")
    context["stop"] = stop
    return render(request, "network/meetings/site_visit_remove.html", context)
