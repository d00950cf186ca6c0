"""Whoever can see people's personal data must use two-factor sign-in.

Coordinators see their town's owners and applicants; superusers and staff, through the admin
site, those of every town.
"""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from regrow.towns.selectors import is_coordinator_anywhere

# Pages a person without two-factor may still reach: setting it up, and leaving.
EXEMPT_URL_NAMES = {
    "account_logout",
    "account_reauthenticate",
    "account_email_verification_sent",
    "account_confirm_email",
    "set_language",
    "healthz",
}


def is_administrator(user) -> bool:
    return user.is_superuser or user.is_staff


class RequireTwoFactorForCoordinators:
    """Sends a coordinator or administrator without an authenticator app to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        match = request.resolver_match
        url_name = match.url_name if match else None
        if url_name and (url_name.startswith("mfa_") or url_name in EXEMPT_URL_NAMES):
            return None
        administrator = is_administrator(user)
        if not administrator and not is_coordinator_anywhere(user):
            return None
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return None
        if administrator:
            message = _(
                "Administrators must sign in with two factors. Set up an authenticator app "
                "to continue."
            )
        else:
            message = _(
                "Coordinators must sign in with two factors. Set up an authenticator app "
                "to continue."
            )
        messages.warning(request, message)
        return redirect("mfa_activate_totp")
