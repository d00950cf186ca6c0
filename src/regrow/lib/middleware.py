"""Middleware that keeps bad input and the API's errors from becoming server errors or pages."""

import json
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from regrow.lib import errors

NUL = "\x00"
_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
_REDIRECTS = (301, 302, 307, 308)


class RefuseNulCharacters:
    """Answers 400 to a request whose address, query, form fields or body hold a NUL character,
    and ignores a cookie that holds one.

    PostgreSQL cannot store NUL in text: wherever such a value reached a query, the answer was a
    500 (a search, a form's field, the API's JSON, a session cookie). Nobody types one. Django's
    form fields refuse it too, but searches, the API and cookies reach the database without a
    form. Put it before the session middleware, which would look the cookie up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.COOKIES = {
            name: value
            for name, value in request.COOKIES.items()
            if NUL not in name and NUL not in value
        }
        if _holds_nul(request):
            # Before the locale middleware has run: the page takes the reader's language itself.
            language = translation.get_language_from_request(request, check_path=True)
            with translation.override(language):
                return errors.error_response(
                    request,
                    400,
                    template="400.html",
                    detail=_(
                        "The request holds a null character, which no field accepts. "
                        "Remove it and try again."
                    ),
                )
        return self.get_response(request)


def _holds_nul(request: HttpRequest) -> bool:
    if NUL in request.path_info or _any_nul(request.GET.lists()):
        return True
    if request.method == "POST" and request.content_type in _FORM_TYPES:
        return _any_nul(request.POST.lists())  # uploaded files are not text: not looked into
    # The API reads any other body as JSON, whatever type it is declared to be.
    body = request.body
    return b"\x00" in body or (b"\\u0000" in body and json_holds_nul(body))


def _any_nul(lists) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in lists)


def json_holds_nul(body: bytes) -> bool:
    """Whether a JSON document has a NUL (written `\\u0000`) in any key or string."""
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return False  # not JSON: whoever reads it refuses it
    pending = [document]
    while pending:  # without recursion: the document may be deeply nested
        item = pending.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


class ApiAnswersJson:
    """Under the API's address, turns what is not JSON into the API's error shape.

    The site's pages, the project's error handlers and django-ninja answer most errors; what is
    left is a redirect made by the locale or common middleware (which add a language prefix or
    a slash where the API has no such address, so it becomes a 404) and ninja's 405 for a
    method an address does not take. Put it before the locale middleware, to see its redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not errors.answers_json(request) or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        if response.status_code in _REDIRECTS:
            return JsonResponse({"detail": errors.default_detail(404)}, status=404)
        if response.status_code < HTTPStatus.BAD_REQUEST:
            return response
        replaced = JsonResponse(
            {"detail": errors.default_detail(response.status_code)}, status=response.status_code
        )
        for name in ("Allow", "Retry-After"):
            if name in response:
                replaced[name] = response[name]
        return replaced
