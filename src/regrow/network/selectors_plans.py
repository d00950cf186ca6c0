"""Reads of Transfer Plans for their pages: the plan of an address (with the permission to
read it), a version's sections with their open review comments, the actions (overdue ones
marked) and their budget by funding source, the risks, the monitoring indicators with the
town's latest actual value, and what two versions set out, for comparing them."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from regrow.indicators import derived
from regrow.indicators.models import Observation
from regrow.indicators.periods import year_period
from regrow.lib.richtext import clean_html
from regrow.network.models import (
    FundingSource,
    Network,
    Partner,
    PlanAction,
    PlanIndicator,
    PlanRisk,
    PlanSection,
    PlanVersion,
    ReviewComment,
    SectionKey,
    TransferPlan,
)
from regrow.towns.permissions import Action, can

FINISHED = (PlanAction.Status.DONE, PlanAction.Status.DROPPED)


def network_of(user, slug: str) -> Network:
    """The network of the address if `user` may read it: 404 for none, 403 otherwise."""
    network = get_object_or_404(Network, slug=slug)
    if not can(user, Action.VIEW_NETWORK, network):
        raise PermissionDenied
    return network


def plan_of(user, slug: str, plan_pk: int, action: Action = Action.VIEW_NETWORK) -> TransferPlan:
    """The plan of the address if `user` may do `action` to it: 404 for none, 403 otherwise."""
    plan = get_object_or_404(
        TransferPlan.objects.select_related("partner__town", "partner__network"),
        pk=plan_pk,
        partner__network__slug=slug,
    )
    if not can(user, action, plan):
        raise PermissionDenied
    return plan


def partners_and_plans(network: Network) -> QuerySet[Partner]:
    """The network's partners (lead first) with their plan, its newest version's number and
    status (`plan_version_number`, `plan_version_status`), in one query."""
    newest = PlanVersion.objects.filter(plan__partner=OuterRef("pk")).order_by("-number")
    return (
        network.partners.select_related("town", "plan")
        .annotate(
            plan_version_number=Subquery(newest.values("number")[:1]),
            plan_version_status=Subquery(newest.values("status")[:1]),
        )
        .order_by("role", "town__name", "pk")
    )


def versions_of(plan: TransferPlan) -> QuerySet[PlanVersion]:
    return plan.versions.select_related("created_by").order_by("-number")


def version_of(plan: TransferPlan, number: int | None = None) -> PlanVersion:
    """Version `number` of the plan, or its newest; 404 if there is none."""
    versions = plan.versions.select_related("created_by")
    version = (
        versions.filter(number=number).first()
        if number is not None
        else versions.order_by("-number").first()
    )
    if version is None:
        raise Http404
    version.plan = plan
    return version


@dataclass
class SectionRow:
    key: str
    title: str
    html: SafeString  # sanitised again as it is shown
    version: int
    updated_at: object
    updated_by: object
    open_comments: int

    @property
    def empty(self) -> bool:
        return not self.html.strip()


def sections_of(version: PlanVersion) -> list[SectionRow]:
    """Every section of the version in the plan's order, with its count of open review
    comments (two queries)."""
    sections = {
        section.key: section
        for section in PlanSection.objects.filter(plan_version=version).select_related("updated_by")
    }
    open_comments = dict(
        ReviewComment.objects.filter(plan_version=version, resolved_at__isnull=True)
        .values("section")
        .annotate(count=Count("id"))
        .order_by()
        .values_list("section", "count")
    )
    rows = []
    for key, title in SectionKey.choices:
        section = sections.get(key)
        rows.append(
            SectionRow(
                key=key,
                title=str(title),
                html=mark_safe(clean_html(section.body if section else "")),  # noqa: S308
                version=section.version if section else 1,
                updated_at=section.updated_at if section else None,
                updated_by=section.updated_by if section else None,
                open_comments=open_comments.get(key, 0),
            )
        )
    return rows


def section_of(version: PlanVersion, key: str) -> PlanSection:
    if key not in SectionKey.values:
        raise Http404
    section = (
        PlanSection.objects.filter(plan_version=version, key=key).select_related("updated_by")
    ).first()
    return section or PlanSection(plan_version=version, key=key)


def is_overdue(action: PlanAction, today: date) -> bool:
    """Due before today and neither done nor dropped."""
    return action.due_on < today and action.status not in FINISHED


def actions_of(plan: TransferPlan) -> QuerySet[PlanAction]:
    return plan.actions.select_related("popup_round", "indicator").order_by(
        "starts_on", "order", "id"
    )


def mark_overdue(actions, today: date) -> list[PlanAction]:
    rows = list(actions)
    for action in rows:
        action.overdue = is_overdue(action, today)
    return rows


def overdue_count(plan: TransferPlan, today: date) -> int:
    return plan.actions.filter(due_on__lt=today).exclude(status__in=FINISHED).count()


@dataclass(frozen=True)
class BudgetLine:
    source: str
    label: str
    cents: int
    actions: int


@dataclass(frozen=True)
class Budget:
    lines: list[BudgetLine]
    total_cents: int


def budget_of(plan: TransferPlan) -> Budget:
    """The actions' budget summed by funding source in cents (dropped actions left out), in
    the sources' order, those without a source last; one query."""
    sums = {
        row["funding_source"]: row
        for row in plan.actions.exclude(status=PlanAction.Status.DROPPED)
        .values("funding_source")
        .annotate(cents=Sum("budget_cents"), actions=Count("id"))
        .order_by()
    }
    labels = [*FundingSource.choices, ("", None)]
    lines = [
        BudgetLine(source, str(label or ""), sums[source]["cents"] or 0, sums[source]["actions"])
        for source, label in labels
        if source in sums
    ]
    return Budget(lines, sum(line.cents for line in lines))


def risks_of(plan: TransferPlan) -> QuerySet[PlanRisk]:
    return plan.risks.order_by("order", "id")


def indicators_of(plan: TransferPlan) -> list[PlanIndicator]:
    """The plan's indicators, each with the town's latest value and its period (`actual`,
    `actual_period`: None where the town has none), read live: the latest observation in one
    query; an indicator computed from the town's own data (the vacancy rate, the pop-up
    conversion rate) has no observations, so its value this year so far is computed."""
    latest = Observation.objects.filter(
        town_id=plan.partner.town_id, indicator_id=OuterRef("indicator_id")
    ).order_by("-period_start", "-period")
    rows = list(
        plan.indicators.select_related("indicator")
        .annotate(
            actual=Subquery(latest.values("value")[:1]),
            actual_period=Subquery(latest.values("period")[:1]),
        )
        .order_by("indicator__order", "indicator__code", "id")
    )
    town = plan.partner.town
    for row in rows:
        if row.actual is None and derived.source(row.indicator.code) is not None:
            this_year = year_period(town.today().year)
            row.actual = derived.value_in(town, row.indicator.code, this_year)
            row.actual_period = this_year.text if row.actual is not None else None
    return rows


def snapshot_of(version: PlanVersion) -> tuple[dict, bool]:
    """What the version set out (actions, risks, indicators) and whether it was kept with it;
    a draft has kept nothing yet: then the plan as it is now."""
    if version.snapshot:
        return version.snapshot, True
    return plan_snapshot(version.plan), False


def section_bodies(version: PlanVersion) -> dict[str, str]:
    return dict(PlanSection.objects.filter(plan_version=version).values_list("key", "body"))


ACTION_FIELDS = (
    "title",
    "owner",
    "starts_on",
    "due_on",
    "budget_cents",
    "funding_source",
    "status",
    "description",
    "progress_notes",
)
RISK_FIELDS = ("description", "likelihood", "impact", "mitigation")
INDICATOR_FIELDS = ("baseline", "baseline_period", "target", "target_period")


def _plain(value):
    """A value as JSON keeps it: dates as ISO text, decimals as text without trailing zeros."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def plan_snapshot(plan: TransferPlan) -> dict:
    """The plan's actions, risks and indicators as plain data, in their order (three queries)."""
    actions = PlanAction.objects.filter(plan=plan).order_by("starts_on", "order", "id")
    risks = PlanRisk.objects.filter(plan=plan).order_by("order", "id")
    indicators = PlanIndicator.objects.filter(plan=plan).order_by("id")
    return {
        "taken_at": timezone.now().isoformat(),
        "actions": [
            {name: _plain(value) for name, value in row.items()}
            for row in actions.values("id", *ACTION_FIELDS)
        ],
        "risks": [dict(row) for row in risks.values("id", *RISK_FIELDS)],
        "indicators": [
            {name: _plain(value) for name, value in row.items()}
            for row in indicators.values(
                "id", "indicator__code", "indicator__names", *INDICATOR_FIELDS
            )
        ],
    }
