"""Writes of a meeting's agenda: an item added or changed, moved up or down among the items
of its day (or of its parent item), removed. Items nest one level. Refused, naming the field:
a day the meeting does not have, an item running past midnight, a part outside its item's time
or on another day, two items in the same room at the same time (a blank room is the plenary
room; an item does not clash with its own parts), an edit based on an older version, and the
removal of an item that has minutes, decisions, documents or parts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regrow.lib.concurrency import claim_version
from regrow.network.models import AgendaItem, Meeting
from regrow.network.selectors_meetings import MINUTES_A_DAY, clock_of, item_minutes, span
from regrow.network.services.meetings import public_changed, require_organise

VALUES = ("day", "starts_at", "duration_minutes", "titles", "presenter", "room", "parent")


def same_room(first: str, second: str) -> bool:
    """Rooms compare without case or surrounding spaces; blank is the plenary room."""
    return first.strip().casefold() == second.strip().casefold()


def _check_fields(meeting: Meeting, item: AgendaItem | None, values: dict) -> dict:
    values = {name: values.get(name) for name in VALUES}
    values["presenter"] = (values["presenter"] or "").strip()
    values["room"] = (values["room"] or "").strip()
    values["titles"] = {
        code: text.strip() for code, text in (values["titles"] or {}).items() if text.strip()
    }
    problems = {}
    if not values["titles"]:
        problems["titles"] = _("Give the item a title in at least one language.")
    if values["day"] not in meeting.days():
        problems["day"] = _("Choose one of the meeting's days.")
    parent = values["parent"]
    if parent is not None:
        if parent.meeting_id != meeting.pk:
            problems["parent"] = _("Choose an item of this meeting's agenda.")
        elif parent.parent_id is not None:
            problems["parent"] = _("Items nest one level only: choose an item that is not a part.")
        elif item is not None and parent.pk == item.pk:
            problems["parent"] = _("An item cannot be a part of itself.")
        elif item is not None and item.children.exists():
            problems["parent"] = _("This item has parts of its own, so it cannot be a part.")
        elif "day" not in problems and parent.day != values["day"]:
            problems["day"] = _("A part is on its item's day, %(day)s.") % {
                "day": date_format(parent.day, "SHORT_DATE_FORMAT")
            }
    if problems:
        raise ValidationError(problems)
    return values


def _check_times(meeting: Meeting, item: AgendaItem, family: set[int]) -> None:
    """Refuse an item past midnight, a part outside its item, a clash in a room."""
    start, end = item_minutes(item)
    if end > MINUTES_A_DAY:
        raise ValidationError(
            {
                "duration_minutes": _(
                    "The item would run past midnight; end it on its day "
                    "(it may last at most %(minutes)s minutes from %(start)s)."
                )
                % {"minutes": MINUTES_A_DAY - start, "start": clock_of(start)}
            }
        )
    parent = item.parent
    if parent is not None:
        parent_start, parent_end = item_minutes(parent)
        if start < parent_start or end > parent_end:
            raise ValidationError(
                {
                    "starts_at": _("A part lies within its item's time: “%(item)s” runs %(span)s.")
                    % {"item": parent.title, "span": span(parent)}
                }
            )
    others = meeting.agenda_items.filter(day=item.day).exclude(pk__in=family)
    if parent is not None:
        others = others.exclude(pk=parent.pk)
    for other in others:
        if not same_room(other.room, item.room):
            continue
        other_start, other_end = item_minutes(other)
        if start < other_end and other_start < end:
            raise ValidationError({"starts_at": _clash_message(item, other)})


def _clash_message(item: AgendaItem, other: AgendaItem) -> str:
    found = {"item": other.title, "room": item.room.strip(), "span": span(other)}
    if not found["room"]:
        return (
            _(
                "“%(item)s” is in the plenary room at that time (%(span)s). "
                "Choose another time or another room."
            )
            % found
        )
    return (
        _(
            "“%(item)s” is in the room “%(room)s” at that time (%(span)s). "
            "Choose another time or another room."
        )
        % found
    )


def _siblings(meeting: Meeting, day, parent_id: int | None):
    return meeting.agenda_items.filter(day=day, parent_id=parent_id).order_by(
        "order", "starts_at", "id"
    )


def _renumber(rows: list[AgendaItem]) -> None:
    changed = []
    for number, row in enumerate(rows, start=1):
        if row.order != number:
            row.order = number
            changed.append(row)
    AgendaItem.objects.bulk_update(changed, ["order"])


def _place_by_time(meeting: Meeting, item: AgendaItem) -> None:
    """Put the item among its day's (or parent's) items where its time puts it."""
    rows = [row for row in _siblings(meeting, item.day, item.parent_id) if row.pk != item.pk]
    position = next(
        (index for index, row in enumerate(rows) if row.starts_at > item.starts_at), len(rows)
    )
    rows.insert(position, item)
    _renumber(rows)


@transaction.atomic
def item_save(
    *,
    meeting: Meeting,
    by,
    item: AgendaItem | None = None,
    version: int | None = None,
    **values,
) -> AgendaItem:
    """Add an item to the meeting's agenda, or change one (`version`: the one the form
    started from)."""
    require_organise(by, meeting)
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError(_("This item belongs to another meeting."))
    values = _check_fields(meeting, item, values)
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()  # one writer at a time
    if item is None:
        item = AgendaItem(meeting=meeting, **values)
        _check_times(meeting, item, set())
        item.full_clean()
        item.save()
        _place_by_time(meeting, item)
        public_changed(meeting)
        return item
    before = (item.day, item.starts_at, item.parent_id)
    for name, value in values.items():
        setattr(item, name, value)
    parts = list(item.children.all())
    family = {item.pk, *(part.pk for part in parts)}
    _check_times(meeting, item, family)
    item.full_clean()
    moved = _check_parts(meeting, item, parts, family)
    item.version = claim_version(
        AgendaItem,
        item.pk,
        -1 if version is None else version,
        _("Someone changed this item after you opened it. Reload the page to see their change."),
        **values,
    )
    AgendaItem.objects.bulk_update(moved, ["day"])
    if (item.day, item.starts_at, item.parent_id) != before:
        _place_by_time(meeting, item)
    public_changed(meeting)
    return item


def _check_parts(meeting: Meeting, item: AgendaItem, parts: list, family) -> list:
    """An item's parts stay within its time, and move with it to another day: the parts to
    move."""
    start, end = item_minutes(item)
    outside = [
        part for part in parts if item_minutes(part)[0] < start or item_minutes(part)[1] > end
    ]
    if outside:
        raise ValidationError({"starts_at": _parts_message(outside)})
    moved = [part for part in parts if part.day != item.day]
    for part in moved:
        part.day = item.day
        part.parent = item
        _check_times(meeting, part, family)
    return moved


def _parts_message(parts: list[AgendaItem]) -> str:
    names = ", ".join(f"“{part.title}” ({span(part)})" for part in parts)
    return ngettext(
        "Its part %(parts)s would lie outside the item's new time. Change the part first.",
        "Its parts %(parts)s would lie outside the item's new time. Change the parts first.",
        len(parts),
    ) % {"parts": names}


@transaction.atomic
def item_move(*, item: AgendaItem, by, up: bool) -> None:
    """Move the item one place up or down among the items of its day (or of its parent)."""
    require_organise(by, item.meeting)
    rows = list(_siblings(item.meeting, item.day, item.parent_id))
    index = next(index for index, row in enumerate(rows) if row.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
    _renumber(rows)
    public_changed(item.meeting)


def records_of(item: AgendaItem) -> list[str]:
    """What the item holds that its removal would lose, in words (none: it may go)."""
    found = []
    if item.minutes.strip():
        found.append(_("minutes"))
    decisions = item.decisions.filter(removed_at__isnull=True).count()
    if decisions:
        found.append(
            ngettext("%(count)s decision", "%(count)s decisions", decisions) % {"count": decisions}
        )
    documents = item.documents.filter(removed_at__isnull=True).count()
    if documents:
        found.append(
            ngettext("%(count)s document", "%(count)s documents", documents) % {"count": documents}
        )
    parts = list(item.children.all())
    if parts:
        found.append(
            ngettext("the part %(parts)s", "the parts %(parts)s", len(parts))
            % {"parts": ", ".join(f"“{part.title}”" for part in parts)}
        )
    return found


@transaction.atomic
def item_remove(*, item: AgendaItem, by) -> None:
    """Remove the item, unless it holds minutes, decisions, documents or parts."""
    require_organise(by, item.meeting)
    held = records_of(item)
    if held:
        raise ValidationError(
            _("“%(item)s” cannot be removed: it has %(records)s. Remove those first.")
            % {"item": item.title, "records": ", ".join(held)}
        )
    meeting, day, parent_id = item.meeting, item.day, item.parent_id
    item.delete()
    _renumber(list(_siblings(meeting, day, parent_id)))
    public_changed(meeting)
