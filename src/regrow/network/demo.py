"""The Re-grow City transfer network (from ../shared/facts/regrow-city.md): its eight towns, the
people of its three roles, its phases and milestones, Altena's good practice in two components
and the partners' thematic groups (network/demo_practice.py), and the partners' Transfer Plans
(network/demo_plans.py, Alūksne's in network/demo_aluksne.py).

The set-up goes through the network lead's services, as an operator would; rows are found by a
natural key first, so loading twice changes nothing."""

from datetime import date

from regrow.accounts.demo import two_factor_ensure
from regrow.accounts.services import user_ensure
from regrow.lib.demo import Demo
from regrow.network.models import Milestone, Network, NetworkRole, Partner, Phase
from regrow.network.services.invitations import membership_grant
from regrow.network.services.setup import milestone_save, network_update, phase_save
from regrow.towns.models import Town

NETWORK = {
    "slug": "regrow-city",
    "names": {
        "en": "Re-grow City — Tackling Long-Term Decline in Smaller Cities",
        "lv": "Augoša pilsēta: Ilgtermiņa lejupslīdes pārvarēšana mazajās pilsētās",
    },
    "summaries": {
        "en": (
            "A Transfer Network of the URBACT III programme. Altena, a German town that lost "
            "about 14,000 of its inhabitants between 1975 and 2014 and fought back with its "
            "local businesses and volunteers, shares its good practice; seven smaller European "
            "towns facing closed industries, unemployment, a shrinking population and young "
            "people moving away adapt it in their own Transfer Plans."
        ),
        "lv": (
            "URBACT III programmas pārneses tīkls. Altena, Vācijas pilsēta, kas no 1975. līdz "
            "2014. gadam zaudēja ap 14 000 iedzīvotāju un atguvās, sadarbojoties ar vietējiem "
            "uzņēmējiem un brīvprātīgajiem, dalās savā labajā praksē; septiņas mazākas Eiropas "
            "pilsētas, kuras skar slēgti uzņēmumi, bezdarbs, iedzīvotāju skaita sarukums un "
            "jauniešu aizplūšana, to pielāgo savos pārneses plānos."
        ),
    },
    "country": "DE",
    "street_address": "Lüdenscheider Straße 22",
    "postal_code": "58762",
    "locality": "Altena",
    "contact_email": "regrow-city@example.org",
}
LEAD = "altena"
PARTNERS = ["aluksne", "idrija", "melgaco", "manresa", "nyirbator", "igoumenitsa", "isernia"]
# Altena, Isernia and Igoumenitsa prepared the network in 2018; the others joined for the
# transfer phase, whose kick-off was the meeting in Alūksne on 31 January 2019.
JOINED = {"altena": date(2018, 6, 1), "isernia": date(2018, 6, 1), "igoumenitsa": date(2018, 6, 1)}
TRANSFER_STARTS = date(2019, 1, 1)

# (e-mail, password, name shown, language, role, partner town). Names are role titles.
PEOPLE = [
    ("network-lead@altena.example.org", "regrow-network-lead", "Netzwerkleiterin", "de",
     NetworkRole.LEAD, None),
    ("lead-expert@example.org", "regrow-lead-expert", "Lead expert", "en",
     NetworkRole.LEAD_EXPERT, None),
    ("partner@aluksne.example.org", "regrow-partner", "Partnera koordinatore", "lv",
     NetworkRole.PARTNER_COORDINATOR, "aluksne"),
    ("partner@melgaco.example.org", "regrow-partner", "Coordenadora do parceiro", "pt",
     NetworkRole.PARTNER_COORDINATOR, "melgaco"),
    ("partner@isernia.example.org", "regrow-partner", "Coordinatrice del partner", "it",
     NetworkRole.PARTNER_COORDINATOR, "isernia"),
    ("partner@idrija.example.org", "regrow-partner", "Koordinatorka partnerja", "sl",
     NetworkRole.PARTNER_COORDINATOR, "idrija"),
    ("partner@manresa.example.org", "regrow-partner", "Coordinadora del socio", "es",
     NetworkRole.PARTNER_COORDINATOR, "manresa"),
    ("partner@nyirbator.example.org", "regrow-partner", "Partnerkoordinátor", "hu",
     NetworkRole.PARTNER_COORDINATOR, "nyirbator"),
    ("partner@igoumenitsa.example.org", "regrow-partner", "Partner coordinator", "en",
     NetworkRole.PARTNER_COORDINATOR, "igoumenitsa"),
]  # fmt: skip
ROLE_NAMES = {
    NetworkRole.LEAD: "Network lead of Re-grow City",
    NetworkRole.LEAD_EXPERT: "Lead expert of Re-grow City",
    NetworkRole.PARTNER_COORDINATOR: "Re-grow City partner coordinator of",
}

PHASES = [
    (Phase.Kind.PREPARATION, {}, date(2018, 6, 1), date(2018, 11, 30)),
    (Phase.Kind.TRANSFER_LEARNING, {}, TRANSFER_STARTS, date(2020, 6, 30)),
    (Phase.Kind.TRANSFER_SHARING, {}, date(2020, 7, 1), date(2020, 12, 31)),
    (
        Phase.Kind.OTHER,
        {"en": "Closing and final conference", "lv": "Noslēgums un noslēguma konference"},
        date(2021, 1, 1),
        date(2021, 5, 31),
    ),
]
# (titles, month of the transfer phase, due, done)
MILESTONES = [
    ({"en": "Transfer Plans due", "lv": "Pārneses plānu termiņš"}, 3,
     date(2019, 3, 31), date(2019, 5, 20)),
    ({"en": "Mid-term review", "lv": "Starpposma izvērtēšana"}, 12,
     date(2019, 12, 31), date(2020, 1, 16)),
    ({"en": "End of transfer learning", "lv": "Pārneses mācīšanās beigas"}, 18,
     date(2020, 6, 30), date(2020, 6, 30)),
    ({"en": "End of the transfer phase", "lv": "Pārneses posma beigas"}, 24,
     date(2020, 12, 31), date(2020, 12, 31)),
    ({"en": "Final online conference", "lv": "Noslēguma tiešsaistes konference"}, None,
     date(2021, 5, 31), date(2021, 5, 31)),
]  # fmt: skip


def network_ensure() -> Network:
    """The network's name, summary and address (what an administrator enters)."""
    network = Network.objects.filter(slug=NETWORK["slug"]).first() or Network()
    for name, value in NETWORK.items():
        setattr(network, name, value)
    network.full_clean()
    network.save()
    return network


def partners_ensure(network: Network) -> dict[str, Partner]:
    towns = {town.slug: town for town in Town.objects.filter(slug__in=[LEAD, *PARTNERS])}
    partners = {}
    for slug in [LEAD, *PARTNERS]:
        role = Partner.Role.LEAD if slug == LEAD else Partner.Role.PARTNER
        partners[slug], _created = Partner.objects.update_or_create(
            network=network,
            town=towns[slug],
            defaults={"role": role, "joined_on": JOINED.get(slug, TRANSFER_STARTS)},
        )
    return partners


def people_ensure(network: Network, partners: dict[str, Partner], demo: Demo) -> dict:
    """The demo people of the network's roles, by role (partner coordinators by town)."""
    people = {}
    for email, password, name, language, role, town in PEOPLE:
        user = user_ensure(email=email, password=password, full_name=name, language=language)
        partner = partners[town] if town else None
        membership_grant(user=user, network=network, role=role, partner=partner)
        who = ROLE_NAMES[role] + (f" {partner.town.name}" if partner else "")
        demo.add_login(who, email, password)
        # Everyone with a role sees others' contact details (stakeholders, meeting
        # participants): two factors, as coordinators (network/two_factor.py).
        two_factor_ensure(user, demo)
        people[town or role] = user
    return people


def calendar_ensure(network: Network, lead) -> None:
    """Dates, phases and milestones, set by the network lead."""
    network_update(
        network=network,
        by=lead,
        programme="URBACT III",
        kind="Transfer Network",
        started_on=PHASES[0][2],
        ended_on=PHASES[-1][3],
    )
    for kind, names, starts_on, ends_on in PHASES:
        phase_save(
            network=network,
            by=lead,
            phase=network.phases.filter(kind=kind).first(),
            kind=kind,
            names=names,
            starts_on=starts_on,
            ends_on=ends_on,
        )
    for titles, month, due_on, done_on in MILESTONES:
        milestone_save(
            network=network,
            by=lead,
            milestone=Milestone.objects.filter(network=network, titles__en=titles["en"]).first(),
            titles=titles,
            month=month,
            due_on=due_on,
            done_on=done_on,
        )


def load(demo: Demo) -> None:
    from regrow.network.demo_meetings import load_meetings
    from regrow.network.demo_plans import load_plans
    from regrow.network.demo_practice import practice_ensure

    network = network_ensure()
    partners = partners_ensure(network)
    people = people_ensure(network, partners, demo)
    calendar_ensure(network, people[NetworkRole.LEAD])
    practice_ensure(network, partners, people[NetworkRole.LEAD])
    load_plans(network, partners, people, demo)
    load_meetings(network, partners, people, demo)
