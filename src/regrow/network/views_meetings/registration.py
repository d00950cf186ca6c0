"""Registering for a meeting (oneself; a partner's coordinators and the organisers also someone
else), changing and cancelling a registration, and the participants per partner. Forms keep
what was typed; a refusal names the field; a change made meanwhile by someone else is refused
with both shown (409)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import selectors_registrations as selectors
from regrow.network.forms_registration import CancelForm, RegistrationForm
from regrow.network.models import Meeting, Registration
from regrow.network.services import registrations as services
from regrow.network.views_meetings import meeting_for
from regrow.towns.permissions import Action, can


def meeting_context(request, meeting: Meeting) -> dict:
    organiser = can(request.user, Action.ORGANISE_MEETING, meeting)
    is_open = meeting.registration_open()
    return {
        # Registrations may be added or changed: open, or an organiser's while not cancelled.
        "may_add": not meeting.cancelled_at and (is_open or organiser),
        "place": meeting.network,
        "network": meeting.network,
        "meeting": meeting,
        "may_organise": organiser,
        "current": "meetings",
        "registration_open": is_open,
        "closed_message": "" if is_open else services.closed_message(meeting),
    }


def _form(request, meeting, *, for_self, registration=None, data=None):
    organiser = can(request.user, Action.ORGANISE_MEETING, meeting)
    if for_self:
        partners = selectors.partners_of(meeting)
    else:
        partners = selectors.partners_for_others(request.user, meeting, organiser)
    initial = {}
    if registration is None and for_self:
        initial = {
            "name": request.user.full_name,
            "email": request.user.email,
            "partner": selectors.own_partner_id(request.user, meeting.network_id),
        }
    elif registration is None and partners.count() == 1:
        initial = {"partner": partners.first().pk}
    return RegistrationForm(
        data,
        meeting=meeting,
        partners=partners,
        for_self=for_self,
        registration=registration,
        # A coordinator changing their partner's person's registration does not see this.
        dietary=registration is None or for_self or organiser,
        initial=initial,
    )


def _register(request: HttpRequest, slug: str, pk: int, *, for_self: bool) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    context = meeting_context(request, meeting)
    if (
        not for_self
        and not selectors.partners_for_others(
            request.user, meeting, context["may_organise"]
        ).exists()
    ):
        raise PermissionDenied
    form = _form(request, meeting, for_self=for_self, data=request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                saved = services.registration_save(
                    meeting=meeting, by=request.user, for_self=for_self, **form.values()
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                if for_self:
                    messages.success(request, _("You are registered for the meeting."))
                    return redirect(meeting)
                messages.success(request, _("%(name)s is registered.") % {"name": saved.name})
                return redirect("network:meeting_participants", slug=slug, pk=meeting.pk)
    own = selectors.own_registration(request.user, meeting) if for_self else None
    context.update(
        form=form,
        for_self=for_self,
        own=own,
        # Registered already, or closed: the page says so (a form sent anyway is refused).
        show_form=request.method == "POST" or (own is None and context["may_add"]),
        may_register_others=selectors.partners_for_others(
            request.user, meeting, context["may_organise"]
        ).exists(),
    )
    return render(request, "network/meetings/registration.html", context, status=status)


@login_required
def register(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _register(request, slug, pk, for_self=True)


@login_required
def register_someone(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _register(request, slug, pk, for_self=False)


def _registration(request, meeting, reg_pk) -> Registration:
    registration = get_object_or_404(
        Registration.objects.select_related("partner__town", "user"), pk=reg_pk, meeting=meeting
    )
    if not services.may_change(request.user, registration, meeting):
        raise PermissionDenied
    return registration


@login_required
def registration_edit(request: HttpRequest, slug: str, pk: int, reg_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    registration = _registration(request, meeting, reg_pk)
    for_self = registration.user_id == request.user.pk
    form = _form(
        request, meeting, for_self=for_self, registration=registration, data=request.POST or None
    )
    status, current = 200, None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.registration_save(
                    meeting=meeting,
                    by=request.user,
                    registration=registration,
                    version=form.cleaned_data.get("version"),
                    **form.values(),
                )
            except ConcurrentEditError as error:
                # What was typed stays in the form, the saved registration beside it; sending
                # the form again saves it over the other on purpose.
                current = Registration.objects.select_related("partner__town").get(
                    pk=registration.pk
                )
                data = request.POST.copy()
                data["version"] = current.version
                form = _form(
                    request, meeting, for_self=for_self, registration=registration, data=data
                )
                form.is_valid()
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The registration is saved."))
                return redirect(meeting)
    context = {
        **meeting_context(request, meeting),
        "form": form,
        "registration": registration,
        "for_self": for_self,
        "show_form": request.method == "POST",
        "row": _row(request, meeting, registration),
        "saved": current,
        "saved_row": _row(request, meeting, current),
        "cancel_form": CancelForm(initial={"version": registration.version}),
    }
    return render(request, "network/meetings/registration_edit.html", context, status=status)


def _row(request, meeting, registration):
    if registration is None:
        return None
    viewer = selectors.viewer_of(request.user, meeting)
    return selectors.participant_rows([registration], meeting, viewer)[0]


@login_required
@require_POST
def registration_cancel(request: HttpRequest, slug: str, pk: int, reg_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    registration = _registration(request, meeting, reg_pk)
    form = CancelForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    try:
        services.registration_cancel(registration=registration, by=request.user, version=version)
    except (ConcurrentEditError, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("network:meeting_registration", slug=slug, pk=pk, reg_pk=reg_pk)
    if registration.user_id == request.user.pk:
        messages.success(request, _("Your registration is cancelled. You may register again."))
    else:
        messages.success(
            request, _("The registration of %(name)s is cancelled.") % {"name": registration.name}
        )
    return redirect(meeting)


@login_required
def participants(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The participants per partner, a page at a time; each viewer sees what they may."""
    meeting = meeting_for(request, slug, pk)
    viewer = selectors.viewer_of(request.user, meeting)
    registrations = selectors.in_partner_order(selectors.active(meeting))
    page = Paginator(registrations, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    rows = selectors.participant_rows(page, meeting, viewer)
    context = {
        **meeting_context(request, meeting),
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "rows": rows,
        "viewer": viewer,
        "shows_details": viewer.organiser
        or bool(viewer.coordinated)
        or any(row.details for row in rows),
        "shows_dietary": viewer.organiser or any(row.dietary for row in rows),
        "counts": selectors.counts_per_partner(meeting),
    }
    return render(request, "network/meetings/participants.html", context)
