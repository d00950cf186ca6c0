"""Writes of a meeting's minutes and decisions, by its organisers (ORGANISE_MEETING).

Each agenda item's minutes save on their own with optimistic locking: a save based on text
someone else has changed since is refused (MinutesConflict, with their item), never merged or
overwritten. Decisions carry a version too. Removing a decision hides it (`removed_at`); it
can be put back."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError, claim_version
from regrow.lib.dates import date_on
from regrow.network.models import AgendaItem, Decision, Meeting
from regrow.towns.permissions import Action, can

MAX_MINUTES = 20_000


def require_organiser(user, meeting: Meeting) -> None:
    if not can(user, Action.ORGANISE_MEETING, meeting):
        raise PermissionDenied(_("Only the meeting's organisers keep its records."))


def plain_paragraphs(text: str) -> str:
    """Plain text with its paragraphs: lines trimmed at the end, Windows line ends made plain,
    at most one empty line between paragraphs, none around the whole."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


class MinutesConflict(ConcurrentEditError):
    """Someone saved the item's minutes after this edit began: `current` is the item now."""

    def __init__(self, current: AgendaItem):
        self.current = current
        who = current.minutes_updated_by
        if who is not None:
            message = _(
                "%(name)s changed these minutes while you were writing. Your text is kept "
                "below: compare it with theirs and save again."
            ) % {"name": who.get_full_name() or who.email}
        else:
            message = _(
                "Someone changed these minutes while you were writing. Your text is kept "
                "below: compare it with theirs and save again."
            )
        super().__init__(message)


@transaction.atomic
def minutes_save(*, item: AgendaItem, minutes: str, version: int, by) -> AgendaItem:
    """Save one agenda item's minutes (plain text, paragraphs kept)."""
    require_organiser(by, item.meeting)
    text = plain_paragraphs(minutes)
    if len(text) > MAX_MINUTES:
        raise ValidationError(
            {"minutes": _("Keep the minutes of one item under 20,000 characters.")}
        )
    now = timezone.now()
    try:
        item.version = claim_version(
            AgendaItem,
            item.pk,
            version,
            "",
            minutes=text,
            minutes_updated_at=now,
            minutes_updated_by=by,
        )
    except ConcurrentEditError:
        current = AgendaItem.objects.select_related("minutes_updated_by").get(pk=item.pk)
        raise MinutesConflict(current) from None
    item.minutes, item.minutes_updated_at, item.minutes_updated_by = text, now, by
    return item


# Decisions -------------------------------------------------------------------------------------


def _check_decision(meeting: Meeting, *, text: str, responsible: str, due_on, agenda_item):
    errors = {}
    if not (text or "").strip():
        errors["text"] = _("Say what was decided.")
    if not (responsible or "").strip():
        errors["responsible"] = _("Say who carries it out.")
    if due_on is not None and due_on < meeting.starts_on:
        errors["due_on"] = _("“By when” cannot be before the meeting: it began %(day)s.") % {
            "day": date_on(meeting.starts_on)
        }
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        errors["agenda_item"] = _("Choose an item of this meeting's agenda.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def decision_add(
    *,
    meeting: Meeting,
    text: str,
    responsible: str,
    due_on: date | None,
    agenda_item: AgendaItem | None = None,
    by,
) -> Decision:
    require_organiser(by, meeting)
    _check_decision(
        meeting, text=text, responsible=responsible, due_on=due_on, agenda_item=agenda_item
    )
    last = Decision.objects.filter(meeting=meeting).aggregate(last=Max("order"))["last"]
    decision = Decision(
        meeting=meeting,
        agenda_item=agenda_item,
        text=plain_paragraphs(text),
        responsible=responsible.strip(),
        due_on=due_on,
        order=(last or 0) + 1,
        created_by=by,
    )
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def decision_change(
    *,
    decision: Decision,
    text: str,
    responsible: str,
    due_on: date | None,
    agenda_item: AgendaItem | None = None,
    version: int,
    by,
) -> Decision:
    meeting = decision.meeting
    require_organiser(by, meeting)
    _check_decision(
        meeting, text=text, responsible=responsible, due_on=due_on, agenda_item=agenda_item
    )
    decision.text = plain_paragraphs(text)
    decision.responsible = responsible.strip()
    decision.due_on = due_on
    decision.agenda_item = agenda_item
    decision.full_clean()
    decision.version = claim_version(
        Decision,
        decision.pk,
        version,
        _(
            "Someone changed this decision while you were editing it. What you typed is kept: "
            "compare it with the decision as it is now and save again."
        ),
        text=decision.text,
        responsible=decision.responsible,
        due_on=due_on,
        agenda_item=agenda_item,
    )
    return decision


@transaction.atomic
def decision_remove(*, decision: Decision, by) -> Decision:
    """Hide the decision from the list and the minutes; it can be put back."""
    require_organiser(by, decision.meeting)
    if decision.removed_at is None:
        decision.removed_at = timezone.now()
        Decision.objects.filter(pk=decision.pk).update(removed_at=decision.removed_at)
    return decision


@transaction.atomic
def decision_restore(*, decision: Decision, by) -> Decision:
    require_organiser(by, decision.meeting)
    decision.removed_at = None
    Decision.objects.filter(pk=decision.pk).update(removed_at=None)
    return decision
