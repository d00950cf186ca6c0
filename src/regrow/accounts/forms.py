"""The forms of one's own account pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class EraseAccountForm(forms.Form):
    """Erasing the account asks for the password again: a session left open is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
