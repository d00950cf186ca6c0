"""The forms of a meeting's registration: registering (oneself, or someone else for a partner),
the attendance of a day (checkboxes read straight from the POST, see attendance.py) and someone
who came without registering."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from regrow.network.models import Meeting, Partner, Registration
from regrow.network.selectors_registrations import day_choices


class PartnerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Partner) -> str:
        return obj.town.name


class RegistrationForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("a participant's name", "Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    partner = PartnerChoice(
        label=_("Partner town"), queryset=Partner.objects.none(), required=False
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        max_length=300,
        required=False,
        help_text=_("Seen only by the person and the meeting's organisers."),
    )
    days = forms.MultipleChoiceField(
        label=_("Days you will attend"),
        widget=forms.CheckboxSelectMultiple,
        required=False,  # none chosen: the service refuses it, with its own words
        error_messages={"invalid_choice": _("%(value)s is not a day of this meeting.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args,
        meeting: Meeting,
        partners,
        for_self: bool = True,
        registration: Registration | None = None,
        dietary: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if not dietary:  # personal: the person and the organisers only
            del self.fields["dietary_needs"]
        self.fields["partner"].queryset = partners
        self.fields["days"].choices = day_choices(meeting)
        if for_self:
            self.fields["email"].required = True
            self.fields["partner"].empty_label = _("None (e.g. an expert)")
        else:
            self.fields["days"].label = _("Days they will attend")
            self.fields["partner"].required = True
            self.fields["email"].help_text = _(
                "Optional. If it belongs to an account, the person sees the registration."
            )
        if registration is not None and not self.is_bound:
            for name in ("name", "email", "organisation", "dietary_needs", "days", "version"):
                if name in self.fields:
                    self.initial[name] = getattr(registration, name)
            self.initial["partner"] = registration.partner_id
        for name, hint in (("name", "name"), ("email", "email"), ("organisation", "organization")):
            if for_self:
                self.fields[name].widget.attrs["autocomplete"] = hint
            else:
                self.fields[name].widget.attrs["autocomplete"] = "off"

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class CancelForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class WalkInForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("a participant's name", "Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    partner = PartnerChoice(
        label=_("Partner town"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("None (e.g. an expert)"),
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, prefix="walk_in", **kwargs)
        self.fields["partner"].queryset = partners
        self.fields["name"].widget.attrs["autocomplete"] = "off"
        self.fields["organisation"].widget.attrs["autocomplete"] = "off"
