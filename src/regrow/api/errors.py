"""The API's errors: one JSON shape for all of them, the exception handlers that give it, and
the error responses that the OpenAPI document lists for each operation."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError
from django.http import Http404
from ninja import Field, NinjaAPI, Schema

from regrow.lib import errors
from regrow.lib.concurrency import ConcurrentEditError

logger = logging.getLogger(__name__)


class Error(Schema):
    detail: str | dict[str, list[str]] | list[dict[str, Any]] = Field(
        description=(
            "What went wrong: a sentence; for a 422, either each field with its messages, or "
            "the request's fields that do not fit the schema (`loc`, `msg`, `type`)"
        )
    )


# What any operation may answer besides its own results: a malformed request or one holding a
# NUL character (400), nobody signed in (401), a role that does not allow it or no CSRF token
# on a write (403), no such town or unit (404), a fault of ours (500), and the database busy
# (503, with Retry-After).
ANY_OPERATION = (400, 401, 403, 404, 500, 503)

_RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before sending the request again",
        "schema": {"type": "integer"},
    }
}


def responses(results: dict, *also: int) -> dict:
    """An operation's `response` for django-ninja: its results, and the errors it may give in
    the API's shape (those of any operation, and `also`, e.g. 409 or 422)."""
    return {**results, tuple(sorted({*ANY_OPERATION, *also})): Error}


# The header that the 503 carries, for `openapi_extra` (ninja lists no response headers).
BUSY_HEADERS = {"responses": {503: {"headers": _RETRY_AFTER}}}


def install(api: NinjaAPI) -> None:
    """Answer the errors of the services and the database in the API's shape."""

    @api.exception_handler(ValidationError)
    def validation_error(request, error: ValidationError):
        detail = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        return api.create_response(request, {"detail": detail}, status=422)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, error):
        return api.create_response(request, {"detail": errors.default_detail(403)}, status=403)

    @api.exception_handler(Http404)
    def not_found(request, error):
        return api.create_response(request, {"detail": errors.default_detail(404)}, status=404)

    @api.exception_handler(ConcurrentEditError)
    def concurrent_edit(request, error):
        return api.create_response(request, {"detail": str(error)}, status=409)

    @api.exception_handler(OperationalError)
    def database_error(request, error):
        if not errors.database_busy(error):
            raise error  # a fault: Django logs it and answers 500 (regrow.views.error_500)
        logger.warning("The database was busy; answered 503", exc_info=error)
        return errors.busy_response(request)
