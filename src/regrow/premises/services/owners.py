"""Writes about owners: their record and the log of contacts with them."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from regrow.premises.models import Owner, OwnerContact
from regrow.premises.services.permissions import require_coordinator
from regrow.towns.models import Town


@transaction.atomic
def owner_save(*, town: Town, by, owner: Owner | None = None, **data) -> Owner:
    """Create or change an owner; a new outreach status restarts its date."""
    require_coordinator(by, town)
    owner = owner or Owner(town=town)
    if owner.town_id != town.pk:
        raise PermissionDenied
    status_before = owner.outreach_status if owner.pk else None
    for name, value in data.items():
        setattr(owner, name, value)
    if owner.outreach_status != status_before and "outreach_status_on" not in data:
        owner.outreach_status_on = town.today()
    owner.full_clean()
    owner.save()
    return owner


@transaction.atomic
def owner_log_contact(*, owner: Owner, by, **data) -> OwnerContact:
    """Add an entry to the owner's contact log; it may move the outreach status on."""
    require_coordinator(by, owner.town)
    contact = OwnerContact(owner=owner, contacted_by=by, **data)
    contact.full_clean()
    contact.save()
    if contact.outreach_status and contact.outreach_status != owner.outreach_status:
        owner.outreach_status = contact.outreach_status
        owner.outreach_status_on = contact.contacted_on
        owner.save(update_fields=["outreach_status", "outreach_status_on"])
    return contact
