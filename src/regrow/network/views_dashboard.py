"""The network dashboard for its members: every partner side by side (plan version, actions
done, due and late, goals at the last review, indicators against their targets, the next
meeting), the milestones' deadlines and the timeline of meetings and milestones; the same for
one partner with its actions, goals and indicators; and the lead's choice of what the public
sees of it. Dates are the network's (its time zone is made active by network_for)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.network import dashboard as core
from regrow.network import selectors_dashboard as selectors
from regrow.network.forms_dashboard import PublicSummaryForm, shown_token
from regrow.network.models import Network
from regrow.network.services.dashboard import public_summary_save
from regrow.network.views_members import network_for
from regrow.popups.views.money import pager
from regrow.towns.permissions import Action, can

PARTNERS_PER_PAGE = 30
TIMELINE_PER_PAGE = 40
ACTIONS_PER_PAGE = 20
GOALS_PER_PAGE = 20
INDICATORS_PER_PAGE = 20


def fresh_form(network: Network) -> PublicSummaryForm:
    chosen = core.public_parts(network.public_summary)
    return PublicSummaryForm(initial={"parts": chosen, "shown": shown_token(chosen)})


def _render_dashboard(request, network: Network, form=None, status: int = 200) -> HttpResponse:
    today = timezone.localdate()
    may_manage = can(request.user, Action.MANAGE_NETWORK, network)
    partners = pager(request, selectors.partners_of(network), "page", PARTNERS_PER_PAGE)
    upcoming = selectors.upcoming_meetings(network, today)
    milestones = selectors.milestones_of(network)
    entries = core.timeline(selectors.meetings_of(network), milestones, today)
    context = {
        "place": network,
        "network": network,
        "may_manage": may_manage,
        "today": today,
        "partners": partners,
        "figures": selectors.figures_of(partners, today, upcoming),
        "next_meeting": upcoming[0] if upcoming else None,
        "deadlines": core.deadlines(milestones, today),
        "timeline": pager(request, entries, "timeline", TIMELINE_PER_PAGE),
        "due_soon_days": core.DUE_SOON_DAYS,
        "public_form": (form or fresh_form(network)) if may_manage else None,
        "public_parts": core.public_parts(network.public_summary),
    }
    return render(request, "network/dashboard/dashboard.html", context, status=status)


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_dashboard(request, network_for(request, slug))


@login_required
def dashboard_partner(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug)
    today = timezone.localdate()
    partner = selectors.partner_of(network, pk)
    upcoming = selectors.upcoming_meetings(network, today)
    figures = selectors.figures_of([partner], today, upcoming)[0]
    actions = pager(request, selectors.actions_of_partner(partner), "actions", ACTIONS_PER_PAGE)
    context = {
        "place": network,
        "network": network,
        "may_manage": can(request.user, Action.MANAGE_NETWORK, network),
        "today": today,
        "partner": partner,
        "figure": figures,
        "actions": actions,
        "action_rows": selectors.with_states(actions, today),
        "goals": pager(request, selectors.goals_of_partner(partner), "goals", GOALS_PER_PAGE),
        "indicators": pager(request, figures.indicators, "indicators", INDICATORS_PER_PAGE),
        "due_soon_days": core.DUE_SOON_DAYS,
    }
    return render(request, "network/dashboard/partner.html", context)


@login_required
@require_POST
def public_summary_choose(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    form = PublicSummaryForm(request.POST)
    if not form.is_valid():
        return _render_dashboard(request, network, form, status=400)
    try:
        public_summary_save(
            network=network,
            by=request.user,
            parts=form.cleaned_data["parts"],
            shown=form.cleaned_data["shown"],
        )
    except ConcurrentEditError as error:
        network.refresh_from_db(fields=["public_summary"])
        form = fresh_form(network)
        form.concurrent_error = str(error)
        return _render_dashboard(request, network, form, status=409)
    if network.public_summary:
        messages.success(request, _("The public now sees the parts you chose."))
    else:
        messages.success(request, _("The public sees nothing of the dashboard now."))
    return redirect(reverse("network:dashboard", kwargs={"slug": slug}) + "#public-summary")
