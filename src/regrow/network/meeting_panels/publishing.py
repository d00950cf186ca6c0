"""The meeting page's publishing part (see meeting_panels/__init__.py): for the organisers,
the meeting's event (published in one step in its languages) and its report's news draft,
with the buttons that make them; for the other members, the published event's link. Both
find the network's calendar feed here. Two queries (what publishing has about the meeting)."""

from regrow.network import meeting_events
from regrow.network.views_meetings.publishing import announcements, stale_events
from regrow.towns.permissions import Action, can


def panel(request, meeting) -> tuple[str, dict] | None:
    organises = can(request.user, Action.ORGANISE_MEETING, meeting)
    connected = meeting_events.publishing_connected()
    found = announcements(meeting, drafts=organises)
    context = {
        "meeting": meeting,
        "network": meeting.network,
        "organises": organises and connected,
        "events": found["events"],
        "is_over": meeting.is_over(),
        "news": found["news"],
        # A cancelled meeting's published event still announces it: the organisers edit it.
        "stale": stale_events(meeting, found["events"]) if organises else [],
    }
    return "network/meetings/panels/publishing.html", context
