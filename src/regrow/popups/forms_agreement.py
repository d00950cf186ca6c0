"""The form for a town's agreement template (owner agreement or sublease)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from regrow.popups.services.agreements import PLACEHOLDERS, braced


class AgreementTemplateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = gettext(
            "Paragraphs are separated by an empty line. Placeholders in braces are filled in "
            "from the agreement: %(placeholders)s."
        ) % {"placeholders": braced(PLACEHOLDERS[kind])}


def language_choices(codes: list[str]) -> list[tuple[str, str]]:
    names = dict(settings.LANGUAGES)
    return [(code, names.get(code, code)) for code in codes]
