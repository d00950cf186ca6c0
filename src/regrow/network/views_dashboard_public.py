"""The public summary of the network's progress: its "Progress" section shows the parts of the
members' dashboard the network lead chose (Network.public_summary), as figures only: no names
of people, no text of the plans, no links into the members' area."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.network import dashboard
from regrow.network import selectors_dashboard as selectors
from regrow.network.models import Network
from regrow.popups.views.money import pager

PARTNERS_PER_PAGE = 30
TIMELINE_PER_PAGE = 40
# The parts shown partner by partner; "meetings" is the timeline below them.
PARTNER_PARTS = ("plans", "actions", "goals", "indicators")


def has_public_summary(place) -> bool:
    return isinstance(place, Network) and bool(dashboard.public_parts(place.public_summary))


def public_summary(request: HttpRequest, place) -> HttpResponse:
    parts = dashboard.public_parts(getattr(place, "public_summary", None))
    if not isinstance(place, Network) or not parts:
        raise Http404
    today = timezone.localdate()
    partner_parts = [part for part in parts if part in PARTNER_PARTS]
    context = {
        "place": place,
        "network": place,
        "section": "progress",
        "section_title": _("Progress"),
        "today": today,
        "partner_parts": partner_parts,
        "show_meetings": "meetings" in parts,
        "due_soon_days": dashboard.DUE_SOON_DAYS,
    }
    if partner_parts:
        partners = pager(request, selectors.partners_of(place), "page", PARTNERS_PER_PAGE)
        context["partners"] = partners
        context["figures"] = selectors.figures_of(partners, today)
    if "meetings" in parts:
        entries = dashboard.timeline(
            selectors.meetings_of(place, cancelled=False), selectors.milestones_of(place), today
        )
        context["timeline"] = pager(request, entries, "timeline", TIMELINE_PER_PAGE)
    return render(request, "network/dashboard/public.html", context)
