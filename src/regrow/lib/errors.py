"""How a request that cannot be served is answered: under the API's address in the API's JSON
shape, elsewhere as a page in the reader's language; and which database errors only mean that
the database is busy, so that the same request may succeed in a moment."""

from http import HTTPStatus

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

# Where urls.py mounts the JSON API. Everything answered there is JSON, errors included.
API_PATH = "/api/"

# How long a client is asked to wait when the database was busy: a request has already waited
# for the lock (SQLite's busy timeout, PostgreSQL's lock timeout) before it gave up.
RETRY_AFTER_SECONDS = 10

# PostgreSQL's codes for "another transaction holds what this one needs": lock_not_available
# (lock_timeout), deadlock_detected, serialization_failure, too_many_connections.
_BUSY_SQLSTATES = frozenset({"55P03", "40P01", "40001", "53300"})
# SQLite's: SQLITE_BUSY ("database is locked") and SQLITE_LOCKED ("database table is locked"),
# extended codes included. The messages serve where no sqlite3 error is attached.
_BUSY_SQLITE_CODES = ("SQLITE_BUSY", "SQLITE_LOCKED")
_BUSY_SQLITE_MESSAGES = ("database is locked", "database table is locked")


def answers_json(request: HttpRequest) -> bool:
    """Whether the request went to the API, whose answers are all JSON."""
    return request.path_info.startswith(API_PATH)


def database_busy(error: BaseException | None) -> bool:
    """Whether the error only says that the database was busy (a lock held too long, a
    deadlock, no free connection). Any other database error is a fault: it stays a 500."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) in _BUSY_SQLSTATES:
        return True
    if str(getattr(cause, "sqlite_errorname", "")).startswith(_BUSY_SQLITE_CODES):
        return True
    return str(error).startswith(_BUSY_SQLITE_MESSAGES)


def default_detail(status: int) -> str:
    """What an error of this status says when nothing more precise is known."""
    details = {
        400: _("The request could not be understood."),
        403: _("Not allowed."),
        404: _("Not found."),
        500: _("Something went wrong on our side"),
        503: _("The database is busy. Please try again in a few seconds."),
    }
    return details.get(status) or HTTPStatus(status).phrase


def error_response(
    request: HttpRequest, status: int, *, template: str, detail: str = "", headers=None
) -> HttpResponse:
    """An error as JSON `{"detail": …}` under the API's address, else as the page `template`
    (which is given the detail too)."""
    detail = detail or default_detail(status)
    if answers_json(request):
        response = JsonResponse({"detail": detail}, status=status)
    else:
        response = render(request, template, {"detail": detail}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def busy_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: the database was busy, and the same request may succeed soon."""
    return error_response(
        request, 503, template="503.html", headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
    )
