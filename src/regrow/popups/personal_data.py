"""What the popups app keeps about a person, for the accounts app's "My data" export and the
erasure of an account (registered in apps.py): their applications with wanted units, documents,
decision and sublease; their seats on juries with the conflicts they declared and the scores and
comments they gave. Also their roles in towns, which towns does not yet export itself.

A sublease that is not cancelled is a contract: while the person holds one, the account is not
erased, and the refusal names it. A cancelled one goes with its application."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from regrow.lib.dates import date_range
from regrow.popups.models import (
    Application,
    ApplicationDocument,
    ConflictOfInterest,
    RoundJuror,
    Score,
    Sublease,
    WantedUnit,
)
from regrow.popups.models.applications import private_storage
from regrow.towns.selectors import memberships_of

# An application's own fields in the export; its round, wanted units, documents and sublease
# follow as parts of their own.
APPLICATION_FIELDS = [
    field.name
    for field in Application._meta.concrete_fields
    if field.name not in {"round", "applicant", "version"}
]
SUBLEASE_FIELDS = [
    "starts_on",
    "ends_on",
    "rent_cents_per_month",
    "service_charges_cents_per_month",
    "grant_cents",
    "status",
    "confirmed_at",
]


def _round(round_) -> dict:
    return {"id": round_.pk, "town": round_.town.name, "title": round_.title}


def _sublease(application) -> dict | None:
    sublease = getattr(application, "sublease", None)
    if sublease is None:
        return None
    from regrow.popups.models import Feedback

    feedback = Feedback.objects.filter(sublease=sublease, answered_at__isnull=False).first()
    return {
        **{name: getattr(sublease, name) for name in SUBLEASE_FIELDS},
        "address": sublease.unit.display_address,
        # The trader's own answers to the feedback form, when given.
        "feedback": None
        if feedback is None
        else {
            name: getattr(feedback, name)
            for name in (
                "answered_at",
                "satisfaction",
                "what_worked",
                "what_to_change",
                "would_recommend",
                "plans",
            )
        },
    }


def export_applications(user) -> list[dict]:
    """The person's applications, drafts included, with everything they entered."""
    applications = (
        Application.objects.filter(applicant=user)
        .select_related("round__town", "sublease__unit")
        .prefetch_related(
            Prefetch(
                "wanted",
                queryset=WantedUnit.objects.select_related("round_unit__unit").order_by("rank"),
            ),
            Prefetch("documents", queryset=ApplicationDocument.objects.order_by("id")),
        )
        .order_by("created_at", "id")
    )
    return [
        {
            **{name: getattr(application, name) for name in APPLICATION_FIELDS},
            "round": _round(application.round),
            "wanted_units": [
                {"rank": item.rank, "address": item.round_unit.unit.display_address}
                for item in application.wanted.all()
            ],
            "documents": [
                {
                    "name": document.name,
                    "size_bytes": document.size_bytes,
                    "uploaded_at": document.uploaded_at,
                }
                for document in application.documents.all()
            ],
            "sublease": _sublease(application),
        }
        for application in applications
    ]


def export_jury(user) -> list[dict]:
    """The person's seats on juries: each round, the conflicts declared and the scores given."""
    seats = (
        RoundJuror.objects.filter(user=user)
        .select_related("round__town")
        .prefetch_related(
            Prefetch(
                "scores",
                queryset=Score.objects.select_related("application", "criterion").order_by(
                    "application_id", "criterion_id"
                ),
            ),
            Prefetch(
                "conflicts",
                queryset=ConflictOfInterest.objects.select_related("application").order_by("id"),
            ),
        )
        .order_by("assigned_at", "id")
    )
    return [
        {
            "round": _round(seat.round),
            "assigned_at": seat.assigned_at,
            "conflicts_declared": [
                {
                    "application": conflict.application.business_name,
                    "note": conflict.note,
                    "declared_at": conflict.declared_at,
                }
                for conflict in seat.conflicts.all()
            ],
            "scores_given": [
                {
                    "application": score.application.business_name,
                    "criterion": score.criterion.name,
                    "score": score.value,
                    "comment": score.comment,
                    "updated_at": score.updated_at,
                }
                for score in seat.scores.all()
            ],
        }
        for seat in seats
    ]


def export_memberships(user) -> list[dict]:
    return [
        {
            "town": membership.town.name,
            "role": membership.role,
            "role_name": str(membership.get_role_display()),
            "since": membership.created_at,
        }
        for membership in memberships_of(user)
    ]


def _live_subleases(user):
    return (
        Sublease.objects.filter(application__applicant=user)
        .exclude(status=Sublease.Status.CANCELLED)
        .select_related("unit", "round_unit__round__town")
        .order_by("starts_on", "id")
    )


def _lower_first(text: str) -> str:
    # date_range() begins a sentence ("From 1 to 28 June 2027"); here it follows a comma.
    return text[:1].lower() + text[1:]


def erasure_refusals(user) -> list[str]:
    """Each sublease the person holds that is not cancelled: a contract the town must end."""
    return [
        _(
            "You hold the sublease of %(address)s in %(town)s (round “%(round)s”), %(period)s. "
            "A sublease is a contract: the town must end it before your account can be deleted."
        )
        % {
            "address": sublease.unit.display_address,
            "town": sublease.round_unit.round.town.name,
            "round": sublease.round_unit.round.title,
            "period": _lower_first(date_range(sublease.starts_on, sublease.ends_on)),
        }
        for sublease in _live_subleases(user)
    ]


def erase(user) -> None:
    """Delete the person's applications (their documents' files once the erasure commits) and
    their seats on juries with the scores and conflicts they gave."""
    ids = list(
        Application.objects.select_for_update().filter(applicant=user).values_list("pk", flat=True)
    )
    # Checked again under the lock: a sublease confirmed since the page was shown refuses too.
    refusals = erasure_refusals(user)
    if refusals:
        raise ValidationError(refusals)
    Sublease.objects.filter(application_id__in=ids, status=Sublease.Status.CANCELLED).delete()
    files = list(
        ApplicationDocument.objects.filter(application_id__in=ids).values_list("file", flat=True)
    )
    Application.objects.filter(pk__in=ids).delete()
    RoundJuror.objects.filter(user=user).delete()
    storage = private_storage()

    def delete_files() -> None:
        for name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)
