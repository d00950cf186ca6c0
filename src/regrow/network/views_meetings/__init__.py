"""The network's meetings in its members' area, `/<language>/<network>/members/meetings/…`:
the list and each meeting's page with its agenda (meetings.py, agenda.py), registration and
attendance, minutes, decisions, documents and site visits, three-month goals, and the
meetings' calendar. Every view finds its meeting through `meeting_for`, which asks can()."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from regrow.lib import places
from regrow.network.models import Meeting
from regrow.towns.permissions import Action, can


def meeting_for(request, slug: str, pk: int, action: Action = Action.VIEW_NETWORK) -> Meeting:
    """The meeting `pk` of the network at `slug` (404 for another network's), if the user may
    take `action` on it; 403 otherwise. Activates the network's time zone."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("network", "host__town"), pk=pk, network__slug=slug
    )
    if not can(request.user, action, meeting):
        raise PermissionDenied
    places.activate_time_zone(meeting.network)
    return meeting
