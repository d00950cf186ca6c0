"""The trader's feedback form, opened from the e-mailed link without signing in: answered once;
an answered, expired or unknown link shows why, and nothing is written. Each address may send
only so many answers (and open only so many unknown links) an hour."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from regrow.accounts.addresses import request_address
from regrow.lib.forms import add_service_error
from regrow.popups.forms_care import FeedbackForm
from regrow.popups.services import feedback as service

WINDOW_SECONDS = 3600
# Answers and unknown links an hour from one address: a trader needs one or two.
PER_ADDRESS = 20


def counted(request) -> bool:
    """Count one try for the request's address; False once it is over its limit."""
    address = request_address(request)
    if not address:
        return True
    key = f"popups:feedback:address:{address}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= PER_ADDRESS


def _private(response: HttpResponse) -> HttpResponse:
    # The address holds the token: keep the page out of caches and other sites' logs ("no-referrer"
    # would also make the browser send "Origin: null" with the form, failing its CSRF check).
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def _unusable(request, error: service.FeedbackLinkError) -> HttpResponse:
    return _private(
        render(
            request,
            "popups/feedback_invalid.html",
            {"reason": str(error), "noindex": True},
            status=error.status,
        )
    )


def feedback(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    try:
        answer = service.feedback_open(slug=slug, token=token)
    except service.FeedbackLinkError as error:
        if error.status == 404 and not counted(request):
            return _private(
                render(request, "popups/feedback_invalid.html", {"noindex": True}, status=429)
            )
        return _unusable(request, error)
    sublease = answer.sublease
    town = sublease.round_unit.round.town
    form = FeedbackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if not counted(request):
            form.add_error(None, _("Too many answers were sent from here. Try again in an hour."))
            status = 429
        elif form.is_valid():
            try:
                service.feedback_answer(feedback=answer, **form.cleaned_data)
            except service.FeedbackLinkError as error:
                return _unusable(request, error)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                context = {"place": town, "town": town, "sublease": sublease, "noindex": True}
                return _private(render(request, "popups/feedback_done.html", context))
    context = {
        "place": town,
        "town": town,
        "sublease": sublease,
        "application": sublease.application,
        "form": form,
        "expires_at": answer.expires_at,
        "noindex": True,  # a link for one person, never a page for search engines
    }
    return _private(render(request, "popups/feedback.html", context, status=status))
