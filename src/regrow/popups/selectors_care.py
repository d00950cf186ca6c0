"""Reads of a round's pop-ups for their care: each live sublease with its unit, how many care
entries are open, its review, outcome and feedback, in a bounded number of queries."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Q, QuerySet

from regrow.popups.models import CareEntry, Round, Sublease

# Pop-ups and care entries: this many to a page.
PAGE_SIZE = 20


def live_popups(round_: Round) -> QuerySet[Sublease]:
    """The round's pop-ups (subleases not cancelled) in the order of their first day, with
    what their lists show: one query a page."""
    return (
        Sublease.objects.filter(round_unit__round=round_)
        .exclude(status=Sublease.Status.CANCELLED)
        .select_related("application", "unit", "outcome", "mid_review", "feedback")
        .annotate(
            care_total=Count("care_entries", distinct=True),
            care_open=Count(
                "care_entries", filter=Q(care_entries__resolved_on__isnull=True), distinct=True
            ),
        )
        .order_by("starts_on", "unit__street", "unit__house_number_sort", "id")
    )


def one(sublease: Sublease, name: str):
    """The sublease's outcome, mid_review or feedback, or None (select_related knows which)."""
    try:
        return getattr(sublease, name)
    except ObjectDoesNotExist:
        return None


def care_log(sublease: Sublease) -> QuerySet[CareEntry]:
    """The pop-up's care entries, the open ones first, then the latest first."""
    return (
        sublease.care_entries.select_related("recorded_by")
        .annotate(is_open=Q(resolved_on__isnull=True))
        .order_by("-is_open", "-happened_on", "-id")
    )
