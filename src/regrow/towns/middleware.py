"""Whoever can see people's personal data must use two-factor sign-in.

Coordinators see their town's owners and applicants; superusers and staff, through the admin
site, those of every town. Apps above towns add their own people through
`register_two_factor_rule` (the network: its lead, lead expert and partner coordinators, who see
stakeholders' contact details and meeting participants' e-mails and dietary needs, on the
network's pages).
"""

from collections.abc import Callable

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


# rule(request) -> the message to show when the signed-in person must use two factors on this
# page and has no authenticator app, else None. A rule should cost no query on pages it does
# not concern, and one where it does.
_rules: list[Callable] = []


def register_two_factor_rule(rule: Callable) -> None:
    if rule not in _rules:
        _rules.append(rule)


def _rule_message(request) -> str | None:
    for rule in _rules:
        message = rule(request)
        if message:
            return message
    return None


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
            # Not a coordinator: the apps' rules ask for the app where it is needed.
            other = _rule_message(request)
            if other is None:
                return None
            messages.warning(request, other)
            return redirect("mfa_activate_totp")
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
