"""Coordinators hold owners' and applicants' personal data, so they must use two-factor sign-in."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from regrow.towns.selectors import is_coordinator_anywhere

# Pages a coordinator without two-factor may still reach: setting it up, and leaving.
EXEMPT_URL_NAMES = {
    "account_logout",
    "account_reauthenticate",
    "account_email_verification_sent",
    "account_confirm_email",
    "set_language",
    "healthz",
}


class RequireTwoFactorForCoordinators:
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
        if not is_coordinator_anywhere(user):
            return None
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return None
        messages.warning(
            request,
            _(
                "Coordinators must sign in with two factors. Set up an authenticator app "
                "to continue."
            ),
        )
        return redirect("mfa_activate_totp")
