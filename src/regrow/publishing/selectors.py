"""Reads of published content: what a reader sees, in which language, in which order."""

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from regrow.publishing.models import Entry


def _of(publisher) -> Q:
    from regrow.towns.models import Town

    return Q(town=publisher) if isinstance(publisher, Town) else Q(network=publisher)


def published(publisher, language: str, kind: str | None = None) -> QuerySet[Entry]:
    entries = Entry.objects.filter(
        _of(publisher), language=language, publish_at__lte=timezone.now()
    ).select_related("author", "town", "network")
    return entries.filter(kind=kind) if kind else entries


def upcoming_events(publisher, language: str) -> QuerySet[Entry]:
    now = timezone.now()
    return (
        published(publisher, language, Entry.Kind.EVENT)
        .filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
        .order_by("starts_at")
    )


def past_events(publisher, language: str) -> QuerySet[Entry]:
    now = timezone.now()
    return (
        published(publisher, language, Entry.Kind.EVENT)
        .exclude(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
        .order_by("-starts_at")
    )


def entry_for_reader(publisher, language: str, slug: str, *, may_see_drafts: bool) -> Entry | None:
    entries = Entry.objects.filter(_of(publisher), language=language, slug=slug)
    if not may_see_drafts:
        entries = entries.filter(publish_at__lte=timezone.now())
    return entries.select_related("author", "town", "network").first()


def translations_of(entry: Entry, *, published_only: bool = True) -> QuerySet[Entry]:
    others = Entry.objects.filter(translation_group=entry.translation_group).exclude(pk=entry.pk)
    return others.filter(publish_at__lte=timezone.now()) if published_only else others


def search(publisher, language: str, words: str) -> QuerySet[Entry]:
    """Published entries matching the words: ranked full-text search on PostgreSQL, every word
    as a substring elsewhere (SQLite has no full-text search built into Django)."""
    words = words.strip()[:200]
    entries = published(publisher, language)
    if not words:
        return entries.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        # "simple": no stemming, which suits Latvian and the other languages alike.
        vector = SearchVector("search_text", config="simple")
        query = SearchQuery(words, config="simple", search_type="websearch")
        return (
            entries.annotate(rank=SearchRank(vector, query))
            .filter(rank__gt=0)
            .order_by("-rank", "-publish_at")
        )
    for word in words.split()[:10]:
        entries = entries.filter(search_text__icontains=word)
    return entries
