"""Reads of published content: what a reader sees, in which language, in which order."""

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from regrow.lib.i18n import offered_language_codes
from regrow.publishing.models import Entry, publisher_q
from regrow.publishing.search import MAX_PAGES, search_terms
from regrow.towns.models import Town


def published(publisher, language: str, kind: str | None = None) -> QuerySet[Entry]:
    return browse(publisher, language=language, kind=kind or "")


def with_category(entries: QuerySet[Entry], category: str) -> QuerySet[Entry]:
    """Entries that have this category among theirs."""
    if connection.vendor == "postgresql":
        return entries.filter(categories__contains=[category])
    # Django has no JSON containment on SQLite; its json_each() looks into the list. The SQL
    # is a constant and the category a parameter.
    return entries.filter(
        RawSQL(
            "EXISTS (SELECT 1 FROM json_each(publishing_entry.categories) "
            "WHERE json_each.value = %s)",
            [category],
            output_field=BooleanField(),
        )
    )


def in_language(entries: QuerySet[Entry], language: str | None) -> QuerySet[Entry]:
    """The entries in one language, or (None) in any offered one: an entry in a partner language
    the site does not offer has no address to link to."""
    if language:
        return entries.filter(language=language)
    return entries.filter(language__in=offered_language_codes())


def browse(
    place,
    *,
    language: str | None,
    kind: str = "",
    category: str = "",
    town=None,
    with_partners: bool = False,
) -> QuerySet[Entry]:
    """What a reader browses in News: of the place (a network's page can add its partner
    towns, or show one of them), in one language or all, of one kind, in one category."""
    now = timezone.now()
    if town is not None:
        of = Q(town=town)
    elif with_partners:
        # A subquery, not a join: no entry comes twice, and no DISTINCT over whole rows.
        of = Q(network=place) | Q(town__in=Town.objects.filter(networks=place))
    else:
        of = publisher_q(place)
    entries = in_language(Entry.objects.filter(of, publish_at__lte=now), language)
    if kind:
        entries = entries.filter(kind=kind)
    if category:
        entries = with_category(entries, category)
    return entries.select_related("author", "town", "network", "image")


def categories_in_use(place, language: str | None, *, latest: int = 500) -> list[str]:
    """The categories of the place's latest published entries, for the filter."""
    entries = Entry.objects.filter(publisher_q(place), publish_at__lte=timezone.now())
    entries = in_language(entries, language)
    lists = entries.order_by("-publish_at").values_list("categories", flat=True)[:latest]
    return sorted({category for categories in lists for category in categories}, key=str.lower)


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
    entries = Entry.objects.filter(publisher_q(publisher), language=language, slug=slug)
    if not may_see_drafts:
        entries = entries.filter(publish_at__lte=timezone.now())
    return (
        entries.select_related("author", "town", "network", "image")
        .prefetch_related("related__target")
        .first()
    )


def translations_of(entry: Entry, *, published_only: bool = True) -> QuerySet[Entry]:
    """The entry's versions in the other offered languages."""
    others = (
        in_language(Entry.objects.filter(translation_group=entry.translation_group), None)
        .exclude(pk=entry.pk)
        .select_related("town", "network")  # each one's address names its publisher
    )
    return others.filter(publish_at__lte=timezone.now()) if published_only else others


def search(publisher, language: str, words: str) -> QuerySet[Entry]:
    """Published entries in which every typed word is found, whatever its accents, capitals
    or ending (see `publishing.search`): ranked on PostgreSQL, newest first on SQLite."""
    terms = search_terms(words, language)
    entries = published(publisher, language)
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        from regrow.publishing.search import CONFIG, prefix_query, search_vector

        query = SearchQuery(prefix_query(terms), config=CONFIG, search_type="raw")
        return (
            entries.alias(vector=search_vector())
            .filter(vector=query)
            .annotate(rank=SearchRank(search_vector(), query))
            .order_by("-rank", "-publish_at")
        )
    # Each stem at the start of a word of the folded text (words are separated by one space).
    for term in terms:
        entries = entries.filter(
            Q(search_text__startswith=term) | Q(search_text__contains=f" {term}")
        )
    return entries


def search_page(
    publisher, language: str, words: str, *, page: int, per_page: int
) -> tuple[list[Entry], bool]:
    """Page `page` of the results and whether another follows: one row more is read than
    shown, instead of counting every match."""
    start = (page - 1) * per_page
    rows = list(search(publisher, language, words)[start : start + per_page + 1])
    return rows[:per_page], len(rows) > per_page and page < MAX_PAGES
