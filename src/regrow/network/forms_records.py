"""The forms of a meeting's records: one agenda item's minutes, a decision, a document or photo,
a search of the host town's units for the site visit, and one stop of the visit."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.lib.dates import date_on
from regrow.lib.widgets import LocalDateInput
from regrow.network.models import AgendaItem, Decision, Meeting, MeetingDocument, SiteVisitStop
from regrow.network.selectors_records import agenda_with_minutes


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text; an empty line starts a new paragraph."),
    )
    # The item's version the text was started from (optimistic locking).
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, item: AgendaItem, **kwargs):
        # Each item's form on the minutes page has fields of its own ids.
        kwargs.setdefault("auto_id", f"id_item{item.pk}_%s")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.update(minutes=item.minutes, version=item.version)


def agenda_choices(meeting: Meeting) -> list[tuple[str, str]]:
    return [("", _("None in particular"))] + [
        (str(item.pk), f"{item.starts_at:%H:%M} {item.title}")
        for item in agenda_with_minutes(meeting)
        .select_related(None)
        .only("pk", "starts_at", "titles", "day")
    ]


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Decision"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was decided."),
    )
    responsible = forms.CharField(
        label=_("Who"),
        max_length=200,
        help_text=_("The person, partner or organisation that carries it out."),
    )
    due_on = forms.DateField(label=_("By when"), required=False, widget=LocalDateInput)
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"), required=False, coerce=int, empty_value=None
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, meeting: Meeting, decision: Decision | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["agenda_item"].choices = agenda_choices(meeting)
        if decision is not None and not self.is_bound:
            self.initial.update(
                text=decision.text,
                responsible=decision.responsible,
                due_on=decision.due_on,
                agenda_item=decision.agenda_item_id or "",
                version=decision.version,
            )

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        pk = data.pop("agenda_item")
        data["agenda_item"] = (
            AgendaItem.objects.filter(meeting=self.meeting, pk=pk).first() if pk else None
        )
        return data


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What it is"),
        choices=[
            (MeetingDocument.Kind.DOCUMENT, _("A document (PDF, at most 10 MB)")),
            (MeetingDocument.Kind.PHOTO, _("A photo (JPEG or PNG, at most 10 MB)")),
        ],
        widget=forms.RadioSelect,
        initial=MeetingDocument.Kind.DOCUMENT,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    alt_text = forms.CharField(
        label=_("Description of the photo"),
        max_length=300,
        required=False,
        help_text=_("For a photo: what it shows, for people who cannot see it."),
    )
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["agenda_item"].choices = agenda_choices(meeting)

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        pk = data.pop("agenda_item")
        data["upload"] = data.pop("file")
        data["agenda_item"] = (
            AgendaItem.objects.filter(meeting=self.meeting, pk=pk).first() if pk else None
        )
        return data


class UnitSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Address"),
        max_length=100,
        required=False,
        help_text=_("Part of the street name or the address."),
    )


class StopAddForm(forms.Form):
    unit = forms.IntegerField(widget=forms.HiddenInput)


class StopForm(forms.Form):
    day = forms.TypedChoiceField(label=_("Day"), required=False, empty_value=None)
    visited_at = forms.TimeField(
        label=_("Time"),
        required=False,
        widget=forms.TimeInput(attrs={"inputmode": "numeric", "placeholder": "10:30"}),
        help_text=_("Hours and minutes, for example 10:30."),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, stop: SiteVisitStop, **kwargs):
        super().__init__(*args, **kwargs)
        days = stop.meeting.days()
        self.fields["day"].choices = [("", _("Not set"))] + [
            (day.isoformat(), date_on(day)) for day in days
        ]
        self.fields["day"].coerce = lambda value: next(
            day for day in days if day.isoformat() == value
        )
        if not self.is_bound:
            self.initial.update(
                day=stop.day.isoformat() if stop.day else "",
                visited_at=stop.visited_at,
                notes=stop.notes,
                version=stop.version,
            )

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version")
        return data
