"""Writes about accounts."""

from allauth.account.models import EmailAddress
from django.db import transaction

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
