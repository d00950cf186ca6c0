"""Reads of the jury, in a bounded number of queries: a juror's applications with their own
progress, each juror's progress, and the round's weighted ranking.

The ranking's rule: for each criterion, the mean of the jurors' scores (a juror who declared a
conflict on the application is left out, even for scores given before); an application's score
is the weighted mean of those means, weights from the criteria, a criterion nobody scored yet
counting 0. So it runs from 0 to 10."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from regrow.popups.choices import ApplicationStatus
from regrow.popups.models import Application, ConflictOfInterest, Round, RoundJuror, Score

# A juror's progress on one application.
SCORED, TO_SCORE, CONFLICT = "scored", "to_score", "conflict"


def juror_of(round_: Round, user) -> RoundJuror | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return RoundJuror.objects.filter(round=round_, user=user).first()


def jury_rounds_of(user, town) -> QuerySet[Round]:
    """The rounds of `town` whose jury the user sits on, newest programme first."""
    return town.popup_rounds.filter(jurors__user=user).order_by("-programme_starts_on", "-id")


def applications_for_juror(juror: RoundJuror) -> QuerySet[Application]:
    """The round's submitted applications, each with how many criteria this juror scored and
    whether they declared a conflict on it: one query."""
    return (
        juror.round.applications.filter(status=ApplicationStatus.SUBMITTED)
        .annotate(
            my_scores=Count("scores", filter=Q(scores__juror=juror)),
            my_conflict=Exists(
                ConflictOfInterest.objects.filter(juror=juror, application=OuterRef("pk"))
            ),
        )
        .order_by("submitted_at", "id")
    )


def progress_of(application, criteria_count: int) -> str:
    if application.my_conflict:
        return CONFLICT
    if criteria_count and application.my_scores >= criteria_count:
        return SCORED
    return TO_SCORE


@dataclass
class JurorProgress:
    juror: RoundJuror
    scored: int
    conflicts: int
    to_score: int


def jurors_progress(round_: Round) -> list[JurorProgress]:
    """Each juror: applications fully scored, conflicts declared, left to score. Four queries."""
    criteria_count = round_.criteria.count()
    submitted = round_.applications.filter(status=ApplicationStatus.SUBMITTED)
    total = submitted.count()
    jurors = list(
        round_.jurors.select_related("user").annotate(
            conflict_count=Count(
                "conflicts",
                filter=Q(conflicts__application__status=ApplicationStatus.SUBMITTED),
                distinct=True,
            )
        )
    )
    full: dict[int, int] = defaultdict(int)
    rows = (
        Score.objects.filter(juror__round=round_, application__status=ApplicationStatus.SUBMITTED)
        .filter(
            ~Exists(
                ConflictOfInterest.objects.filter(
                    juror=OuterRef("juror"), application=OuterRef("application")
                )
            )
        )
        .values("juror", "application")
        .annotate(n=Count("id"))
    )
    for row in rows:
        if criteria_count and row["n"] >= criteria_count:
            full[row["juror"]] += 1
    return [
        JurorProgress(
            juror=juror,
            scored=full[juror.pk],
            conflicts=juror.conflict_count,
            to_score=max(total - full[juror.pk] - juror.conflict_count, 0),
        )
        for juror in jurors
    ]


def weighted_score(weights: dict[int, Decimal], scores: dict[int, list[int]]) -> Decimal | None:
    """The weighted mean over the criteria (`weights`: criterion → weight) of the mean of each
    criterion's `scores`; a criterion without scores counts 0; None when nothing was scored."""
    if not any(scores.get(criterion) for criterion in weights):
        return None
    total_weight = sum(weights.values(), Decimal(0))
    if not total_weight:
        return None
    total = Decimal(0)
    for criterion, weight in weights.items():
        values = scores.get(criterion) or []
        if values:
            total += weight * Decimal(sum(values)) / Decimal(len(values))
    return (total / total_weight).quantize(Decimal("0.01"))


@dataclass
class Ranked:
    application: Application
    score: Decimal | None
    jurors: int  # how many jurors' scores count for it


def ranking(round_: Round) -> list[Ranked]:
    """The round's submitted applications, best weighted score first: three queries."""
    weights = dict(round_.criteria.values_list("pk", "weight"))
    applications = list(
        round_.applications.filter(status=ApplicationStatus.SUBMITTED)
        .select_related("applicant")
        .order_by("submitted_at", "id")
    )
    counted = Score.objects.filter(
        application__round=round_, application__status=ApplicationStatus.SUBMITTED
    ).filter(
        ~Exists(
            ConflictOfInterest.objects.filter(
                juror=OuterRef("juror"), application=OuterRef("application")
            )
        )
    )
    by_application: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    jurors: dict[int, set[int]] = defaultdict(set)
    for application_id, criterion_id, juror_id, value in counted.values_list(
        "application", "criterion", "juror", "value"
    ):
        by_application[application_id][criterion_id].append(value)
        jurors[application_id].add(juror_id)
    ranked = [
        Ranked(
            application=application,
            score=weighted_score(weights, by_application.get(application.pk, {})),
            jurors=len(jurors[application.pk]),
        )
        for application in applications
    ]
    ranked.sort(key=lambda row: (row.score is None, -(row.score or 0), row.application.pk))
    return ranked


def others_scores(juror: RoundJuror, application: Application) -> list[Score]:
    """The other jurors' scores of the application, or none at all for a juror who declared a
    conflict on it."""
    if ConflictOfInterest.objects.filter(juror=juror, application=application).exists():
        return []
    return list(
        application.scores.exclude(juror=juror)
        .exclude(juror__conflicts__application=application)
        .select_related("juror__user", "criterion")
        .order_by("juror_id", "criterion_id")
    )
