"""The partner's local stakeholder group, kept by its partner coordinators (EDIT_PLAN on the
partner). An edit carries the version it started from: a stale one is refused, never merged.

A person's entry is linked to their account when its e-mail address is one they have verified,
so that "My data" exports it and erasing the account erases it."""

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.network.models import Partner, Stakeholder
from regrow.towns.permissions import Action, can

FIELDS = (
    "kind",
    "name",
    "organisation",
    "sector",
    "power",
    "interest",
    "role_in_plan",
    "email",
    "phone",
)


def require_editor(by, partner: Partner) -> None:
    if not can(by, Action.EDIT_PLAN, partner):
        raise PermissionDenied


def _account_of(kind: str, email: str):
    """The account whose verified address `email` is, for a person's entry; else None."""
    if kind != Stakeholder.Kind.PERSON or not email:
        return None
    address = (
        EmailAddress.objects.filter(email__iexact=email, verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


@transaction.atomic
def stakeholder_save(
    *,
    partner: Partner,
    by,
    stakeholder: Stakeholder | None = None,
    version: int | None = None,
    **values,
) -> Stakeholder:
    """Add a member to the group, or change `stakeholder` if it is still at `version`."""
    require_editor(by, partner)
    entry = Stakeholder(partner=partner) if stakeholder is None else stakeholder
    if entry.partner_id != partner.pk:
        raise PermissionDenied
    cleaned = {name: values[name] for name in FIELDS}
    for name in ("name", "organisation", "role_in_plan", "email", "phone"):
        cleaned[name] = (cleaned[name] or "").strip()
    cleaned["email"] = cleaned["email"].lower()
    for name, value in cleaned.items():
        setattr(entry, name, value)
    entry.user = _account_of(entry.kind, entry.email)
    entry.full_clean(exclude=["version"])
    if stakeholder is None:
        entry.save()
        return entry
    entry.version = claim_version(
        Stakeholder,
        entry.pk,
        version if version is not None else -1,
        _("Someone else changed this entry while you were editing it. Nothing was saved."),
        user=entry.user,
        **cleaned,
    )
    return entry


@transaction.atomic
def stakeholder_delete(*, stakeholder: Stakeholder, by) -> None:
    require_editor(by, stakeholder.partner)
    stakeholder.delete()
