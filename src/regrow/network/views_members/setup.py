"""The network lead's set-up: the network's programme, kind and dates; its phases and its
milestones, each listed with a form to add one, edited and deleted on their own pages."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from regrow.lib.forms import add_service_error
from regrow.network import selectors_members as selectors
from regrow.network.forms_setup import MilestoneForm, NetworkForm, PhaseForm
from regrow.network.models import Milestone, Phase
from regrow.network.services import setup as services
from regrow.network.views_members import network_for, status_of
from regrow.towns.permissions import Action


@login_required
def network_settings(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    initial = {
        name: getattr(network, name) for name in ("programme", "kind", "started_on", "ended_on")
    }
    form = NetworkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_update(network=network, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The network's details are saved."))
            return redirect("network:setup", slug=network.slug)
    context = {"place": network, "network": network, "form": form}
    return render(request, "network/members/setup.html", context, status=status_of(form))


@dataclass(frozen=True)
class _Items:
    """Phases or milestones: how the pages list, fill in, save and delete one of them."""

    model: type
    form_class: type
    list_url: str
    item_url: str
    template: str
    heading: Any
    items: Callable
    initial: Callable[[Any, Any], None]
    save: Callable[..., Any]
    delete: Callable[..., None]
    saved: Any
    deleted: Any


def _phase_initial(form, phase: Phase) -> None:
    form.set_texts("names", phase.names)
    form.initial.update(kind=phase.kind, starts_on=phase.starts_on, ends_on=phase.ends_on)


def _milestone_initial(form, milestone: Milestone) -> None:
    form.set_texts("titles", milestone.titles)
    form.initial.update(month=milestone.month, due_on=milestone.due_on, done_on=milestone.done_on)


def _renamed(error: ValidationError, form) -> ValidationError:
    """A refusal about texts kept per language goes to the first language's field."""
    if hasattr(error, "error_dict"):
        main = form.languages[0]
        return ValidationError(
            {
                (f"{name}_{main}" if name in ("names", "titles") else name): problems
                for name, problems in error.error_dict.items()
            }
        )
    return error


PHASES = _Items(
    model=Phase,
    form_class=PhaseForm,
    list_url="network:phases",
    item_url="network:phase",
    template="network/members/phases.html",
    heading=gettext_lazy("Change the phase"),
    items=selectors.phases_of,
    initial=_phase_initial,
    save=lambda network, by, item, values: services.phase_save(
        network=network, by=by, phase=item, **values
    ),
    delete=lambda item, by: services.phase_delete(phase=item, by=by),
    saved=gettext_lazy("The phase is saved."),
    deleted=gettext_lazy("The phase is deleted."),
)
MILESTONES = _Items(
    model=Milestone,
    form_class=MilestoneForm,
    list_url="network:milestones",
    item_url="network:milestone",
    template="network/members/milestones.html",
    heading=gettext_lazy("Change the milestone"),
    items=selectors.milestones_of,
    initial=_milestone_initial,
    save=lambda network, by, item, values: services.milestone_save(
        network=network, by=by, milestone=item, **values
    ),
    delete=lambda item, by: services.milestone_delete(milestone=item, by=by),
    saved=gettext_lazy("The milestone is saved."),
    deleted=gettext_lazy("The milestone is deleted."),
)


def _save(request, kind: _Items, network, item, form) -> HttpResponse | None:
    """Save a valid form through the service; None if it refused (its errors on the form)."""
    if not form.is_valid():
        return None
    try:
        kind.save(network, request.user, item, form.values())
    except ValidationError as error:
        add_service_error(form, _renamed(error, form))
        return None
    messages.success(request, str(kind.saved))
    return redirect(kind.list_url, slug=network.slug)


def _list(request: HttpRequest, slug: str, kind: _Items) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    form = kind.form_class(request.POST or None)
    if request.method == "POST" and (done := _save(request, kind, network, None, form)):
        return done
    page = Paginator(kind.items(network), selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "place": network,
        "network": network,
        "form": form,
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
    }
    return render(request, kind.template, context, status=status_of(form))


def _edit(request: HttpRequest, slug: str, pk: int, kind: _Items) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    item = get_object_or_404(kind.model, pk=pk, network=network)
    form = kind.form_class(request.POST or None)
    kind.initial(form, item)
    if request.method == "POST" and (done := _save(request, kind, network, item, form)):
        return done
    context = {
        "place": network,
        "network": network,
        "form": form,
        "item": item,
        "heading": kind.heading,
        "back_url": kind.list_url,
        "delete_url": f"{kind.item_url}_delete",
    }
    return render(request, "network/members/item_edit.html", context, status=status_of(form))


def _delete(request: HttpRequest, slug: str, pk: int, kind: _Items) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    item = get_object_or_404(kind.model, pk=pk, network=network)
    kind.delete(item, request.user)
    messages.success(request, str(kind.deleted))
    return redirect(kind.list_url, slug=network.slug)


@login_required
def phases(request: HttpRequest, slug: str) -> HttpResponse:
    return _list(request, slug, PHASES)


@login_required
def phase_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _edit(request, slug, pk, PHASES)


@login_required
@require_POST
def phase_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _delete(request, slug, pk, PHASES)


@login_required
def milestones(request: HttpRequest, slug: str) -> HttpResponse:
    return _list(request, slug, MILESTONES)


@login_required
def milestone_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _edit(request, slug, pk, MILESTONES)


@login_required
@require_POST
def milestone_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _delete(request, slug, pk, MILESTONES)
