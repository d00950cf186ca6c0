"""What the network app keeps about a person, for the accounts app's "My data" export and the
erasure of an account (registered in apps.py): their roles in networks, and their entries in
partners' local stakeholder groups (an entry is theirs when it is linked to their account or
carries an e-mail address they have verified).

On erasure a person's entry goes whole (their name is personal data too); an organisation's
entry stays, its contact details and the link to the account cleared. Invitations sent to the
person's addresses go as well."""

from allauth.account.models import EmailAddress
from django.db.models import Q, QuerySet

from regrow.network.models import NetworkInvitation, NetworkMembership, Stakeholder
from regrow.network.services.stakeholders import FIELDS as STAKEHOLDER_FIELDS


def _addresses(user) -> list[str]:
    return list(
        EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )


def _at(addresses: list[str]) -> Q:
    """Rows whose e-mail is one of `addresses`, in any case (nothing for no address)."""
    found = Q(pk__in=[])
    for address in addresses:
        found |= Q(email__iexact=address)
    return found


def _entries(user) -> QuerySet[Stakeholder]:
    return Stakeholder.objects.filter(Q(user=user) | _at(_addresses(user)))


def export_memberships(user) -> list[dict]:
    memberships = (
        NetworkMembership.objects.filter(user=user)
        .select_related("network", "partner__town")
        .order_by("network__slug", "role", "id")
    )
    return [
        {
            "network": membership.network.name,
            "role": membership.role,
            "role_name": str(membership.get_role_display()),
            "partner": membership.partner.town.name if membership.partner else None,
            "since": membership.created_at,
        }
        for membership in memberships
    ]


def export_stakeholder_entries(user) -> list[dict]:
    entries = _entries(user).select_related("partner__town", "partner__network").order_by("id")
    return [
        {
            "network": entry.partner.network.name,
            "partner": entry.partner.town.name,
            **{name: getattr(entry, name) for name in STAKEHOLDER_FIELDS},
        }
        for entry in entries
    ]


def erase(user) -> None:
    """Delete the person's stakeholder entries and roles in networks; clear the contact details
    of organisations' entries linked to them; delete invitations to their addresses."""
    entries = _entries(user)
    entries.filter(kind=Stakeholder.Kind.PERSON).delete()
    entries.filter(kind=Stakeholder.Kind.ORGANISATION).update(email="", phone="", user=None)
    NetworkMembership.objects.filter(user=user).delete()
    NetworkInvitation.objects.filter(_at(_addresses(user)), accepted_at__isnull=True).delete()
