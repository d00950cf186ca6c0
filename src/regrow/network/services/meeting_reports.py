"""The organiser's short report of a meeting (per language), and the meeting published as an
event and its report drafted as news, through what publishing handed the network
(meeting_events.publishing; the network never imports publishing)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.lib.i18n import offered_language_codes
from regrow.network import meeting_events
from regrow.network.models import Meeting
from regrow.towns.permissions import Action, can

REPORT_MAX = 20_000


def _require_organise(user, meeting: Meeting) -> None:
    if not can(user, Action.ORGANISE_MEETING, meeting):
        raise PermissionDenied(_("Only the meeting's organisers may do this."))


@transaction.atomic
def meeting_report_save(*, meeting: Meeting, by, version: int | None, reports: dict) -> Meeting:
    """Write the meeting's report in each offered language (an empty one is left out);
    `version` is the meeting's version the form started from: an older one is refused."""
    _require_organise(by, meeting)
    offered = offered_language_codes()
    cleaned = {
        code: text.strip()
        for code, text in (reports or {}).items()
        if code in offered and (text or "").strip()
    }
    for code, text in cleaned.items():
        if len(text) > REPORT_MAX:
            message = _("Keep the report under %(count)s characters.") % {"count": REPORT_MAX}
            raise ValidationError({f"report_{code}": message})
    meeting.version = claim_version(
        Meeting,
        meeting.pk,
        -1 if version is None else version,
        _("Someone changed this meeting after you opened it. Reload the page to see their change."),
        reports=cleaned,
    )
    meeting.reports = cleaned
    return meeting


def meeting_publish_event(*, meeting: Meeting, by, language: str) -> tuple[list[dict], bool]:
    """Publish the meeting's event now in the offered languages it has a title in (`language`
    the original), or find the one already there: (its entries, already)."""
    _require_organise(by, meeting)
    if meeting.cancelled_at is not None:
        raise ValidationError(_("A cancelled meeting is not announced."))
    publish = meeting_events.publishing("publish_event")
    languages = meeting_events.titled_languages(meeting, first=language)
    return publish(obj=meeting, by=by, languages=languages)


def meeting_draft_report(*, meeting: Meeting, by, language: str) -> tuple[list[dict], bool]:
    """Draft the meeting's report as news, one draft per language it is written in (`language`
    first), with the decisions taken; refused before the meeting is over or with no report."""
    _require_organise(by, meeting)
    if not meeting.is_over():
        raise ValidationError(_("The report can be drafted as news once the meeting is over."))
    written = [code for code in offered_language_codes() if (meeting.reports or {}).get(code)]
    if not written:
        raise ValidationError(
            _(
                "The meeting has no report yet: write it in the form “The meeting's report” "
                "below, in one language or more, then draft the news."
            )
        )
    if language in written:
        written.remove(language)
        written.insert(0, language)
    decisions = list(meeting.decisions.filter(removed_at__isnull=True).order_by("order", "id"))
    contents = {code: meeting_events.report_news(meeting, code, decisions) for code in written}
    draft = meeting_events.publishing("draft_news")
    return draft(obj=meeting, by=by, contents=contents)
