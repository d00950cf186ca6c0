"""Transfer Plans' pages for the network's members: the partners and their plans, starting a
plan, a plan (its newest version's sections with their open review comments, the actions with
their budget by funding source, the risks and the indicators), one version, and moving the
newest version on (to peer review, to final, a new draft)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import selectors_plans as selectors
from regrow.network.forms_plans import PlanStartForm
from regrow.network.models import Partner, PlanVersion, TransferPlan
from regrow.network.services import plans as services
from regrow.popups.views.money import pager
from regrow.towns.permissions import Action, can

PARTNERS_PER_PAGE = 30
ACTIONS_SHOWN = 20
RISKS_SHOWN = 10
INDICATORS_SHOWN = 10
VERSIONS_SHOWN = 10


def plan_context(request, plan: TransferPlan, version: PlanVersion) -> dict:
    """What every page of a plan shows in its header."""
    network = plan.partner.network
    return {
        "place": network,
        "network": network,
        "plan": plan,
        "partner": plan.partner,
        "version": version,
        "may_edit": can(request.user, Action.EDIT_PLAN, plan),
        "may_review": can(request.user, Action.REVIEW_PLAN, plan),
    }


@login_required
def plan_list(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_of(request.user, slug)
    partners = pager(request, selectors.partners_and_plans(network), "page", PARTNERS_PER_PAGE)
    rows = [
        {"partner": partner, "may_start": can(request.user, Action.EDIT_PLAN, partner)}
        for partner in partners
    ]
    context = {"place": network, "network": network, "partners": partners, "rows": rows}
    return render(request, "network/plans/list.html", context)


@login_required
def plan_start(request: HttpRequest, slug: str, partner_pk: int) -> HttpResponse:
    network = selectors.network_of(request.user, slug)
    partner = get_object_or_404(
        Partner.objects.select_related("town"), network=network, pk=partner_pk
    )
    if not can(request.user, Action.EDIT_PLAN, partner):
        raise PermissionDenied
    existing = TransferPlan.objects.filter(partner=partner).first()
    if existing is not None:
        return redirect("network:plan", slug=slug, plan_pk=existing.pk)
    initial = {"language": partner.town.languages[0] if partner.town.languages else "en"}
    form = PlanStartForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                plan = services.plan_start(partner=partner, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The plan is started: write it section by section."))
                return redirect("network:plan", slug=slug, plan_pk=plan.pk)
    context = {"place": network, "network": network, "partner": partner, "form": form}
    return render(request, "network/plans/start.html", context, status=status)


@login_required
def plan_page(request: HttpRequest, slug: str, plan_pk: int) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk)
    version = selectors.version_of(plan)
    today = plan.partner.town.today()
    actions = pager(request, selectors.actions_of(plan), "actions", ACTIONS_SHOWN)
    context = {
        **plan_context(request, plan, version),
        "sections": selectors.sections_of(version),
        "versions": pager(request, selectors.versions_of(plan), "versions", VERSIONS_SHOWN),
        "actions": actions,
        "action_rows": selectors.mark_overdue(actions, today),
        "overdue": selectors.overdue_count(plan, today),
        "budget": selectors.budget_of(plan),
        "risks": pager(request, selectors.risks_of(plan), "risks", RISKS_SHOWN),
        "indicators": pager(request, selectors.indicators_of(plan), "indicators", INDICATORS_SHOWN),
        "today": today,
    }
    return render(request, "network/plans/plan.html", context)


@login_required
def version_page(request: HttpRequest, slug: str, plan_pk: int, number: int) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk)
    version = selectors.version_of(plan, number)
    newest = selectors.version_of(plan)
    context = {
        **plan_context(request, plan, version),
        "newest": newest,
        "sections": selectors.sections_of(version),
    }
    return render(request, "network/plans/version.html", context)


def _token(request) -> int:
    token = request.POST.get("version", "")
    return int(token) if token.isdigit() else -1


def _refused(request, error: ValidationError | ConcurrentEditError) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    messages.error(request, text)


def _move_on(request, slug: str, plan_pk: int, number: int, service, done: str) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk, Action.EDIT_PLAN)
    try:
        service(plan=plan, number=number, version=_token(request), by=request.user)
    except (ValidationError, ConcurrentEditError) as error:
        _refused(request, error)
    else:
        messages.success(request, done % {"number": number})
    return redirect("network:plan", slug=slug, plan_pk=plan_pk)


@login_required
@require_POST
def version_submit(request: HttpRequest, slug: str, plan_pk: int, number: int) -> HttpResponse:
    done = _(
        "Version %(number)s is in peer review. Its text cannot be changed until it is made final."
    )
    return _move_on(request, slug, plan_pk, number, services.version_submit, done)


@login_required
@require_POST
def version_finalise(request: HttpRequest, slug: str, plan_pk: int, number: int) -> HttpResponse:
    done = _("Version %(number)s is final.")
    return _move_on(request, slug, plan_pk, number, services.version_finalise, done)


@login_required
@require_POST
def version_start(request: HttpRequest, slug: str, plan_pk: int) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk, Action.EDIT_PLAN)
    try:
        draft = services.version_start(plan=plan, by=request.user)
    except (ValidationError, ConcurrentEditError) as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("Version %(number)s is started: a draft based on version %(base)s.")
            % {"number": draft.number, "base": draft.number - 1},
        )
    return redirect("network:plan", slug=slug, plan_pk=plan_pk)
