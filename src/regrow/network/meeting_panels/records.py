"""The meeting page's records part (see meeting_panels/__init__.py): how many agenda items have
minutes, the decisions, documents, photos and site visit stops, with links to each page and to
the minutes as DOCX and PDF. Every member sees it; the links to write are the organisers'."""

from regrow.network.selectors_records import record_counts
from regrow.towns.permissions import Action, can

TEMPLATE = "network/meetings/panels/records.html"


def panel(request, meeting) -> tuple[str, dict] | None:
    if not can(request.user, Action.VIEW_NETWORK, meeting):
        return None
    return TEMPLATE, {
        "meeting": meeting,
        "network": meeting.network,
        "counts": record_counts(meeting),
        "organiser": can(request.user, Action.ORGANISE_MEETING, meeting),
    }
