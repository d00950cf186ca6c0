"""A meeting's minutes as a document (DOCX to edit in Word, or PDF), in the page's language:
the meeting's title, dates, place and host; how many took part for each partner (counts only,
from the registrations not cancelled: no names); the agenda day by day with each item's
minutes; the decisions as a table (what, who, by when); and the site visit's stops with their
notes. Every part is read in a fixed number of queries (selectors_records)."""

from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from regrow.lib import documents
from regrow.lib.dates import date_on, date_range
from regrow.network import selectors_records as selectors
from regrow.network.models import Meeting


def paragraphs(text: str) -> list[str]:
    """Plain text cut at its empty lines; a paragraph keeps its single line breaks."""
    parts = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n")]
    return [part for part in parts if part]


def _facts(meeting: Meeting) -> documents.KeyValues:
    items = [
        (_("Kind of meeting"), str(meeting.get_kind_display())),
        (_("Dates"), date_range(meeting.starts_on, meeting.ends_on)),
    ]
    place = ", ".join(part for part in (meeting.place_name, meeting.address) if part)
    if place:
        items.append((_("Place"), place))
    if meeting.online_url:
        items.append((_("Online"), meeting.online_url))
    if meeting.host_id:
        items.append((_("Host town"), meeting.host.town.name))
    return documents.KeyValues(items)


def _participants(meeting: Meeting) -> list[documents.Block]:
    counts = selectors.participants_per_partner(meeting)
    blocks: list[documents.Block] = [documents.Heading(_("Participants"), level=1)]
    if not counts:
        return [*blocks, documents.Paragraph(_("No one registered."), note=True)]
    rows = [[one.name or _("Other participants"), str(one.count)] for one in counts]
    total = sum(one.count for one in counts)
    table = documents.Table(
        header=[_("Partner"), _("Participants")],
        rows=rows,
        align=["left", "right"],
        totals=[pgettext("the totals row of a table", "Total"), str(total)],
    )
    return [*blocks, table]


def _item_heading(item) -> str:
    heading = f"{item.starts_at:%H:%M} {item.title}"
    return f"{heading} ({item.presenter})" if item.presenter else heading


def _agenda(meeting: Meeting) -> list[documents.Block]:
    blocks: list[documents.Block] = [documents.Heading(_("Agenda and minutes"), level=1)]
    items = list(selectors.agenda_with_minutes(meeting))
    if not items:
        return [*blocks, documents.Paragraph(_("The meeting has no agenda."), note=True)]
    day = None
    for item in items:
        if item.day != day:
            day = item.day
            blocks.append(documents.Heading(capfirst(date_on(day)), level=2))
        blocks.append(documents.Heading(_item_heading(item), level=3))
        written = paragraphs(item.minutes)
        if written:
            blocks.extend(documents.Paragraph(text) for text in written)
        else:
            blocks.append(documents.Paragraph(_("No minutes."), note=True))
    return blocks


def _decisions(meeting: Meeting) -> list[documents.Block]:
    blocks: list[documents.Block] = [documents.Heading(_("Decisions"), level=1)]
    decisions = list(selectors.decisions_of(meeting))
    if not decisions:
        return [*blocks, documents.Paragraph(_("No decisions were recorded."), note=True)]
    rows = [
        [one.text, one.responsible, date_on(one.due_on) if one.due_on else "—"] for one in decisions
    ]
    table = documents.Table(header=[_("Decision"), _("Who"), _("By when")], rows=rows)
    return [*blocks, table]


def _when(stop) -> str:
    parts = [
        date_on(stop.day) if stop.day else "",
        f"{stop.visited_at:%H:%M}" if stop.visited_at else "",
    ]
    return ", ".join(part for part in parts if part)


def _site_visit(meeting: Meeting) -> list[documents.Block]:
    """Each stop in route order as a sub-heading (its number and address), when, and its notes:
    not a table, whose cells of long notes cost WeasyPrint far more than paragraphs."""
    stops = list(selectors.stops_of(meeting))
    if not stops:
        return []
    blocks: list[documents.Block] = [documents.Heading(_("Site visit"), level=1)]
    for number, stop in enumerate(stops, start=1):
        blocks.append(documents.Heading(f"{number}. {stop.unit.display_address}", level=3))
        when = _when(stop)
        if when:
            blocks.append(documents.Paragraph(when, note=True))
        blocks.extend(documents.Paragraph(text) for text in paragraphs(stop.notes))
    return blocks


def minutes_document(meeting: Meeting, language: str) -> documents.Document:
    """The meeting's minutes in `language`. `meeting` should come with its network and host
    town loaded (meeting_for does)."""
    network = meeting.network
    with translation.override(language):
        blocks: list[documents.Block] = [_facts(meeting)]
        blocks += _participants(meeting)
        blocks += _agenda(meeting)
        blocks += _decisions(meeting)
        blocks += _site_visit(meeting)
        return documents.Document(
            title=meeting.title,
            subtitle=_("Minutes of the meeting"),
            language=language,
            issuer=documents.Issuer(name=network.name),
            issued_on=timezone.localdate(),
            blocks=blocks,
        )
