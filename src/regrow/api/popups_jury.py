"""A pop-up round's jury over JSON, read-only, with the jury pages' permissions.

A juror (the jury member role in the town, and a seat on the round's jury) reads their rounds
and the round's submitted applications with their own scores and declared conflicts; never
another juror's scores. The round's coordinators read each juror's progress and the weighted
ranking. Without the role in the town: 403; off the round's jury, or no such round: 404."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.api.popups import WantedOut
from regrow.popups import jury
from regrow.popups.choices import RoundStatus
from regrow.popups.models import (
    ApplicationDocument,
    ConflictOfInterest,
    Round,
    RoundJuror,
    Score,
    WantedUnit,
)
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can

router = Router(tags=["pop-up jury"])


def town_for(request, slug: str, action: Action) -> Town:
    """The town of the URL if the user may do `action` in it: no such town 404, no role 403."""
    town = get_object_or_404(Town, slug=slug)
    if not can(request.auth, action, town):
        raise PermissionDenied
    return town


def round_for(request, slug: str, round_id: int, action: Action) -> Round:
    town = town_for(request, slug, action)
    return get_object_or_404(Round.objects.select_related("town"), town=town, pk=round_id)


def _seat(request, slug: str, round_id: int) -> RoundJuror:
    town = town_for(request, slug, Action.SCORE_APPLICATIONS)
    seat = (
        RoundJuror.objects.select_related("round", "round__town")
        .filter(round__town=town, round__pk=round_id, user=request.auth)
        .first()
    )
    if seat is None:
        raise Http404
    return seat


class CriterionOut(Schema):
    id: int
    names: dict[str, str] = Field(description="The name in each language given")
    weight: float


def _criteria(round_: Round) -> list[dict]:
    return [
        {"id": criterion.pk, "names": criterion.names, "weight": float(criterion.weight)}
        for criterion in round_.criteria.all()
    ]


class JuryRoundOut(Schema):
    id: int
    titles: dict[str, str]
    status: str
    applications_open_on: date
    applications_close_on: date
    programme_starts_on: date
    programme_ends_on: date


class JuryRoundPage(paging.PageOf):
    results: list[JuryRoundOut]


@router.get(
    "towns/{slug}/jury/rounds",
    response=responses({200: JuryRoundPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The town's rounds whose jury you sit on, newest programme first",
)
def jury_rounds(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    paging.refuse_unknown(request)
    town = town_for(request, slug, Action.SCORE_APPLICATIONS)
    current = paging.page_of(request, jury.jury_rounds_of(request.auth, town), page, page_size)
    return {
        **paging.links(request, current),
        "results": [
            {name: getattr(round_, name) for name in JuryRoundOut.model_fields}
            for round_ in current.object_list
        ],
    }


class PersonOut(Schema):
    name: str
    email: str


class DocumentOut(Schema):
    id: int
    name: str
    size_bytes: int
    url: str = Field(description="Where the PDF is downloaded (signed in, in the site's pages)")


class ConflictOut(Schema):
    declared_at: datetime
    note: str


class ScoreOut(Schema):
    criterion: int = Field(description="The criterion's id")
    value: int = Field(description="0 (not at all) to 10 (fully)")
    comment: str
    updated_at: datetime


class JuryApplicationOut(Schema):
    id: int
    business_name: str
    applicant: PersonOut
    category: str
    idea: str
    experience: str
    min_area_m2: float
    max_rent_cents_per_month: int | None
    earliest_start_on: date
    latest_end_on: date
    min_stay_weeks: int
    max_stay_weeks: int
    requested_grant_cents: int
    submitted_at: datetime | None
    wanted: list[WantedOut]
    documents: list[DocumentOut]
    progress: str = Field(description="scored, to_score, or conflict (declared by you)")
    conflict: ConflictOut | None = Field(description="Your declared conflict of interest")
    my_scores: list[ScoreOut] = Field(
        description="Your own scores; after a declared conflict they no longer count"
    )


class JuryApplicationPage(paging.PageOf):
    criteria: list[CriterionOut] = Field(description="What the round is scored on")
    closed: bool = Field(description="The round is allocated: nothing more is scored")
    results: list[JuryApplicationOut]


FACTS = [
    "id",
    "business_name",
    "category",
    "idea",
    "experience",
    "max_rent_cents_per_month",
    "earliest_start_on",
    "latest_end_on",
    "min_stay_weeks",
    "max_stay_weeks",
    "requested_grant_cents",
    "submitted_at",
]


def _document_out(request, slug: str, document: ApplicationDocument) -> dict:
    path = reverse(
        "popups:document",
        kwargs={"slug": slug, "pk": document.application_id, "document_pk": document.pk},
    )
    return {
        "id": document.pk,
        "name": document.name,
        "size_bytes": document.size_bytes,
        "url": request.build_absolute_uri(path),
    }


def _jury_application_out(request, slug: str, application, criteria_count: int) -> dict:
    applicant = application.applicant
    conflicts = application.my_conflicts
    return {
        **{name: getattr(application, name) for name in FACTS},
        "applicant": {"name": applicant.full_name, "email": applicant.email},
        "min_area_m2": float(application.min_area_m2),
        "wanted": [
            {
                "rank": item.rank,
                "offer": item.round_unit_id,
                "address": item.round_unit.unit.display_address,
            }
            for item in application.wanted.all()
        ],
        "documents": [
            _document_out(request, slug, document) for document in application.documents.all()
        ],
        "progress": jury.progress_of(application, criteria_count),
        "conflict": (
            {"declared_at": conflicts[0].declared_at, "note": conflicts[0].note}
            if conflicts
            else None
        ),
        "my_scores": [
            {
                "criterion": score.criterion_id,
                "value": score.value,
                "comment": score.comment,
                "updated_at": score.updated_at,
            }
            for score in application.my_score_rows
        ],
    }


@router.get(
    "towns/{slug}/jury/rounds/{round_id}/applications",
    response=responses({200: JuryApplicationPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A round's submitted applications with your own scores and conflicts",
)
def jury_applications(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    """For a juror of the round: what the jury's application page shows, first submitted
    first. Other jurors' scores are never given here."""
    paging.refuse_unknown(request)
    seat = _seat(request, slug, round_id)
    criteria = _criteria(seat.round)
    applications = (
        jury.applications_for_juror(seat)
        .select_related("applicant")
        .prefetch_related(
            Prefetch(
                "wanted",
                queryset=WantedUnit.objects.select_related("round_unit__unit").order_by("rank"),
            ),
            Prefetch("documents", queryset=ApplicationDocument.objects.order_by("id")),
            Prefetch(
                "scores",
                queryset=Score.objects.filter(juror=seat).order_by("criterion_id"),
                to_attr="my_score_rows",
            ),
            Prefetch(
                "conflicts",
                queryset=ConflictOfInterest.objects.filter(juror=seat),
                to_attr="my_conflicts",
            ),
        )
    )
    current = paging.page_of(request, applications, page, page_size)
    return {
        **paging.links(request, current),
        "criteria": criteria,
        "closed": seat.round.status == RoundStatus.ALLOCATED,
        "results": [
            _jury_application_out(request, slug, application, len(criteria))
            for application in current.object_list
        ],
    }


class JurorOut(Schema):
    id: int = Field(description="The juror's seat on this round's jury")
    person: PersonOut
    scored: int = Field(description="Applications fully scored (conflicts left out)")
    conflicts: int = Field(description="Conflicts of interest declared")
    to_score: int


class JurorPage(paging.PageOf):
    results: list[JurorOut]


@router.get(
    "towns/{slug}/rounds/{round_id}/jurors",
    response=responses({200: JurorPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's jurors and their progress (the round's coordinators)",
)
def jurors(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.ASSIGN_JURORS)
    current = paging.page_of(request, jury.jurors_progress(round_), page, page_size)
    return {
        **paging.links(request, current),
        "results": [
            {
                "id": row.juror.pk,
                "person": {"name": row.juror.user.full_name, "email": row.juror.user.email},
                "scored": row.scored,
                "conflicts": row.conflicts,
                "to_score": row.to_score,
            }
            for row in current.object_list
        ],
    }


class RankedOut(Schema):
    rank: int = Field(description="1: the best weighted score")
    application: int = Field(description="The application's id")
    business_name: str
    category: str
    submitted_at: datetime | None
    score: float | None = Field(description="0 to 10, two decimals; null before any score")
    jurors: int = Field(description="How many jurors' scores count for it")


class RankingPage(paging.PageOf):
    criteria: list[CriterionOut]
    results: list[RankedOut]


@router.get(
    "towns/{slug}/rounds/{round_id}/ranking",
    response=responses({200: RankingPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The round's submitted applications by weighted jury score (its coordinators)",
)
def ranking(
    request,
    slug: str,
    round_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    """For each criterion the mean of the jurors' scores (a juror's scores of an application
    they declared a conflict on left out), then the mean weighted by the criteria's weights.
    A criterion nobody scored yet counts 0."""
    paging.refuse_unknown(request)
    round_ = round_for(request, slug, round_id, Action.ASSIGN_JURORS)
    rows = list(enumerate(jury.ranking(round_), start=1))
    current = paging.page_of(request, rows, page, page_size)
    return {
        **paging.links(request, current),
        "criteria": _criteria(round_),
        "results": [
            {
                "rank": rank,
                "application": row.application.pk,
                "business_name": row.application.business_name,
                "category": row.application.category,
                "submitted_at": row.application.submitted_at,
                "score": float(row.score) if row.score is not None else None,
                "jurors": row.jurors,
            }
            for rank, row in current.object_list
        ],
    }
