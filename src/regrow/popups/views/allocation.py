"""The coordinator's allocation page: ask for a proposal (the worker solves it), read it with
its bound and gap and why each left-out application is out, pin or forbid pairings, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.popups import allocation_rows as rows
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import AllocationRun, Application, PairingRule, Sublease
from regrow.popups.services import allocation as service
from regrow.popups.views import coordinated_round

# After this many seconds in the queue, the page says the worker may not be running.
SLOW_QUEUE_S = 60


def _page(items: list, request, name: str):
    return Paginator(items, rows.ROWS_PER_PAGE).get_page(request.GET.get(name))


def _proposal_context(request, round_, run: AllocationRun) -> dict:
    result = run.result or {}
    offers = {offer.pk: offer for offer in round_.offered_units.select_related("unit")}
    placed_page = _page(result.get("placements", []), request, "page")
    out_page = _page(result.get("left_out", []), request, "page")
    applications = rows.applications_named(round_, [*placed_page, *out_page])
    gap = result.get("gap")
    return {
        "result": result,
        "gap_percent": None if gap is None else gap * 100,
        "placed_page": placed_page,
        "placed": rows.placed_rows(
            list(placed_page), applications, offers, rows.pinned_pairs(round_)
        ),
        "out_page": out_page,
        "left_out": rows.left_out_rows(list(out_page), applications, offers),
        "offers": list(offers.values()),
        "stale": service.is_stale(run, round_),
        "objective": rows.points(result.get("objective") or 0),
        "bound": None if result.get("bound") is None else rows.points(result["bound"]),
    }


@login_required
def allocation_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    run = service.latest_run(round_)
    context = {
        "place": round_.town,
        "town": round_.town,
        "round": round_,
        "run": run,
        "rules": PairingRule.objects.filter(round=round_)
        .select_related("application", "round_unit__unit")
        .order_by("id"),
        "submitted": round_.applications.filter(status=ApplicationStatus.SUBMITTED).count(),
        "window_open": round_.applications_close_on >= timezone.localdate(),
        "allocated": round_.status == RoundStatus.ALLOCATED,
    }
    if context["allocated"]:
        subleases = (
            Sublease.objects.filter(round_unit__round=round_)
            .select_related("application", "unit")
            .order_by("starts_on", "id")
        )
        context["subleases"] = _page(subleases, request, "page")
        context["rejected"] = round_.applications.filter(status=ApplicationStatus.REJECTED).count()
    elif run is not None and run.state in (AllocationRun.State.DONE,):
        context.update(_proposal_context(request, round_, run))
    elif run is not None and run.is_pending:
        waited = (timezone.now() - run.requested_at).total_seconds()
        context["slow"] = waited > SLOW_QUEUE_S
    return render(request, "popups/allocation.html", context)


@login_required
def allocation_status(request: HttpRequest, slug: str, pk: int) -> JsonResponse:
    """The latest proposal's state, for the page to reload itself once it is ready."""
    round_ = coordinated_round(request, slug, pk)
    run = service.latest_run(round_)
    return JsonResponse({"run": run.pk if run else None, "state": run.state if run else None})


def _number(request, name: str) -> int:
    """A posted id; anything but digits finds nothing (404), never a 500."""
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() else 0


def _back(slug: str, pk: int):
    return redirect("popups:allocation", slug=slug, pk=pk)


@login_required
@require_POST
def allocation_propose(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    try:
        service.run_request(round_=round_, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.info(request, _("The solver is working on a proposal."))
    return _back(slug, pk)


@login_required
@require_POST
def allocation_rule(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    kind = request.POST.get("kind")
    if kind not in PairingRule.Kind.values:
        messages.error(request, _("Choose whether to pin or forbid the pairing."))
        return _back(slug, pk)
    application = get_object_or_404(Application, round=round_, pk=_number(request, "application"))
    offer = round_.offered_units.select_related("unit").filter(pk=_number(request, "offer")).first()
    if offer is None:
        messages.error(request, _("Choose a unit for %(name)s.") % {"name": application})
        return _back(slug, pk)
    try:
        service.rule_set(
            round_=round_, application=application, offer=offer, kind=kind, by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = (
            _("%(name)s is pinned to %(unit)s. Propose again to see the plan with it.")
            if kind == PairingRule.Kind.PIN
            else _("%(name)s will not get %(unit)s. Propose again to see the plan without it.")
        )
        messages.success(request, text % {"name": application, "unit": offer.unit})
    return _back(slug, pk)


@login_required
@require_POST
def allocation_rule_remove(request: HttpRequest, slug: str, pk: int, rule_pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    rule = get_object_or_404(
        PairingRule.objects.select_related("round__town"), round=round_, pk=rule_pk
    )
    try:
        service.rule_remove(rule=rule, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Rule removed. Propose again to see the plan without it."))
    return _back(slug, pk)


@login_required
@require_POST
def allocation_confirm(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    run = get_object_or_404(AllocationRun, round=round_, pk=_number(request, "run"))
    try:
        version = int(request.POST.get("round_version", ""))
    except ValueError:
        version = -1
    try:
        subleases = service.run_confirm(
            run=run,
            by=request.user,
            round_version=version,
            base_url=request.build_absolute_uri("/"),
        )
    except (ValidationError, ConcurrentEditError) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, text)
        return _back(slug, pk)
    messages.success(
        request,
        ngettext(
            "Allocation confirmed: %(count)d sublease created; every applicant has been told.",
            "Allocation confirmed: %(count)d subleases created; every applicant has been told.",
            len(subleases),
        )
        % {"count": len(subleases)},
    )
    return _back(slug, pk)
