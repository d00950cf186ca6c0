"""The network lead's choice of what the public may see of the dashboard."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.network.dashboard import PUBLIC_PART_LABELS, PUBLIC_PARTS


class PublicSummaryForm(forms.Form):
    """Which parts of the dashboard the network's public "Progress" section shows; `shown` is
    what was chosen when the form was shown, so that two leads' choices are never merged."""

    parts = forms.MultipleChoiceField(
        label=_("Shown to the public"),
        choices=[(part, PUBLIC_PART_LABELS[part]) for part in PUBLIC_PARTS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "The public sees figures only: no names of people and no text of the plans. "
            "Choose nothing to hide the section."
        ),
    )
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_shown(self) -> list[str]:
        text = self.cleaned_data.get("shown", "")
        return [part for part in text.split(",") if part]


def shown_token(parts) -> str:
    return ",".join(parts)
