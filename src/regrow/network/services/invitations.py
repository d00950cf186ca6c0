"""Writes about the people of a network: invitations to its three roles (they work as the
towns' do: a signed link, used once, for 7 days), accepting them, and taking a role away.

The town's invitation error, short dates and account form are reused from the towns app; what
differs is the role's partner (a partner coordinator speaks for one partner town)."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from regrow.lib import dates
from regrow.network.models import (
    Network,
    NetworkInvitation,
    NetworkMembership,
    NetworkRole,
    Partner,
)
from regrow.towns.permissions import Action, can
from regrow.towns.services import InvitationError, _short_date

INVITATION_SALT = "regrow.network.invitation"


def pending_invitations(network: Network):
    """Invitations whose link still works: not accepted, withdrawn or expired."""
    return NetworkInvitation.objects.filter(
        network=network,
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("partner__town", "invited_by")


def invitation_token(invitation: NetworkInvitation) -> str:
    return signing.dumps({"id": invitation.pk, "nonce": invitation.nonce}, salt=INVITATION_SALT)


def invitation_path(invitation: NetworkInvitation) -> str:
    with translation.override(invitation.language):
        return reverse(
            "network:invitation_accept",
            kwargs={"slug": invitation.network.slug, "token": invitation_token(invitation)},
        )


def _refusal(invitation: NetworkInvitation) -> str | None:
    """Why the link may no longer be used, for the person holding it; None if it may."""
    name = invitation.network.name
    if invitation.accepted_at is not None:
        return _("This invitation has already been used. Sign in to reach %(network)s.") % {
            "network": name
        }
    if invitation.withdrawn_at is not None:
        return _("This invitation was withdrawn. Ask the lead of %(network)s if you need one.") % {
            "network": name
        }
    if timezone.now() >= invitation.expires_at:
        return _(
            "This invitation expired on %(date)s. Ask the lead of %(network)s to send you a "
            "new one."
        ) % {"date": dates.date_on(invitation.expires_at), "network": name}
    return None


def invitation_from_token(token: str, network: Network) -> NetworkInvitation:
    """The invitation behind a link, if the link may still be used; otherwise InvitationError."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
        invitation = NetworkInvitation.objects.select_related("network", "partner__town").get(
            pk=data["id"], nonce=data["nonce"], network=network
        )
    except (signing.BadSignature, KeyError, TypeError, NetworkInvitation.DoesNotExist) as error:
        raise InvitationError(
            _("This invitation link is not valid. Check that you copied all of it.")
        ) from error
    refusal = _refusal(invitation)
    if refusal:
        raise InvitationError(refusal)
    return invitation


def role_name(role: str, partner: Partner | None, *, lower: bool = False) -> str:
    """A role's name, with the town of a partner coordinator: "Partner coordinator (Alūksne)";
    `lower` for the middle of a sentence (the town's name keeps its capital)."""
    label = str(NetworkRole(role).label)
    label = label.lower() if lower else label
    if partner is None:
        return label
    return _("%(role)s (%(town)s)") % {"role": label, "town": partner.town.name}


def _check_role(network: Network, role: str, partner: Partner | None) -> None:
    if role not in NetworkRole.values:
        raise ValidationError({"role": _("Unknown role.")})
    if role == NetworkRole.PARTNER_COORDINATOR:
        if partner is None:
            raise ValidationError({"partner": _("Choose the partner this person speaks for.")})
        if partner.network_id != network.pk:
            raise ValidationError({"partner": _("This town is not a partner of the network.")})
    elif partner is not None:
        raise ValidationError(
            {"partner": _("Only a partner coordinator speaks for a partner; leave it empty.")}
        )


@transaction.atomic
def invitation_create(
    *,
    network: Network,
    email: str,
    role: str,
    partner: Partner | None = None,
    invited_by,
    language: str,
    site_url: str,
) -> NetworkInvitation:
    """Invite a person by e-mail to a role in the network, and send them the link."""
    if not can(invited_by, Action.MANAGE_NETWORK, network):
        raise PermissionDenied
    _check_role(network, role, partner)
    email = email.strip().lower()
    # One invitation at a time per network, as for towns: two leads sending the same one at
    # once would otherwise both pass the checks below.
    Network.objects.select_for_update().filter(pk=network.pk).first()
    same = {"role": role, "partner": partner}
    if NetworkMembership.objects.filter(network=network, user__email__iexact=email, **same):
        raise ValidationError(
            {
                "email": _("%(email)s already has this role in %(network)s.")
                % {"email": email, "network": network.name}
            }
        )
    waiting = pending_invitations(network).filter(email__iexact=email, **same).first()
    if waiting is not None:
        raise ValidationError(
            {
                "email": _(
                    "%(email)s was already invited to this role on %(date)s; the link works "
                    "until %(expires)s. Withdraw that invitation to send a new one."
                )
                % {
                    "email": email,
                    "date": _short_date(waiting.created_at),
                    "expires": _short_date(waiting.expires_at),
                }
            }
        )
    now = timezone.now()
    invitation = NetworkInvitation(
        network=network,
        email=email,
        role=role,
        partner=partner,
        language=language,
        invited_by=invited_by,
        created_at=now,
        expires_at=now + timedelta(days=settings.REGROW_INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    link = site_url.rstrip("/") + invitation_path(invitation)
    with translation.override(language):
        role_text = role_name(role, partner)
        context = {
            "invitation": invitation,
            "link": link,
            "inviter": invited_by,
            "role": role_text,
            # Digits only: a month's name would need a grammatical case in Latvian.
            "expires": _short_date(invitation.expires_at),
        }
        subject = _("Invitation to regrow: %(role)s in %(network)s") % {
            "role": role_text,
            "network": network.name,
        }
        body = render_to_string("network/members/email/invitation.txt", context)
    # Sent only once the invitation is stored, so a link never points at nothing.
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: NetworkInvitation, user) -> NetworkMembership:
    """Give `user` the invited role; the link cannot be used again."""
    locked = (
        NetworkInvitation.objects.select_for_update()
        .select_related("network")
        .get(pk=invitation.pk)
    )
    refusal = _refusal(locked)
    if refusal:
        raise InvitationError(refusal)
    if not EmailAddress.objects.filter(user=user, email__iexact=locked.email).exists():
        raise InvitationError(
            _(
                "This invitation was sent to %(email)s. Sign in with that address, "
                "or add it to your account, to accept it."
            )
            % {"email": locked.email}
        )
    membership, _created = NetworkMembership.objects.get_or_create(
        user=user,
        network=locked.network,
        role=locked.role,
        partner=locked.partner,
        defaults={"created_by": locked.invited_by},
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_withdraw(*, invitation: NetworkInvitation, by) -> NetworkInvitation:
    """Take back an invitation not yet accepted: its link stops working; the record stays."""
    if not can(by, Action.MANAGE_NETWORK, invitation.network):
        raise PermissionDenied
    locked = NetworkInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None:
        raise ValidationError(
            _("%(email)s has already accepted this invitation.") % {"email": locked.email}
        )
    if locked.withdrawn_at is None:
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_by = by
        locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return locked


@transaction.atomic
def user_create_from_invitation(
    *, invitation: NetworkInvitation, full_name: str, password: str
) -> tuple:
    """Open an account for someone who has none: the invitation proves their address."""
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError(_("An account with this address exists already. Please sign in."))
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        full_name=full_name.strip(),
        preferred_language=invitation.language,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    membership = invitation_accept(invitation=invitation, user=user)
    return user, membership


@transaction.atomic
def membership_remove(*, membership: NetworkMembership, by) -> None:
    """Take a role in the network away. The network keeps at least one lead."""
    network = membership.network
    if not can(by, Action.MANAGE_NETWORK, network):
        raise PermissionDenied
    Network.objects.select_for_update().filter(pk=network.pk).first()
    if (
        membership.role == NetworkRole.LEAD
        and not NetworkMembership.objects.filter(network=network, role=NetworkRole.LEAD)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(
            _(
                "%(name)s is the network's only lead. Invite another lead first, so that "
                "someone can still set the network up."
            )
            % {"name": membership.user.full_name or membership.user.email}
        )
    NetworkMembership.objects.filter(pk=membership.pk).delete()


def membership_grant(*, user, network: Network, role: str, partner: Partner | None = None):
    """Give a role directly (administrators, the demo loader)."""
    _check_role(network, role, partner)
    membership, _created = NetworkMembership.objects.get_or_create(
        user=user, network=network, role=role, partner=partner
    )
    return membership
