"""Publishing the event an object makes (a round's call…) in every language at once."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.i18n import offered_language_codes
from regrow.publishing import sources
from regrow.publishing.models import Entry, publisher_fields, publisher_q
from regrow.publishing.services import (
    EntryAction,
    entry_save_and_publish,
    entry_translate,
    may_publish,
)


class AlreadyAnnounced(Exception):
    """The object already has its event (published, scheduled or a draft): `entry` is one of
    them, in the language asked for where there is one."""

    def __init__(self, entry: Entry):
        super().__init__(entry.title)
        self.entry = entry


def announcements_of(obj, publisher, *, language: str | None = None) -> list[Entry]:
    """The events of `publisher` about `obj`, published ones first, then the one in
    `language`, then the newest."""
    found = list(
        Entry.objects.filter(
            publisher_q(publisher),
            kind=Entry.Kind.EVENT,
            related__content_type=ContentType.objects.get_for_model(type(obj)),
            related__object_id=obj.pk,
        ).select_related("town", "network")
    )
    now = timezone.now()
    found.sort(key=lambda entry: -entry.pk)
    found.sort(key=lambda entry: (not entry.is_published(now), entry.language != language))
    return found


@transaction.atomic
def entries_publish_from_source(
    *, source_key: str, pk: int, by, languages: list[str], preferred: str | None = None
) -> tuple[list[Entry], list[str]]:
    """Publish now the event that the registered object makes (`sources`), in each of
    `languages` (the first is the original, the others its translations), each about the object.

    All or nothing. Raises AlreadyAnnounced if the object has an event already (a second click
    makes no second one), ValidationError if a language is not offered or the event is over,
    PermissionDenied if `by` may not publish for the object's place, LookupError if there is no
    such source or object. Returns the entries and notices for the editor (changed addresses).
    """
    registered = sources.get(source_key)
    if registered is None or registered.event is None:
        raise LookupError(source_key)
    # Locked until the end: two clicks at once would each find nothing and publish twice.
    obj = registered.model._default_manager.select_for_update().filter(pk=pk).first()
    if obj is None:
        raise LookupError(f"{source_key} {pk}")
    place = registered.place(obj)
    if not may_publish(by, place):
        raise PermissionDenied
    existing = announcements_of(obj, place, language=preferred)
    if existing:
        raise AlreadyAnnounced(existing[0])
    offered = offered_language_codes()
    if not languages or any(language not in offered for language in languages):
        raise ValidationError(_("Choose languages that the site is offered in."))
    events = {language: registered.event(obj, language) for language in dict.fromkeys(languages)}
    for event in events.values():
        ends = event.get("ends_at") or event.get("starts_at")
        if ends is not None and ends < timezone.now():
            raise ValidationError(_("The event is over; it can no longer be announced."))
    entries, notices = [], []
    for language, event in events.items():
        values = {"by": by, "action": EntryAction.PUBLISH, "about": obj, **event}
        if entries:
            entry, more = entry_translate(entry=entries[0], language=language, **values)
        else:
            entry = Entry(language=language, **publisher_fields(place))
            entry, more = entry_save_and_publish(entry=entry, **values)
        entries.append(entry)
        notices += more
    return entries, notices
