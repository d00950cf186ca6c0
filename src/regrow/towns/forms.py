from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from regrow.lib.branding import prepared_logo, validate_accent_colour
from regrow.lib.i18n import PARTNER_LANGUAGE_CODES
from regrow.lib.images import PhotoField
from regrow.towns.models import Role, Town


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, allowed_roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # No role is preselected: granting one, coordinator above all, is a deliberate choice.
        self.fields["role"].choices = [("", _("Choose a role"))] + [
            (value, label) for value, label in Role.choices if value in allowed_roles
        ]


class BrandingForm(forms.Form):
    """A town's coat of arms or logo and its accent colour, set by its coordinators."""

    logo = PhotoField(
        label=_("Coat of arms or logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=_(
            "PNG, JPEG or WebP, at most 10 MB; it is shown beside the town's name at the top "
            "of every page. A transparent PNG looks best."
        ),
    )
    accent_colour = forms.CharField(
        label=_("Accent colour"),
        required=False,
        max_length=7,
        validators=[validate_accent_colour],
        widget=forms.TextInput(attrs={"placeholder": "#1f5f3f", "autocomplete": "off"}),
        help_text=_(
            "For the header, buttons and links: # and six hexadecimal digits, e.g. #1f5f3f. "
            "Empty: the site's green. Text on it must stay readable, so some colours are refused."
        ),
    )

    def clean_accent_colour(self) -> str:
        return self.cleaned_data["accent_colour"].strip().lower()

    def clean_logo(self):
        """A new upload made ready to keep; False to remove the logo; None to keep it."""
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            logo.seek(0)
            return prepared_logo(logo)
        return False if logo is False else None


class NewAccountForm(forms.Form):
    """The account an invited person opens; their e-mail address comes from the invitation."""

    full_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            from regrow.accounts.models import User

            try:
                password_validation.validate_password(
                    first, User(email=self.email, full_name=cleaned.get("full_name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class TownAdminForm(forms.ModelForm):
    """Languages as checkboxes and phones one per line, instead of raw JSON."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=[(code, code) for code in PARTNER_LANGUAGE_CODES],
        widget=forms.CheckboxSelectMultiple,
    )
    phones = forms.CharField(
        label=_("Phones"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One number a line."),
    )

    class Meta:
        model = Town
        fields = [
            "name",
            "slug",
            "country",
            "languages",
            "time_zone",
            "centre_latitude",
            "centre_longitude",
            "contact_email",
            "phones",
            "street_address",
            "postal_code",
            "locality",
            "logo",
            "accent_colour",
            "lau_code",
            "national_code",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = settings.REGROW_PARTNER_LANGUAGES
        if self.instance and self.instance.pk:
            self.initial["phones"] = "\n".join(self.instance.phones)

    def clean_phones(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["phones"].splitlines() if line.strip()]
