"""The forms of a Transfer Plan: starting it, a section's text in the rich-text editor, an
action (its budget typed in euros, with a decimal comma in Latvian, kept in cents), a risk, a
monitoring indicator, and the two versions to compare."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_prose_editor.fields import ProseEditorFormField

from regrow.indicators.models import Indicator
from regrow.lib.richtext import TEXT_EDITOR_EXTENSIONS
from regrow.lib.widgets import LocalDateInput
from regrow.network.models import FundingSource, Level, PlanAction, TransferPlan
from regrow.popups.models import Round

BUDGET_LIMIT = Decimal("100000000")  # euros; any plan's action stays far below


def cents(euros: Decimal | None) -> int:
    return int((euros or Decimal(0)) * 100)


class AmountField(forms.DecimalField):
    """A number typed as the page's language writes it (Latvian: 1 250,50), its digits grouped
    by any kind of space or not at all."""

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split()).replace("\u202f", "")
        return super().to_python(value)


def amount_field(label, **options) -> AmountField:
    return AmountField(
        label=label,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **options,
    )


class PlanStartForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(
        label=_("Language of the plan"), choices=settings.REGROW_PARTNER_LANGUAGES
    )


class SectionForm(forms.Form):
    body = ProseEditorFormField(
        label=_("Text"), required=False, config={"extensions": TEXT_EDITOR_EXTENSIONS}
    )
    # The plan version and the section version the editor started from (optimistic locking).
    number = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    owner = forms.CharField(
        label=pgettext_lazy("of an action: who carries it out", "Owner"),
        max_length=200,
        help_text=_("The person or organisation that carries it out."),
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=LocalDateInput)
    due_on = forms.DateField(label=_("Due on"), widget=LocalDateInput)
    budget = amount_field(
        _("Budget (€)"), required=False, min_value=Decimal(0), max_value=BUDGET_LIMIT,
        max_digits=11, decimal_places=2,
    )  # fmt: skip
    funding_source = forms.ChoiceField(
        label=_("Funding source"),
        required=False,
        choices=[("", _("Not chosen yet")), *FundingSource.choices],
    )
    status = forms.ChoiceField(label=_("Status"), choices=PlanAction.Status.choices)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    progress_notes = forms.CharField(
        label=_("Progress notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    popup_round = forms.ModelChoiceField(
        label=_("Pop-up round it produces"), queryset=Round.objects.none(), required=False
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator it works towards"), queryset=Indicator.objects.none(), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, plan: TransferPlan, action: PlanAction | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["popup_round"].queryset = Round.objects.filter(
            town_id=plan.partner.town_id
        ).order_by("-programme_starts_on", "-pk")
        self.fields["indicator"].queryset = Indicator.objects.order_by("order", "code")
        if action is not None and not self.is_bound:
            for name in (
                "title", "owner", "starts_on", "due_on", "funding_source", "status",
                "description", "progress_notes", "popup_round", "indicator", "version",
            ):  # fmt: skip
                self.initial[name] = getattr(action, name)
            self.initial["budget"] = (Decimal(action.budget_cents) / 100).quantize(Decimal("0.01"))

    def clean(self):
        data = super().clean()
        starts_on, due_on = data.get("starts_on"), data.get("due_on")
        if starts_on and due_on and due_on < starts_on:
            self.add_error("due_on", _("An action cannot be due before it starts."))
        return data

    def action_values(self) -> dict:
        data = dict(self.cleaned_data)
        data["budget_cents"] = cents(data.pop("budget"))
        data.pop("version")
        return data


class RiskForm(forms.Form):
    description = forms.CharField(
        label=_("Risk"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    likelihood = forms.TypedChoiceField(
        label=_("Likelihood"), choices=Level.choices, coerce=int, initial=Level.MEDIUM
    )
    impact = forms.TypedChoiceField(
        label=_("Impact"), choices=Level.choices, coerce=int, initial=Level.MEDIUM
    )
    mitigation = forms.CharField(
        label=_("Mitigation"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PlanIndicatorForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    baseline = amount_field(_("Baseline"), max_digits=16, decimal_places=4)
    baseline_period = forms.CharField(
        label=_("Baseline period"),
        max_length=10,
        help_text=_("A year (2019), a quarter (2019-Q3) or a month (2019-07)."),
    )
    target = amount_field(_("Target"), max_digits=16, decimal_places=4)
    target_period = forms.CharField(
        label=_("Target period"),
        max_length=10,
        help_text=_("A year (2019), a quarter (2019-Q3) or a month (2019-07)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.order_by("order", "code")


class CompareForm(forms.Form):
    old = forms.TypedChoiceField(label=_("Older version"), coerce=int)
    new = forms.TypedChoiceField(label=_("Newer version"), coerce=int)

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(number, _("Version %(number)s") % {"number": number}) for number in numbers]
        self.fields["old"].choices = self.fields["new"].choices = choices
