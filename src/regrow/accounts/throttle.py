"""How django-axes names the account behind a failed sign-in."""

from django.http import HttpRequest


def login_name(request: HttpRequest, credentials: dict | None) -> str | None:
    """The e-mail address tried: allauth passes it as `email`, its form posts it as `login`."""
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username")
    if not name and request is not None and request.method == "POST":
        name = request.POST.get("login")
    return name.strip().lower() if name else None
