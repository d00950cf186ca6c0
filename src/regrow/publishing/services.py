"""Writing, translating, publishing and restoring entries."""

from datetime import datetime
from enum import StrEnum

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.lib.images import prepared_photo
from regrow.network.models import Network
from regrow.publishing.caching import publisher_changed
from regrow.publishing.html import clean_html, plain_text
from regrow.publishing.models import Entry, Image, Related, Revision, publisher_fields
from regrow.publishing.search import indexed_text
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can

# What an editor writes in an entry: the editor's form offers these fields, every revision
# keeps them, and a new translation starts as a copy of them.
ENTRY_CONTENT_FIELDS = (
    "kind",
    "title",
    "lead",
    "body",
    "categories",
    "author",
    "starts_at",
    "ends_at",
    "place_name",
    "place_address",
    "online_url",
    "latitude",
    "longitude",
    "image",
)
# The same as stored in a revision: the picture and author by id ("image_id", "author_id").
_CONTENT_ATTNAMES = tuple(Entry._meta.get_field(name).attname for name in ENTRY_CONTENT_FIELDS)


class EntryAction(StrEnum):
    """What happens after an entry is saved (the editor's buttons)."""

    DRAFT = "draft"
    PUBLISH = "publish"
    SCHEDULE = "schedule"
    UNPUBLISH = "unpublish"


def may_publish(user, publisher) -> bool:
    """Editors and coordinators of a town; a network's lead (MANAGE_NETWORK) and the
    administrators for a network."""
    if isinstance(publisher, Town):
        return can(user, Action.PUBLISH, publisher)
    # The network's lead publishes its meetings as events (network/meeting_events.py).
    return bool(getattr(user, "is_superuser", False)) or can(user, Action.MANAGE_NETWORK, publisher)


def _require(user, publisher) -> None:
    if not may_publish(user, publisher):
        raise PermissionDenied


# Addresses under /news/ that the editor pages and feeds use.
RESERVED_SLUGS = {"write", "manage", "feed", "search", "pictures"}


def _free_slug(entry: Entry, wanted: str) -> str:
    """The wanted address, or the same with -2, -3 … if another entry in that language has it."""
    base = slugify(wanted)[:110] or "entry"
    if base in RESERVED_SLUGS:
        base = f"{base}-1"
    others = Entry.objects.filter(
        town=entry.town, network=entry.network, language=entry.language
    ).exclude(pk=entry.pk)
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _snapshot(entry: Entry, by) -> Revision:
    content = {name: getattr(entry, name) for name in _CONTENT_ATTNAMES}
    for name in ("starts_at", "ends_at"):
        content[name] = content[name].isoformat() if content[name] else None
    for name in ("latitude", "longitude"):
        content[name] = str(content[name]) if content[name] is not None else None
    return Revision.objects.create(entry=entry, saved_by=by, content=content)


def _relate(entry: Entry, *, networks=None, about=None) -> None:
    """Set the networks the entry is about (when given), and add one more object (`about`)."""
    if networks is not None:
        network_type = ContentType.objects.get_for_model(Network)
        wanted = {network.pk for network in networks}
        entry.related.filter(content_type=network_type).exclude(object_id__in=wanted).delete()
        have = set(
            entry.related.filter(content_type=network_type).values_list("object_id", flat=True)
        )
        Related.objects.bulk_create(
            Related(entry=entry, content_type=network_type, object_id=pk)
            for pk in sorted(wanted - have)
        )
    if about is not None:
        Related.objects.get_or_create(
            entry=entry,
            content_type=ContentType.objects.get_for_model(type(about)),
            object_id=about.pk,
        )


def _search_text(entry: Entry) -> str:
    return indexed_text(
        entry.title, entry.lead, plain_text(entry.body), entry.place_name, entry.place_address
    )


@transaction.atomic
def entry_save(
    *, entry: Entry, by, version: int | None = None, networks=None, about=None, **data
) -> tuple[Entry, list[str]]:
    """Create or change an entry; the text is sanitised and a revision kept.

    `version` is the version the editor started from: if someone saved the entry since,
    ConcurrentEditError is raised and nothing changes. `networks` sets the networks the entry
    is about; `about` links it to one more object (see `sources`).
    Returns the entry and notices for the editor (e.g. that the address had to change).
    """
    _require(by, entry.publisher)
    if entry.image_id is not None or data.get("image") is not None:
        image = data.get("image") or entry.image
        if image.town_id != entry.town_id or image.network_id != entry.network_id:
            raise PermissionDenied
    if entry.pk and version is not None:
        entry.version = claim_version(
            Entry,
            entry.pk,
            version,
            _(
                "Someone else saved this entry while you were editing it. Your changes were "
                "not saved; they are still in the form. Open the entry again to see theirs."
            ),
        )
    notices = []
    wanted_slug = data.pop("slug", None) or entry.slug or data.get("title") or entry.title
    for name, value in data.items():
        setattr(entry, name, value)
    # Fields of plain text keep no markup at all (they are escaped again wherever shown).
    for name in ("title", "lead", "place_name", "place_address"):
        setattr(entry, name, plain_text(getattr(entry, name)))
    entry.categories = [text for text in map(plain_text, entry.categories or []) if text]
    entry.body = clean_html(entry.body)
    slug = _free_slug(entry, wanted_slug)
    if slug != slugify(wanted_slug)[:110]:
        notices.append(
            _("The address “%(wanted)s” was taken in this language; this entry got “%(slug)s”.")
            % {"wanted": slugify(wanted_slug), "slug": slug}
        )
    entry.slug = slug
    entry.search_text = _search_text(entry)
    entry.updated_at = timezone.now()
    entry.full_clean()
    entry.save()
    _relate(entry, networks=networks, about=about)
    _snapshot(entry, by)
    transaction.on_commit(lambda: publisher_changed(entry.publisher))
    return entry, notices


@transaction.atomic
def entry_save_and_publish(
    *,
    entry: Entry,
    by,
    action: EntryAction = EntryAction.DRAFT,
    publish_at: datetime | None = None,
    **values,
) -> tuple[Entry, list[str]]:
    """Save the entry (see `entry_save`), then publish it now or at `publish_at`, or take it off
    the site, as `action` says. One transaction: if the second step fails, nothing is saved."""
    if action == EntryAction.SCHEDULE and publish_at is None:
        raise ValidationError({"publish_at": _("Choose when the entry should appear.")})
    entry, notices = entry_save(entry=entry, by=by, **values)
    if action in (EntryAction.PUBLISH, EntryAction.SCHEDULE):
        at = publish_at if action == EntryAction.SCHEDULE else None
        entry, more = entry_publish(entry=entry, by=by, at=at)
        notices += more
    elif action == EntryAction.UNPUBLISH:
        entry = entry_unpublish(entry=entry, by=by)
    return entry, notices


@transaction.atomic
def entry_publish(*, entry: Entry, by, at: datetime | None = None) -> tuple[Entry, list[str]]:
    """Publish now, or at a set time; a time already past publishes now, and says so."""
    _require(by, entry.publisher)
    now = timezone.now()
    notices = []
    if at is not None and at < now:
        notices.append(_("The time you chose has passed, so the entry is published now."))
        at = None
    entry.publish_at = at or now
    entry.save(update_fields=["publish_at"])
    transaction.on_commit(lambda: publisher_changed(entry.publisher))
    return entry, notices


@transaction.atomic
def entry_unpublish(*, entry: Entry, by) -> Entry:
    _require(by, entry.publisher)
    entry.publish_at = None
    entry.save(update_fields=["publish_at"])
    transaction.on_commit(lambda: publisher_changed(entry.publisher))
    return entry


@transaction.atomic
def entry_translate(
    *,
    entry: Entry,
    language: str,
    by,
    action: EntryAction = EntryAction.DRAFT,
    publish_at: datetime | None = None,
    **data,
) -> tuple[Entry, list[str]]:
    """Add a version of the entry in another language, linked to it: a copy of the original's
    content with `data` written over it, saved and published as `action` says."""
    if Entry.objects.filter(translation_group=entry.translation_group, language=language).exists():
        raise ValidationError({"language": _("This entry already has a version in that language.")})
    translation = Entry(
        town=entry.town,
        network=entry.network,
        language=language,
        translation_group=entry.translation_group,
        **{name: getattr(entry, name) for name in _CONTENT_ATTNAMES},
    )
    translation.categories = list(entry.categories)
    return entry_save_and_publish(
        entry=translation, by=by, action=action, publish_at=publish_at, **data
    )


@transaction.atomic
def entry_restore(*, revision: Revision, by) -> Entry:
    """Go back to an earlier revision: its content becomes the newest revision."""
    entry = revision.entry
    _require(by, entry.publisher)
    content = dict(revision.content)
    for name in ("starts_at", "ends_at"):
        content[name] = datetime.fromisoformat(content[name]) if content[name] else None
    if content.get("image_id") and not Image.objects.filter(pk=content["image_id"]).exists():
        content["image_id"] = None  # the picture has been deleted since
    for name, value in content.items():
        setattr(entry, name, value)
    entry.version = F("version") + 1
    entry.search_text = _search_text(entry)
    entry.full_clean(exclude=["version"])
    entry.save()
    entry.refresh_from_db(fields=["version"])
    _snapshot(entry, by)
    transaction.on_commit(lambda: publisher_changed(entry.publisher))
    return entry


@transaction.atomic
def image_upload(*, publisher, by, upload, alt_text: str, credit: str = "") -> Image:
    """Keep a picture for the publisher's entries: checked by content, at most 10 MB, resized,
    without metadata; it must be described for people who cannot see it."""
    _require(by, publisher)
    if not alt_text.strip():
        raise ValidationError({"alt_text": _("Describe the picture for people who cannot see it.")})
    prepared = prepared_photo(upload)
    image = Image(
        **publisher_fields(publisher),
        alt_text=plain_text(alt_text.strip()),
        credit=plain_text(credit.strip()),
        uploaded_by=by,
    )
    image.file.save(prepared.name, prepared, save=False)
    image.full_clean()
    image.save()
    return image
