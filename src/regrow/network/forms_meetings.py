"""Forms of the network's meetings and their agenda. Titles are typed in each language the
site offers (the page's own first), at least one of them; dates and times in the page's
language; a registration deadline in the meeting's time zone. The services check the rest and
their refusals come back onto the form."""

import zoneinfo
from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from regrow.lib.i18n import offered_language_codes
from regrow.lib.widgets import LocalDateInput, LocalDateTimeInput
from regrow.network.models import AgendaItem, Meeting, Partner
from regrow.popups.forms import TextsForm

ZONES = sorted(
    zone for zone in zoneinfo.available_timezones() if zone.startswith(("Europe/", "Atlantic/"))
)


def page_languages() -> list[str]:
    """The site's languages, the page's own first."""
    codes = offered_language_codes()
    active = (get_language() or "").split("-")[0]
    return sorted(codes, key=lambda code: code != active)


def _model_field(model, name: str, **options):
    return model._meta.get_field(name).formfield(**options)


class _TitledForm(TextsForm):
    """Texts in every offered language, none required alone; the first `texts` entry needs at
    least one language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, languages=page_languages(), **kwargs)
        for name, _label, _long in self.texts:
            for code in self.languages:
                self.fields[f"{name}_{code}"].required = False

    def clean(self):
        cleaned = super().clean()
        name = self.texts[0][0]
        if not any((cleaned.get(f"{name}_{code}") or "").strip() for code in self.languages):
            self.add_error(f"{name}_{self.languages[0]}", self.title_missing)
        return cleaned

    def texts_values(self) -> dict:
        return {name: self.texts_of(name) for name, _label, _long in self.texts}

    def set_all_texts(self, obj) -> None:
        for name, _label, _long in self.texts:
            self.set_texts(name, getattr(obj, name))


class MeetingForm(_TitledForm):
    texts = (("titles", _("Title"), False), ("descriptions", _("Description"), True))
    title_missing = _("Give the meeting a title in at least one language.")
    kind = _model_field(Meeting, "kind")
    host = forms.ModelChoiceField(
        label=_("Host town"), queryset=Partner.objects.none(), required=False
    )
    starts_on = forms.DateField(label=_("First day"), widget=LocalDateInput)
    ends_on = forms.DateField(label=_("Last day"), widget=LocalDateInput)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[("", _("The host town's"))] + [(zone, zone) for zone in ZONES],
        required=False,
        help_text=_("The agenda's times are the local time of this zone."),
    )
    place_name = _model_field(Meeting, "place_name")
    address = _model_field(Meeting, "address")
    latitude = _model_field(
        Meeting,
        "latitude",
        widget=forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
        help_text=_("The meeting place's map point, e.g. 57.421600."),
    )
    longitude = _model_field(
        Meeting,
        "longitude",
        widget=forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
        help_text=_("For example 27.046600."),
    )
    online_url = _model_field(Meeting, "online_url", assume_scheme="https")
    registration_closes_at = forms.DateTimeField(
        label=_("Registration closes"),
        required=False,
        widget=LocalDateTimeInput,
        help_text=_("In the meeting's time zone; empty: open until the meeting."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, hosts: list[Partner], any_host: bool, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        host = self.fields["host"]
        host.queryset = Partner.objects.filter(pk__in=[partner.pk for partner in hosts])
        host.queryset = host.queryset.select_related("town").order_by("town__name")
        host.label_from_instance = lambda partner: partner.town.name
        host.required = not any_host
        host.empty_label = _("None (online, or no host town)") if any_host else None
        if not any_host and len(hosts) == 1:
            host.initial = hosts[0].pk
        self.order_fields(
            ["kind", "host", *(f"titles_{code}" for code in self.languages)]
            + [f"descriptions_{code}" for code in self.languages]
        )
        if meeting is not None:
            self.set_all_texts(meeting)
            for name in ("kind", "starts_on", "ends_on", "time_zone", "place_name", "address"):
                self.initial[name] = getattr(meeting, name)
            for name in ("latitude", "longitude", "online_url", "version"):
                self.initial[name] = getattr(meeting, name)
            self.initial["host"] = meeting.host_id
            closes = meeting.registration_closes_at
            if closes is not None:
                # Shown as the meeting's local time, without a zone (read back in clean()).
                local = closes.astimezone(zoneinfo.ZoneInfo(meeting.time_zone))
                self.initial["registration_closes_at"] = local.replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("A meeting cannot end before it starts."))
        closes = cleaned.get("registration_closes_at")
        if closes is not None:
            host = cleaned.get("host")
            zone = cleaned.get("time_zone") or (host.town.time_zone if host else "Europe/Riga")
            naive = timezone.make_naive(closes) if timezone.is_aware(closes) else closes
            cleaned["registration_closes_at"] = datetime.combine(
                naive.date(), naive.time(), tzinfo=zoneinfo.ZoneInfo(zone)
            )
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        names = ("kind", "host", "starts_on", "ends_on", "time_zone", "place_name", "address")
        return {
            **self.texts_values(),
            **{name: data.get(name) for name in names},
            **{name: data.get(name) for name in ("latitude", "longitude", "online_url")},
            "registration_closes_at": data.get("registration_closes_at"),
        }


class CancelForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


def day_choices(meeting: Meeting) -> list[tuple[str, str]]:
    return [
        (day.isoformat(), _day_label(number, day))
        for number, day in enumerate(meeting.days(), start=1)
    ]


def _day_label(number: int, day) -> str:
    return _("Day %(number)s, %(date)s") % {
        "number": number,
        "date": date_format(day, "SHORT_DATE_FORMAT"),
    }


class AgendaItemForm(_TitledForm):
    texts = (("titles", _("Title"), False),)
    title_missing = _("Give the item a title in at least one language.")
    day = forms.TypedChoiceField(
        label=_("Day"), coerce=lambda value: datetime.strptime(value, "%Y-%m-%d").date()
    )
    starts_at = forms.TimeField(
        label=_("Starts at"),
        widget=forms.TimeInput(format="%H:%M", attrs={"inputmode": "numeric", "size": 6}),
        help_text=_("Local time, e.g. 09:30."),
    )
    duration_minutes = _model_field(AgendaItem, "duration_minutes")
    presenter = _model_field(AgendaItem, "presenter")
    room = _model_field(AgendaItem, "room")
    parent = forms.ModelChoiceField(
        label=_("Part of"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("None (an item of its own)"),
        help_text=_("A part lies within its item's time, on the same day."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, meeting: Meeting, parents, item: AgendaItem | None = None, **kw):
        super().__init__(*args, **kw)
        self.meeting = meeting
        self.fields["day"].choices = day_choices(meeting)
        self.fields["duration_minutes"].help_text = _("From 5 to 720 minutes.")
        parent = self.fields["parent"]
        parent.queryset = parents.exclude(pk=item.pk) if item is not None else parents
        parent.label_from_instance = lambda one: f"{one.starts_at:%H:%M} {one.title}"
        self.order_fields(["day", "starts_at", "duration_minutes"])
        if item is not None:
            self.set_all_texts(item)
            for name in ("starts_at", "duration_minutes", "presenter", "room", "version"):
                self.initial[name] = getattr(item, name)
            self.initial["day"] = item.day.isoformat()
            self.initial["parent"] = item.parent_id

    def values(self) -> dict:
        data = self.cleaned_data
        names = ("day", "starts_at", "duration_minutes", "presenter", "room", "parent")
        return {**self.texts_values(), **{name: data.get(name) for name in names}}
