"""The money page's forms: approve, pay and cancel a grant; a town's funds and a round's fund.
Amounts are typed in euros and kept in cents."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from regrow.lib.widgets import LocalDateInput
from regrow.popups.forms import cents, euro_field, euros
from regrow.popups.models import Fund, Grant


class GrantForm(forms.Form):
    """A grant to approve for one pop-up (each pop-up's form has its own prefix)."""

    amount = forms.DecimalField(
        label=_("Amount (€)"),
        min_value=Decimal("0.01"),
        max_value=Decimal(10_000_000),
        max_digits=10,
        decimal_places=2,
    )
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Grant.Purpose.choices)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    approved_on = forms.DateField(label=_("Approved on"), widget=LocalDateInput)

    def grant_values(self) -> dict:
        data = self.cleaned_data
        return {
            "amount_cents": cents(data["amount"]),
            "purpose": data["purpose"],
            "description": data["description"],
            "approved_on": data["approved_on"],
        }


class PayForm(forms.Form):
    """The payment of one approved grant, with its receipt or invoice."""

    paid_on = forms.DateField(label=_("Paid on"), widget=LocalDateInput)
    evidence = forms.FileField(
        label=_("Receipt or invoice"),
        help_text=_("PDF, JPEG or PNG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class FundForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("a fund's name", "Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Fund.Kind.choices)
    total = euro_field(_("Total (€)"))
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, fund: Fund | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if fund is not None:
            for name in ("name", "kind", "notes", "version"):
                self.initial[name] = getattr(fund, name)
            self.initial["total"] = euros(fund.total_cents)

    def fund_values(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "kind": data["kind"],
            "total_cents": cents(data["total"]),
            "notes": data["notes"],
        }


class RoundFundForm(forms.Form):
    fund = forms.ModelChoiceField(
        label=_("Fund that pays for this round"),
        queryset=Fund.objects.none(),
        required=False,
        empty_label=_("No fund"),
    )

    def __init__(self, *args, funds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds
