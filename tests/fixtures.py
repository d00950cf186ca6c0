"""Shared towns and people: two towns, and one person per role in each."""

from dataclasses import dataclass
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from regrow.accounts.models import User
from regrow.towns.models import Membership, Role, Town

PASSWORD = "a-long-test-password-1"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_town(slug: str, name: str, country: str = "LV", **fields) -> Town:
    town = Town(
        slug=slug,
        name=name,
        country=country,
        languages=fields.pop("languages", ["lv", "en"]),
        centre_latitude=Decimal("57.4244"),
        centre_longitude=Decimal("27.0467"),
        contact_email=f"info@{slug}.example.org",
        phones=["+371 60 000 001"],
        **fields,
    )
    town.full_clean()
    town.save()
    return town


def make_user(email: str, **fields) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@dataclass
class TownWithPeople:
    town: Town
    people: dict[str, User]  # role → person holding it


def make_town_with_people(slug: str, name: str, country: str = "LV") -> TownWithPeople:
    town = make_town(slug, name, country)
    people = {}
    for role in Role.values:
        user = make_user(f"{role}@{slug}.example.org", full_name=f"{role} of {name}")
        Membership.objects.create(user=user, town=town, role=role)
        if role == Role.COORDINATOR:
            TOTP.activate(user, TOTP_SECRET)  # coordinators must have two factors
        people[role] = user
    return TownWithPeople(town, people)


def with_two_factors(user: User) -> User:
    """Give `user` the test authenticator app (TOTP_SECRET) unless they have one: town
    coordinators and everyone with a role in a network must sign in with two factors."""
    from allauth.mfa.models import Authenticator

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, TOTP_SECRET)
    return user
