"""The organisers' attendance of a meeting: per day a page of everyone registered with a
checkbox each, saved in one POST (each registration at the version the page read: a clash
names the person and saves nothing); someone who came without registering, recorded and
marked; and the sign-in sheet as PDF."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from regrow.lib import documents
from regrow.lib.forms import add_service_error
from regrow.network import selectors_registrations as selectors
from regrow.network.forms_registration import WalkInForm
from regrow.network.meeting_sheet import sign_in_sheet_pdf
from regrow.network.models import Meeting
from regrow.network.services import registrations as services
from regrow.network.services.registrations import AttendanceClash
from regrow.network.views_meetings import meeting_for
from regrow.network.views_meetings.registration import meeting_context
from regrow.towns.permissions import Action


def _day(meeting: Meeting, day: str | None) -> date:
    if day is None:
        return meeting.starts_on
    try:
        found = date.fromisoformat(day)
    except ValueError as error:
        raise Http404 from error
    if found not in meeting.days():
        raise Http404
    return found


def _marks(post) -> list[tuple[int, int, bool]]:
    """(registration, version read, present) of each row the page showed: `row` inputs carry
    "id:version", the checked `present` boxes the ids."""
    present = set(post.getlist("present"))
    marks = []
    for row in post.getlist("row"):
        pk, _sep, version = row.partition(":")
        if pk.isdigit() and version.isdigit():
            marks.append((int(pk), int(version), pk in present))
    return marks


def _render(request, meeting, day, *, walk_in=None, typed=None, status=200):
    page = Paginator(selectors.attendance_list(meeting), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    iso = day.isoformat()
    rows = []
    for registration in page:
        present = iso in registration.attended_days
        if typed is not None and registration.pk in typed:
            present = typed[registration.pk]
        rows.append(
            {
                "registration": registration,
                "present": present,
                "expected": iso in registration.days,
            }
        )
    context = {
        **meeting_context(request, meeting),
        "day": day,
        "day_label": selectors.day_label(day),
        "days": [
            {"iso": other.isoformat(), "label": selectors.day_label(other), "current": other == day}
            for other in meeting.days()
        ],
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "rows": rows,
        "walk_in": walk_in or WalkInForm(partners=selectors.partners_of(meeting)),
    }
    return render(request, "network/meetings/attendance.html", context, status=status)


def _back(meeting: Meeting, day: date, page: str | None) -> str:
    url = reverse(
        "network:meeting_attendance_day",
        kwargs={"slug": meeting.network.slug, "pk": meeting.pk, "day": day.isoformat()},
    )
    return f"{url}?page={page}" if page and page.isdigit() else url


@login_required
def attendance(request: HttpRequest, slug: str, pk: int, day: str | None = None) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    found = _day(meeting, day)
    if request.method != "POST":
        return _render(request, meeting, found)
    marks = _marks(request.POST)
    try:
        changed = services.attendance_record(
            meeting=meeting, by=request.user, day=found, marks=marks
        )
    except AttendanceClash as error:
        messages.error(request, str(error))
        typed = {pk: present for pk, _version, present in marks}
        return _render(request, meeting, found, typed=typed, status=409)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _render(request, meeting, found, status=400)
    messages.success(
        request,
        ngettext(
            "Attendance is saved: %(count)s change.",
            "Attendance is saved: %(count)s changes.",
            changed,
        )
        % {"count": changed},
    )
    return redirect(_back(meeting, found, request.GET.get("page")))


@login_required
@require_POST
def walk_in(request: HttpRequest, slug: str, pk: int, day: str) -> HttpResponse:
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    found = _day(meeting, day)
    form = WalkInForm(request.POST, partners=selectors.partners_of(meeting))
    if form.is_valid():
        try:
            entry = services.walk_in_record(
                meeting=meeting, by=request.user, day=found, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is recorded as present without having registered.")
                % {"name": entry.name},
            )
            return redirect(_back(meeting, found, None))
    return _render(request, meeting, found, walk_in=form, status=400)


@login_required
@require_GET
def sheet(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The sign-in sheet as PDF, one part per day, in the page's language (organisers)."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    language = translation.get_language() or "en"
    response = HttpResponse(
        sign_in_sheet_pdf(meeting, language), content_type=documents.CONTENT_TYPES["pdf"]
    )
    filename = f"{meeting.network.slug}-meeting-{meeting.pk}-sign-in-sheet.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
