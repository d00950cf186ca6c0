"""The coordinator's forms. Money is typed in euros and kept in cents; texts in each of the
town's languages; each form keeps the version it started from."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from regrow.lib.money import euros_from_cents
from regrow.lib.widgets import LocalDateInput
from regrow.popups.choices import AgreementStatus, PhaseUnit, PopupCategory, RentBasis, RoundStatus
from regrow.premises.models import Owner, Unit

LANGUAGE_NAMES = dict(settings.REGROW_PARTNER_LANGUAGES)


def euro_field(label, *, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=Decimal(0), max_digits=11, decimal_places=2, required=required
    )


def cents(euros: Decimal | None) -> int:
    return int((euros or Decimal(0)) * 100)


def euros(cents_value: int | None) -> Decimal | None:
    return None if cents_value is None else Decimal(cents_value) / 100


class TextsForm(forms.Form):
    """A form with some texts in each of the town's languages (`title_lv`, `title_en`, …); the
    first language's first text is required."""

    texts: tuple[tuple[str, object, bool], ...] = ()  # (name, label, is a long text)

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = languages
        texts_fields = {}
        for name, label, long in self.texts:
            for index, code in enumerate(languages):
                field = forms.CharField(
                    label=_("%(what)s (%(language)s)")
                    % {"what": label, "language": LANGUAGE_NAMES.get(code, code)},
                    required=index == 0 and name == self.texts[0][0],
                    widget=forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput,
                )
                field.widget.attrs["lang"] = code
                texts_fields[f"{name}_{code}"] = field
        # The texts come first, then the form's own fields.
        self.fields = {**texts_fields, **self.fields}

    def set_texts(self, name: str, texts: dict) -> None:
        for code in self.languages:
            self.initial[f"{name}_{code}"] = texts.get(code, "")

    def texts_of(self, name: str) -> dict:
        return {code: self.cleaned_data.get(f"{name}_{code}", "") for code in self.languages}


class RoundForm(TextsForm):
    texts = (
        ("titles", _("Title"), False),
        ("descriptions", _("Description"), True),
        ("rules", _("Rules"), True),
    )
    applications_open_on = forms.DateField(label=_("Applications open on"), widget=LocalDateInput)
    applications_close_on = forms.DateField(label=_("Applications close on"), widget=LocalDateInput)
    programme_starts_on = forms.DateField(label=_("Programme starts on"), widget=LocalDateInput)
    programme_ends_on = forms.DateField(label=_("Programme ends on"), widget=LocalDateInput)
    grant_budget_eur = euro_field(_("Grant budget (€)"))
    max_grant_eur = euro_field(_("Largest grant per pop-up (€)"))
    max_same_category_per_street = forms.IntegerField(
        label=_("Most shops of one category per street in a week"), min_value=1, initial=2
    )
    preference_bonus = forms.DecimalField(
        label=_("Bonus for a preferred unit"),
        min_value=Decimal(0),
        max_digits=5,
        decimal_places=2,
        initial=Decimal("0.5"),
        help_text=_("Added to an application's score where it gets a unit it asked for."),
    )
    enquiries = forms.IntegerField(
        label=_("Enquiries received"),
        min_value=0,
        initial=0,
        required=False,
        help_text=_(
            "People who asked about the round by phone, e-mail or in person: the first step "
            "of the round report's funnel."
        ),
    )
    status = forms.ChoiceField(label=_("Status"), choices=RoundStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, round_=None, **kwargs):
        super().__init__(*args, **kwargs)
        if round_ is None:
            # A new round starts as a draft: units are offered before it is made public.
            del self.fields["status"]
            return
        for name in ("titles", "descriptions", "rules"):
            self.set_texts(name, getattr(round_, name))
        for name in (
            "applications_open_on",
            "applications_close_on",
            "programme_starts_on",
            "programme_ends_on",
            "max_same_category_per_street",
            "preference_bonus",
            "enquiries",
            "status",
            "version",
        ):
            self.initial[name] = getattr(round_, name)
        self.initial["grant_budget_eur"] = euros(round_.grant_budget_cents)
        self.initial["max_grant_eur"] = euros(round_.max_grant_cents)

    def round_values(self) -> dict:
        data = self.cleaned_data
        values = {name: self.texts_of(name) for name, _label, _long in self.texts}
        for name in (
            "applications_open_on",
            "applications_close_on",
            "programme_starts_on",
            "programme_ends_on",
            "max_same_category_per_street",
            "preference_bonus",
        ):
            values[name] = data[name]
        values["enquiries"] = data.get("enquiries") or 0
        if "status" in data:
            values["status"] = data["status"]
        values["grant_budget_cents"] = cents(data["grant_budget_eur"])
        values["max_grant_cents"] = cents(data["max_grant_eur"])
        return values


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit: Unit) -> str:
        rent = (
            _("%(rent)s a month") % {"rent": euros_from_cents(unit.asking_rent_cents_per_month)}
            if unit.asking_rent_cents_per_month is not None
            else _("no asking rent")
        )
        return f"{unit.display_address} · {unit.floor_area_m2:g} m² · {rent}"


class OfferUnitForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit from the register"), queryset=Unit.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class TermsForm(forms.Form):
    rent_basis = forms.ChoiceField(label=_("Rent is"), choices=RentBasis.choices)
    phase_unit = forms.ChoiceField(label=_("Rent phases counted in"), choices=PhaseUnit.choices)
    service_charges_eur = euro_field(_("Service charges (€ a month)"))
    min_stay_weeks = forms.IntegerField(label=_("Shortest stay (weeks)"), min_value=1)
    max_stay_weeks = forms.IntegerField(label=_("Longest stay (weeks)"), min_value=1)
    allowed_categories = forms.MultipleChoiceField(
        label=_("Allowed shop categories"),
        choices=PopupCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None chosen: every category."),
    )
    capacity = forms.IntegerField(
        label=_("Pop-ups at once"),
        min_value=1,
        help_text=_("How many pop-ups may share the unit at the same time."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def terms_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version")
        data["service_charges_cents_per_month"] = cents(data.pop("service_charges_eur"))
        return data


class PhaseForm(forms.Form):
    starts_at = forms.IntegerField(label=_("From week or month"), min_value=1)
    amount_eur = euro_field(_("Rent (€)"))


PhaseFormSet = forms.formset_factory(PhaseForm, extra=2, max_num=12, absolute_max=24)


def phases_of(formset) -> list[tuple[int, int]]:
    """The phases typed, in order of their start (blank rows left out)."""
    rows = [
        (form.cleaned_data["starts_at"], cents(form.cleaned_data["amount_eur"]))
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
    return sorted(rows)


class CriterionForm(TextsForm):
    texts = (("names", _("Criterion"), False),)
    weight = forms.DecimalField(
        label=_("Weight"), min_value=Decimal("0.01"), max_digits=5, decimal_places=2, initial=1
    )


class EventForm(TextsForm):
    texts = (("titles", _("Event"), False),)
    starts_on = forms.DateField(label=_("Starts on"), widget=LocalDateInput)
    ends_on = forms.DateField(label=_("Ends on"), widget=LocalDateInput, required=False)


class AgreementForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Owner.objects.none())
    intermediary_name = forms.CharField(
        label=_("Intermediary"),
        max_length=200,
        help_text=_(
            "Who rents the unit from the owner and sublets it: the town or an association."
        ),
    )
    intermediary_address = forms.CharField(
        label=_("Intermediary's address"), widget=forms.Textarea(attrs={"rows": 2})
    )
    starts_on = forms.DateField(label=_("Term starts on"), widget=LocalDateInput)
    ends_on = forms.DateField(label=_("Term ends on"), widget=LocalDateInput)
    rent_eur = euro_field(_("Rent (€ a month)"))
    service_charges_eur = euro_field(_("Service charges (€ a month)"))
    conditions = forms.CharField(
        label=_("Conditions"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=AgreementStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, town, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = town.owners.all()

    def agreement_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["rent_cents_per_month"] = cents(data.pop("rent_eur"))
        data["service_charges_cents_per_month"] = cents(data.pop("service_charges_eur"))
        return data
