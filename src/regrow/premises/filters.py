"""The register's filters as a GET form: they stay in the page's address, and in its page links."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.premises.choices import ShopCategory, Status
from regrow.premises.listing import NO_STATUS, RegisterFilter
from regrow.premises.models import Zone

OFFERED_CHOICES = [
    ("", _("All units")),
    ("yes", _("Offered for use")),
    ("no", _("Not offered")),
]


class RegisterFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *Status.choices, (NO_STATUS, _("No status yet"))],
    )
    street = forms.ChoiceField(label=_("Street"), required=False)
    zone = forms.ModelChoiceField(label=_("Zone"), queryset=Zone.objects.none(), required=False)
    use = forms.ChoiceField(
        label=_("Use"),
        required=False,
        choices=[("", _("Any use")), *ShopCategory.choices],
        help_text=_("Its use now, or its last use if it is empty."),
    )
    offered = forms.ChoiceField(label=_("Offered"), required=False, choices=OFFERED_CHOICES)

    def __init__(self, *args, town, streets: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["street"].choices = [("", _("All streets"))] + [(s, s) for s in streets]
        self.fields["zone"].queryset = town.zones.all()
        self.fields["zone"].empty_label = _("Whole town")

    def register_filter(self) -> RegisterFilter:
        """The filters chosen; a value the form refuses (an old link, say) filters nothing."""
        self.is_valid()
        data = self.cleaned_data  # the fields that were valid
        return RegisterFilter(
            status=data.get("status") or "",
            street=data.get("street") or "",
            zone=data.get("zone"),
            use=data.get("use") or "",
            offered={"yes": True, "no": False}.get(data.get("offered") or ""),
        )
