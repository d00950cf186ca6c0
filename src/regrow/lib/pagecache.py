"""The page cache of anonymous readers, served before sessions, languages or users are looked at.

`PageCacheMiddleware` sits right after the security and static-file middleware. A request from
someone with no session and no pending messages is looked up under its address (scheme, host,
path and query) in one read of two keys: the page and the generation of its place. A hit is
answered from there, with no SQL and none of the later middleware; the stored headers are those
the whole stack gave the page when it was rendered.

A view opts in with `cached_for_anonymous`. What is stored: a 200 that sets no cookie, used no
CSRF token and no CSP nonce, and is not marked private. Bodies are gzipped once, when stored,
and only the compressed copy is kept: a client that accepts gzip gets it as it is.

The place is the path segment after the language prefix (`/lv/aluksne/news/` → `aluksne`),
read from the address alone; other pages (the site's home, the sitemap, robots.txt) belong to
the site. `place_changed(slug)` gives the place and the site new generations, so their pages are
rendered afresh in every process that shares the cache. A generation is a random token, not a
counter: two processes changing one place at once cannot both write the same value, and a
generation the cache has dropped never brings back a page stored under an older one.
"""

import gzip
import hashlib
import re
import secrets
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from regrow.lib.places import RESERVED_SLUGS

MAX_SECONDS = 300
SITE = ""  # the scope of pages that belong to no place
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
_COMPRESSIBLE = re.compile(r"^(text/|application/(json|geo\+json|xml|rss\+xml|atom\+xml|.*\+json))")
_MIN_COMPRESSED_SIZE = 200
# Set by the messages framework's cookie storage (the fallback for people without a session).
_MESSAGES_COOKIE = "messages"

_lifetimes: list[Callable[[str], int | None]] = []


def register_lifetime(lifetime: Callable[[str], int | None]) -> None:
    """Let an app cap how long a scope's pages are kept: `lifetime(scope)` returns seconds (0
    keeps nothing) or None. Called when a page is stored, never on a hit; SQL is allowed."""
    _lifetimes.append(lifetime)


def _cache():
    return caches[getattr(settings, "REGROW_PAGE_CACHE", "default")]


def _generation_key(scope: str) -> str:
    return f"pagecache:generation:{scope}" if scope else "pagecache:site-generation"


def _page_key(address: str) -> str:
    # Hashed: an address can be longer than some cache backends allow for a key.
    return f"pagecache:page:{hashlib.sha256(address.encode()).hexdigest()}"


def scope_of(path: str) -> str:
    """The place a path belongs to (its slug), or SITE."""
    parts = path.split("/", 3)
    if len(parts) < 3 or not parts[2] or parts[2] in RESERVED_SLUGS:
        return SITE
    if parts[1] not in {code for code, _name in settings.LANGUAGES}:
        return SITE
    return parts[2]


def place_changed(slug: str) -> None:
    """Everything of this town or network is out of date, and so are the site's own pages
    (its home and sitemap list places and entries). Call it after the write has committed."""
    _cache().set_many(
        {_generation_key(slug): secrets.token_hex(8), _generation_key(SITE): secrets.token_hex(8)},
        timeout=None,
    )


def site_changed() -> None:
    _cache().set(_generation_key(SITE), secrets.token_hex(8), timeout=None)


class _Pending:
    """What the middleware knows about a request it may store the answer to."""

    def __init__(self, scope: str, generation_key: str, key: str, generation):
        self.scope, self.generation_key, self.key, self.generation = (
            scope,
            generation_key,
            key,
            generation,
        )

    def seconds_to_keep(self) -> int:
        seconds = MAX_SECONDS
        for lifetime in _lifetimes:
            capped = lifetime(self.scope)
            if capped is not None:
                seconds = min(seconds, max(0, int(capped)))
        return seconds


def cached_for_anonymous(view):
    """Let the page cache keep this view's page for anonymous readers.

    Any view of a public page may use it, whatever its arguments; the middleware decides
    whether a request may be served from or stored into the cache."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        pending = getattr(request, "page_cache", None)
        already = hasattr(response, "page_cache_seconds")  # an inner view was decorated too
        if pending is not None and response.status_code == 200 and not already:
            response.page_cache_seconds = pending.seconds_to_keep()
        return response

    return wrapper


def _anonymous_read(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and _MESSAGES_COOKIE not in request.COOKIES
    )


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        getattr(response, "page_cache_seconds", 0) > 0
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        # A CSRF token or a CSP nonce belongs to one reader (and a compressed secret is what
        # BREACH reads): a page that used either is never shared.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not isinstance(getattr(request, "_csp_nonce", None), str)
    )


def _compressed(response: HttpResponse, body: bytes) -> bytes | None:
    content_type = response.get("Content-Type", "")
    if len(body) < _MIN_COMPRESSED_SIZE or not _COMPRESSIBLE.match(content_type):
        return None
    squeezed = gzip.compress(body, compresslevel=6, mtime=0)
    return squeezed if len(squeezed) < len(body) else None


def _accepts_gzip(request: HttpRequest) -> bool:
    return bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _from_kept(request: HttpRequest, kept: tuple) -> HttpResponse:
    _generation, status, headers, body, squeezed = kept
    gzipped = squeezed is not None and _accepts_gzip(request)
    plain = body if squeezed is None or gzipped else gzip.decompress(squeezed)
    content = squeezed if gzipped else plain
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
    for name, value in headers:
        response.headers[name] = value
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    if request.method != "HEAD":
        response.headers["Content-Length"] = str(len(content))
    return response


class PageCacheMiddleware:
    """Serves and stores the pages of `cached_for_anonymous` views (see the module's text).

    Put it after SecurityMiddleware and WhiteNoise and before the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _anonymous_read(request):
            return self.get_response(request)
        cache = _cache()
        scope = scope_of(request.path)
        generation_key = _generation_key(scope)
        key = _page_key(f"{request.scheme}://{request.get_host()}{request.get_full_path()}")
        found = cache.get_many([generation_key, key])
        generation, kept = found.get(generation_key), found.get(key)
        if generation is not None and kept is not None and kept[0] == generation:
            return _from_kept(request, kept)
        request.page_cache = _Pending(scope, generation_key, key, generation)
        response = self.get_response(request)
        if _storable(request, response):
            self._store(request, response)
        return response

    def _store(self, request: HttpRequest, response: HttpResponse) -> None:
        pending, cache = request.page_cache, _cache()
        generation = pending.generation
        if generation is None:
            # The place has no generation yet (or the cache dropped it). Start one; if another
            # process did meanwhile, a write may have come between: store nothing this time.
            generation = secrets.token_hex(8)
            if not cache.add(pending.generation_key, generation, timeout=None):
                return
        body = response.content
        squeezed = _compressed(response, body)
        if squeezed is not None:
            patch_vary_headers(response, ["Accept-Encoding"])
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("content-length", "set-cookie")
        ]
        # Only one copy is kept: the compressed one if there is one (a large page, such as the
        # sitemap, is read from the cache on every hit; the few clients that take no gzip get
        # it decompressed).
        cache.set(
            pending.key,
            (generation, response.status_code, headers, None if squeezed else body, squeezed),
            timeout=response.page_cache_seconds,
        )
        if squeezed is not None and _accepts_gzip(request) and request.method != "HEAD":
            response.content = squeezed
            response.headers["Content-Encoding"] = "gzip"
            response.headers["Content-Length"] = str(len(squeezed))
