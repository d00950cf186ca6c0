"""The network's people: its members with their roles (the lead removes them), invitations to
the three network roles (the lead sends and withdraws them), and accepting one."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.accounts.models import User
from regrow.lib.forms import add_service_error
from regrow.network import selectors_members as selectors
from regrow.network.forms_setup import NetworkInvitationForm
from regrow.network.models import Network, NetworkInvitation, NetworkMembership
from regrow.network.services import invitations as services
from regrow.network.views_members import network_for
from regrow.towns.forms import NewAccountForm
from regrow.towns.permissions import Action


def _people_page(request, network: Network, form=None, status: int = 200) -> HttpResponse:
    page = Paginator(selectors.members_of(network), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "place": network,
        "network": network,
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "invitations": services.pending_invitations(network)[: selectors.PAGE_SIZE],
        "form": form or NetworkInvitationForm(network=network),
    }
    return render(request, "network/members/people.html", context, status=status)


@login_required
def people(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    return _people_page(request, network)


@login_required
@require_POST
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    form = NetworkInvitationForm(request.POST, network=network)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                network=network,
                invited_by=request.user,
                language=get_language(),
                site_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link works once, for 7 days.")
                % {"email": invitation.email},
            )
            return redirect("network:people", slug=network.slug)
    return _people_page(request, network, form, status=400)


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    invitation = get_object_or_404(NetworkInvitation, pk=pk, network=network)
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
    return redirect("network:people", slug=network.slug)


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    membership = get_object_or_404(
        NetworkMembership.objects.select_related("user", "partner__town"), pk=pk, network=network
    )
    try:
        services.membership_remove(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is no longer %(role)s.")
            % {
                "name": membership.user.full_name or membership.user.email,
                "role": services.role_name(membership.role, membership.partner, lower=True),
            },
        )
    return redirect("network:people", slug=network.slug)


def invitation_accept(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    network = get_object_or_404(Network, slug=slug)
    try:
        invitation = services.invitation_from_token(token, network)
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
    context = {
        "place": network,
        "network": network,
        "invitation": invitation,
        "role": services.role_name(invitation.role, invitation.partner),
        "has_account": has_account,
        "form": form,
    }
    return render(request, "network/members/invitation_accept.html", context)


def _welcome(request: HttpRequest, membership: NetworkMembership) -> HttpResponse:
    messages.success(
        request,
        _("Welcome! You are now %(role)s in %(network)s.")
        % {
            "role": services.role_name(membership.role, membership.partner, lower=True),
            "network": membership.network.name,
        },
    )
    return redirect("network:members", slug=membership.network.slug)
