"""Forms of the network's members' area: invitations, the lead's set-up and a partner's local
stakeholder group. Texts are typed in each offered language (English, the network's working
language, first); dates in the page's language. Forms check what a field alone can say; the
services check the rest and their refusals come back onto the form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from regrow.lib.i18n import offered_language_codes
from regrow.lib.widgets import LocalDateInput
from regrow.network.models import Component, NetworkRole, Partner, Phase, Stakeholder
from regrow.network.services.stakeholders import FIELDS as STAKEHOLDER_FIELDS
from regrow.popups.forms import TextsForm
from regrow.towns.forms import InvitationForm as TownInvitationForm

LANGUAGE_NAMES = dict(settings.REGROW_PARTNER_LANGUAGES)


def network_languages() -> list[str]:
    """The languages a network's texts are typed in: English first, then the site's others."""
    return ["en", *(code for code in offered_language_codes() if code != "en")]


def _date(label, *, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=LocalDateInput)


class NetworkInvitationForm(TownInvitationForm):
    """As a town's invitation, with the network's roles and, for a partner coordinator, the
    partner town they speak for."""

    partner = forms.ModelChoiceField(
        label=_("Partner town"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("None (not a partner coordinator)"),
        help_text=_("Only for a partner coordinator: the town they speak for."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, allowed_roles=[], **kwargs)
        self.fields["role"].choices = [("", _("Choose a role")), *NetworkRole.choices]
        self.fields["partner"].queryset = network.partners.select_related("town").order_by(
            "town__name"
        )
        self.fields["partner"].label_from_instance = lambda partner: partner.town.name

    def clean(self):
        cleaned = super().clean()
        role, partner = cleaned.get("role"), cleaned.get("partner")
        if role == NetworkRole.PARTNER_COORDINATOR and partner is None:
            self.add_error("partner", _("Choose the partner this person speaks for."))
        elif role and role != NetworkRole.PARTNER_COORDINATOR and partner is not None:
            self.add_error(
                "partner", _("Only a partner coordinator speaks for a partner; leave it empty.")
            )
        return cleaned


class NetworkForm(forms.Form):
    programme = forms.CharField(
        label=_("Programme"), max_length=120, required=False, help_text=_("For example URBACT III.")
    )
    kind = forms.CharField(
        label=_("Kind of network"),
        max_length=120,
        required=False,
        help_text=_("For example Transfer Network."),
    )
    started_on = _date(_("Starts on"), required=False)
    ended_on = _date(_("Ends on"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("started_on"), cleaned.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", _("A network cannot end before it starts."))
        return cleaned


class _NetworkTextsForm(TextsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, languages=network_languages(), **kwargs)

    def texts_values(self) -> dict:
        return {name: self.texts_of(name) for name, _label, _long in self.texts}


class PhaseForm(_NetworkTextsForm):
    texts = (("names", _("Name, if not the kind's own"), False),)
    kind = forms.ChoiceField(label=_("Phase"), choices=Phase.Kind.choices)
    starts_on = _date(_("Starts on"))
    ends_on = _date(_("Ends on"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in self.languages:
            self.fields[f"names_{code}"].required = False
        self.order_fields(["kind", "starts_on", "ends_on"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("A phase cannot end before it starts."))
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            **self.texts_values(),
            "kind": data["kind"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
        }


class MilestoneForm(_NetworkTextsForm):
    texts = (("titles", _("Milestone"), False),)
    month = forms.IntegerField(
        label=_("Month of the network"),
        min_value=1,
        max_value=120,
        required=False,
        help_text=_("From 1, the network's first month; e.g. Transfer Plans are due in month 3."),
    )
    due_on = _date(_("Due on"))
    done_on = _date(_("Done on"), required=False)

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            **self.texts_values(),
            "month": data.get("month"),
            "due_on": data["due_on"],
            "done_on": data.get("done_on"),
        }


class ComponentForm(_NetworkTextsForm):
    texts = (
        ("names", _("Name"), False),
        ("problems", _("The problem it addresses"), True),
        ("how_it_works", _("How it works"), True),
        ("success_factors", _("Success factors"), True),
        ("resources", _("Resources needed"), True),
    )
    order = forms.IntegerField(
        label=_("Place in the list"), min_value=0, max_value=999, initial=0, required=False
    )

    def values(self) -> dict:
        return {**self.texts_values(), "order": self.cleaned_data.get("order") or 0}


def component_initial(form: ComponentForm, component: Component) -> None:
    for name, _label, _long in form.texts:
        form.set_texts(name, getattr(component, name))
    form.initial["order"] = component.order


class PartnerForm(forms.Form):
    town = forms.ModelChoiceField(label=_("Town"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=Partner.Role.choices)
    joined_on = _date(_("Joined on"), required=False)
    components = forms.ModelMultipleChoiceField(
        label=_("Components it transfers"),
        queryset=Component.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Partners that chose the same component form its thematic group."),
    )

    def __init__(self, *args, network, towns, partner: Partner | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = towns
        self.fields["components"].queryset = network.components.all()
        self.fields["components"].label_from_instance = lambda component: component.name
        if partner is not None:
            # A partner's town stays; a new town is a new partner.
            self.fields["town"].disabled = True
            self.initial.update(
                town=partner.town_id,
                role=partner.role,
                joined_on=partner.joined_on,
                components=[component.pk for component in partner.components.all()],
            )


class GuidanceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), required=False)
    file = forms.FileField(
        label=_("Document (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any")), *settings.REGROW_PARTNER_LANGUAGES]


class StakeholderForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Stakeholder
        fields = list(STAKEHOLDER_FIELDS)
        widgets = {
            "role_in_plan": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
        }
        help_texts = {
            "name": _("The organisation's name, or the person's."),
            "organisation": _("For a person: where they work or what they represent."),
            "power": _("How much it can shape the plan: 1 little, 5 a great deal."),
            "interest": _("How much the plan concerns it: 1 little, 5 a great deal."),
            "email": _("Contact details are seen only by this town's coordinators."),
        }

    def __init__(self, *args, stakeholder: Stakeholder | None = None, **kwargs):
        if stakeholder is not None:
            kwargs.setdefault(
                "initial",
                {
                    **{name: getattr(stakeholder, name) for name in self.Meta.fields},
                    "version": stakeholder.version,
                },
            )
        super().__init__(*args, **kwargs)
        for name in ("power", "interest"):
            self.fields[name].widget.attrs.update({"min": 1, "max": 5})

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
