"""One's own data: the "My data" page, its JSON download, and erasing the account."""

import json

from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.accounts import personal_data, services, throttle
from regrow.accounts.forms import EraseAccountForm
from regrow.lib.forms import add_service_error


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/my_data.html", {"parts": personal_data.exported_titles()})


@login_required
def my_data_download(request: HttpRequest) -> HttpResponse:
    """Everything the site keeps about the person, as one JSON file."""
    data = personal_data.export(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="regrow-my-data-{day}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


def _password_right(request: HttpRequest, password: str) -> bool:
    # Through the sign-in backends, so that django-axes counts a wrong password and pauses
    # guessing here as it does on the sign-in page.
    user = authenticate(request, email=request.user.email, password=password)
    return user is not None and user.pk == request.user.pk


@login_required
def account_erase(request: HttpRequest) -> HttpResponse:
    """Ask for the password, then erase the account; say why not while an app refuses."""
    refusals = personal_data.erasure_refusals(request.user)
    form = EraseAccountForm(request.POST or None)
    status = 200
    if request.method == "POST" and refusals:
        status = 409
    elif request.method == "POST":
        status = 400
        if form.is_valid():
            if not _password_right(request, form.cleaned_data["password"]):
                if getattr(request, "axes_locked_out", False):
                    return throttle.lockout_response(request)
                form.add_error("password", _("The password is not right."))
            else:
                try:
                    services.account_erase(user=request.user, by=request.user)
                except ValidationError as error:
                    add_service_error(form, error)
                else:
                    logout(request)
                    messages.success(request, _("Your account and its data were deleted."))
                    return redirect("home")
    context = {"form": form, "refusals": refusals}
    return render(request, "accounts/account_erase.html", context, status=status)
