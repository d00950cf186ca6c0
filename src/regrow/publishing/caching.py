"""Anonymous readers get cached pages, per address: scheme, host name and path (and so per
language). Pages carry absolute links (sharing addresses, feeds), so one installation answering
under two host names must not give one host's page to the other.

Each town or network has a generation number in the cache; saving, publishing or unpublishing
anything of theirs moves it on, so their pages are rendered afresh. A page is never kept past
the moment the publisher's next scheduled entry appears, so scheduled publishing needs no
worker to invalidate anything.
"""

import hashlib
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.utils import timezone

from regrow.lib import places
from regrow.publishing.models import Entry, publisher_q

MAX_SECONDS = 300


def _generation_key(slug: str) -> str:
    return f"publishing:generation:{slug}"


def _page_key(slug: str, address: str) -> str:
    # Hashed: an address can be longer than some cache backends allow for a key.
    return f"publishing:page:{slug}:{hashlib.sha256(address.encode()).hexdigest()}"


def publisher_changed(publisher) -> None:
    """Called by every write: the publisher's cached pages are out of date."""
    key = _generation_key(publisher.slug)
    if not cache.add(key, 1, timeout=None):
        try:
            cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=None)


def _seconds_to_keep(place) -> int:
    upcoming = (
        Entry.objects.filter(publisher_q(place), publish_at__gt=timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    if upcoming is None:
        return MAX_SECONDS
    return max(0, min(MAX_SECONDS, int((upcoming - timezone.now()).total_seconds())))


def cached_for_anonymous(view):
    """Cache a reader page of a town or network for people who are not signed in.

    The view takes the place's slug as `slug`, or the place itself as its first argument.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated or len(get_messages(request)):
            return view(request, *args, **kwargs)
        slug = args[0].slug if args else kwargs.get("slug", "")
        # A hit is one cache read of two keys, the generation and the page: no SQL at all.
        generation_key = _generation_key(slug)
        key = _page_key(slug, request.build_absolute_uri())
        found = cache.get_many([generation_key, key])
        generation = found.get(generation_key, 0)
        kept = found.get(key)
        if kept is not None and kept[0] == generation:
            return kept[1]
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.cookies:
            return response
        place = args[0] if args else places.find(slug)
        seconds = _seconds_to_keep(place) if place is not None else 0
        if seconds > 0:
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            cache.set(key, (generation, response), timeout=seconds)
        return response

    return wrapper
