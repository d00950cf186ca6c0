"""A network for the peer-review tests, made with the ORM: Altena leads, Alūksne and Idrija are
partners; Alūksne's Transfer Plan (in Latvian) has version 1 in peer review with every section
written, and actions; Idrija is assigned as its peer reviewer.

People: the network lead, the lead expert, Alūksne's partner coordinator (the plan's author),
Idrija's partner coordinator (an assigned reviewer), Altena's partner coordinator (not assigned)
and an outsider. Each signs in with TOTP (the coordinators of towns must; it does no harm)."""

from dataclasses import dataclass, field
from datetime import date

from allauth.mfa.totp.internal.auth import TOTP

from regrow.accounts.models import User
from regrow.network.models import (
    FundingSource,
    Network,
    NetworkMembership,
    NetworkRole,
    Partner,
    PeerReviewer,
    PlanAction,
    PlanSection,
    PlanVersion,
    SectionKey,
    TransferPlan,
)
from regrow.towns.models import Town
from tests.fixtures import TOTP_SECRET, make_town, make_user, with_two_factors

SECTION_TEXTS = {
    SectionKey.STARTING_POINT: "<h2>Pilsēta šodien</h2><p>Alūksnē ir <strong>tukšas</strong> "
    "telpas.</p><ul><li>Dārza iela</li><li>Pils iela</li></ul>",
    SectionKey.TRANSFER_METHOD: "<p>Pop-up veikali pēc Altenas parauga.</p>",
    SectionKey.STAKEHOLDER_GROUP: "<p>Vietējā atbalsta grupa tiekas reizi mēnesī.</p>",
    SectionKey.ADAPTATIONS: "<p>Īsāks termiņš: seši līdz astoņi mēneši.</p>",
    SectionKey.ACTIONS: "<ol><li>Aicinājums</li><li>Pirmā telpa</li></ol>",
    SectionKey.RESOURCES: "<p>Pašvaldības budžets un ES fondi.</p>",
    SectionKey.RISKS: "<p>Īpašnieki var atteikties.</p>",
    SectionKey.MONITORING: "<p>Tukšo telpu īpatsvars.</p>",
    SectionKey.CONTRIBUTION: "<p>Pieredze ar modes pasākumu.</p>",
}
ACTIONS = [
    ("Aicinājums īpašniekiem iesniegt tukšās telpas", date(2019, 7, 1), date(2019, 7, 31)),
    ("Pirmā pop-up telpa", date(2019, 11, 1), date(2019, 12, 31)),
    ("Modes pasākums", date(2020, 2, 1), date(2020, 2, 29)),
]


@dataclass
class ReviewNetwork:
    network: Network
    towns: dict[str, Town]
    partners: dict[str, Partner]
    plan: TransferPlan
    version: PlanVersion
    people: dict[str, User] = field(default_factory=dict)


def person(email: str, **fields) -> User:
    user = make_user(email, **fields)
    TOTP.activate(user, TOTP_SECRET)
    return user


def add_actions(plan: TransferPlan, titles_and_days=ACTIONS) -> list[PlanAction]:
    sources = [FundingSource.TOWN_BUDGET, FundingSource.EU_FUNDS, ""]
    statuses = list(PlanAction.Status.values)
    return PlanAction.objects.bulk_create(
        [
            PlanAction(
                plan=plan,
                title=title,
                owner="Attīstības nodaļa",
                starts_on=starts,
                due_on=due,
                budget_cents=150_000 * (index + 1),
                funding_source=sources[index % len(sources)],
                status=statuses[index % len(statuses)],
                order=index,
            )
            for index, (title, starts, due) in enumerate(titles_and_days)
        ]
    )


def write_sections(version: PlanVersion, texts=SECTION_TEXTS) -> None:
    PlanSection.objects.bulk_create(
        [PlanSection(plan_version=version, key=key, body=body) for key, body in texts.items()]
    )


def make_review_network(aluksne: Town | None = None) -> ReviewNetwork:
    towns = {
        "altena": make_town("altena", "Altena", "DE", languages=["de", "en"]),
        "aluksne": aluksne or make_town("aluksne", "Alūksne", "LV"),
        "idrija": make_town("idrija", "Idrija", "SI", languages=["sl", "en"]),
    }
    network = Network(
        slug="regrow-city",
        names={"en": "Re-grow City", "lv": "Augoša pilsēta"},
        country="DE",
        kind="Transfer Network",
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
    people = {
        "lead": person("lead@regrow.example.org", full_name="Network lead"),
        "expert": person("expert@regrow.example.org", full_name="Lead expert"),
        "author": person(
            "author@aluksne.example.org", full_name="Projekta vadītāja", preferred_language="lv"
        ),
        "reviewer": person(
            "reviewer@idrija.example.org", full_name="Idrija reviewer", preferred_language="en"
        ),
        "other": person("coordinator@altena.example.org", full_name="Altena coordinator"),
        "outsider": make_user("nobody@example.org"),
    }
    roles = [
        ("lead", NetworkRole.LEAD, None),
        ("expert", NetworkRole.LEAD_EXPERT, None),
        ("author", NetworkRole.PARTNER_COORDINATOR, partners["aluksne"]),
        ("reviewer", NetworkRole.PARTNER_COORDINATOR, partners["idrija"]),
        ("other", NetworkRole.PARTNER_COORDINATOR, partners["altena"]),
    ]
    for name, role, partner in roles:
        NetworkMembership.objects.create(
            network=network, user=people[name], role=role, partner=partner
        )
        with_two_factors(people[name])
    plan = TransferPlan.objects.create(
        partner=partners["aluksne"], language="lv", title="Alūksnes pop-up veikali"
    )
    version = PlanVersion.objects.create(
        plan=plan, number=1, status=PlanVersion.Status.IN_REVIEW, created_by=people["author"]
    )
    write_sections(version)
    add_actions(plan)
    PeerReviewer.objects.create(plan=plan, reviewer=partners["idrija"], assigned_by=people["lead"])
    return ReviewNetwork(network, towns, partners, plan, version, people)


def review_path(plan: TransferPlan, number: int | None = None, language: str = "en") -> str:
    base = f"/{language}/{plan.partner.network.slug}/plans/{plan.pk}/"
    return base + (f"versions/{number}/review/" if number else "review/")
