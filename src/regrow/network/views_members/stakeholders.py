"""A partner's local stakeholder group: every member of the network reads who is in it and
where they stand (a power/interest grid with its table); the partner's coordinators keep it;
contact details are shown to the partner's and the town's coordinators only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib import places
from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import selectors_members as selectors
from regrow.network.forms_setup import StakeholderForm
from regrow.network.models import Partner, Stakeholder
from regrow.network.services import stakeholders as services
from regrow.network.views_members import status_of
from regrow.network.views_members.grid import count_table, power_interest_svg
from regrow.towns.permissions import Action, can


def _partner(request, slug: str, pk: int, action: Action = Action.VIEW_NETWORK) -> Partner:
    partner = get_object_or_404(
        Partner.objects.select_related("network", "town"), pk=pk, network__slug=slug
    )
    if not can(request.user, action, partner):
        raise PermissionDenied
    places.activate_time_zone(partner.network)
    return partner


def _context(request, partner: Partner) -> dict:
    return {
        "place": partner.network,
        "network": partner.network,
        "partner": partner,
        "may_edit": can(request.user, Action.EDIT_PLAN, partner),
        "may_see_contacts": selectors.may_see_contacts(request.user, partner),
    }


@login_required
def stakeholders(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partner = _partner(request, slug, pk)
    context = _context(request, partner)
    form = None
    if context["may_edit"]:
        form = StakeholderForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.stakeholder_save(partner=partner, by=request.user, **form.values())
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("%(name)s is in the group.") % form.cleaned_data)
                return redirect("network:stakeholders", slug=slug, pk=partner.pk)
    elif request.method == "POST":
        raise PermissionDenied
    counts = selectors.power_interest_counts(partner)
    page = Paginator(selectors.stakeholders_of(partner), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context.update(
        form=form,
        page=page,
        page_links=page.paginator.get_elided_page_range(page.number, on_each_side=2),
        grid=mark_safe(power_interest_svg(counts)),  # noqa: S308 -- every text escaped
        grid_rows=count_table(counts),
        total=sum(counts.values()),
    )
    return render(request, "network/members/stakeholders.html", context, status=status_of(form))


@login_required
def stakeholder_edit(request: HttpRequest, slug: str, pk: int, entry_pk: int) -> HttpResponse:
    partner = _partner(request, slug, pk, Action.EDIT_PLAN)
    entry = get_object_or_404(Stakeholder, pk=entry_pk, partner=partner)
    form = StakeholderForm(request.POST or None, stakeholder=entry)
    status = 200
    current = None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.stakeholder_save(
                    partner=partner,
                    by=request.user,
                    stakeholder=entry,
                    version=form.cleaned_data.get("version"),
                    **form.values(),
                )
            except ConcurrentEditError as error:
                # Both are shown: what was typed stays in the form, the saved entry beside it;
                # sending the form again then saves it over the other on purpose.
                current = Stakeholder.objects.get(pk=entry.pk)
                data = request.POST.copy()
                data["version"] = current.version
                form = StakeholderForm(data, stakeholder=entry)
                form.is_valid()
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The entry is saved."))
                return redirect("network:stakeholders", slug=slug, pk=partner.pk)
    context = {**_context(request, partner), "form": form, "entry": entry, "current": current}
    return render(request, "network/members/stakeholder_edit.html", context, status=status)


@login_required
@require_POST
def stakeholder_delete(request: HttpRequest, slug: str, pk: int, entry_pk: int) -> HttpResponse:
    partner = _partner(request, slug, pk, Action.EDIT_PLAN)
    entry = get_object_or_404(Stakeholder, pk=entry_pk, partner=partner)
    services.stakeholder_delete(stakeholder=entry, by=request.user)
    messages.success(request, _("%(name)s is no longer in the group.") % {"name": entry.name})
    return redirect("network:stakeholders", slug=slug, pk=partner.pk)
