"""Sign-in throttling with django-axes: per account and address, and per address across accounts.

django-axes compares every lock-out parameter with one failure limit, so an address alone
(`"ip_address"` among `AXES_LOCKOUT_PARAMETERS`) would be paused after as few wrong passwords
as one account, and a successful sign-in would wipe that address's count. This handler keeps
axes' count per account and address, and adds a higher limit for one address over all accounts
(`REGROW_ADDRESS_FAILURE_LIMIT`) that nobody's sign-in clears.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def login_name(request: HttpRequest, credentials: dict | None) -> str | None:
    """The e-mail address tried: allauth passes it as `email`, its form posts it as `login`."""
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username")
    if not name and request is not None and request.method == "POST":
        name = request.POST.get("login")
    return name.strip().lower() if name else None


def address_failures(request: HttpRequest) -> int:
    """Wrong passwords from the request's address, for any account, within the cool-off time."""
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def address_paused(request: HttpRequest) -> bool:
    if getattr(request, "axes_ip_address", None) is None:
        return False
    return address_failures(request) >= settings.REGROW_ADDRESS_FAILURE_LIMIT


class AccountAndAddressHandler(AxesDatabaseHandler):
    """axes' database handler, also pausing an address that reached its own, higher limit."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        limit = get_failure_limit(request, credentials)
        if failures < limit and address_paused(request):
            return limit
        return failures


def cooloff_minutes() -> int:
    return round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)


def lockout_response(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    """The pause page, saying whether this account or the whole address is paused."""
    context = {"cooloff_minutes": cooloff_minutes(), "whole_address": address_paused(request)}
    return render(
        request, "accounts/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
