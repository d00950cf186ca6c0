"""Anonymous readers get cached pages, per address (and so per language).

Each town or network has a generation number in the cache; saving, publishing or unpublishing
anything of theirs moves it on, so their pages are rendered afresh. A page is never kept past
the moment the publisher's next scheduled entry appears, so scheduled publishing needs no
worker to invalidate anything.
"""

from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.utils import timezone

from regrow.lib import places
from regrow.publishing.models import Entry, publisher_q

MAX_SECONDS = 300


def _generation_key(slug: str) -> str:
    return f"publishing:generation:{slug}"


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
        # A hit costs one cache read for the generation and one for the page: no SQL at all.
        generation = cache.get(_generation_key(slug), 0)
        key = f"publishing:page:{slug}:{generation}:{request.get_full_path()}"
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.cookies:
            return response
        place = args[0] if args else places.find(slug)
        seconds = _seconds_to_keep(place) if place is not None else 0
        if seconds > 0:
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            cache.set(key, response, timeout=seconds)
        return response

    return wrapper
