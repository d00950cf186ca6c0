from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.lib.widgets import LocalDateInput, format_hint
from regrow.premises.choices import ShopCategory, Status
from regrow.premises.formats.records import UNIT_FIELDS
from regrow.premises.models import Owner, OwnerContact, Unit, Zone

MAX_IMPORT_BYTES = 100 * 1024 * 1024


class UnitForm(forms.ModelForm):
    """A unit's description. Rent is typed in euros; the form keeps the version it started from."""

    permitted_uses = forms.MultipleChoiceField(
        label=_("Permitted uses"),
        choices=ShopCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    asking_rent_eur = forms.DecimalField(
        label=_("Asking rent (€ a month)"),
        min_value=Decimal(0),
        max_digits=9,
        decimal_places=2,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Unit
        # The unit as its files describe it (the rent is typed in euros, above), then what
        # only the register keeps.
        fields = [
            *(name for name in UNIT_FIELDS if name != "asking_rent_cents_per_month"),
            "owner",
            "offered_publicly",
        ]
        widgets = {
            "listed_on": LocalDateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "latitude": forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
        }

    def __init__(self, *args, town, owner_fields_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.town = town
        self.instance.town = town
        self.fields["display_address"].required = False
        self.fields["owner"].queryset = town.owners.all()
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["asking_rent_eur"].initial = self.instance.asking_rent_eur
        else:
            # A new unit may leave both to the register (services.unit_create).
            self.fields["external_id"].required = False
            self.fields["external_id"].help_text = _(
                "The unit's identifier in imported files; re-imports update by it. "
                "Left empty, one is made up, such as U-000123."
            )
            self.fields["listed_on"].required = False
            # "Left as it was" means left as today, whatever the page sent as its first value.
            self.fields["listed_on"].show_hidden_initial = False
            self.initial["listed_on"] = town.today()
            self.fields["listed_on"].help_text = _(
                "Left as today, it follows the date of the status below."
            )
        if owner_fields_only:
            from regrow.premises.services import OWNER_EDITABLE_FIELDS

            keep = (OWNER_EDITABLE_FIELDS - {"asking_rent_cents_per_month"}) | {
                "asking_rent_eur",
                "version",
            }
            for name in list(self.fields):
                if name not in keep:
                    del self.fields[name]

    def unit_values(self) -> dict:
        """The cleaned values as Unit fields (rent in cents)."""
        values = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in {"asking_rent_eur", "version"}
        }
        if "asking_rent_eur" in self.cleaned_data:
            rent = self.cleaned_data["asking_rent_eur"]
            values["asking_rent_cents_per_month"] = None if rent is None else int(rent * 100)
        if "permitted_uses" in values:
            values["permitted_uses"] = sorted(values["permitted_uses"])
        if not self.instance.pk and "listed_on" not in self.changed_data:
            # Left as it was: the service lists the unit since its first status's day.
            values.pop("listed_on", None)
        return values


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    effective_on = forms.DateField(label=_("Since"), widget=LocalDateInput())
    use_category = forms.ChoiceField(
        label=_("Use"), choices=[("", "—"), *ShopCategory.choices], required=False
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class VacancyFilterForm(forms.Form):
    on = forms.DateField(label=_("On"), widget=LocalDateInput(), required=False)
    street = forms.ChoiceField(label=_("Street"), required=False)
    zone = forms.ModelChoiceField(label=_("Zone"), queryset=Zone.objects.none(), required=False)

    def __init__(self, *args, town, streets: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["street"].choices = [("", _("All streets"))] + [(s, s) for s in streets]
        self.fields["zone"].queryset = town.zones.all()
        self.fields["zone"].empty_label = _("Whole town")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("GeoJSON, CSV (UTF-8 or Windows-1257, “,” or “;”) or XLSX.")
    )
    encoding = forms.ChoiceField(
        label=_("CSV encoding"),
        choices=[
            ("auto", _("Detect")),
            ("utf-8", "UTF-8"),
            ("windows-1257", "Windows-1257"),
        ],
        initial="auto",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 100 MB."))
        return upload


class PhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP, at most 10 MB. Location data is removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("What the photo shows"),
        max_length=250,
        help_text=_("For people who cannot see it, e.g. “Shop window with a green door”."),
    )


class OwnerForm(forms.ModelForm):
    reasons_not_letting = forms.MultipleChoiceField(
        label=_("Reasons for not letting"),
        choices=Owner.Reason.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Owner
        fields = [
            "kind",
            "name",
            "email",
            "phone",
            "postal_address",
            "preferred_language",
            "lives_locally",
            "consents_to_contact",
            "outreach_status",
            "reasons_not_letting",
            "reasons_note",
        ]
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "reasons_note": forms.Textarea(attrs={"rows": 2}),
        }


class ContactForm(forms.ModelForm):
    class Meta:
        model = OwnerContact
        fields = [
            "contacted_on",
            "channel",
            "summary",
            "outreach_status",
            "next_step",
            "next_step_on",
        ]
        widgets = {
            "contacted_on": LocalDateInput(),
            "next_step_on": LocalDateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }


class ZoneImportForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON file"),
        help_text=_("A FeatureCollection of Polygon features, each with a “name” property."),
    )


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=LocalDateInput())
    end = forms.DateField(label=_("To"), widget=LocalDateInput())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The period must end on or after its first day."))
        return cleaned


class SurveyForm(forms.Form):
    """The day of a street survey; left empty, it is the town's today."""

    surveyed_on = forms.DateField(
        label=_("Survey date"),
        required=False,
        widget=LocalDateInput(attrs={"required": True}),
    )

    def __init__(self, *args, town, **kwargs):
        super().__init__(*args, initial={"surveyed_on": town.today()}, **kwargs)
        self.town = town
        # Named in the page's language, as the field shows it (DD.MM.YYYY or YYYY-MM-DD).
        field = self.fields["surveyed_on"]
        field.error_messages["invalid"] = _("Enter the survey date as %(format)s.") % {
            "format": format_hint(field.widget.active_format())
        }

    def clean_surveyed_on(self):
        return self.cleaned_data["surveyed_on"] or self.town.today()


class SurveyUnitForm(forms.Form):
    """One unit of the street as the coordinator saw it: a status (none: not looked at) and
    perhaps a photo. The unit travels as its id, so a unit added to the street meanwhile
    cannot take another's status."""

    unit = forms.IntegerField(label=_("Unit"), widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Status.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the listed statuses.")},
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.FileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp", "capture": "environment"}
        ),
    )

    def __init__(self, *args, units: dict[int, Unit], **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units

    @property
    def street_unit(self) -> Unit | None:
        """The unit this row is about, if it is still on the street."""
        try:
            return self.units.get(int(self["unit"].value()))
        except (TypeError, ValueError):
            return None


class BaseSurveyFormSet(forms.BaseFormSet):
    def __init__(self, *args, units: list[Unit], **kwargs):
        super().__init__(
            *args,
            initial=[{"unit": unit.pk, "status": unit.status_now} for unit in units],
            form_kwargs={"units": {unit.pk: unit for unit in units}},
            prefix="units",
            **kwargs,
        )

    def clean(self):
        if any(self.errors):
            return
        if any(form.street_unit is None for form in self.forms):
            raise forms.ValidationError(
                _("Some units are not on this street any more; reload the page.")
            )

    def seen(self) -> dict[int, str]:
        """Unit id → the status tapped for it ("" when none)."""
        return {form.cleaned_data["unit"]: form.cleaned_data["status"] for form in self.forms}

    def photos(self) -> dict[int, object]:
        return {
            form.cleaned_data["unit"]: form.cleaned_data["photo"]
            for form in self.forms
            if form.cleaned_data.get("photo")
        }

    def add_photo_error(self, unit_id: int, problems: list[str]) -> bool:
        """Show why a unit's photo was refused in its row (and so in the list at the top);
        False if no row is about that unit."""
        for form in self.forms:
            if form.cleaned_data.get("unit") == unit_id:
                form.add_error("photo", problems)
                return True
        return False


SurveyFormSet = forms.formset_factory(SurveyUnitForm, formset=BaseSurveyFormSet, extra=0)
