"""The network's people see others' personal data (stakeholders' contact details, meeting
participants' e-mails and dietary needs): on the network's pages they must use two-factor
sign-in, as town coordinators must everywhere (towns/middleware.py asks this rule)."""

from allauth.mfa.models import Authenticator
from django.utils.translation import gettext as _

from regrow.network.models import NetworkMembership

# Pages a person may reach before setting up two factors: accepting the invitation that gives
# the role (the next page asks for the set-up).
EXEMPT = {"invitation_accept"}


def two_factor_rule(request) -> str | None:
    match = request.resolver_match
    if match is None or match.namespace != "network" or match.url_name in EXEMPT:
        return None
    # One query: a role, and no authenticator app (then the middleware asks no more).
    without = NetworkMembership.objects.filter(user=request.user).exclude(
        user__authenticator__type=Authenticator.Type.TOTP
    )
    if not without.exists():
        return None
    return _(
        "Everyone with a role in a transfer network must sign in with two factors: you see "
        "other people's contact details. Set up an authenticator app to continue."
    )
