"""Writes about towns, roles and invitations."""

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
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from regrow.lib import dates
from regrow.towns.models import Invitation, Membership, Role, Town
from regrow.towns.permissions import Action, can
from regrow.towns.selectors import pending_invitations

INVITATION_SALT = "regrow.towns.invitation"


def _short_date(moment) -> str:
    # Digits only ("26.11.2026"): a month's name would need a grammatical case in Latvian.
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


class InvitationError(Exception):
    """An invitation link that cannot be used; the message says why, for the person holding it."""


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"id": invitation.pk, "nonce": invitation.nonce}, salt=INVITATION_SALT)


def invitation_path(invitation: Invitation) -> str:
    with translation.override(invitation.language):
        return reverse("towns:invitation_accept", kwargs={"token": invitation_token(invitation)})


def invitation_from_token(token: str) -> Invitation:
    """The invitation behind a link, if the link may still be used; otherwise InvitationError."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
        invitation = Invitation.objects.select_related("town").get(
            pk=data["id"], nonce=data["nonce"]
        )
    except (signing.BadSignature, KeyError, TypeError, Invitation.DoesNotExist) as error:
        raise InvitationError(
            _("This invitation link is not valid. Check that you copied all of it.")
        ) from error
    if invitation.is_accepted:
        raise InvitationError(
            _("This invitation has already been used. Sign in to reach %(town)s.")
            % {"town": invitation.town.name}
        )
    if invitation.is_withdrawn:
        raise InvitationError(
            _("This invitation was withdrawn. Ask the coordinator of %(town)s if you need one.")
            % {"town": invitation.town.name}
        )
    if invitation.is_expired:
        raise InvitationError(
            _(
                "This invitation expired on %(date)s. Ask the coordinator of %(town)s "
                "to send you a new one."
            )
            % {"date": dates.date_on(invitation.expires_at), "town": invitation.town.name}
        )
    return invitation


@transaction.atomic
def invitation_create(
    *, town: Town, email: str, role: str, invited_by, language: str, site_url: str
) -> Invitation:
    """Invite a person by e-mail to a role in a town, and send them the link."""
    if not can(invited_by, Action.INVITE, town):
        raise PermissionDenied
    email = email.strip().lower()
    # One invitation at a time per town: two coordinators sending the same one at once would
    # otherwise both pass the check below.
    Town.objects.select_for_update().filter(pk=town.pk).first()
    if Membership.objects.filter(town=town, role=role, user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _("%(email)s already has this role in %(town)s.")
                % {"email": email, "town": town.name}
            }
        )
    waiting = pending_invitations(town).filter(email__iexact=email, role=role).first()
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
    invitation = Invitation(
        town=town,
        email=email,
        role=role,
        language=language,
        invited_by=invited_by,
        created_at=now,
        expires_at=now + timedelta(days=settings.REGROW_INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    link = site_url.rstrip("/") + invitation_path(invitation)
    with translation.override(language):
        context = {"invitation": invitation, "link": link, "inviter": invited_by}
        subject = _("Invitation to regrow: %(role)s in %(town)s") % {
            "role": invitation.get_role_display(),
            "town": town.name,
        }
        body = render_to_string("towns/email/invitation.txt", context)
    # Sent only once the invitation is stored, so a link never points at nothing.
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """Give `user` the invited role; the link cannot be used again."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.is_accepted:
        raise InvitationError(_("This invitation has already been used."))
    if locked.is_withdrawn:
        raise InvitationError(_("This invitation was withdrawn."))
    if locked.is_expired:
        raise InvitationError(_("This invitation has expired."))
    if not EmailAddress.objects.filter(user=user, email__iexact=locked.email).exists():
        raise InvitationError(
            _(
                "This invitation was sent to %(email)s. Sign in with that address, "
                "or add it to your account, to accept it."
            )
            % {"email": locked.email}
        )
    membership, _created = Membership.objects.get_or_create(
        user=user,
        town=locked.town,
        role=locked.role,
        defaults={"created_by": locked.invited_by},
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, by) -> Invitation:
    """Take back an invitation not yet accepted: its link stops working; the record stays."""
    if not can(by, Action.INVITE, invitation.town):
        raise PermissionDenied
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.is_accepted:
        raise ValidationError(
            _("%(email)s has already accepted this invitation.") % {"email": locked.email}
        )
    if not locked.is_withdrawn:
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_by = by
        locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return locked


@transaction.atomic
def user_create_from_invitation(*, invitation: Invitation, full_name: str, password: str) -> tuple:
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


def membership_grant(*, user, town: Town, role: str, granted_by=None) -> Membership:
    """Give a role directly (administrators, the demo loader)."""
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    membership, _created = Membership.objects.get_or_create(
        user=user, town=town, role=role, defaults={"created_by": granted_by}
    )
    return membership


@transaction.atomic
def town_set_branding(*, town: Town, by, logo, accent_colour: str) -> Town:
    """Set a town's coat of arms or logo (a prepared file; False removes it, None keeps it)
    and its accent colour. Pages showing them are rendered afresh (publishing listens)."""
    if not can(by, Action.CHANGE_TOWN, town):
        raise PermissionDenied
    town = Town.objects.select_for_update().get(pk=town.pk)
    if logo is False:
        town.logo = ""
    elif logo is not None:
        town.logo.save(logo.name, logo, save=False)
    town.accent_colour = accent_colour
    town.full_clean()
    town.save()
    return town
