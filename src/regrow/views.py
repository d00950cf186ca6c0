"""Site-wide pages: the home page, a place's home and sections, health check, error pages."""

import logging
import sys

from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from regrow.lib import errors, places
from regrow.lib.pagecache import cached_for_anonymous
from regrow.network.selectors import public_networks
from regrow.towns.selectors import public_towns

logger = logging.getLogger(__name__)


@cached_for_anonymous
def home(request: HttpRequest) -> HttpResponse:
    context = {"networks": public_networks(), "towns": public_towns()}
    return render(request, "home.html", context)


@cached_for_anonymous
def place_home(request: HttpRequest, slug: str) -> HttpResponse:
    place = places.find_or_404(slug)
    return places.home_view_for(place)(request, place)


@cached_for_anonymous
def place_section(request: HttpRequest, slug: str, section: str) -> HttpResponse:
    """A section of a town or network, rendered by the app that registered it. Sections are
    public pages: cached for anonymous readers (one that sets a cookie or uses a CSRF token is
    not)."""
    place = places.find_or_404(slug)
    view = places.section_view_for(place, section)
    if view is None:
        raise Http404
    return view(request, place)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure of the database means "unhealthy"
        # The details go to the log, not to whoever asks: they may name hosts and users.
        logger.exception("health check: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def error_400(request: HttpRequest, exception=None) -> HttpResponse:
    return errors.error_response(request, 400, template="400.html")


def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    return errors.error_response(request, 403, template="403.html")


def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    return errors.error_response(request, 404, template="404.html")


def error_500(request: HttpRequest) -> HttpResponse:
    # Django calls this while it handles the exception (and logs it afterwards). A busy
    # database (a long import on SQLite, a lock timeout on PostgreSQL) is no fault of ours:
    # the same request may succeed in a moment.
    if errors.database_busy(sys.exception()):
        return errors.busy_response(request)
    # Kept simple: the database or a template may be what failed.
    return errors.error_response(request, 500, template="500.html")
