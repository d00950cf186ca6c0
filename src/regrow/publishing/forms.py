from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from regrow.publishing.models import Entry, Person

# What the editor offers is what the sanitiser keeps (see html.py).
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Figure": True,
    "Caption": True,
    "Image": True,
    "History": True,
}


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class EntryForm(forms.ModelForm):
    body = ProseEditorFormField(
        label=_("Text"), required=False, config={"extensions": EDITOR_EXTENSIONS}
    )
    categories = forms.CharField(
        label=_("Categories"), required=False, help_text=_("Separated by commas.")
    )
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Only for “Publish at the set time”."),
    )

    class Meta:
        model = Entry
        fields = [
            "kind",
            "title",
            "lead",
            "body",
            "categories",
            "author",
            "starts_at",
            "ends_at",
            "place_name",
            "place_address",
            "online_url",
        ]
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 2}),
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
        }

    def __init__(self, *args, publisher, **kwargs):
        super().__init__(*args, **kwargs)
        field = "town" if publisher.__class__.__name__ == "Town" else "network"
        self.fields["author"].queryset = Person.objects.filter(**{field: publisher})
        if self.instance.pk:
            self.initial["categories"] = ", ".join(self.instance.categories)

    def clean_categories(self) -> list[str]:
        return [part.strip() for part in self.cleaned_data["categories"].split(",") if part.strip()]

    def entry_values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "publish_at"}


class TranslateForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
