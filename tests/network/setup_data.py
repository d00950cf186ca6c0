"""A network for the set-up, invitation and stakeholder tests, made with the ORM: Altena leads,
Alūksne and Idrija are partners (Alūksne and Altena with a person in every town role, from the
fixtures). People: the network lead, the lead expert, Alūksne's partner coordinator, Idrija's
partner coordinator; Alūksne's town coordinator has no network role; an outsider none at all."""

from dataclasses import dataclass, field
from datetime import date

from regrow.accounts.models import User
from regrow.network.models import (
    Component,
    Milestone,
    Network,
    NetworkMembership,
    NetworkRole,
    Partner,
    Phase,
    Stakeholder,
)
from regrow.towns.models import Role, Town
from tests.fixtures import make_town, make_user, with_two_factors

SLUG = "regrow-city"


@dataclass
class SetupNetwork:
    network: Network
    towns: dict[str, Town]
    partners: dict[str, Partner]
    people: dict[str, User] = field(default_factory=dict)

    def url(self, rest: str = "", language: str = "en") -> str:
        return f"/{language}/{SLUG}/members/{rest}"


def make_network(aluksne, altena) -> SetupNetwork:
    network = Network.objects.create(
        slug=SLUG,
        names={"en": "Re-grow City", "lv": "Augoša pilsēta"},
        programme="URBACT III",
        kind="Transfer Network",
        started_on=date(2018, 6, 1),
        ended_on=date(2021, 6, 30),
    )
    idrija = make_town("idrija", "Idrija", "SI", languages=["en"])
    towns = {"altena": altena.town, "aluksne": aluksne.town, "idrija": idrija}
    partners = {
        "altena": Partner.objects.create(network=network, town=altena.town, role=Partner.Role.LEAD),
        "aluksne": Partner.objects.create(network=network, town=aluksne.town),
        "idrija": Partner.objects.create(network=network, town=idrija),
    }
    world = SetupNetwork(network, towns, partners)
    for key, role, partner in (
        ("lead", NetworkRole.LEAD, None),
        ("expert", NetworkRole.LEAD_EXPERT, None),
        ("coordinator_a", NetworkRole.PARTNER_COORDINATOR, partners["aluksne"]),
        ("coordinator_b", NetworkRole.PARTNER_COORDINATOR, partners["idrija"]),
    ):
        user = make_user(f"{key}@network.example.org", full_name=f"{key} of Re-grow City")
        NetworkMembership.objects.create(network=network, user=user, role=role, partner=partner)
        world.people[key] = with_two_factors(user)
    world.people["town_coordinator"] = aluksne.people[Role.COORDINATOR]
    world.people["outsider"] = make_user("nobody@example.org")
    return world


def add_structure(world: SetupNetwork) -> None:
    """The phases, two milestones (one overdue) and the two components with their groups."""
    network = world.network
    Phase.objects.create(
        network=network,
        kind=Phase.Kind.PREPARATION,
        starts_on=date(2018, 6, 1),
        ends_on=date(2018, 12, 31),
    )
    Phase.objects.create(
        network=network,
        kind=Phase.Kind.TRANSFER_LEARNING,
        starts_on=date(2019, 1, 1),
        ends_on=date(2020, 6, 30),
    )
    Milestone.objects.create(
        network=network, titles={"en": "Transfer Plans due"}, month=3, due_on=date(2019, 3, 31)
    )
    Milestone.objects.create(
        network=network,
        titles={"en": "Mid-term review"},
        month=12,
        due_on=date(2019, 12, 31),
        done_on=date(2020, 1, 15),
    )
    popups = Component.objects.create(network=network, names={"en": "Pop-up shops"}, order=1)
    platform = Component.objects.create(
        network=network, names={"en": "Volunteer platform"}, order=2
    )
    popups.partners.set([world.partners["aluksne"]])
    platform.partners.set([world.partners["idrija"]])


def add_stakeholder(partner: Partner, **values) -> Stakeholder:
    defaults = {
        "kind": Stakeholder.Kind.PERSON,
        "name": "Ilze Kalniņa",
        "organisation": "Uzņēmēju biedrība",
        "sector": Stakeholder.Sector.PRIVATE,
        "power": 4,
        "interest": 5,
        "role_in_plan": "Finds traders",
        "email": "ilze@example.org",
        "phone": "+371 20 000 000",
    }
    return Stakeholder.objects.create(partner=partner, **{**defaults, **values})
