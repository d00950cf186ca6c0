"""A meeting published as the network's event in one step, and its report written and drafted
as news: the organisers' page `members/meetings/<pk>/publishing/` and its two buttons (also on
the meeting page's panel, meeting_panels/publishing.py). Publishing does the writing, through
what it handed the network (meeting_events.publishing)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.lib.i18n import offered_language_codes
from regrow.network import meeting_events
from regrow.network.models import Meeting
from regrow.network.services import meeting_reports
from regrow.network.views_meetings import meeting_for
from regrow.towns.permissions import Action


class ReportForm(forms.Form):
    """The meeting's report in each offered language (Meeting.reports)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        initial = {"version": meeting.version}
        initial.update({f"report_{code}": text for code, text in (meeting.reports or {}).items()})
        super().__init__(*args, initial=initial, **kwargs)
        for code in offered_language_codes():
            name = str(get_language_info(code)["name_translated"])
            self.fields[f"report_{code}"] = forms.CharField(
                label=_("Report (%(language)s)") % {"language": name},
                required=False,
                max_length=meeting_reports.REPORT_MAX,
                widget=forms.Textarea(attrs={"rows": 6, "lang": code}),
            )

    def reports(self) -> dict:
        return {
            code: self.cleaned_data.get(f"report_{code}", "") for code in offered_language_codes()
        }


def announcements(meeting: Meeting, *, drafts: bool) -> dict:
    """What publishing has about the meeting: {"events": […], "news": […]} (see
    meeting_events); empty lists when publishing is not installed. Two queries."""
    found = {"events": [], "news": []}
    if not meeting_events.publishing_connected():
        return found
    about = meeting_events.publishing("published_about")
    for key, kind in (("events", "event"), ("news", "news")):
        by_pk = about(
            Meeting, publisher=meeting.network, pks=[meeting.pk], kind=kind, drafts=drafts
        )
        found[key] = _language_named(by_pk.get(meeting.pk, []))
    return found


def stale_events(meeting: Meeting, events: list[dict]) -> list[dict]:
    """The published events that still announce a meeting that is cancelled (the organisers
    edit them: publishing does not follow the meeting)."""
    if meeting.cancelled_at is None:
        return []
    return [entry for entry in events if entry["published"]]


def _language_named(entries: list[dict]) -> list[dict]:
    for entry in entries:
        entry["language_name"] = str(get_language_info(entry["language"])["name_translated"])
    return entries


def _require_publishing() -> None:
    if not meeting_events.publishing_connected():
        raise Http404


@login_required
def meeting_publishing(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The event and news drafts of the meeting, the buttons that make them, and the form of
    its report (POST saves the report)."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    _require_publishing()
    status = 200
    form = ReportForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_reports.meeting_report_save(
                meeting=meeting,
                by=request.user,
                version=form.cleaned_data["version"],
                reports=form.reports(),
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            status = 409
        except ValidationError as error:
            add_service_error(form, error)
            status = 400
        else:
            messages.success(request, _("The report is saved."))
            return redirect("network:meeting_publishing", slug=slug, pk=pk)
    elif request.method == "POST":
        status = 400
    found = announcements(meeting, drafts=True)
    context = {
        "place": meeting.network,
        "network": meeting.network,
        "meeting": meeting,
        "form": form,
        "found": found,
        "stale": stale_events(meeting, found["events"]),
        "is_over": meeting.is_over(),
        "languages": [
            str(get_language_info(code)["name_translated"])
            for code in meeting_events.titled_languages(meeting, first=get_language())
        ],
    }
    return render(request, "network/meetings/publishing.html", context, status=status)


def _published_message(entries: list[dict]) -> str:
    names = ", ".join(
        str(get_language_info(entry["language"])["name_translated"]) for entry in entries
    )
    return ngettext(
        "Published as an event in this language: %(languages)s.",
        "Published as an event in these languages: %(languages)s.",
        len(entries),
    ) % {"languages": names}


@login_required
@require_POST
def meeting_publish_event(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Publish the meeting as the network's event in its languages, in one step; a second
    click publishes nothing and shows the event there is. Then the publishing page lists the
    events with their links."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    _require_publishing()
    try:
        entries, already = meeting_reports.meeting_publish_event(
            meeting=meeting, by=request.user, language=get_language()
        )
    except PermissionDenied:
        messages.error(
            request,
            _("Only the network's lead may publish for the network. Ask them to publish it."),
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        if already:
            messages.info(request, _("It was already announced; nothing new was published."))
        else:
            messages.success(request, _published_message(entries))
    return redirect("network:meeting_publishing", slug=slug, pk=pk)


@login_required
@require_POST
def meeting_draft_report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Draft the meeting's report as the network's news, one draft per language it is written
    in, and open the first in publishing's editor; refused (with what to do) before the
    meeting is over or while the report is empty."""
    meeting = meeting_for(request, slug, pk, Action.ORGANISE_MEETING)
    _require_publishing()
    try:
        entries, already = meeting_reports.meeting_draft_report(
            meeting=meeting, by=request.user, language=get_language()
        )
    except PermissionDenied:
        messages.error(
            request,
            _("Only the network's lead may publish for the network. Ask them to draft it."),
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        if already:
            messages.info(
                request, _("The report's news was drafted already; it opens in the editor.")
            )
        else:
            messages.success(
                request,
                _("The report is drafted as news. Check it, then publish it from the editor."),
            )
        shown = next(
            (entry for entry in entries if entry["language"] == get_language()), entries[0]
        )
        return redirect(shown["edit_url"])
    return redirect("network:meeting_publishing", slug=slug, pk=pk)
