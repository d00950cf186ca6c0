"""Whether a place's news, events and projects have anything published, for its navigation."""

from django.utils import timezone
from django.utils.translation import get_language

from regrow.publishing.models import Entry, publisher_q
from regrow.publishing.selectors import in_language


def kinds_published(place) -> frozenset[str]:
    """The kinds of entry the place has published in the page's language: one query, asked
    once per place object and language (the navigation asks for three sections)."""
    language = get_language()
    known = place.__dict__.setdefault("_regrow_kinds_published", {})
    if language not in known:
        entries = in_language(
            Entry.objects.filter(publisher_q(place), publish_at__lte=timezone.now()), language
        )
        known[language] = frozenset(entries.order_by().values_list("kind", flat=True).distinct())
    return known[language]


def has_news(place) -> bool:
    """The news list shows every kind, so anything published counts."""
    return bool(kinds_published(place))


def has_events(place) -> bool:
    return Entry.Kind.EVENT in kinds_published(place)


def has_projects(place) -> bool:
    return Entry.Kind.PROJECT in kinds_published(place)
