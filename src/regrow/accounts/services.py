"""Writes about accounts."""

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from regrow.accounts import personal_data
from regrow.accounts.models import User


@transaction.atomic
def user_ensure(
    *, email: str, password: str, full_name: str = "", language: str = "", **flags
) -> User:
    """Create or refresh an account with a verified e-mail address (administrators, demo data)."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=password,
            full_name=full_name,
            preferred_language=language,
            **flags,
        )
    else:
        user.full_name = full_name
        user.preferred_language = language
        for name, value in flags.items():
            setattr(user, name, value)
        if not user.check_password(password):
            user.set_password(password)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def account_erase(*, user: User, by) -> None:
    """Erase one's own account: each app deletes what it keeps about the person, then the user
    row goes (memberships, e-mail addresses and two-factor methods with it). Refused, with
    nothing deleted, while an app gives a reason (personal_data.erasure_refusals)."""
    if by is None or by.pk != user.pk:
        raise PermissionDenied
    # One erasure at a time for the account; an app's eraser may lock its own rows too.
    user = User.objects.select_for_update().get(pk=user.pk)
    refusals = personal_data.erasure_refusals(user)
    if refusals:
        raise ValidationError(refusals)
    personal_data.erase_parts(user)
    try:
        with transaction.atomic():
            user.delete()
    except ProtectedError:
        # Something recorded since the check (e.g. a contract made meanwhile) needs the person.
        raise ValidationError(
            _(
                "Nothing was deleted: your account changed while it was being deleted. "
                "Reload the page and try again."
            )
        ) from None
