"""A person's own data across the apps: what "My data" exports, and what erasing the account
deletes or refuses.

accounts sits below every app and imports none of them, so each app that keeps personal data
registers its part from its AppConfig.ready():

    personal_data.register_exporter(
        "popup_applications", export_applications, title=_("Your pop-up applications")
    )
    personal_data.register_eraser("popups", erase_popups, refusals=live_subleases)

An exporter takes the user and returns plain data (dates and decimals are fine) under its name
in the export; its title tells the "My data" page what the part holds. An eraser deletes what
its app keeps about the user, inside the erasure's transaction and before the user row itself
goes; its `refusals` give the reasons, each a full sentence, for which the account may not be
erased yet (e.g. a contract the town must end first).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class _Exporter:
    name: str
    export: Callable[[Any], Any]
    title: Any  # a lazy translation
    order: int


@dataclass(frozen=True)
class _Eraser:
    name: str
    erase: Callable[[Any], None]
    refusals: Callable[[Any], list[str]] | None
    order: int


_exporters: dict[str, _Exporter] = {}
_erasers: dict[str, _Eraser] = {}


def register_exporter(
    name: str, export: Callable[[Any], Any], *, title: Any, order: int = 100
) -> None:
    """Export `export(user)` under `name` (registering a name again replaces it)."""
    _exporters[name] = _Exporter(name, export, title, order)


def register_eraser(
    name: str,
    erase: Callable[[Any], None],
    *,
    refusals: Callable[[Any], list[str]] | None = None,
    order: int = 100,
) -> None:
    """Call `erase(user)` when the account is erased, unless `refusals(user)` gives a reason."""
    _erasers[name] = _Eraser(name, erase, refusals, order)


def unregister(name: str) -> None:
    _exporters.pop(name, None)
    _erasers.pop(name, None)


def _ordered(entries: dict) -> list:
    return sorted(entries.values(), key=lambda entry: (entry.order, entry.name))


def account_part(user) -> dict:
    """What accounts itself keeps: the account, its e-mail addresses and two-factor methods
    (their kinds and dates, never their secrets)."""
    return {
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "two_factor_methods": [
            {
                "type": method.type,
                "created_at": method.created_at,
                "last_used_at": method.last_used_at,
            }
            for method in Authenticator.objects.filter(user=user).order_by("type")
        ],
    }


def export(user) -> dict:
    """Everything registered about `user`, as plain data for JSON."""
    data: dict[str, Any] = {"exported_at": timezone.now(), "account": account_part(user)}
    for exporter in _ordered(_exporters):
        data[exporter.name] = exporter.export(user)
    return data


ACCOUNT_TITLE = _("Your account: name, e-mail addresses, language and two-factor methods")


def exported_titles() -> list:
    """What each part of the export holds, in order (the account first)."""
    return [ACCOUNT_TITLE, *(exporter.title for exporter in _ordered(_exporters))]


def erasure_refusals(user) -> list[str]:
    """Why the account may not be erased yet: empty when it may."""
    reasons: list[str] = []
    for eraser in _ordered(_erasers):
        if eraser.refusals is not None:
            reasons.extend(eraser.refusals(user))
    return reasons


def erase_parts(user) -> None:
    """Let every app delete what it keeps about `user` (in the caller's transaction)."""
    for eraser in _ordered(_erasers):
        eraser.erase(user)
