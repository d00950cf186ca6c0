"""Transfer Plans over JSON, with the plan pages' permissions: a network's members read its
partners' plans, their versions with each section's text, the actions, and the peer review's
comments; a plan's reviewers (the lead expert, an assigned partner's coordinators) comment on
the version in review, and its authors (its partner's coordinators) answer a comment, which
resolves it. Lists come a page at a time (`count`, `next`, `previous`, `results`); a version's
sections come whole, in the plan's order (there are nine). A network one may not enter, or a
write one may not make, is a 403 saying why; a plan, version or comment that is not there a
404; an answer to a comment someone answered meanwhile a 409."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.network import selectors_review as selectors
from regrow.network.models import (
    Network,
    PlanAction,
    PlanSection,
    PlanVersion,
    ReviewComment,
    SectionKey,
    TransferPlan,
)
from regrow.network.services import review
from regrow.towns.permissions import Action, can

router = Router(tags=["transfer plans"])

PLAN = "networks/{slug}/plans/{plan_id}"
VERSION = PLAN + "/versions/{number}"


class LatestVersionOut(Schema):
    number: int
    status: str = Field(description="draft, in_review or final")


class PlanOut(Schema):
    id: int
    town: str = Field(description="The partner town's slug")
    town_name: str
    language: str = Field(description="The language the plan is written in")
    title: str
    created_at: datetime
    latest_version: LatestVersionOut | None = Field(description="Null before the first version")


class PlanDetailOut(PlanOut):
    reviewers: list[str] = Field(description="The slugs of the partner towns assigned to review")


class VersionOut(Schema):
    number: int
    status: str = Field(description="draft, in_review or final")
    based_on: int | None = Field(description="The number of the version it was started from")
    created_at: datetime
    submitted_at: datetime | None
    finalised_at: datetime | None


class SectionOut(Schema):
    key: str = Field(description="One of the plan's sections, in the plan's order")
    title: str = Field(description="The section's name in the language of the request")
    body: str = Field(description="Its rich text as sanitised HTML; empty until written")
    updated_at: datetime | None
    version: int | None = Field(description="The section's edit version; null until written")


class VersionDetailOut(VersionOut):
    sections: list[SectionOut]


class ActionOut(Schema):
    id: int
    title: str
    description: str
    owner: str
    starts_on: date
    due_on: date
    budget_cents: int
    funding_source: str = Field(
        description="town_budget, eu_funds, public_private, other, or empty"
    )
    status: str = Field(description="planned, in_progress, done, delayed or dropped")
    overdue: bool = Field(description="Due before today (the town's) and neither done nor dropped")
    progress_notes: str


class CommentOut(Schema):
    id: int
    section: str
    body: str
    author: str | None = Field(description="The reviewer's name; null once their account is gone")
    created_at: datetime
    resolved_at: datetime | None = Field(description="When it was answered; null while open")
    resolved_by: str | None
    resolution: str = Field(description="The author's answer; empty while open")


class CommentIn(Schema):
    section: str = Field(description="The key of the section commented on")
    body: str = Field(max_length=review.MAX_TEXT, description="The comment, plain text")


class AnswerIn(Schema):
    resolution: str = Field(max_length=review.MAX_TEXT, description="The answer, plain text")


class PlanPage(paging.PageOf):
    results: list[PlanOut]


class VersionPage(paging.PageOf):
    results: list[VersionOut]


class ActionPage(paging.PageOf):
    results: list[ActionOut]


class CommentPage(paging.PageOf):
    results: list[CommentOut]


def _network(request, slug: str) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if not can(request.auth, Action.VIEW_NETWORK, network):
        raise PermissionDenied
    return network


def _version(request, slug: str, plan_id: int, number: int) -> PlanVersion:
    return selectors.version_of(selectors.plan_of(request.auth, slug, plan_id), number)


def _page(request, items, page: int, page_size: int, out, *known: str) -> dict:
    paging.refuse_unknown(request, *known)
    current = paging.page_of(request, items, page, page_size)
    return {**paging.links(request, current), "results": [out(item) for item in current]}


def _with_latest(plans):
    latest = PlanVersion.objects.filter(plan=OuterRef("pk")).order_by("-number")
    return plans.select_related("partner__town").annotate(
        latest_number=Subquery(latest.values("number")[:1]),
        latest_status=Subquery(latest.values("status")[:1]),
    )


def _plan_out(plan: TransferPlan) -> dict:
    number = getattr(plan, "latest_number", None)
    return {
        "id": plan.pk,
        "town": plan.partner.town.slug,
        "town_name": plan.partner.town.name,
        "language": plan.language,
        "title": plan.title,
        "created_at": plan.created_at,
        "latest_version": None
        if number is None
        else {"number": number, "status": plan.latest_status},
    }


def _version_out(version: PlanVersion, numbers: dict[int, int]) -> dict:
    return {
        "number": version.number,
        "status": version.status,
        "based_on": numbers.get(version.based_on_id),
        "created_at": version.created_at,
        "submitted_at": version.submitted_at,
        "finalised_at": version.finalised_at,
    }


def _name(user) -> str | None:
    return None if user is None else (user.full_name or user.email)


def _comment_out(comment: ReviewComment) -> dict:
    return {
        "id": comment.pk,
        "section": comment.section,
        "body": comment.body,
        "author": _name(comment.author),
        "created_at": comment.created_at,
        "resolved_at": comment.resolved_at,
        "resolved_by": _name(comment.resolved_by),
        "resolution": comment.resolution,
    }


def _as_403(call, *args, **kwargs):
    """A service's refusal as a 403 that says why."""
    try:
        return call(*args, **kwargs)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None


@router.get(
    "networks/{slug}/plans",
    response=responses({200: PlanPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The Transfer Plans of a network's partners, by partner town",
)
def list_plans(request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize):
    network = _network(request, slug)
    plans = _with_latest(TransferPlan.objects.filter(partner__network=network))
    return _page(request, plans.order_by("partner__town__name", "id"), page, page_size, _plan_out)


@router.get(
    PLAN,
    response=responses({200: PlanDetailOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A Transfer Plan, with its newest version and its peer reviewers",
)
def get_plan(request, slug: str, plan_id: int):
    paging.refuse_unknown(request)
    plan = selectors.plan_of(request.auth, slug, plan_id)
    plan = _with_latest(TransferPlan.objects.filter(pk=plan.pk)).get()
    reviewers = [one.reviewer.town.slug for one in selectors.reviewers_of(plan)]
    return {**_plan_out(plan), "reviewers": reviewers}


@router.get(
    PLAN + "/versions",
    response=responses({200: VersionPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A plan's versions, newest first",
)
def list_versions(
    request,
    slug: str,
    plan_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    plan = selectors.plan_of(request.auth, slug, plan_id)
    versions = plan.versions.order_by("-number")
    numbers = dict(versions.values_list("pk", "number"))
    return _page(request, versions, page, page_size, lambda one: _version_out(one, numbers))


@router.get(
    VERSION,
    response=responses({200: VersionDetailOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A version of a plan with the text of every section",
)
def get_version(request, slug: str, plan_id: int, number: int):
    paging.refuse_unknown(request)
    version = _version(request, slug, plan_id, number)
    written = {section.key: section for section in PlanSection.objects.filter(plan_version=version)}
    based_on = {}
    if version.based_on_id:
        based_on = dict(
            PlanVersion.objects.filter(pk=version.based_on_id).values_list("pk", "number")
        )
    sections = []
    for key, title in SectionKey.choices:
        section = written.get(key)
        sections.append(
            {
                "key": key,
                "title": str(title),
                "body": section.body if section else "",
                "updated_at": section.updated_at if section else None,
                "version": section.version if section else None,
            }
        )
    return {**_version_out(version, based_on), "sections": sections}


@router.get(
    PLAN + "/actions",
    response=responses({200: ActionPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A plan's actions as they are now, by start date",
)
def list_actions(
    request,
    slug: str,
    plan_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    plan = selectors.plan_of(request.auth, slug, plan_id)
    today = plan.partner.town.today()
    finished = {PlanAction.Status.DONE, PlanAction.Status.DROPPED}
    fields = [name for name in ActionOut.model_fields if name != "overdue"]

    def out(action: PlanAction) -> dict:
        overdue = action.due_on < today and action.status not in finished
        return {**{name: getattr(action, name) for name in fields}, "overdue": overdue}

    actions = PlanAction.objects.filter(plan=plan).order_by("starts_on", "order", "id")
    return _page(request, actions, page, page_size, out)


@router.get(
    VERSION + "/comments",
    response=responses({200: CommentPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The peer review's comments on a version, by section, oldest first",
)
def list_comments(
    request,
    slug: str,
    plan_id: int,
    number: int,
    section: str | None = Query(None, description="Only this section's comments"),
    state: Literal["open", "resolved"] | None = Query(None, description="Only open or resolved"),
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    version = _version(request, slug, plan_id, number)
    if section is not None and section not in SectionKey.values:
        raise HttpError(422, f"Unknown section: {section}")
    comments = ReviewComment.objects.filter(plan_version=version).select_related(
        "author", "resolved_by"
    )
    if section is not None:
        comments = comments.filter(section=section)
    if state is not None:
        comments = comments.filter(resolved_at__isnull=state == "open")
    comments = comments.order_by("created_at", "id")
    return _page(request, comments, page, page_size, _comment_out, "section", "state")


@router.post(
    VERSION + "/comments",
    response=responses({201: CommentOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="Comment on a section of the version in peer review (its reviewers)",
)
def add_comment(request, slug: str, plan_id: int, number: int, payload: CommentIn):
    version = _version(request, slug, plan_id, number)
    comment = _as_403(
        review.comment_add,
        version=version,
        section=payload.section,
        body=payload.body,
        by=request.auth,
        base_url=request.build_absolute_uri("/"),
    )
    return Status(201, _comment_out(comment))


@router.post(
    VERSION + "/comments/{comment_id}/answer",
    response=responses({200: CommentOut}, 409, 422),
    openapi_extra=BUSY_HEADERS,
    summary="Answer a comment, which resolves it (the plan's authors)",
)
def answer_comment(
    request, slug: str, plan_id: int, number: int, comment_id: int, payload: AnswerIn
):
    version = _version(request, slug, plan_id, number)
    comment = get_object_or_404(
        ReviewComment.objects.select_related("author"), plan_version=version, pk=comment_id
    )
    comment.plan_version = version
    comment = _as_403(
        review.comment_resolve,
        comment=comment,
        resolution=payload.resolution,
        by=request.auth,
        base_url=request.build_absolute_uri("/"),
    )
    return Status(200, _comment_out(comment))
