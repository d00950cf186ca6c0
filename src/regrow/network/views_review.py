"""The peer review of a Transfer Plan: the review page (each section's text with its open and
resolved comments), one section's comments a page at a time, and the forms that comment on a
section (reviewers) and answer a comment (the plan's authors). Members of the network read it;
someone who may not comment or answer is refused with a 403 that says why."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.lib.richtext import clean_html
from regrow.network import selectors_review as selectors
from regrow.network.forms_review import CommentForm, ResolveForm, ReviewerForm
from regrow.network.models import PlanVersion, ReviewComment, SectionKey, TransferPlan
from regrow.network.services import review
from regrow.towns.permissions import Action, can


def refused(request: HttpRequest, plan: TransferPlan, error: PermissionDenied) -> HttpResponse:
    """A 403 page that says why (the service's message)."""
    context = {"place": plan.partner.network, "plan": plan, "message": str(error)}
    return render(request, "network/review/refused.html", context, status=403)


def review_url(plan: TransferPlan, version: PlanVersion, section: str = "") -> str:
    url = reverse(
        "network:plan_review_version",
        kwargs={"slug": plan.partner.network.slug, "plan_pk": plan.pk, "number": version.number},
    )
    return url + (f"#section-{section}" if section else "")


_HEADING_TAG = re.compile(r"<(/?)h([2-5])>")


def shown_html(body: str) -> SafeString:
    """A section's text for the page, sanitised again as it is shown, its headings a level
    below the section's own (the editor's h2 becomes h3); nh3 leaves them no attributes."""
    html = _HEADING_TAG.sub(lambda tag: f"<{tag[1]}h{int(tag[2]) + 1}>", clean_html(body))
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 (lib/richtext.py)


def _rights(request, plan: TransferPlan, version: PlanVersion) -> dict:
    user = request.user
    in_review = version.status == PlanVersion.Status.IN_REVIEW
    return {
        "in_review": in_review,
        "may_comment": in_review and can(user, Action.REVIEW_PLAN, plan),
        "may_answer": can(user, Action.EDIT_PLAN, plan),
        "may_assign": can(user, Action.MANAGE_NETWORK, plan.partner.network),
    }


def _answer_forms(comments, rights: dict, posted: ResolveForm | None, posted_pk: int | None):
    """Each comment with the form to answer it, where the user may and it is still open."""
    pairs = []
    for comment in comments:
        form = None
        if comment.pk == posted_pk:
            form = posted  # as typed, also when someone answered it meanwhile (409)
        elif rights["may_answer"] and comment.resolved_at is None:
            form = ResolveForm.for_comment(comment.pk)
        pairs.append((comment, form))
    return pairs


def _common(request, plan: TransferPlan, version: PlanVersion, rights: dict) -> dict:
    return {
        "place": plan.partner.network,
        "network": plan.partner.network,
        "plan": plan,
        "version": version,
        "versions": selectors.versions_listed(plan),
        **rights,
    }


def review_page(
    request, plan, version, *, status=200, comment_form=None, resolve=(None, None), **more
):
    """The review page; a form that was sent comes back as typed."""
    rights = _rights(request, plan, version)
    posted, posted_pk = resolve
    sections = []
    for section in selectors.section_reviews(version):
        sent = comment_form is not None and comment_form.prefix == f"comment-{section.key}"
        form = comment_form if sent else None
        if form is None and rights["may_comment"]:
            form = CommentForm.for_section(section.key)
        sections.append(
            {
                "review": section,
                "html": shown_html(section.body),
                "open": _answer_forms(section.open, rights, posted, posted_pk),
                "resolved": _answer_forms(section.resolved, rights, posted, posted_pk),
                "posted_here": any(comment.pk == posted_pk for comment in section.resolved),
                "comment_form": form,
            }
        )
    context = {**_common(request, plan, version, rights), "sections": sections, "reviewers": None}
    if rights["may_assign"]:
        context["reviewers"] = selectors.reviewers_of(plan)
        context["reviewer_form"] = more.get("reviewer_form") or ReviewerForm(
            partners=selectors.assignable_partners(plan)
        )
    elif rights["may_answer"] or rights["may_comment"]:
        context["reviewers"] = selectors.reviewers_of(plan)
    return render(request, "network/review/review.html", context, status=status)


def _section_page(
    request, plan, version, key, *, status=200, comment_form=None, resolve=(None, None)
):
    rights = _rights(request, plan, version)
    page = Paginator(
        selectors.section_comments(version, key), selectors.COMMENTS_PER_PAGE
    ).get_page(request.GET.get("page"))
    posted, posted_pk = resolve
    context = {
        **_common(request, plan, version, rights),
        "section_key": key,
        "section_title": SectionKey(key).label,
        "html": shown_html(selectors.section_body(version, key)),
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "comments": _answer_forms(page, rights, posted, posted_pk),
        "comment_form": comment_form
        or (CommentForm.for_section(key) if rights["may_comment"] else None),
    }
    return render(request, "network/review/section.html", context, status=status)


@require_GET
@login_required
def plan_review(request: HttpRequest, slug: str, plan_pk: int, number: int | None = None):
    plan = selectors.plan_of(request.user, slug, plan_pk)
    return review_page(request, plan, selectors.version_of(plan, number))


@require_GET
@login_required
def plan_review_section(request: HttpRequest, slug: str, plan_pk: int, number: int, section: str):
    if section not in SectionKey.values:
        raise Http404
    plan = selectors.plan_of(request.user, slug, plan_pk)
    return _section_page(request, plan, selectors.version_of(plan, number), section)


def _status(form, error: Exception) -> int:
    """Put a service's refusal on the form; the page's status for it."""
    if isinstance(error, ConcurrentEditError):
        form.add_error(None, str(error))
        return 409
    add_service_error(form, error)
    return 400


@require_POST
@login_required
def comment_add(request: HttpRequest, slug: str, plan_pk: int, number: int) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk)
    version = selectors.version_of(plan, number)
    key = request.POST.get("section", "")
    if key not in SectionKey.values:
        raise Http404
    form = CommentForm.for_section(key, request.POST)
    status = 400
    if form.is_valid():
        try:
            review.comment_add(
                version=version,
                section=form.cleaned_data["section"],
                body=form.cleaned_data["body"],
                by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except PermissionDenied as error:
            return refused(request, plan, error)
        except ValidationError as error:
            status = _status(form, error)
        else:
            messages.success(request, _("Your comment is saved; the plan's authors are told."))
            return redirect(review_url(plan, version, key))
    elif not can(request.user, Action.REVIEW_PLAN, version):
        return refused(request, plan, PermissionDenied(_("You may not comment on this plan.")))
    if request.POST.get("from") == "section":
        return _section_page(request, plan, version, key, status=status, comment_form=form)
    return review_page(request, plan, version, status=status, comment_form=form)


@require_POST
@login_required
def comment_resolve(
    request: HttpRequest, slug: str, plan_pk: int, number: int, pk: int
) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk)
    version = selectors.version_of(plan, number)
    comment = get_object_or_404(
        ReviewComment.objects.select_related("author"), plan_version=version, pk=pk
    )
    comment.plan_version = version
    form = ResolveForm.for_comment(comment.pk, request.POST)
    status = 400
    if form.is_valid():
        try:
            review.comment_resolve(
                comment=comment,
                resolution=form.cleaned_data["resolution"],
                by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except PermissionDenied as error:
            return refused(request, plan, error)
        except (ValidationError, ConcurrentEditError) as error:
            status = _status(form, error)
        else:
            messages.success(request, _("Your answer is saved and the comment resolved."))
            return redirect(review_url(plan, version, comment.section))
    elif not can(request.user, Action.EDIT_PLAN, version):
        return refused(request, plan, PermissionDenied(_("You may not answer this comment.")))
    resolve = (form, comment.pk)
    if request.POST.get("from") == "section":
        return _section_page(
            request, plan, version, comment.section, status=status, resolve=resolve
        )
    return review_page(request, plan, version, status=status, resolve=resolve)
