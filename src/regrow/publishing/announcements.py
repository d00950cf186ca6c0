"""What an app below publishing may ask about its objects' entries without importing
publishing: publishing hands these functions to it when it is ready (apps.py). So far the
network's meetings use them (network/meeting_events.py): a meeting's event published in its
languages at once, its report drafted as news, and what was published about which meeting.

Every function answers plain dicts, never entries: {"pk", "language", "title", "url" (the
public page; empty until published), "edit_url", "published"}."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from regrow.publishing import sources
from regrow.publishing.models import Entry, Related, publisher_fields, publisher_q
from regrow.publishing.services import (
    EntryAction,
    entry_save_and_publish,
    entry_translate,
    may_publish,
)
from regrow.publishing.services_sources import (
    AlreadyAnnounced,
    announcements_of,
    entries_publish_from_source,
)


def _described(entry: Entry, now) -> dict:
    published = entry.is_published(now)
    return {
        "pk": entry.pk,
        "language": entry.language,
        "title": entry.title,
        "url": entry.get_absolute_url() if published else "",
        "edit_url": reverse(
            "publishing:edit", kwargs={"slug": entry.publisher.slug, "pk": entry.pk}
        ),
        "published": published,
    }


def published_about(
    model, *, publisher, pks=None, kind: str = Entry.Kind.EVENT, drafts: bool = False
) -> dict[int, list[dict]]:
    """The entries of `kind` of `publisher` about objects of `model` (those of `pks` if given),
    by the object's pk; published ones only unless `drafts`. One query."""
    now = timezone.now()
    found = Related.objects.filter(
        publisher_q(publisher, prefix="entry__"),
        content_type=ContentType.objects.get_for_model(model),
        entry__kind=kind,
    )
    if pks is not None:
        found = found.filter(object_id__in=list(pks))
    if not drafts:
        found = found.filter(entry__publish_at__lte=now)
    found = found.select_related("entry__town", "entry__network").order_by(
        "object_id", "entry__language", "entry_id"
    )
    result: dict[int, list[dict]] = {}
    for related in found:
        result.setdefault(related.object_id, []).append(_described(related.entry, now))
    return result


def publish_event(*, obj, by, languages: list[str]) -> tuple[list[dict], bool]:
    """Publish `obj`'s event (its registered source) in `languages` at once; if it has one
    already, nothing new: (its events, True). Raises what entries_publish_from_source raises."""
    key = sources.key_of(type(obj))
    try:
        entries, _notices = entries_publish_from_source(
            source_key=key, pk=obj.pk, by=by, languages=languages, preferred=get_language()
        )
    except AlreadyAnnounced as already:
        place = sources.get(key).place(obj)
        now = timezone.now()
        existing = announcements_of(obj, place, language=already.entry.language)
        return [_described(entry, now) for entry in existing], True
    now = timezone.now()
    return [_described(entry, now) for entry in entries], False


@transaction.atomic
def draft_news(*, obj, by, contents: dict[str, dict]) -> tuple[list[dict], bool]:
    """News drafts about `obj` of its source's place, one per language of `contents` (each
    {"title", "lead", "body", "categories"}), translations of the first. If the place has news
    about `obj` already (a draft or published), nothing new: (those, True)."""
    source = sources.get(sources.key_of(type(obj)))
    if source is None:
        raise LookupError(type(obj).__name__)
    place = source.place(obj)
    if not may_publish(by, place):
        raise PermissionDenied
    now = timezone.now()
    existing = Entry.objects.filter(
        publisher_q(place),
        kind=Entry.Kind.NEWS,
        related__content_type=ContentType.objects.get_for_model(type(obj)),
        related__object_id=obj.pk,
    ).select_related("town", "network")
    if existing:
        return [_described(entry, now) for entry in existing], True
    entries: list[Entry] = []
    for language, values in contents.items():
        data = {"by": by, "action": EntryAction.DRAFT, "about": obj, "kind": Entry.Kind.NEWS}
        if entries:
            entry, _notices = entry_translate(entry=entries[0], language=language, **data, **values)
        else:
            entry = Entry(language=language, **publisher_fields(place))
            entry, _notices = entry_save_and_publish(entry=entry, **data, **values)
        entries.append(entry)
    return [_described(entry, now) for entry in entries], False
