"""A meeting's site visit: the units of the host town's vacancy register the visitors look at,
in the order of the route, on a map (numbered points joined by a line) and in a list under it
(the map's accessible alternative). The meeting's organisers find units by address among the
host town's, add them, move them up and down the route, note a time and what they saw, take a
stop off the route and put it back from the removed stops."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

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


def _site_url(meeting: Meeting, anchor: str = "", removed: bool = False) -> str:
    name = "network:meeting_site_stops_removed" if removed else "network:meeting_site_visit"
    url = reverse(name, kwargs={"slug": meeting.network.slug, "pk": meeting.pk})
    return url + (f"#{anchor}" if anchor else "")


def _version(request: HttpRequest) -> int:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else -1


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
    if context["may_organise"]:
        context["removed_count"] = selectors.stops_of(meeting, removed=True).count()
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
    """Asks first, then takes the stop off the route (it can be put back, notes and all)."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    stop = selectors.stop_of(meeting, stop_pk)
    stop.meeting = meeting
    problem, status = None, 200
    if request.method == "POST":
        try:
            services.stop_remove(stop=stop, version=_version(request), by=request.user)
        except ConcurrentEditError as error:
            problem, status = str(error), 409
            # The page offers the stored version, notes and all.
            stop.refresh_from_db(fields=["version", "day", "visited_at", "notes", "removed_at"])
        except ValidationError as error:
            problem, status = " ".join(error.messages), 400
        else:
            messages.success(
                request,
                _(
                    "%(address)s is off the route. You can put it back, with its notes, from "
                    "the removed stops."
                )
                % {"address": stop.unit.display_address},
            )
            return redirect(_site_url(meeting, "route-heading"))
    context = records_context(request, meeting, "site_visit")
    context.update(stop=stop, problem=problem)
    return render(request, "network/meetings/site_visit_remove.html", context, status=status)


@require_POST
@login_required
def stop_restore(request: HttpRequest, slug: str, pk: int, stop_pk: int) -> HttpResponse:
    """Puts a removed stop back on the route; refused, with the reason, if its unit was added
    to the route again meanwhile."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    stop = selectors.stop_of(meeting, stop_pk, removed=True)
    stop.meeting = meeting
    try:
        services.stop_restore(stop=stop, version=_version(request), by=request.user)
    except ConcurrentEditError as error:
        messages.error(request, str(error))
        return redirect(_site_url(meeting, "stops-heading", removed=True))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_site_url(meeting, "stops-heading", removed=True))
    messages.success(
        request, _("%(address)s is back on the route.") % {"address": stop.unit.display_address}
    )
    return redirect(_site_url(meeting, f"stop-{stop.pk}"))


@require_GET
@login_required
def stops_removed(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The stops taken off the route, the last removed first, each with its notes and "put
    back"."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    context = records_context(request, meeting, "site_visit")
    context.update(page_of(request, selectors.stops_of(meeting, removed=True)))
    return render(request, "network/meetings/site_visit_removed.html", context)
