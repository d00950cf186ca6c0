from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.accounts.models import User
from regrow.lib import branding, places
from regrow.towns import selectors, services
from regrow.towns.forms import BrandingForm, InvitationForm, NewAccountForm
from regrow.towns.models import Invitation, Role, Town
from regrow.towns.permissions import Action, can, roles_in, roles_may_grant


def town_home(request: HttpRequest, town: Town) -> HttpResponse:
    context = {"place": town, "town": town, "panels": places.home_panels(request, town)}
    return render(request, "towns/town_home.html", context)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    memberships = list(selectors.memberships_of(request.user))
    towns: dict[int, dict] = {}
    for membership in memberships:
        entry = towns.setdefault(membership.town_id, {"town": membership.town, "roles": []})
        entry["roles"].append(membership.get_role_display())
    return render(request, "towns/dashboard.html", {"entries": list(towns.values())})


def _workspace_context(request: HttpRequest, town: Town, form: InvitationForm | None) -> dict:
    context = {
        "place": town,
        "town": town,
        "roles": [Role(role).label for role in sorted(roles_in(request.user, town))],
        "may_view_members": can(request.user, Action.VIEW_MEMBERS, town),
        "may_invite": can(request.user, Action.INVITE, town),
    }
    if context["may_view_members"]:
        context["members"] = selectors.town_members(town)
        context["invitations"] = selectors.pending_invitations(town)
    if context["may_invite"]:
        context["form"] = form or InvitationForm(allowed_roles=roles_may_grant(request.user, town))
    return context


@login_required
def workspace(request: HttpRequest, slug: str) -> HttpResponse:
    town = get_object_or_404(Town, slug=slug)
    if not can(request.user, Action.VIEW_WORKSPACE, town):
        raise PermissionDenied
    return render(request, "towns/workspace.html", _workspace_context(request, town, None))


@login_required
@require_POST
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    town = get_object_or_404(Town, slug=slug)
    if not can(request.user, Action.INVITE, town):
        raise PermissionDenied
    form = InvitationForm(request.POST, allowed_roles=roles_may_grant(request.user, town))
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                town=town,
                invited_by=request.user,
                language=get_language(),
                site_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link works once, for 7 days.")
                % {"email": invitation.email},
            )
            return redirect("towns:workspace", slug=town.slug)
    context = _workspace_context(request, town, form)
    return render(request, "towns/workspace.html", context, status=400)


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    town = get_object_or_404(Town, slug=slug)
    if not can(request.user, Action.INVITE, town):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=pk, town=town)
    try:
        services.invitation_withdraw(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The invitation to %(email)s is withdrawn; its link no longer works.")
            % {"email": invitation.email},
        )
    return redirect("towns:workspace", slug=town.slug)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_from_token(token)
    except services.InvitationError as error:
        return render(request, "towns/invitation_invalid.html", {"reason": str(error)}, status=410)

    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    form = None
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                membership = services.invitation_accept(invitation=invitation, user=request.user)
            except services.InvitationError as error:
                messages.error(request, str(error))
            else:
                return _welcome(request, membership)
    elif has_account:
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
    else:
        form = NewAccountForm(request.POST or None, email=invitation.email)
        if request.method == "POST" and form.is_valid():
            try:
                user, membership = services.user_create_from_invitation(
                    invitation=invitation,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                )
            except services.InvitationError as error:
                messages.error(request, str(error))
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                return _welcome(request, membership)
    context = {"invitation": invitation, "has_account": has_account, "form": form}
    return render(request, "towns/invitation_accept.html", context)


def _welcome(request: HttpRequest, membership) -> HttpResponse:
    messages.success(
        request,
        _("Welcome! You are now %(role)s in %(town)s.")
        % {"role": membership.get_role_display().lower(), "town": membership.town.name},
    )
    return redirect("towns:workspace", slug=membership.town.slug)


@login_required
def branding_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """The town's coat of arms or logo and accent colour, for its coordinators."""
    town = get_object_or_404(Town, slug=slug)
    if not can(request.user, Action.CHANGE_TOWN, town):
        raise PermissionDenied
    initial = {"logo": town.logo, "accent_colour": town.accent_colour}
    form = BrandingForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            services.town_set_branding(town=town, by=request.user, **form.cleaned_data)
            messages.success(request, _("The logo and colour are saved."))
            return redirect("towns:branding", slug=town.slug)
        status = 400
    else:
        status = 200
    context = {"place": town, "town": town, "form": form}
    return render(request, "towns/branding.html", context, status=status)


def theme_css(request: HttpRequest, slug: str) -> HttpResponse:
    """The place's accent colour as CSS custom properties. Its address carries the theme's
    version (`?v=`), so browsers keep it for a year and fetch a new one when it changes."""
    place = places.find(slug)
    if place is None or not hasattr(place, "accent_colour"):
        raise Http404
    response = HttpResponse(
        branding.theme_css(place.accent_colour), content_type="text/css; charset=utf-8"
    )
    current = request.GET.get("v") == place.theme_version
    response["Cache-Control"] = (
        "public, max-age=31536000, immutable" if current else ("public, max-age=300")
    )
    return response
