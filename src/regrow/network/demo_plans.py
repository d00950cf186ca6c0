"""The partners' Transfer Plans in the demo, written through the plan services by each
partner's coordinator: Alūksne's in Latvian, in two versions (network/demo_aluksne.py), and a
shorter one in English for each other partner. A plan that exists is left as it is, so loading
twice changes nothing.

The services stamp versions with today's date; the demo then dates them when the network wrote
them (2019 and 2020), as a real network's history would read."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from regrow.lib.demo import Demo
from regrow.network.models import Network, Partner, PlanSection, PlanVersion, TransferPlan
from regrow.network.services.actions import action_save
from regrow.network.services.plans import (
    plan_start,
    section_save,
    version_finalise,
    version_submit,
)

Status = PlanVersion.Status


def moment(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def write_sections(plan: TransferPlan, number: int, sections: dict[str, str], by) -> None:
    """Save each section's text into the plan's newest version (`number`: the version the
    writer started from; saving into a final version starts the next)."""
    for key, body in sections.items():
        current = PlanSection.objects.filter(
            plan_version__plan=plan, plan_version__number=number, key=key
        ).first()
        saved = section_save(
            plan=plan,
            key=key,
            body=body,
            number=number,
            version=current.version if current else 1,
            by=by,
        )
        if saved.started is not None:
            number = saved.started.number


def add_action(plan: TransferPlan, by, **values):
    defaults = {"description": "", "funding_source": "", "status": "planned", "budget_cents": 0}
    return action_save(plan=plan, by=by, **{**defaults, **values})


def move_on(plan: TransferPlan, by, status: str) -> PlanVersion:
    """The newest version to peer review, and to final if `status` says so."""
    latest = plan.versions.order_by("-number").first()
    if status in (Status.IN_REVIEW, Status.FINAL):
        latest = version_submit(plan=plan, number=latest.number, version=latest.version, by=by)
    if status == Status.FINAL:
        latest = version_finalise(plan=plan, number=latest.number, version=latest.version, by=by)
    return latest


def date_version(version: PlanVersion, created: date, submitted=None, finalised=None) -> None:
    """When the network wrote it (the services stamp today)."""
    PlanVersion.objects.filter(pk=version.pk).update(
        created_at=moment(created),
        submitted_at=moment(submitted) if submitted and version.submitted_at else None,
        finalised_at=moment(finalised) if finalised and version.finalised_at else None,
    )
    PlanSection.objects.filter(plan_version=version).update(updated_at=moment(created, 16))


@dataclass
class ShortPlan:
    town: str
    title: str
    status: str
    dates: tuple  # (created, submitted, finalised)
    sections: dict[str, str]
    actions: list[dict] = field(default_factory=list)


def short_plan(partner: Partner, author, spec: ShortPlan) -> TransferPlan:
    plan = plan_start(partner=partner, title=spec.title, language="en", by=author)
    write_sections(plan, 1, spec.sections, author)
    for values in spec.actions:
        add_action(plan, author, **values)
    version = move_on(plan, author, spec.status)
    date_version(version, *spec.dates)
    return plan


def load_plans(network: Network, partners: dict[str, Partner], people: dict, demo: Demo) -> None:
    from regrow.network.demo_aluksne import load_aluksne
    from regrow.network.demo_short_plans import SHORT_PLANS

    load_aluksne(network, partners, people, demo)
    for spec in SHORT_PLANS:
        partner = partners[spec.town]
        if not TransferPlan.objects.filter(partner=partner).exists():
            short_plan(partner, people[spec.town], spec)
    demo.notes.append(
        "Re-grow City: Transfer Plans of the seven partners; Alūksne's (in Latvian) has "
        "version 1 final and version 2 in peer review by Melgaço."
    )
