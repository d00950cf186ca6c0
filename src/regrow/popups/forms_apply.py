"""The entrepreneur's application form: money in euros, wanted units as first to third choice."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.lib.widgets import LocalDateInput
from regrow.popups.choices import PopupCategory
from regrow.popups.forms import cents, euro_field, euros

# A field no person sees or fills in (hidden from view and from assistive technology): a form
# that arrives with it filled in was sent by a robot.
HONEYPOT = "website"
CHOICES = 3


class OfferChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, offer) -> str:
        return f"{offer.unit.display_address} · {offer.unit.floor_area_m2:g} m²"


class ApplicationForm(forms.Form):
    business_name = forms.CharField(label=_("Business name"), max_length=200)
    idea = forms.CharField(
        label=_("Your shop idea"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you will sell or offer, and to whom."),
    )
    category = forms.ChoiceField(label=_("Shop category"), choices=PopupCategory.choices)
    min_area_m2 = forms.DecimalField(
        label=_("Smallest area you need (m²)"),
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=2,
        initial=0,
    )
    max_rent_eur = euro_field(_("Highest rent you can pay (€ a month)"), required=False)
    earliest_start_on = forms.DateField(label=_("Earliest start"), widget=LocalDateInput)
    latest_end_on = forms.DateField(label=_("Latest end"), widget=LocalDateInput)
    min_stay_weeks = forms.IntegerField(
        label=_("Shortest stay (weeks)"), min_value=1, max_value=104, initial=2
    )
    max_stay_weeks = forms.IntegerField(
        label=_("Longest stay (weeks)"), min_value=1, max_value=104, initial=8
    )
    experience = forms.CharField(
        label=_("Experience"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Trading, crafts or training that show you can run the shop."),
    )
    requested_grant_eur = euro_field(_("Grant you ask for (€)"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, offers, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = (_("First choice of unit"), _("Second choice of unit"), _("Third choice of unit"))
        for index, label in enumerate(labels, start=1):
            self.fields[f"wanted_{index}"] = OfferChoiceField(
                label=label,
                queryset=offers,
                required=False,
                empty_label=_("No preference"),
            )
        if application is not None:
            for name in (
                "business_name",
                "idea",
                "category",
                "min_area_m2",
                "earliest_start_on",
                "latest_end_on",
                "min_stay_weeks",
                "max_stay_weeks",
                "experience",
                "version",
            ):
                self.initial[name] = getattr(application, name)
            self.initial["max_rent_eur"] = euros(application.max_rent_cents_per_month)
            self.initial["requested_grant_eur"] = euros(application.requested_grant_cents)
            for wanted in application.wanted.all()[:CHOICES]:
                self.initial[f"wanted_{wanted.rank}"] = wanted.round_unit_id

    def clean(self):
        data = super().clean()
        chosen = [data.get(f"wanted_{index}") for index in range(1, CHOICES + 1)]
        picked = [offer.pk for offer in chosen if offer is not None]
        if len(set(picked)) != len(picked):
            self.add_error("wanted_2", _("Choose each unit only once."))
        return data

    def wanted(self) -> list:
        chosen = [self.cleaned_data.get(f"wanted_{index}") for index in range(1, CHOICES + 1)]
        return [offer for offer in chosen if offer is not None]

    def application_values(self) -> dict:
        data = self.cleaned_data
        values = {
            name: data[name]
            for name in (
                "business_name",
                "idea",
                "category",
                "min_area_m2",
                "earliest_start_on",
                "latest_end_on",
                "min_stay_weeks",
                "max_stay_weeks",
                "experience",
            )
        }
        rent = data.get("max_rent_eur")
        values["max_rent_cents_per_month"] = None if rent is None else cents(rent)
        values["requested_grant_cents"] = cents(data.get("requested_grant_eur"))
        return values


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Document (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
