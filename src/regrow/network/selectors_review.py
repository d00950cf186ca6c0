"""Reads for the peer review of a Transfer Plan: the plan and version of an address (with the
permission to read it), each section's text with a bounded number of its open and resolved
comments, one section's comments a page at a time, the plan's reviewers."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from regrow.network.models import (
    Partner,
    PeerReviewer,
    PlanSection,
    PlanVersion,
    ReviewComment,
    SectionKey,
    TransferPlan,
)
from regrow.network.selectors_plans import plan_of  # noqa: F401 - the review pages' lookup too

COMMENTS_SHOWN = 10  # of each kind, per section, on the review page
COMMENTS_PER_PAGE = 20  # on a section's own page
VERSIONS_SHOWN = 20


def version_of(plan: TransferPlan, number: int | None) -> PlanVersion:
    """Version `number` of the plan; without a number the one in peer review, else the newest."""
    versions = plan.versions.all()
    if number is not None:
        version = versions.filter(number=number).first()
    else:
        version = (
            versions.filter(status=PlanVersion.Status.IN_REVIEW).order_by("-number").first()
            or versions.order_by("-number").first()
        )
    if version is None:
        raise Http404
    version.plan = plan
    return version


def versions_listed(plan: TransferPlan) -> list[PlanVersion]:
    """The newest VERSIONS_SHOWN versions, to switch between."""
    return list(plan.versions.order_by("-number")[:VERSIONS_SHOWN])


def _comments(version: PlanVersion) -> QuerySet[ReviewComment]:
    return ReviewComment.objects.filter(plan_version=version).select_related(
        "author", "resolved_by"
    )


def _first_of_each_section(comments: QuerySet, order: list) -> dict[str, list[ReviewComment]]:
    """At most COMMENTS_SHOWN comments of each section, in one query."""
    ranked = comments.annotate(
        rank=Window(RowNumber(), partition_by=[F("section")], order_by=order)
    ).filter(rank__lte=COMMENTS_SHOWN)
    grouped: dict[str, list[ReviewComment]] = {}
    for comment in ranked.order_by("section", "rank"):
        grouped.setdefault(comment.section, []).append(comment)
    return grouped


@dataclass
class SectionReview:
    key: str
    title: str
    body: str  # the section's HTML as stored (sanitised again when shown)
    open: list[ReviewComment] = field(default_factory=list)
    open_count: int = 0
    resolved: list[ReviewComment] = field(default_factory=list)
    resolved_count: int = 0

    @property
    def count(self) -> int:
        return self.open_count + self.resolved_count

    @property
    def more(self) -> bool:
        """Whether some comments are not shown on the review page."""
        return len(self.open) < self.open_count or len(self.resolved) < self.resolved_count


def section_reviews(version: PlanVersion) -> list[SectionReview]:
    """Every section in the plan's order with its text, its open comments (oldest first) and its
    resolved ones (latest answered first), at most COMMENTS_SHOWN of each; four queries."""
    bodies = dict(PlanSection.objects.filter(plan_version=version).values_list("key", "body"))
    counts = {
        row["section"]: row
        for row in ReviewComment.objects.filter(plan_version=version)
        .values("section")
        .annotate(
            open=Count("id", filter=Q(resolved_at__isnull=True)),
            resolved=Count("id", filter=Q(resolved_at__isnull=False)),
        )
        .order_by()
    }
    comments = _comments(version)
    opened = _first_of_each_section(
        comments.filter(resolved_at__isnull=True), [F("created_at").asc(), F("id").asc()]
    )
    resolved = _first_of_each_section(
        comments.filter(resolved_at__isnull=False), [F("resolved_at").desc(), F("id").desc()]
    )
    reviews = []
    for key, title in SectionKey.choices:
        count = counts.get(key, {})
        reviews.append(
            SectionReview(
                key=key,
                title=str(title),
                body=bodies.get(key, ""),
                open=opened.get(key, []),
                open_count=count.get("open", 0),
                resolved=resolved.get(key, []),
                resolved_count=count.get("resolved", 0),
            )
        )
    return reviews


def section_comments(version: PlanVersion, key: str) -> QuerySet[ReviewComment]:
    """One section's comments, open ones first (oldest first), then the resolved ones."""
    return (
        _comments(version)
        .filter(section=key)
        .order_by(F("resolved_at").asc(nulls_first=True), "created_at", "id")
    )


def section_body(version: PlanVersion, key: str) -> str:
    return (
        PlanSection.objects.filter(plan_version=version, key=key)
        .values_list("body", flat=True)
        .first()
        or ""
    )


def reviewers_of(plan: TransferPlan) -> list[PeerReviewer]:
    """The partners assigned to review the plan (a network has a few dozen partners at most)."""
    return list(
        PeerReviewer.objects.filter(plan=plan)
        .select_related("reviewer__town")
        .order_by("reviewer__town__name", "id")
    )


def assignable_partners(plan: TransferPlan) -> QuerySet[Partner]:
    """Partners of the network that may yet be assigned: not the plan's own, not assigned."""
    return (
        Partner.objects.filter(network_id=plan.partner.network_id)
        .exclude(pk=plan.partner_id)
        .exclude(plans_to_review__plan=plan)
        .select_related("town")
        .order_by("town__name")
    )
