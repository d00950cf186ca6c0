"""The network lead assigns partners as peer reviewers of a plan, and removes them (forms on the
review page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.forms import add_service_error
from regrow.network import selectors_review as selectors
from regrow.network.forms_review import ReviewerForm
from regrow.network.models import PeerReviewer
from regrow.network.services import review
from regrow.network.views_review import refused, review_page
from regrow.towns.permissions import Action


def _back(plan) -> HttpResponse:
    url = reverse(
        "network:plan_review", kwargs={"slug": plan.partner.network.slug, "plan_pk": plan.pk}
    )
    return redirect(url + "#reviewers-heading")


@require_POST
@login_required
def reviewer_assign(request: HttpRequest, slug: str, plan_pk: int) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk)
    form = ReviewerForm(request.POST, partners=selectors.assignable_partners(plan))
    if form.is_valid():
        reviewer = form.cleaned_data["reviewer"]
        try:
            review.reviewer_assign(plan=plan, reviewer=reviewer, by=request.user)
        except PermissionDenied as error:
            return refused(request, plan, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("%(town)s now reviews this plan.") % {"town": reviewer.town.name},
            )
            return _back(plan)
    try:
        review.require(
            request.user,
            Action.MANAGE_NETWORK,
            plan.partner.network,
            _("Only the network lead assigns peer reviewers."),
        )
    except PermissionDenied as error:
        return refused(request, plan, error)
    version = selectors.version_of(plan, None)
    return review_page(request, plan, version, status=400, reviewer_form=form)


@require_POST
@login_required
def reviewer_remove(request: HttpRequest, slug: str, plan_pk: int, pk: int) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk)
    assignment = get_object_or_404(
        PeerReviewer.objects.select_related("reviewer__town"), plan=plan, pk=pk
    )
    assignment.plan = plan
    try:
        review.reviewer_remove(assignment=assignment, by=request.user)
    except PermissionDenied as error:
        return refused(request, plan, error)
    messages.success(
        request,
        _("%(town)s no longer reviews this plan; its comments stay.")
        % {"town": assignment.reviewer.town.name},
    )
    return _back(plan)
