"""How django-allauth throttles sign-in here: it counts second-factor codes, axes counts passwords.

allauth's `login_failed` rate limit counts both wrong passwords (in `pre_authenticate`) and
wrong second-factor codes (per account, and per address). django-axes already counts
passwords, in the database, with its own pause page; counting them twice would make the two
pauses disagree and let wrong passwords use up an address's allowance for codes. So allauth
counts codes only, and asks the same function as axes for the client's address.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import ngettext

from regrow.accounts.addresses import request_address

# allauth raises this for a refused second-factor code; with passwords left to axes, and no
# sign-in or verification by e-mailed code, nothing else raises it.
CODES_REFUSED = "too_many_login_attempts"


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request: HttpRequest, **credentials) -> None:
        """Count no password here: django-axes does (see the module's docstring)."""

    def get_client_ip(self, request: HttpRequest) -> str:
        return request_address(request) or super().get_client_ip(request)

    def validation_error(self, code: str, *args) -> ValidationError:
        if code != CODES_REFUSED:
            return super().validation_error(code, *args)
        minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
        message = ngettext(
            "Too many wrong codes were tried. For your safety, no code is accepted for up to "
            "%(minutes)d minute, not even the right one. Nothing in your account has changed.",
            "Too many wrong codes were tried. For your safety, no code is accepted for up to "
            "%(minutes)d minutes, not even the right one. Nothing in your account has changed.",
            minutes,
        ) % {"minutes": minutes}
        return ValidationError(message, code=code)
