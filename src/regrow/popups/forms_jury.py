"""The jury's forms: seat a juror, declare a conflict, the score sheet (one 0 to 10 field and a
comment per criterion). The service checks the range, so what was typed comes back as typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.popups.services.jury import comment_field, score_field


class JurorForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Jury member"), queryset=None, empty_label=None)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda user: user.full_name or user.email


class ConflictForm(forms.Form):
    note = forms.CharField(
        label=_("Why (only the coordinators read it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ScoreForm(forms.Form):
    """A score and a comment for each of the round's criteria, prefilled with the juror's own."""

    def __init__(self, *args, criteria, mine: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            own = mine.get(criterion.pk)
            self.fields[score_field(criterion.pk)] = forms.CharField(
                label=_("%(criterion)s (0 to 10)") % {"criterion": criterion.name},
                required=False,
                initial=own.value if own else None,
                widget=forms.TextInput(
                    attrs={"inputmode": "numeric", "pattern": "[0-9]*", "size": 3}
                ),
            )
            self.fields[comment_field(criterion.pk)] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name},
                required=False,
                max_length=2000,
                initial=own.comment if own else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def values(self) -> dict[int, tuple]:
        data = self.cleaned_data
        return {
            criterion.pk: (
                (data.get(score_field(criterion.pk)) or "").strip() or None,
                data.get(comment_field(criterion.pk)) or "",
            )
            for criterion in self.criteria
        }
