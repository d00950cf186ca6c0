from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from regrow.lib.images import PhotoField
from regrow.lib.richtext import EDITOR_EXTENSIONS  # what the sanitiser keeps
from regrow.lib.widgets import LocalDateTimeInput
from regrow.network.models import Network
from regrow.publishing.models import Entry, Image, Person, publisher_q
from regrow.publishing.services import ENTRY_CONTENT_FIELDS, EntryAction

# An event's own fields: the writing page groups them, and shows them only for an event.
EVENT_FIELDS = (
    "starts_at",
    "ends_at",
    "place_name",
    "place_address",
    "online_url",
    "latitude",
    "longitude",
)


class EntryForm(forms.ModelForm):
    body = ProseEditorFormField(
        label=_("Text"), required=False, config={"extensions": EDITOR_EXTENSIONS}
    )
    categories = forms.CharField(
        label=_("Categories"), required=False, help_text=_("Separated by commas.")
    )
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    networks = forms.ModelMultipleChoiceField(
        label=_("About the networks"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # The version the editor started from (optimistic locking).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=LocalDateTimeInput(),
        help_text=_("Only for “Publish at the set time”."),
    )

    class Meta:
        model = Entry
        fields = ENTRY_CONTENT_FIELDS
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 2}),
            "starts_at": LocalDateTimeInput(),
            "ends_at": LocalDateTimeInput(),
        }

    def __init__(self, *args, publisher, picker_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = Person.objects.filter(publisher_q(publisher))
        self.fields["image"].queryset = Image.objects.filter(publisher_q(publisher))
        self.fields["latitude"].help_text = _("Of the event's place, for the map; e.g. 57.4220.")
        networks = Network.objects.filter(publisher_q(publisher, "partners__"))
        if isinstance(publisher, Network):
            networks = Network.objects.filter(pk=publisher.pk)
        self.fields["networks"].queryset = networks.distinct()
        if not networks.exists():
            del self.fields["networks"]
        if picker_url:
            # "Browse…" in the editor's picture dialog opens the picture library.
            extensions = dict(EDITOR_EXTENSIONS, Figure={"pickerUrl": picker_url})
            self.fields["body"].widget.config = {"extensions": extensions}
        if isinstance(self.initial.get("categories"), list):
            # Typed as one line (an entry's own, or the original's when translating).
            self.initial["categories"] = ", ".join(self.initial["categories"])
        if self.instance.pk:
            self.initial["version"] = self.instance.version
            if "networks" in self.fields:
                self.initial["networks"] = [
                    link.object_id
                    for link in self.instance.related.all()
                    if link.content_type.model_class() is Network
                ]

    def _visible(self, *, event: bool, before: bool | None = None) -> list:
        names = list(self.fields)
        first_event = min(names.index(name) for name in EVENT_FIELDS)
        return [
            field
            for field in self.visible_fields()
            if (field.name in EVENT_FIELDS) == event
            and (before is None or (names.index(field.name) < first_event) == before)
        ]

    def content_fields(self) -> list:
        """The visible fields before the event's (kind, title, text …)."""
        return self._visible(event=False, before=True)

    def event_fields(self) -> list:
        return self._visible(event=True)

    def other_fields(self) -> list:
        """The visible fields after the event's (picture, networks, time to publish)."""
        return self._visible(event=False, before=False)

    def clean_categories(self) -> list[str]:
        return [part.strip() for part in self.cleaned_data["categories"].split(",") if part.strip()]

    def entry_values(self) -> dict:
        """What the save service takes: the fields, the networks and the starting version."""
        values = {name: value for name, value in self.cleaned_data.items() if name != "publish_at"}
        if self.instance.pk:
            # Without the version it started from, an edit cannot prove it overwrites nothing.
            values["version"] = values.get("version") or 0
        return values

    def action(self) -> EntryAction:
        """The button that sent the form; anything else saves a draft, as the first one does."""
        try:
            return EntryAction(self.data.get("action", ""))
        except ValueError:
            return EntryAction.DRAFT


class ImageForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt_text", "credit"]
        field_classes = {"file": PhotoField}  # names the pixel limit
        widgets = {
            "file": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        }


def _offered_languages() -> list[tuple[str, str]]:
    # Read when the form is built, so that it follows the settings of the moment.
    return list(settings.LANGUAGES)


class TranslateForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=_offered_languages)


class BrowseForm(forms.Form):
    """The filters above News: kind, category, language and, on a network's page, town."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    town = forms.ChoiceField(label=_("From"), required=False)

    def __init__(self, data, *, place, categories: list[str], towns=None):
        super().__init__(data)
        from django.utils.translation import get_language_info

        self.fields["kind"].choices = [("", _("All kinds")), *Entry.Kind.choices]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (category, category) for category in categories
        ]
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ] + [("all", _("All languages"))]
        if towns is None:
            del self.fields["town"]
        else:
            self.fields["town"].choices = [
                ("", place.name),
                ("all", _("%(network)s and its towns") % {"network": place.name}),
            ] + [(town.slug, town.name) for town in towns]
        for field in self.fields.values():
            field.widget.attrs["class"] = "filter"

    def choices(self) -> dict:
        """The valid filters; anything unknown is ignored, so an old link still shows a list."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields}
