"""The forms of a pop-up's page (care log, mid-round review, outcome, public fields) and the
trader's feedback form. Money is typed in euros; the services check the rest, so what was
typed comes back as typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.lib.images import PhotoField
from regrow.lib.widgets import LocalDateInput
from regrow.popups.forms import TextsForm, cents, euro_field, euros
from regrow.popups.models import CareEntry, Feedback, Footfall, SalesBand


def _text(label, *, rows: int = 3, max_length: int = 3000, required: bool = False):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class CareEntryForm(forms.Form):
    happened_on = forms.DateField(label=_("Day"), widget=LocalDateInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=CareEntry.Kind.choices)
    description = _text(_("What happened"), max_length=5000, required=True)


class ResolveForm(forms.Form):
    resolved_on = forms.DateField(label=_("Resolved on"), widget=LocalDateInput)
    version = forms.IntegerField(widget=forms.HiddenInput)


class MidReviewForm(forms.Form):
    reviewed_on = forms.DateField(label=_("Day of the review"), widget=LocalDateInput)
    footfall = forms.ChoiceField(
        label=_("Visitors"), choices=Footfall.choices, widget=forms.RadioSelect
    )
    going_well = _text(_("What goes well"))
    to_improve = _text(_("What to improve"))
    on_track = forms.BooleanField(label=_("On track to stay as a tenant"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @classmethod
    def of(cls, review):
        if review is None:
            return cls(initial={"version": 0})
        return cls(
            initial={
                name: getattr(review, name)
                for name in ("reviewed_on", "footfall", "going_well", "to_improve", "on_track")
            }
            | {"version": review.version}
        )

    def review_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class OutcomeForm(forms.Form):
    days_open = forms.IntegerField(label=_("Days open"), min_value=0, required=False)
    visitors_estimate = forms.IntegerField(
        label=_("Visitors (estimate)"), min_value=0, required=False
    )
    sales_band = forms.ChoiceField(
        label=_("Sales during the stay"),
        choices=[("", _("Not known")), *SalesBand.choices],
        required=False,
    )
    stayed = forms.BooleanField(label=_("Stayed as a permanent tenant"), required=False)
    stayed_from = forms.DateField(
        label=_("Permanent tenant from"), widget=LocalDateInput, required=False
    )
    lease_rent_eur = euro_field(_("New lease: rent (€ a month)"), required=False)
    lease_months = forms.IntegerField(label=_("New lease: months"), min_value=1, required=False)
    lease_notes = _text(_("New lease: terms"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = [
        "days_open",
        "visitors_estimate",
        "sales_band",
        "stayed",
        "stayed_from",
        "lease_rent_eur",
        "lease_months",
        "lease_notes",
    ]

    @classmethod
    def of(cls, outcome):
        if outcome is None:
            return cls(initial={"version": 0})
        initial = {
            name: getattr(outcome, name)
            for name in (
                "days_open",
                "visitors_estimate",
                "sales_band",
                "stayed",
                "stayed_from",
                "lease_months",
                "lease_notes",
            )
        }
        initial["lease_rent_eur"] = euros(outcome.lease_rent_cents_per_month)
        initial["version"] = outcome.version
        return cls(initial=initial)

    def outcome_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        rent = data.pop("lease_rent_eur")
        data["lease_rent_cents_per_month"] = None if rent is None else cents(rent)
        return data


class PublicForm(TextsForm):
    """What the public calendar shows: what the pop-up sells in each of the town's languages,
    its opening hours, a photo, and whether to show it at all."""

    texts = (("public_descriptions", _("What it sells"), True),)
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        max_length=200,
        required=False,
        help_text=_("For example “Tue–Sat 10–18”."),  # noqa: RUF001 - ranges
    )
    photo = PhotoField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 10 MB. Location data is removed."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)
    shown_publicly = forms.BooleanField(
        label=_("Show it on the public calendar and map"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, sublease=None, **kwargs):
        super().__init__(*args, **kwargs)
        for code in self.languages:
            self.fields[f"public_descriptions_{code}"].required = False
            self.fields[f"public_descriptions_{code}"].widget.attrs["rows"] = 2
        if sublease is not None and not self.is_bound:
            self.set_texts("public_descriptions", sublease.public_descriptions or {})
            self.initial.update(
                opening_hours=sublease.opening_hours,
                shown_publicly=sublease.shown_publicly,
                version=sublease.version,
            )
        if sublease is None or not sublease.photo:
            del self.fields["remove_photo"]

    def public_values(self) -> dict:
        data = self.cleaned_data
        return {
            "public_descriptions": self.texts_of("public_descriptions"),
            "opening_hours": data["opening_hours"],
            "shown_publicly": data["shown_publicly"],
            "photo": data.get("photo") or None,
            "remove_photo": data.get("remove_photo", False),
        }


class FeedbackForm(forms.Form):
    """The trader's few questions."""

    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the pop-up, from 1 (not at all) to 5 (very)?"),
        choices=[(value, str(value)) for value in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    what_worked = _text(_("What worked well?"))
    what_to_change = _text(_("What should the town change?"))
    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend the pop-up programme to others?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    plans = forms.ChoiceField(
        label=_("What are your plans now?"),
        choices=Feedback.Plans.choices,
        required=False,
        widget=forms.RadioSelect,
    )
