"""A meeting's sign-in sheet as PDF, in the page's language: a part of its own for each day of
the meeting (its pages numbered on their own), with the meeting's title, the day and the place;
everyone registered for that day grouped by partner, in columns name, organisation, town and an
empty box to sign in; people who came without registering marked; and a few empty rows for
those who come unannounced.

Each day is a lib/documents Document; their pages are laid out by WeasyPrint one after the
other into one file (lib/documents has no page break of its own)."""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from regrow.lib import documents
from regrow.lib.documents.pdf import document_html
from regrow.network.models import Meeting, Registration
from regrow.network.selectors_registrations import day_label, sheet_rows

EMPTY_ROWS = 6
BLANK = "\u00a0"  # an empty box that keeps its row's height


def _header() -> list[str]:
    return [
        pgettext("a participant's name", "Name"),
        _("Organisation"),
        _("Town"),
        _("Signature"),
    ]


def _name(registration: Registration) -> str:
    if registration.walk_in:
        return _("%(name)s (not registered)") % {"name": registration.name}
    return registration.name


def _place(meeting: Meeting) -> str:
    parts = [meeting.place_name, meeting.address]
    if not any(parts) and meeting.host_id:
        parts = [meeting.host.town.name]
    if not any(parts) and meeting.online_url:
        parts = [_("Online")]
    return ", ".join(part for part in parts if part)


def _groups(rows: list[Registration], iso: str) -> list[tuple[str, list[Registration]]]:
    groups: list[tuple[str, list[Registration]]] = []
    for registration in rows:
        if iso not in registration.days:
            continue
        town = registration.partner.town.name if registration.partner else ""
        if not groups or groups[-1][0] != town:
            groups.append((town, []))
        groups[-1][1].append(registration)
    return groups


def day_document(meeting: Meeting, day, rows: list[Registration], language: str):
    """The sheet of one day, in `language` (call inside translation.override)."""
    iso = day.isoformat()
    blocks: list[documents.Block] = [documents.KeyValues([(_("Place"), _place(meeting) or "—")])]
    groups = _groups(rows, iso)
    for town, people in groups:
        blocks.append(documents.Heading(town or _("Other participants"), level=1))
        blocks.append(
            documents.Table(
                header=_header(),
                rows=[
                    [
                        _name(person),
                        person.organisation,
                        person.partner.town.name if person.partner else "",
                        BLANK,
                    ]
                    for person in people
                ],
            )
        )
    if not groups:
        blocks.append(documents.Paragraph(_("No one has registered for this day.")))
    blocks.append(documents.Heading(_("Participants who did not register"), level=1))
    blocks.append(documents.Table(header=_header(), rows=[[BLANK] * 4] * EMPTY_ROWS))
    return documents.Document(
        title=meeting.title,
        subtitle=_("Sign-in sheet: %(day)s") % {"day": day_label(day)},
        language=language,
        issuer=documents.Issuer(name=meeting.network.name),
        blocks=blocks,
    )


def sheet_documents(meeting: Meeting, language: str) -> list[documents.Document]:
    """One document per day of the meeting, in `language`."""
    rows = sheet_rows(meeting)
    with translation.override(language):
        return [day_document(meeting, day, rows, language) for day in meeting.days()]


def laid_out(meeting: Meeting, language: str) -> list:
    """Each day's sheet laid out by WeasyPrint. Nothing is fetched (as in lib/documents)."""
    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    return [
        HTML(string=document_html(document), url_fetcher=fetcher).render()
        for document in sheet_documents(meeting, language)
    ]


def sign_in_sheet_pdf(meeting: Meeting, language: str) -> bytes:
    """The days' sheets in one PDF, their pages one after the other."""
    parts = laid_out(meeting, language)
    return parts[0].copy([page for part in parts for page in part.pages]).write_pdf()
