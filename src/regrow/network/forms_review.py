"""The peer review's forms: a comment on a section, the author's answer, a reviewer to assign.
The services check the rest, so what was typed comes back as typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.network.models import SectionKey
from regrow.network.services.review import MAX_TEXT


class CommentForm(forms.Form):
    section = forms.ChoiceField(choices=SectionKey.choices, widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    @classmethod
    def for_section(cls, key: str, data=None) -> "CommentForm":
        return cls(data, prefix=f"comment-{key}", initial={"section": key})


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @classmethod
    def for_comment(cls, pk: int, data=None) -> "ResolveForm":
        return cls(data, prefix=f"resolve-{pk}")


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.town.name


class ReviewerForm(forms.Form):
    reviewer = PartnerChoiceField(label=_("Partner"), queryset=None, empty_label=None)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = partners
