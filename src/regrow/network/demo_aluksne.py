"""Alūksne's Transfer Plan in the demo, written in Latvian by its partner coordinator: version 1
final (spring 2019), version 2 in peer review (January 2020) after the first pop-up space, with
Melgaço as peer reviewer; its actions (linked to the 2019 pop-up round and an indicator), budget
by funding source, risks, monitoring indicators and the local stakeholder group."""

from datetime import date
from decimal import Decimal

from regrow.indicators.standard import ensure_standard_indicators
from regrow.lib.demo import Demo
from regrow.network.demo_aluksne_texts import (
    COMMENTS,
    RISKS,
    STAKEHOLDERS,
    TITLE,
    VERSION_1,
    VERSION_2,
)
from regrow.network.demo_plans import add_action, date_version, moment, move_on, write_sections
from regrow.network.models import (
    FundingSource,
    Network,
    NetworkRole,
    Partner,
    PlanVersion,
    ReviewComment,
    Stakeholder,
    TransferPlan,
)
from regrow.network.services.actions import action_save, indicator_save, risk_save
from regrow.network.services.plans import plan_start
from regrow.network.services.review import reviewer_assign
from regrow.network.services.stakeholders import stakeholder_save
from regrow.popups.models import Round
from regrow.towns.permissions import Action, can

Status = PlanVersion.Status
TOWN_BUDGET, EU_FUNDS = FundingSource.TOWN_BUDGET, FundingSource.EU_FUNDS


def first_popup_round(partner: Partner) -> Round:
    """Alūksne's first pop-up space (2019); the pop-ups demo, which loads after the network's,
    finds this round by its English title and fills in its units and pop-ups."""
    from regrow.popups.demo import _round
    from regrow.popups.demo_history import ALUKSNE_FIRST

    town = partner.town
    found = Round.objects.filter(town=town, titles__en=ALUKSNE_FIRST["titles"]["en"]).first()
    return found or _round(town, {**ALUKSNE_FIRST, "status": "closed"})


def actions_v1(popup_round: Round, vacancy) -> list[dict]:
    return [
        {
            "title": "Informatīvs buklets telpu īpašniekiem",
            "owner": "Alūksnes novada pašvaldība",
            "starts_on": date(2019, 5, 2),
            "due_on": date(2019, 6, 28),
            "budget_cents": 25_000,
            "funding_source": TOWN_BUDGET,
        },
        {
            "title": "Aicinājums pieteikt tukšās telpas pilsētas centrā",
            "owner": "Alūksnes novada pašvaldība",
            "starts_on": date(2019, 7, 1),
            "due_on": date(2019, 7, 31),
            "budget_cents": 40_000,
            "funding_source": TOWN_BUDGET,
            "indicator": vacancy,
        },
        {
            "title": "Pirmā pop-up telpa pilsētas centrā",
            "owner": "Alūksnes novada pašvaldība",
            "starts_on": date(2019, 11, 4),
            "due_on": date(2019, 12, 29),
            "budget_cents": 280_000,
            "funding_source": TOWN_BUDGET,
            "popup_round": popup_round,
        },
        {
            "title": "Vietējās atbalsta grupas sanāksmes",
            "owner": "Alūksnes novada pašvaldība",
            "starts_on": date(2019, 2, 1),
            "due_on": date(2020, 12, 31),
            "budget_cents": 60_000,
            "funding_source": EU_FUNDS,
        },
    ]


# How the actions stood in December 2019 (version 2), by title.
PROGRESS = {
    "Informatīvs buklets telpu īpašniekiem": ("done", "Buklets izdalīts 40 īpašniekiem."),
    "Aicinājums pieteikt tukšās telpas pilsētas centrā": (
        "done",
        "Pieteicās vairāki īpašnieki; pirmajai kārtai izvēlētas telpas Pils ielā 14.",
    ),
    "Pirmā pop-up telpa pilsētas centrā": (
        "done",
        "Atvērta 2019. gada novembrī; tajā strādā šūšanas darbnīca un skaistumkopšanas studija.",
    ),
    "Vietējās atbalsta grupas sanāksmes": ("in_progress", "Notikušas piecas sanāksmes."),
}
FASHION_EVENT = {
    "title": "Pop-up modes skate",
    "description": "Pirmās pop-up telpas uzņēmēji rāda savus darbus pilsētas centrā.",
    "owner": "Alūksnes uzņēmēju biedrība",
    "starts_on": date(2019, 12, 7),
    "due_on": date(2019, 12, 7),
    "budget_cents": 120_000,
    "funding_source": FundingSource.PUBLIC_PRIVATE,
    "status": "done",
}


def plan_items(plan: TransferPlan, author, popup_round: Round) -> None:
    indicators = {indicator.code: indicator for indicator in ensure_standard_indicators()}
    for values in actions_v1(popup_round, indicators["vacancy_rate"]):
        add_action(plan, author, **values)
    for values in RISKS:
        risk_save(plan=plan, by=author, **values)
    measures = [
        ("vacancy_rate", Decimal(18), "2019", Decimal(12), "2021"),
        ("population_15_29", Decimal(1340), "2018", Decimal(1300), "2021"),
    ]
    for code, baseline, baseline_period, target, target_period in measures:
        indicator_save(
            plan=plan,
            by=author,
            indicator=indicators[code],
            baseline=baseline,
            baseline_period=baseline_period,
            target=target,
            target_period=target_period,
        )


def progress(plan: TransferPlan, author) -> None:
    """The actions as they stood when version 2 was written, and the fashion event."""
    for action in plan.actions.all():
        status, notes = PROGRESS[action.title]
        values = {name: getattr(action, name) for name in ("title", "description", "owner")}
        values |= {
            name: getattr(action, name)
            for name in ("starts_on", "due_on", "budget_cents", "funding_source")
        }
        values |= {"popup_round": action.popup_round, "indicator": action.indicator}
        action_save(
            plan=plan,
            by=author,
            action=action,
            version=action.version,
            **values,
            status=status,
            progress_notes=notes,
        )
    add_action(plan, author, **FASHION_EVENT)


def review(plan: TransferPlan, version: PlanVersion, people: dict, lead, melgaco) -> None:
    """Melgaço's peer review and the lead expert's comments on version 2; one answered.

    Comments are written as rows, not through review.comment_add: the service e-mails the
    plan's authors, and loading the demo sends no e-mail. Who may comment is still asked."""
    reviewer_assign(plan=plan, reviewer=melgaco, by=lead)
    author = people["aluksne"]
    for day, (who, section, body, answer) in enumerate(COMMENTS, start=10):
        reviewer = people[who]
        if not can(reviewer, Action.REVIEW_PLAN, version):
            raise RuntimeError(f"{reviewer.email} may not review {plan}")
        comment = ReviewComment(plan_version=version, section=section, author=reviewer, body=body)
        comment.full_clean()
        if answer:
            comment.resolved_at = moment(date(2020, 1, 14))
            comment.resolved_by, comment.resolution = author, answer
        comment.save()
        ReviewComment.objects.filter(pk=comment.pk).update(created_at=moment(date(2020, 1, day)))


def stakeholders(partner: Partner, author) -> None:
    for kind, name, organisation, sector, power, interest, role, email, phone in STAKEHOLDERS:
        stakeholder_save(
            partner=partner,
            by=author,
            stakeholder=None,
            kind=kind,
            name=name,
            organisation=organisation,
            sector=sector,
            power=power,
            interest=interest,
            role_in_plan=role,
            email=email,
            phone=phone,
        )


def load_aluksne(network: Network, partners: dict[str, Partner], people: dict, demo: Demo):
    partner = partners["aluksne"]
    if TransferPlan.objects.filter(partner=partner).exists():
        return
    author = people["aluksne"]
    if not Stakeholder.objects.filter(partner=partner).exists():
        stakeholders(partner, author)
    plan = plan_start(partner=partner, title=TITLE, language="lv", by=author)
    write_sections(plan, 1, VERSION_1, author)
    plan_items(plan, author, first_popup_round(partner))
    first = move_on(plan, author, Status.FINAL)
    date_version(first, date(2019, 2, 4), date(2019, 4, 8), date(2019, 5, 20))
    write_sections(plan, 1, VERSION_2, author)  # editing the final version starts version 2
    progress(plan, author)
    second = move_on(plan, author, Status.IN_REVIEW)
    date_version(second, date(2019, 12, 16), date(2020, 1, 8))
    review(plan, second, people, people[NetworkRole.LEAD], partners["melgaco"])
