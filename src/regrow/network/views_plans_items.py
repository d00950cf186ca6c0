"""The rows a Transfer Plan sets out, each kind with a page of its own (a page of them and a
form to add one), a page to change one and a button to remove it: actions, risks and
monitoring indicators. Forms keep what was typed; a refused change names the field."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import selectors_plans as selectors
from regrow.network.forms_plans import ActionForm, PlanIndicatorForm, RiskForm
from regrow.network.models import PlanAction, PlanIndicator, PlanRisk, TransferPlan
from regrow.network.services import actions as services
from regrow.network.views_plans import plan_context
from regrow.popups.views.money import pager
from regrow.towns.permissions import Action, can

PER_PAGE = 20


@dataclass(frozen=True)
class Kind:
    key: str  # the address's part, and the templates' name
    model: type[Model]
    form: type
    save: Callable
    remove: Callable
    argument: str  # the services' name for one of them
    rows: Callable[[TransferPlan], object]
    title: object
    one: object  # "Change the action"
    added: object
    saved: object
    removed: object


def _action_form(data, plan, item):
    return ActionForm(data, plan=plan, action=item)


def _risk_form(data, plan, item):
    initial = {name: getattr(item, name) for name in services.RISK_VALUES} if item else None
    return RiskForm(data, initial=initial)


def _indicator_form(data, plan, item):
    initial = {name: getattr(item, name) for name in services.INDICATOR_VALUES} if item else None
    return PlanIndicatorForm(data, initial=initial)


KINDS = {
    "actions": Kind(
        "actions", PlanAction, _action_form, services.action_save, services.action_remove,
        "action", selectors.actions_of, _("Actions"), _("Change the action"),
        _("The action is added."), _("The action is saved."), _("The action is removed."),
    ),
    "risks": Kind(
        "risks", PlanRisk, _risk_form, services.risk_save, services.risk_remove,
        "risk", selectors.risks_of, _("Risks"), _("Change the risk"),
        _("The risk is added."), _("The risk is saved."), _("The risk is removed."),
    ),
    "indicators": Kind(
        "indicators", PlanIndicator, _indicator_form, services.indicator_save,
        services.indicator_remove, "measure", selectors.indicators_of,
        _("Monitoring indicators"), _("Change the indicator"), _("The indicator is added."),
        _("The indicator is saved."), _("The indicator is removed."),
    ),
}  # fmt: skip


def _values(kind: Kind, form) -> dict:
    if kind.key == "actions":
        values = form.action_values()
        values["version"] = form.cleaned_data.get("version")
        return values
    return dict(form.cleaned_data)


def _save(request, kind: Kind, plan: TransferPlan, form, item=None) -> int | None:
    """Save what the form holds; None once saved, else the status to answer with."""
    if not form.is_valid():
        return 400
    extra = {kind.argument: item} if item is not None else {}
    try:
        kind.save(plan=plan, by=request.user, **extra, **_values(kind, form))
    except ConcurrentEditError as error:
        form.add_error(None, str(error))
        return 409
    except ValidationError as error:
        add_service_error(form, error)
        return 400
    messages.success(request, kind.saved if item is not None else kind.added)
    return None


def _list_context(request, kind: Kind, plan: TransferPlan, form) -> dict:
    version = selectors.version_of(plan)
    page = pager(request, kind.rows(plan), "page", PER_PAGE)
    context = {
        **plan_context(request, plan, version),
        "kind": kind,
        "page": page,
        "form": form,
        "today": plan.partner.town.today(),
    }
    if kind.key == "actions":
        context["action_rows"] = selectors.mark_overdue(page, context["today"])
        context["budget"] = selectors.budget_of(plan)
    return context


@login_required
def item_list(request: HttpRequest, slug: str, plan_pk: int, kind: str) -> HttpResponse:
    """A page of the plan's rows of one kind; its coordinators add one here."""
    found = KINDS[kind]
    plan = selectors.plan_of(request.user, slug, plan_pk)
    form = None
    status = 200
    if can(request.user, Action.EDIT_PLAN, plan):
        form = found.form(request.POST or None, plan, None)
        if request.method == "POST":
            status = _save(request, found, plan, form)
            if status is None:
                return redirect(f"network:plan_{kind}", slug=slug, plan_pk=plan.pk)
    elif request.method == "POST":
        selectors.plan_of(request.user, slug, plan_pk, Action.EDIT_PLAN)  # 403
    context = _list_context(request, found, plan, form)
    return render(request, "network/plans/items.html", context, status=status)


@login_required
def item_edit(request: HttpRequest, slug: str, plan_pk: int, kind: str, pk: int) -> HttpResponse:
    found = KINDS[kind]
    plan = selectors.plan_of(request.user, slug, plan_pk, Action.EDIT_PLAN)
    item = get_object_or_404(found.model, plan=plan, pk=pk)
    form = found.form(request.POST or None, plan, item)
    status = 200
    if request.method == "POST":
        status = _save(request, found, plan, form, item)
        if status is None:
            return redirect(f"network:plan_{kind}", slug=slug, plan_pk=plan.pk)
        if kind == "actions":
            item.refresh_from_db()  # the page says what is stored; the form keeps what was typed
    context = {
        **plan_context(request, plan, selectors.version_of(plan)),
        "kind": found,
        "item": item,
        "form": form,
    }
    return render(request, "network/plans/item_edit.html", context, status=status)


@login_required
@require_POST
def item_remove(request: HttpRequest, slug: str, plan_pk: int, kind: str, pk: int) -> HttpResponse:
    found = KINDS[kind]
    plan = selectors.plan_of(request.user, slug, plan_pk, Action.EDIT_PLAN)
    item = get_object_or_404(found.model, plan=plan, pk=pk)
    item.plan = plan
    found.remove(**{found.argument: item}, by=request.user)
    messages.success(request, found.removed)
    return redirect(f"network:plan_{kind}", slug=slug, plan_pk=plan.pk)
