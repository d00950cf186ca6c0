"""A network for the Transfer Plan tests: Altena leads, Alūksne and Melgaço are partners.

People: the network lead, the lead expert, two partner coordinators of Alūksne (the first is
also Alūksne's town coordinator, with two factors, as town coordinators must have), Melgaço's
partner coordinator, a coordinator of Altena's town (reads the network, has no network role)
and an outsider."""

from dataclasses import dataclass, field

from allauth.mfa.totp.internal.auth import TOTP

from regrow.accounts.models import User
from regrow.network.models import Network, NetworkMembership, NetworkRole, Partner, TransferPlan
from regrow.network.services import plans as services
from regrow.towns.models import Membership, Role, Town
from tests.fixtures import TOTP_SECRET, make_town, make_user, with_two_factors


@dataclass
class PlanNetwork:
    network: Network
    partners: dict[str, Partner]
    people: dict[str, User] = field(default_factory=dict)

    def start_plan(self, town: str = "aluksne", **values) -> TransferPlan:
        values = {"title": "Alūksnes pārneses plāns", "language": "lv", **values}
        author = self.people[f"{town}_author"]
        return services.plan_start(partner=self.partners[town], by=author, **values)


def _member(network, user, role, partner=None) -> User:
    NetworkMembership.objects.create(network=network, user=user, role=role, partner=partner)
    return with_two_factors(user)


def make_plan_network() -> PlanNetwork:
    towns: dict[str, Town] = {
        "altena": make_town("altena", "Altena", "DE", languages=["de", "en"]),
        "aluksne": make_town("aluksne", "Alūksne", "LV"),
        "melgaco": make_town("melgaco", "Melgaço", "PT", languages=["pt", "en"]),
    }
    network = Network(
        slug="regrow-city", names={"lv": "Augoša pilsēta", "en": "Re-grow City"}, country="DE"
    )
    network.full_clean()
    network.save()
    partners = {
        slug: Partner.objects.create(
            network=network,
            town=town,
            role=Partner.Role.LEAD if slug == "altena" else Partner.Role.PARTNER,
        )
        for slug, town in towns.items()
    }
    people = {}
    people["lead"] = _member(network, make_user("lead@example.org"), NetworkRole.LEAD)
    people["expert"] = _member(network, make_user("expert@example.org"), NetworkRole.LEAD_EXPERT)
    author = make_user("author@aluksne.example.org", full_name="Projekta vadītāja")
    TOTP.activate(author, TOTP_SECRET)
    Membership.objects.create(user=author, town=towns["aluksne"], role=Role.COORDINATOR)
    coordinator = NetworkRole.PARTNER_COORDINATOR
    people["aluksne_author"] = _member(network, author, coordinator, partners["aluksne"])
    people["aluksne_second"] = _member(
        network,
        make_user("second@aluksne.example.org", full_name="Sabiedrisko attiecību speciāliste"),
        coordinator,
        partners["aluksne"],
    )
    people["melgaco_author"] = _member(
        network, make_user("author@melgaco.example.org"), coordinator, partners["melgaco"]
    )
    town_coordinator = make_user("coordinator@altena.example.org")
    TOTP.activate(town_coordinator, TOTP_SECRET)
    Membership.objects.create(user=town_coordinator, town=towns["altena"], role=Role.COORDINATOR)
    people["altena_town"] = town_coordinator
    people["outsider"] = make_user("outsider@example.org")
    return PlanNetwork(network, partners, people)
